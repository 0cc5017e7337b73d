#!/usr/bin/env bash
# Issue 21: the wizard at your prices in a real terminal (tmux), as a pilot team would use it: a 15%
# AWS discount and its own E2B rate. The welcome screen and the live ranking name the price book, the
# Costs tab shows list beside yours, and the exported record embeds the price book and equals the
# headless `--prices … --format markdown` record for the same answers.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/pane.sh
terminal_check prices-wizard
answers="$root/Data/examples/pre-production.yaml"
cat > "$work/run/prices.yaml" <<'YAML'
version: 1
name: Pilot team prices
as_of: 2026-11-20
discounts:
  - vendor: Amazon Web Services
    percent: 15
rates:
  - item: self-sandbox-provider
    driver: vcpu-hours
    rate: 0.0504
    note: our E2B rate
YAML

pane=prices
fail() {
  echo "prices-wizard: FAIL: $*" >&2
  echo "---- pane ----" >&2
  screen >&2 || true
  exit 1
}

t new-session -d -s prices -x 80 -y 24 -c "$work/run" \
  "env -i HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' PATH='$PATH' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh"
wait_for '$'

echo "== the wizard, reviewing the pilot's answers at the team's prices"
run "'$bin' --answers '$answers' --interactive --prices prices.yaml --today $day; echo EXIT=\$?"
wait_for "Your prices: “Pilot team prices” as of 2026-11-20"
keys Enter
wait_for "Costs at your prices: Pilot"
# 6 agents × 15 sessions a day × 730 / 24 = 2,737.5 sessions × 20 minutes / 60 = 912.5 session-hours;
# × 1 vCPU × $0.0504 = $45.99 for self-managed (where list prices nothing).
wait_for "at least \$45.99/mo"

echo "== the Costs tab: list beside yours"
keys r
wait_for "Recommended:"
keys 3 c
wait_for "list where they differ"
wait_for "list not modelled"
# AgentCore at list is $98.92 (the scout's reading, idle CPU billed: 912.5 vCPU-h × $0.0895 = $81.67
# + 1,825 GB-h × $0.00945 = $17.25); less 15%: $84.08.
wait_for "list \$98.92"
wait_for "\$84.08"

echo "== export the record: it embeds the price book and equals the headless record"
keys e
wait_for "Export the decision record"
keys Enter
wait_for "to docs/decisions/0001-"
exported=$(ls "$work/run/docs/decisions/"0001-*.md)
(cd "$work/run" && "$bin" --answers "$answers" --prices prices.yaml --format markdown --today $day > "$work/cli.md")
cmp -s "$exported" "$work/cli.md" || { diff "$exported" "$work/cli.md" | head -20 >&2; fail "exported record differs from the headless one"; }
grep -q '^price-book: "Pilot team prices"$' "$exported" || fail "the record does not name the price book"
grep -q '^```yaml price-book$' "$exported" || fail "the record does not embed the price book"
echo "exported record equals --prices … --format markdown ($(wc -l < "$exported") lines)"

echo "== recheck re-uses the record's price book"
(cd "$work/run" && "$bin" recheck "$exported" --today $day > "$work/recheck.txt") || fail "recheck exited $?"
grep -q "Re-checked at the record's own prices, the price book “Pilot team prices”" "$work/recheck.txt" \
  || { cat "$work/recheck.txt" >&2; fail "recheck did not re-use the record's price book"; }

echo "== quit restores the terminal"
keys q
wait_for "EXIT=0"
expect_cooked_tty "after q"
echo "prices-wizard: passed"
