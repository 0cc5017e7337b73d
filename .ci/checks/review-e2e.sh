#!/usr/bin/env bash
# Issue 22: the review conversation in a real terminal (tmux) at 80x24, as an architecture review
# drives it on single-cloud-aws: "why AgentCore and not Google?" (two stacks side by side and back),
# pin the answers as A, "what if 45 agents?" (from the sensitivity flip to its question and back,
# re-scored), the pinned what-if's delta on the Ranking tab, "never Microsoft" (Agent 365 ruled out with
# a reason), then quit with the terminal cooked.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/pane.sh
terminal_check review-e2e
answers="$root/Data/examples/single-cloud-aws.yaml"

pane=review
fail() {
  echo "review-e2e: FAIL: $*" >&2
  echo "---- pane ----" >&2
  screen >&2 || true
  exit 1
}

t new-session -d -s review -x 80 -y 24 -c "$work/run" \
  "env -i HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' PATH='$PATH' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh"
wait_for '$'

echo "== review single-cloud-aws: the results"
run "'$bin' --answers '$answers' --interactive --today $day; echo EXIT=\$?"
wait_for "Review the answers from"
keys r
wait_for "Recommended: AgentCore 0.76"
wait_for "? all keys"

echo "== why AgentCore and not Google? (two stacks side by side)"
keys Down Down c                                        # AgentCore, Cloudflare, Google GEAP: compare
wait_for "AgentCore against Google GEAP"
# Totals 0.76 and 0.56 (the Ranking tab): AgentCore is ahead by 0.76 - 0.56 = 0.20.
wait_for "ahead by 0.20"
keys End                                                # to the end (tmux sends ESC [ 4 ~, which xterm-256color's terminfo does not list)
wait_for "What would put the other ahead"
keys Escape
wait_for "1 Ranking"
wait_for "Enter compare"

echo "== pin the answers as A"
keys p
wait_for "Pinned these answers as A"

echo "== what if 45 agents? (from the sensitivity flip to its question and back)"
keys 4
wait_for "Answer changes that make another stack win"
keys Enter
wait_for "From the Sensitivity tab: fleet size from 40 agents"
wait_for "How many agents will run?"
wait_for "Enter/Esc back to Sensitivity"
type_text 45
keys Enter
wait_for "Answer changes that make another stack win"
wait_for "fleet size from 45 agents"                        # re-scored: the flips start from 45 now

echo "== the pinned what-if shows the delta"
keys 1
wait_for "What-if: now against A"
keys g Down Enter                                       # scroll to the what-if section
wait_for "Changed from A: fleet size from 40 agents to 45 agents."
# AgentCore bills per session: \$527.55 × 45 / 40 = \$593.49, a change of \$527.55 × 5 / 40 = \$65.94.
wait_for "\$593.49  +\$65.94"

echo "== never Microsoft (rule Agent 365 out from the Ranking tab, with the reason typed)"
keys g Up Enter                                         # back to the top: the cursor on AgentCore's row
wait_for "Recommendation: AWS Bedrock AgentCore"
keys Down Down Down Down x                              # Cloudflare, Google GEAP, Self-managed, Agent 365
wait_for "Rule out Microsoft Agent 365"
type_text "we will never buy Microsoft"
keys Enter
wait_for "Agent 365    ruled out: “we will never buy Microsoft”"
wait_for "5  Anthropic MA"

echo "== quit (the answers changed: confirm) restores the terminal"
keys q
wait_for "Quit without saving?"
keys y
wait_for "EXIT=0"
expect_cooked_tty "after q"
echo "review-e2e: passed"
