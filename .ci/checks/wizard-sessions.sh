#!/usr/bin/env bash
# Issue 12: what needs a real terminal (tmux).
#  1. two wizards sharing one state folder, both killed with kill -9: both sessions' answers are
#     recoverable; each file is private (0600 in 0700 folders); a live session is never offered;
#     --resume lists both (newest first) and resumes the one chosen; a clean quit removes only its own;
#  2. Ctrl-Z suspends the wizard with the terminal restored (bracketed paste off too), and `fg`
#     redraws it with bracketed paste on again;
#  3. an unknown TERM falls back to plain prompts (never exit 1; 65 when input ends before the required answers);
#  4. `--answers -` on a terminal says it is reading standard input;
#  5. an unusable session file is named and left as it is; after failed recovery writes, quitting
#     says the answers are lost, never "kept".
# Waits poll the pane for the text expected (never fixed sleeps), so a slow machine only runs slower.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/pane.sh
terminal_check wizard-sessions

pane=one
fail() {
  echo "wizard-sessions: FAIL: $*" >&2
  for p in one two; do echo "---- pane $p ----" >&2; t capture-pane -p -J -t "$p" >&2 || true; done
  exit 1
}

shell_in() {  # shell_in NAME: a plain sh in an 80x24 pane, sharing the state folder
  t new-session -d -s "$1" -x 80 -y 24 -c "$work/run" \
    "env -i HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' PATH='$PATH' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh"
}
in_pane() { pane=$1; }
wizard_pid() { child_of "$(t display-message -p -t "$pane" '#{pane_pid}')" runtime-advisor; }
mode_of() { stat -c %a "$1"; }
session_with() { grep -ls -- "$1" "$sessions"/*.yaml || true; }
wait_for_file_with() {
  for _ in $(seq 1 300); do [ -n "$(session_with "$1")" ] && return 0; sleep 0.1; done
  fail "no session file with '$1'"
}

shell_in one
shell_in two
t set-option -g window-size manual >/dev/null 2>&1 || true
in_pane one; wait_for '$'
in_pane two; wait_for '$'

echo "== two wizards, one state folder: different answers in each"
in_pane one
run "'$bin' --today $day; echo EXIT=\$?"
wait_for "Start new answers"
keys Enter
wait_for "Step 1 of 8"
keys 3 Enter 2 NPage                                   # Azure, pre-production
wait_for "Step 2 of 8"
type_text "71"; keys Enter                             # 71 agents
wait_for_file_with "agents: 71"

in_pane two
run "'$bin' --today $day; echo EXIT=\$?"
wait_for "Start new answers"
# The first wizard is still running: its session must not be offered here.
screen | grep -q "Resume" && fail "a live session was offered for resuming"
keys Enter
wait_for "Step 1 of 8"
keys 2 Enter 1 NPage                                   # GCP, production
wait_for "Step 2 of 8"
type_text "42"; keys Enter                             # 42 agents
wait_for_file_with "agents: 42"

one=$(session_with "agents: 71"); two=$(session_with "agents: 42")
[ "$one" != "$two" ] || fail "both wizards wrote the same file: $one"
[ "$(ls "$sessions"/*.yaml | wc -l)" = 2 ] || fail "expected two session files: $(ls "$sessions")"
[ "$(mode_of "$one")" = 600 ] || fail "session file mode $(mode_of "$one"), expected 600"
[ "$(mode_of "$sessions")" = 700 ] || fail "sessions folder mode $(mode_of "$sessions"), expected 700"
[ "$(mode_of "$XDG_STATE_HOME/runtime-advisor")" = 700 ] || fail "state folder mode, expected 700"
echo "two session files, 0600 in 0700: $(basename "$one"), $(basename "$two")"

echo "== kill -9 both"
in_pane one; pid_one=$(wizard_pid); [ -n "$pid_one" ] || fail "first wizard not found"
in_pane two; pid_two=$(wizard_pid); [ -n "$pid_two" ] || fail "second wizard not found"
kill -9 "$pid_one" "$pid_two"
in_pane one; wait_for "EXIT=137"; run "stty sane; clear"
in_pane two; wait_for "EXIT=137"; run "stty sane; clear"
grep -q "agents: 71" "$one" || fail "first session's answers lost"
grep -q "agents: 42" "$two" || fail "second session's answers lost"

echo "== --resume lists both, newest first, and resumes the one chosen"
in_pane one
run "'$bin' --resume --today $day; echo EXIT=\$?"
wait_for "Start new answers"
wait_for "2  Resume "
wait_for "3  Resume "
# The second wizard wrote last, so it is listed first.
screen | grep -F "2  Resume " | grep -q "on step 2" || fail "sessions not listed with their step"
keys 3                                                  # the older one: the first wizard's
wait_for "Step 2 of 8"
wait_for_match '\[71 |71 agents'
keys s
wait_for "Save the answers"
keys C-u; type_text "first.yaml"; keys Enter
wait_for "Saved the answers to first.yaml"
keys q
wait_for "EXIT=0"
grep -qF "  agents: 71" "$work/run/first.yaml" || fail "resumed answers not saved"
[ ! -e "$one" ] || fail "the resumed session's file was not removed after saving and quitting"
[ -e "$two" ] || fail "a clean quit removed another session's file"
echo "the first session came back and was removed on a clean quit; the second is untouched"

echo "== --resume with one session left resumes it directly"
# No `; echo` after it: the shell would run that as soon as Ctrl-Z stops the wizard.
run "clear; '$bin' --resume --today $day"
wait_for "Step 2 of 8"
# The fleet size comes back: in its field when the session was killed before focus moved on, beside
# its question when after (focus then is on the next one, the autonomous agents).
wait_for_match '\[42 |42 agents'

echo "== Ctrl-Z suspends with the terminal restored; fg redraws"
keys C-z
# stty only answers once the shell has the terminal back, in cooked mode.
expect_cooked_tty "stty while suspended"
expect_paste_mode_off "while suspended"
kill -0 "$(wizard_pid)" 2>/dev/null || fail "Ctrl-Z ended the wizard instead of stopping it"
run "clear; fg"
wait_for_match '\[42 |42 agents'
wait_for "Step 2 of 8"
# Bracketed paste is on again: "43q" is one paste, an invalid number, not 4, 3 and q (quit).
paste_text "43q"
wait_for "'43q' is not a number"
keys Escape
wait_for_match '\[42 |42 agents'
keys C-c
run "echo EXIT=\$?"
wait_for "EXIT=130"
echo "suspended and resumed"

echo "== an unusable session file is named and never overwritten"
printf 'version: 1\nnot: [valid\n' > "$sessions/20200101-000000-1.yaml"
cp "$sessions/20200101-000000-1.yaml" "$work/unusable.before"
run "clear; '$bin' --today $day; echo EXIT=\$?"
wait_for "cannot be resumed"
keys Enter
wait_for "Step 1 of 8"
keys 1 Enter
wait_for_file_with "cloud: aws"
keys q
wait_for "Quit without saving?"
keys y
wait_for "EXIT=0"
cmp -s "$sessions/20200101-000000-1.yaml" "$work/unusable.before" || fail "the unusable session file was changed"
echo "the unusable file was named on the welcome screen and left as it was"

echo "== failed recovery writes: quitting never says the answers are kept"
# /proc refuses new folders even to root, so every recovery write fails.
run "clear; XDG_STATE_HOME=/proc/no-such-state '$bin' --today $day 2> '$work/lost.txt'; echo EXIT=\$?"
wait_for "Start new answers"
keys Enter
wait_for "Step 1 of 8"
keys 1
wait_for "Recovery file not written"
keys q
wait_for "could not be written either"
keys y
wait_for "EXIT=0"
grep -q "they are kept" "$work/lost.txt" && fail "said the answers are kept after failed recovery writes: $(cat "$work/lost.txt")"
grep -q "could not be written: they are lost" "$work/lost.txt" || fail "no warning that the answers are lost: $(cat "$work/lost.txt")"
echo "quitting said the answers are lost"

echo "== unknown TERM: plain prompts, not exit 1"
run "clear; TERM=no-such-terminal '$bin' --today $day; echo EXIT=\$?"
wait_for "is unknown here"
wait_for "Choose 1-5"
keys C-d
# End of input before the required answers: no report, the missing ones named, exit 65 (never 1).
wait_for "required questions were not answered"
wait_for "EXIT=65"

echo "== --answers - on a terminal says what it waits for"
run "clear; '$bin' --answers - --today $day; echo EXIT=\$?"
wait_for "reading answers from standard input; end with Ctrl-D"
keys C-d
wait_for "EXIT=65"

echo "wizard-sessions: passed"
