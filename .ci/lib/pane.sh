# Shared helpers for the checks that drive a real terminal in tmux. Source it after setting
# `socket` (the tmux server) and `pane` (the session name), and defining `fail MESSAGE`.
# Waits poll the pane for the text expected, never fixed sleeps, so a slow machine only runs slower.

t() { tmux -L "$socket" "$@"; }
screen() { t capture-pane -p -J -t "$pane"; }
keys() { t send-keys -t "$pane" "$@"; }
type_text() { t send-keys -t "$pane" -l -- "$1"; }
# run COMMAND: types a command line into the pane's shell.
run() { type_text "$1"; keys C-j; }

# poll_screen GREP_FLAG WANT TEXT LIMIT WHAT: until `grep GREP_FLAG TEXT` on the pane finds (WANT=yes)
# or no longer finds (WANT=no) it, failing with "waited LIMITs for WHAT" after LIMIT seconds.
poll_screen() {
  local flag=$1 want=$2 text=$3 limit=$4 what=$5 start=$SECONDS found
  while :; do
    if screen | grep -q "$flag" -- "$text"; then found=yes; else found=no; fi
    [ "$found" = "$want" ] && return 0
    (( SECONDS - start < limit )) || fail "waited ${limit}s for$what"
    sleep 0.1
  done
}

# wait_for TEXT [SECONDS]: until the pane shows TEXT.
wait_for() { poll_screen -F yes "$1" "${2:-30}" ": $1"; }

# wait_for_match REGEX [SECONDS]: until the pane shows a line matching the extended regular expression.
wait_for_match() { poll_screen -E yes "$1" "${2:-30}" " a match of: $1"; }

# wait_gone TEXT [SECONDS]: until the pane no longer shows TEXT.
wait_gone() { poll_screen -F no "$1" "${2:-30}" " this to go: $1"; }

# paste_text TEXT: pastes TEXT into the pane as a terminal does, with bracketed-paste markers around
# it when the program in the pane turned the mode on (tmux adds them only then).
paste_text() { t set-buffer -b paste -- "$1"; t paste-buffer -p -d -b paste -t "$pane"; }

# child_of PID NAME: the process NAME started by PID (read from /proc: procps may be missing).
child_of() {
  local stat pid comm state ppid rest
  for stat in /proc/[0-9]*/stat; do
    read -r pid comm state ppid rest < "$stat" 2>/dev/null || continue
    [ "$ppid" = "$1" ] && [ "$comm" = "($2)" ] && { echo "$pid"; return 0; }
  done
  return 0
}

# expect_cooked_tty LABEL: runs `stty -a` in the pane's shell and fails unless echo and icanon are
# on. The marker is printed with printf so the typed command line never contains it: waiting for
# text that the command line also shows would read the pane before stty has answered.
tty_checks=0
expect_cooked_tty() {
  local label=$1 marker modes
  tty_checks=$((tty_checks + 1))
  marker="TTY-MODES-$tty_checks"
  run "stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(echo|icanon)' | tr '\n' ' '; printf 'TTY-MODES-%s\n' $tty_checks"
  wait_for "$marker"
  modes=$(screen | grep -F -- "$marker" | grep -vF "printf" | tail -1)
  case " $modes " in *" -echo "*|*" -icanon "*) fail "$label: terminal left in raw mode: $modes" ;; esac
  case " $modes " in *" echo "*) ;; *) fail "$label: echo not restored: $modes" ;; esac
  case " $modes " in *" icanon "*) ;; *) fail "$label: icanon not restored: $modes" ;; esac
  echo "$label: $modes"
}

# terminal_check NAME: what every tmux check starts with: the advisor built (`bin`), tmux present, a
# scratch folder (`work`, with `run/` to work in) whose HOME and state folder are private to the check
# and go away at exit with the check's own tmux server (`socket`), and the day every check runs on.
terminal_check() {
  local name=$1
  root=$(pwd)
  bin="$root/${ADVISOR_BIN_DIR:-.build/debug}/runtime-advisor"
  [ -x "$bin" ] || { echo "$name: $bin is missing; run swift build first" >&2; exit 1; }
  command -v tmux >/dev/null || { echo "$name: tmux is not installed" >&2; exit 1; }
  work=$(mktemp -d)
  socket="advisor-$name-$$"
  trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
  mkdir -p "$work/home" "$work/run"
  export HOME="$work/home" XDG_STATE_HOME="$work/state"
  day=2026-11-25
  sessions="$XDG_STATE_HOME/runtime-advisor/sessions"
}

# expect_paste_mode_off LABEL: pastes a command into the pane's shell and fails unless it runs. A
# program that left bracketed paste on would have tmux wrap the paste in markers, and sh would then
# read the start marker as part of the command name. The marker is printed with printf, as above.
expect_paste_mode_off() {
  local label=$1
  tty_checks=$((tty_checks + 1))
  paste_text "printf 'PASTE-MODE-%s\\n' $tty_checks"
  keys C-j
  wait_for "PASTE-MODE-$tty_checks"
  echo "$label: bracketed paste off"
}
