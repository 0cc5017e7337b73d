#!/usr/bin/env bash
# Issues 6 and 9: every stack in the shipped knowledge base must be able to win some answer set, and each of
# the scout's profiles must win at least 80% of its home ground (kb lint exits 65 otherwise).
set -euo pipefail
cd "$(dirname "$0")/../.."
.build/debug/runtime-advisor kb lint
