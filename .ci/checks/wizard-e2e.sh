#!/usr/bin/env bash
# Issues 4 and 5: the wizard end to end in a real terminal (tmux), as a user drives it.
#  1. answer every step with keys, save the answers (s) and export the decision record (e); the
#     exported record must equal the headless `--format markdown` record for the saved answers;
#  2. resize to 60x20 (the too-small message) and back (the full screen);
#  3. Ctrl-C: exit 130, and `stty -a` in that pane shows echo and icanon again;
#  4. kill -9 in the middle of the wizard, then --resume: every answer given is back;
#  5. plain prompts (--plain, and TERM=dumb) end in the headless report; no terminal exits 64;
#     input that ends before the required answers exits 65 and names them;
#  6. issue 13: a fresh run shows required questions unanswered and refuses to export defaults;
#     Esc from a step's second question lands on its first; LANG=C shows no ? for a symbol.
# Waits poll the pane for the text expected (never fixed sleeps), so a slow machine only runs slower.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/pane.sh
terminal_check wizard-e2e
# recovery_file: the one session file in the sessions folder (each wizard writes its own).
recovery_file() { ls "$sessions"/*.yaml 2>/dev/null | head -1; }

pane=e2e
fail() {
  echo "wizard-e2e: FAIL: $*" >&2
  echo "---- pane ----" >&2
  screen >&2 || true
  exit 1
}

# A plain sh in an 80x24 pane: no line editor touches the tty modes, so stty shows what the
# wizard left behind.
t new-session -d -s e2e -x 80 -y 24 -c "$work/run" \
  "env -i HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' PATH='$PATH' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh"
t set-option -t e2e -g window-size manual >/dev/null 2>&1 || true
wait_for '$'

echo "== wizard: answer every step with keys"
run "'$bin' --today $day; echo EXIT=\$?"
wait_for "Start new answers"
keys Enter
wait_for "Step 1 of 8"
keys 1 Enter 1 NPage                                   # AWS, in production
wait_for "Step 2 of 8"
for value in 40 0 120 20 12 0.7 1 2 0 0 0 0 0 0; do    # workload; the last Enter leaves the step
  type_text "$value"; keys Enter
done
wait_for "Step 3 of 8"
keys 2 Enter                                           # AWS IAM (what runs under Agent 365 is asked of Entra or Azure teams only)
wait_for "Step 4 of 8"
keys 4 Enter                                           # several models
wait_for "Step 5 of 8"
keys n Enter n Enter n Enter n Enter                   # no adversarial exposure, no residency
wait_for "Step 6 of 8"
keys 2 Enter                                           # tight loops
wait_for "Step 7 of 8"
keys 1 Enter 1 Enter 1 Enter 1 Enter                   # equal weights
wait_for "Step 8 of 8"
keys Enter; type_text "Agent runtime for support automation"; keys Enter
keys Enter; type_text "Platform architecture review"; keys Enter
keys 1 Enter                                           # proposed; Enter on the last step: results
wait_for "Recommended: AgentCore"
wait_for "1 Ranking"
[ -n "$(recovery_file)" ] || fail "no recovery file in $sessions after answering"

echo "== save the answers (s) and export the record (e)"
keys s
wait_for "Save the answers"
keys C-u; type_text "saved.yaml"; keys Enter
wait_for "Saved the answers to saved.yaml"
keys e
wait_for "Export the decision record"
keys Enter
wait_for "to docs/decisions/0001-agent-runtime-for-support-automation.md"   # the whole path
exported=$(ls "$work/run/docs/decisions/"0001-*.md)
(cd "$work/run" && "$bin" --answers saved.yaml --format markdown --today $day > "$work/headless.md")
cmp -s "$exported" "$work/headless.md" || { diff "$exported" "$work/headless.md" | head -20 >&2; fail "exported record differs from the headless record"; }
echo "exported record equals the headless --format markdown record ($(wc -l < "$exported") lines)"

echo "== resize to 60x20 and back"
t resize-window -t e2e -x 60 -y 20
wait_for "terminal too small: needs 80x24, has 60x20"
t resize-window -t e2e -x 80 -y 24
wait_for "1 Ranking"
wait_for "Recommended: AgentCore"
screen | grep -q "too small" && fail "too-small message still shown at 80x24"

echo "== Ctrl-C restores the terminal"
keys C-c
wait_for "EXIT=130"
expect_cooked_tty "stty after Ctrl-C"

echo "== kill -9 in the middle, then --resume"
rm -rf "$XDG_STATE_HOME"
run "clear; '$bin' --today $day; echo EXIT=\$?"
wait_for "Start new answers"
keys Enter
wait_for "Step 1 of 8"
keys 3 Enter 2 NPage                                    # Azure, pre-production
wait_for "Step 2 of 8"
type_text "77"; keys Enter; type_text "0"; keys Enter  # 77 agents, none autonomous
type_text "33"                                          # 33 people: typed, never confirmed with Enter
wait_for "[33"
shell=$(t display-message -p -t e2e '#{pane_pid}')
pid=$(child_of "$shell" runtime-advisor)
[ -n "$pid" ] || fail "wizard process not found"
for _ in $(seq 1 100); do grep -qs "humans: 33" "$sessions"/*.yaml && break; sleep 0.1; done
kill -9 "$pid"
wait_for "EXIT=137"
run "stty sane; clear; '$bin' --resume --today $day; echo EXIT=\$?"
wait_for "Step 2 of 8"
wait_for "77 agents"
wait_for "[33 "
keys s
wait_for "Save the answers"
keys C-u; type_text "resumed.yaml"; keys Enter
wait_for "Saved the answers to resumed.yaml"
keys q
wait_for "EXIT=0"
for line in "cloud: azure" "stage: pre-production" "agents: 77" "humans: 33"; do
  grep -qF "  $line" "$work/run/resumed.yaml" || fail "after kill -9 and --resume, '$line' was lost"
done
[ -z "$(recovery_file)" ] || fail "the recovery file was not removed after saving and quitting: $(recovery_file)"
echo "every answer given came back after kill -9"

echo "== plain prompts (--plain, TERM=dumb) and no terminal"
# One line per question of the single-cloud-aws example, then the file to save to.
printf '%s\n' 1 1 40 0 120 20 12 0.7 1 2 0 0 0 0 0 0 2 4 n n n n 2 1 1 1 1 \
  "Agent runtime for support automation" "Platform architecture review" 1 plain.yaml \
  | (cd "$work/run" && "$bin" --plain --today $day > "$work/plain.txt")
(cd "$work/run" && "$bin" --answers plain.yaml --today $day > "$work/plain-headless.txt")
tail -n "$(wc -l < "$work/plain-headless.txt")" "$work/plain.txt" | cmp -s - "$work/plain-headless.txt" \
  || fail "--plain did not end with the headless report"
grep -q "Choose 1-5" "$work/plain.txt" || fail "--plain did not number the options"
set +e
"$bin" --today $day < /dev/null > /dev/null 2> "$work/no-tty.txt"; status=$?
set -e
[ "$status" = 64 ] || fail "no terminal and no --answers: exit $status, not 64"
grep -q -- "--answers" "$work/no-tty.txt" || fail "no terminal: the message does not say how to run headless"
run "clear; TERM=dumb '$bin' --today $day; echo EXIT=\$?"
wait_for "Choose 1-5"
keys C-d
wait_for "EXIT=65"                                     # input ended before any required answer
screen | grep -q "required questions were not answered" || fail "early end of input did not name the missing answers"
echo "plain mode and the no-terminal message work"

echo "== a fresh run: unanswered is a state, and export refuses to use defaults"
rm -rf "$XDG_STATE_HOME" "$work/run/docs"
run "clear; '$bin' --today $day; echo EXIT=\$?"
wait_for "Start new answers"
keys Enter
wait_for "Required: not answered yet"
wait_for "Answer the required"
screen | grep -qF "(•)" && fail "a fresh run pre-selects an option"
keys e
wait_for "required questions unanswered"
[ ! -e "$work/run/docs/decisions" ] || fail "export wrote a record from defaults"
keys Enter                                             # go to the first missing question
wait_for "▸ Where does your organisation run"

echo "== Esc from a step's second question lands on its first"
keys 3 Tab                                             # Azure; focus moves to the stage question
wait_for "▸ Are the agents in production yet?"
keys Escape
wait_for "▸ Where does your organisation run"
screen | grep -qF "▸ Are the agents" && fail "Esc did not go back one question"
keys q
wait_for "Quit without saving?"
keys y
wait_for "EXIT=0"

echo "== LANG=C: every symbol has an ASCII stand-in, none shows as ?"
# A '?' is legitimate after a word ("workloads?") or as the help key; any other is a lost symbol.
stray_marks() { screen | sed -e 's/? help//g' -e 's/? all keys//g' -e 's/; ? explains/;/g' | grep -nE '(^|[^A-Za-z0-9)])\?' || true; }
rm -rf "$XDG_STATE_HOME"                               # no recovery offer in the way
run "clear; LANG=C LC_ALL=C '$bin' --answers '$root/Data/examples/single-cloud-aws.yaml' --interactive --today $day; echo EXIT=\$?"
wait_for "Review"
[ -z "$(stray_marks)" ] || fail "LANG=C welcome shows ? for a symbol: $(stray_marks)"
keys Enter
wait_for "Step 1 of 8"
[ -z "$(stray_marks)" ] || fail "LANG=C step 1 shows ? for a symbol: $(stray_marks)"
keys r
wait_for "Total = sum weight x fit"
[ -z "$(stray_marks)" ] || fail "LANG=C Ranking tab shows ? for a symbol: $(stray_marks)"
keys 2
wait_for "Scoring trace"
[ -z "$(stray_marks)" ] || fail "LANG=C Why tab shows ? for a symbol: $(stray_marks)"
keys 3
wait_for "idle fraction"
[ -z "$(stray_marks)" ] || fail "LANG=C Costs tab shows ? for a symbol: $(stray_marks)"
keys q
wait_for "EXIT=0"
echo "LANG=C shows ASCII stand-ins"

echo "wizard-e2e: passed"
