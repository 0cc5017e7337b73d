#!/usr/bin/env bash
# Issue 10: the team comparison view end to end in a real terminal (tmux), as a facilitator drives it:
# open three participants' files, settle the decisive question on one person's answer, save the settled
# answers (s) and export the record (e); the exported record must equal `team --consensus SAVED
# --format markdown` for the same files, and q must leave the terminal cooked.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/pane.sh
terminal_check team-e2e
team=("$root/Data/examples/team/amara.yaml" "$root/Data/examples/team/bruno.yaml" "$root/Data/examples/team/chen.yaml")

pane=team
fail() {
  echo "team-e2e: FAIL: $*" >&2
  echo "---- pane ----" >&2
  screen >&2 || true
  exit 1
}

t new-session -d -s team -x 80 -y 24 -c "$work/run" \
  "env -i HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' PATH='$PATH' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh"
wait_for '$'

echo "== open the comparison view on three people"
run "'$bin' team ${team[*]} --interactive --today $day; echo EXIT=\$?"
wait_for "Where the team disagrees"
wait_for "Ranking now: 1 Anthropic MA"
screen | grep -q "! Model strategy" || fail "the decisive model-strategy row is not marked first"

echo "== settle the decisive question on Chen's answer (third column)"
keys Right Right Enter
wait_for "Settled What is your model strategy? as multi-model"
wait_for "Ranking now: 1 Cloudflare"

echo "== save the settled answers (s) and export the record (e)"
keys s
wait_for "Save the answers"
keys C-u; type_text "settled.yaml"; keys Enter
wait_for "Saved the answers to settled.yaml"
keys e
wait_for "Export the decision record"
keys Enter
wait_for "to docs/decisions/0001-"   # "Exported the decision record to", shortened when the path is long
exported=$(ls "$work/run/docs/decisions/"0001-*.md)
(cd "$work/run" && "$bin" team "${team[@]}" --consensus settled.yaml --format markdown --today $day > "$work/cli.md")
cmp -s "$exported" "$work/cli.md" || { diff "$exported" "$work/cli.md" | head -20 >&2; fail "exported record differs from team --consensus --format markdown"; }
grep -q "^## Where the team disagreed" "$exported" || fail "the exported record has no team section"
echo "exported record equals team --consensus settled.yaml --format markdown ($(wc -l < "$exported") lines)"

echo "== quit restores the terminal"
keys q
wait_for "EXIT=0"
expect_cooked_tty "after q"
echo "team-e2e: passed"
