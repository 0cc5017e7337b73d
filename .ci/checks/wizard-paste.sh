#!/usr/bin/env bash
# Issue 17: a large paste into the wizard in a real terminal (tmux).
#  1. about 100 KB pasted into the record title with bracketed paste (`tmux paste-buffer -p`) is cut
#     at the title's 200 characters with a note on screen; the recovery file holds no more than that;
#     Esc then puts the title back;
#  2. a megabyte pasted and the window made 60x20 right behind it: the wizard says it is too small,
#     and shows the cut paste once the window is large again (tmux resizes the pane once the paste is
#     delivered; a resize while a paste is read is handed on as well, checked by hand);
#  3. at 120x40, the 108 KB with Esc and Down sent right behind it: the title is left as it was and
#     the focus has moved on, so neither key was taken as text;
#  4. the same text without brackets (keys, into the opened field), with Esc behind it: cut too, and
#     the Esc is handled once the keys are taken;
#  5. after quitting, the terminal is cooked again and bracketed paste is off.
# Waits poll the pane for the text expected (never fixed sleeps), so a slow machine only runs slower.
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/lib/pane.sh
terminal_check wizard-paste
recovery_file() { ls "$sessions"/*.yaml 2>/dev/null | head -1; }

pane=paste
fail() {
  echo "wizard-paste: FAIL: $*" >&2
  echo "---- pane ----" >&2
  screen >&2 || true
  exit 1
}

t new-session -d -s paste -x 80 -y 24 -c "$work/run" \
  "env -i HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' PATH='$PATH' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh"
t set-option -t paste -g window-size manual >/dev/null 2>&1 || true
wait_for '$'

# 2,700 lines of 39 characters and a line break: 2,700 × 40 = 108,000 bytes.
awk 'BEGIN { for (i = 0; i < 2700; i++) print "lorem ipsum dolor sit amet consectetur" }' > "$work/lines.txt"
tr '\n' ' ' < "$work/lines.txt" > "$work/flat.txt"   # for keys: a line break would be Enter
for i in 1 2 3 4 5 6 7 8 9 10; do cat "$work/lines.txt"; done > "$work/mb.txt"   # 1,080,000 bytes
t load-buffer -b lines "$work/lines.txt"
t load-buffer -b flat "$work/flat.txt"
t load-buffer -b mb "$work/mb.txt"
# The title empty: "(none)" beside it, or an empty box under it while it has the focus.
title_is_empty() { screen | grep -A1 -F "Title of the decision" | grep -qE '\(none\)|\[ +\]'; }
# wait_recovery_without TEXT: until the recovery file no longer has TEXT (it is rewritten after a change).
wait_recovery_without() {
  local start=$SECONDS
  while grep -qF -- "$1" "$(recovery_file)"; do
    (( SECONDS - start < 30 )) || fail "the recovery file still has: $1"
    sleep 0.1
  done
}

run "'$bin' --today $day; echo EXIT=\$?"
wait_for "Start new answers"
keys Enter
wait_for "Step 1 of 8"
keys NPage NPage NPage NPage NPage NPage NPage       # to step 8, the decision record; on the title
wait_for "Step 8 of 8"
wait_for "▸ Title of the decision"

echo "== 1. 108 KB with bracketed paste at 80x24: cut at 200 with a note; Esc puts the title back"
t paste-buffer -p -b lines -t paste
wait_for "pasted text cut at 200 characters" 120
wait_for "Enter when done"
recovery=$(recovery_file)
[ -n "$recovery" ] || fail "no recovery file after the paste"
grep -qF "lorem ipsum" "$recovery" || fail "the recovery file does not have the pasted title"
size=$(wc -c < "$recovery")
[ "$size" -lt 8000 ] || fail "the recovery file is $size bytes: more than the title's 200 characters went in"
echo "recovery file: $size bytes"
keys Escape
wait_gone "pasted text cut at 200 characters"
title_is_empty || fail "Esc did not put the title back"
wait_recovery_without "lorem ipsum"

echo "== 2. 1 MB with bracketed paste, the window made 60x20 right behind it"
t paste-buffer -p -b mb -t paste
t resize-window -t paste -x 60 -y 20
wait_for "terminal too small: needs 80x24, has 60x20" 120
t resize-window -t paste -x 80 -y 24
wait_for "pasted text cut at 200 characters"
keys Escape
wait_gone "pasted text cut at 200 characters"

echo "== 3. at 120x40, 108 KB with bracketed paste, Esc and Down right behind it"
t resize-window -t paste -x 120 -y 40
wait_for "Optional details for the Markdown decision record. They do not change the"   # one line at 120
t paste-buffer -p -b lines -t paste
keys Escape Down
wait_for "▸ Who makes the decision" 120
title_is_empty || fail "the title kept the paste although Esc came after it"

echo "== 4. at 80x24, the same text as keys into the opened title: cut at 200; Esc behind the keys"
t resize-window -t paste -x 80 -y 24
keys Up
wait_for "▸ Title of the decision"
keys Enter
wait_for "Enter when done"
t paste-buffer -b flat -t paste
wait_for "full: at most 200 characters" 120   # shown from the 201st key on
keys Escape                                    # queued behind the keys still to come
wait_for "Enter to edit" 300
title_is_empty || fail "Esc after the typed paste did not put the title back"

echo "== 5. quit: the terminal is cooked again and bracketed paste is off"
keys q
wait_for "EXIT=0"
expect_cooked_tty "after quitting"
expect_paste_mode_off "after quitting"
echo "wizard-paste: passed"
