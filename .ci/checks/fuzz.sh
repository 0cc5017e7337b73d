#!/usr/bin/env bash
# Issue 5: each libFuzzer target runs for about a minute and must find no crash.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash .ci/fuzz "${FUZZ_SECONDS:-60}"
