#!/usr/bin/env bash
# Issue 14: `swift build -c release --static-swift-stdlib` gives a binary that runs where Swift is not
# installed. It is built in its own scratch folder, copied alone into an empty folder, and run in a
# mount namespace where the toolchain (/opt/swift, or wherever swift lives) is an empty tmpfs, so no
# Swift runtime library can be found. Costs a release build: 3 to 3.5 minutes on a shared 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
toolchain=$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")")   # /opt/swift/usr/bin/swift -> /opt/swift
start=$SECONDS
swift build -c release --static-swift-stdlib --product runtime-advisor --scratch-path .build-static >/dev/null
echo "static-binary: built in $((SECONDS - start)) s"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp .build-static/release/runtime-advisor "$work/"
cp Data/examples/single-cloud-aws.yaml "$work/answers.yaml"
echo "static-binary: $(du -h "$work/runtime-advisor" | cut -f1) unstripped"

# 1. Nothing from the toolchain is linked: no libswift*, libFoundation*, libdispatch or libBlocksRuntime.
if ldd "$work/runtime-advisor" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime|_InternalSwift' >&2; then
  echo "static-binary: FAIL: the binary still links Swift runtime libraries" >&2; exit 1
fi
if readelf -d "$work/runtime-advisor" | grep -E 'RUNPATH|RPATH' | grep -F "$toolchain" >&2; then
  echo "static-binary: FAIL: the binary's run path points into the toolchain" >&2; exit 1
fi

# 2. It runs with the toolchain hidden: an empty tmpfs over it, inside a private mount namespace.
unshare -m true 2>/dev/null || { echo "static-binary: FAIL: unshare -m needs root (or CAP_SYS_ADMIN) to hide $toolchain" >&2; exit 1; }
unshare -m sh -c '
  set -e
  mount -t tmpfs none "$1"
  [ -z "$(ls -A "$1")" ] || { echo "static-binary: FAIL: $1 is not hidden" >&2; exit 1; }
  cd "$2"
  env -i PATH=/usr/bin:/bin HOME="$2" ./runtime-advisor --answers answers.yaml --today 2026-11-25 > summary.txt
  env -i PATH=/usr/bin:/bin HOME="$2" ./runtime-advisor --answers answers.yaml --format json --today 2026-11-25 > report.json
' sh "$toolchain" "$work"
grep -q "^Recommendation: AWS Bedrock AgentCore" "$work/summary.txt" || { cat "$work/summary.txt" >&2; echo "static-binary: FAIL: no recommendation" >&2; exit 1; }
# The same bytes as the debug build of the same source gives, when there is one.
if [ -x .build/debug/runtime-advisor ]; then
  .build/debug/runtime-advisor --answers Data/examples/single-cloud-aws.yaml --format json --today 2026-11-25 | cmp -s - "$work/report.json" \
    || { echo "static-binary: FAIL: the static build's JSON differs from the debug build's" >&2; exit 1; }
fi
echo "static-binary: runs with $toolchain hidden; links only $(ldd "$work/runtime-advisor" | awk '/=>/ {print $1}' | tr '\n' ' ')"
