#!/usr/bin/env bash
# Issue 4: the ncurses backend gives the terminal back on every way out. Runs the TerminalSmoke demo
# in tmux and, after each of q, Ctrl-C, exit() (e), a thrown error (t), SIGTERM and SIGHUP, checks
# the exit status, that `stty -a` in the pane shows echo and icanon again, and that bracketed paste
# (issue 17) is off again. Waits poll the pane.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$(pwd)/${ADVISOR_BIN_DIR:-.build/debug}/TerminalSmoke"
[ -x "$bin" ] || { echo "terminal-smoke: $bin is missing; run swift build first" >&2; exit 1; }
socket="advisor-smoke-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT

pane=smoke
fail() { echo "terminal-smoke: FAIL: $*" >&2; screen >&2 || true; exit 1; }
source .ci/lib/pane.sh

t new-session -d -s smoke -x 80 -y 24 "env -i PATH='$PATH' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh"
wait_for '$'

n=0
# check HOW STATUS: start the demo, end it by HOW, expect exit STATUS and a usable terminal.
check() {
  local how=$1 status=$2
  n=$((n + 1))
  run "clear; '$bin'; echo DONE$n=\$?"
  wait_for "terminal smoke"
  case $how in
    TERM|HUP) kill -"$how" "$(child_of "$(t display-message -p -t smoke '#{pane_pid}')" TerminalSmoke)" ;;
    *) t send-keys -t smoke "$how" ;;
  esac
  wait_for "DONE$n=$status"
  expect_cooked_tty "after $how (exit $status)"
  expect_paste_mode_off "after $how"
}
check q 0
check C-c 130
check e 3
check t 4
check TERM 143
check HUP 129
echo "terminal-smoke: passed"
