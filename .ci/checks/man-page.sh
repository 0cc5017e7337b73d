#!/usr/bin/env bash
# Issue 14: the committed man page matches what swift-argument-parser's generate-manual makes of the
# current options (so it never goes stale), and man renders it without errors.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash .ci/man-page --check
command -v man >/dev/null || { echo "man-page: man is not installed (apt-get install man-db)" >&2; exit 1; }
rendered=$(MANWIDTH=80 man -l docs/runtime-advisor.1 2>/tmp/man-page-errors.$$) || { cat /tmp/man-page-errors.$$ >&2; exit 1; }
rm -f /tmp/man-page-errors.$$
grep -q "SYNOPSIS" <<<"$rendered" || { echo "man-page: the rendered page has no SYNOPSIS" >&2; exit 1; }
echo "man-page: man -l renders $(wc -l <<<"$rendered") lines"
