#!/usr/bin/env bash
# Issue 6: every stack in the shipped knowledge base must be able to win some answer set.
set -euo pipefail
cd "$(dirname "$0")/../.."
.build/debug/runtime-advisor kb lint
