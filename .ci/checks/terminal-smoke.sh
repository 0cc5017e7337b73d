#!/usr/bin/env bash
# Issue 4: the ncurses backend gives the terminal back on every way out. Runs the TerminalSmoke demo
# in tmux and, after each of q, Ctrl-C, exit() (e), a thrown error (t), SIGTERM and SIGHUP, checks
# the exit status and that `stty -a` in the pane shows echo and icanon again. Waits poll the pane.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="$(pwd)/${ADVISOR_BIN_DIR:-.build/debug}/TerminalSmoke"
[ -x "$bin" ] || { echo "terminal-smoke: $bin is missing; run swift build first" >&2; exit 1; }
socket="advisor-smoke-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT

t() { tmux -L "$socket" "$@"; }
screen() { t capture-pane -p -J -t smoke; }
fail() { echo "terminal-smoke: FAIL: $*" >&2; screen >&2 || true; exit 1; }
wait_for() {
  local text=$1 limit=${2:-30} start=$SECONDS
  until screen | grep -qF -- "$text"; do
    (( SECONDS - start < limit )) || fail "waited ${limit}s for: $text"
    sleep 0.1
  done
}
# child_of PID NAME: the process NAME started by PID (read from /proc: procps may be missing).
child_of() {
  local stat pid comm state ppid rest
  for stat in /proc/[0-9]*/stat; do
    read -r pid comm state ppid rest < "$stat" 2>/dev/null || continue
    [ "$ppid" = "$1" ] && [ "$comm" = "($2)" ] && { echo "$pid"; return 0; }
  done
  return 0
}
run() { t send-keys -t smoke -l -- "$1"; t send-keys -t smoke C-j; }

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
  run "stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(echo|icanon)' | tr '\n' ' '; echo MODES$n"
  wait_for "MODES$n"
  local modes
  modes=$(screen | grep "MODES$n" | tail -1)
  case " $modes " in *" -echo "*|*" -icanon "*) fail "after $how: $modes" ;; esac
  case " $modes " in *" echo "*) ;; *) fail "after $how, no echo: $modes" ;; esac
  case " $modes " in *" icanon "*) ;; *) fail "after $how, no icanon: $modes" ;; esac
  echo "after $how: exit $status, $modes"
}
check q 0
check C-c 130
check e 3
check t 4
check TERM 143
check HUP 129
echo "terminal-smoke: passed"
