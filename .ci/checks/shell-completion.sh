#!/usr/bin/env bash
# Issue 22: shell completion in interactive bash, zsh and fish, typed in tmux. Completion systems need a
# line editor, so the Swift tests (Tests/CLITests/ShellCompletionTests.swift) run bash's function with
# COMP_* variables they set, fish's `complete -C`, and only zsh's wrapper; here each shell completes as
# a user's would (bash splitting --data=DIR at '=' itself), after installing the scripts as the README
# says: files for --answers, a folder for --adr-dir, levels after --detail, stack ids after --exclude
# and compare (from a --data folder too), with and without `advise`. Waits poll the pane.
set -euo pipefail
cd "$(dirname "$0")/../.."
bindir="$(pwd)/${ADVISOR_BIN_DIR:-.build/debug}"
[ -x "$bindir/runtime-advisor" ] || { echo "shell-completion: $bindir/runtime-advisor is missing; run swift build first" >&2; exit 1; }
for shell in zsh fish; do
  command -v "$shell" >/dev/null || { echo "shell-completion: $shell is not installed (apt-get install $shell)" >&2; exit 1; }
done
socket="advisor-completion-$$"
work=$(mktemp -d)
# A shell still exiting can write its history into $work as it goes: retry the removal once.
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work" 2>/dev/null || { sleep 1; rm -rf "$work"; }' EXIT
pane=none
fail() { echo "shell-completion: FAIL in $pane: $*" >&2; screen >&2 || true; exit 1; }
source .ci/lib/pane.sh

mkdir -p "$work/here/sub" "$work/zsh" "$work/config/fish/completions" "$work/data" "$work/kb"
touch "$work/here/a.yaml" "$work/here/b.txt" "$work/here/r.md"
printf 'source <(runtime-advisor --generate-completion-script bash)\nPS1="$ "\n' > "$work/bashrc"
"$bindir/runtime-advisor" --generate-completion-script zsh > "$work/zsh/_runtime-advisor"
"$bindir/runtime-advisor" --generate-completion-script fish > "$work/config/fish/completions/runtime-advisor.fish"
printf 'fpath=(%s $fpath)\nautoload -Uz compinit && compinit -u -D\nPS1="%%# "\n' "$work/zsh" > "$work/zsh/.zshrc"
environment="env -i HOME='$work' PATH='$bindir:$PATH' TERM=xterm-256color LANG=C.UTF-8 ZDOTDIR='$work/zsh' XDG_CONFIG_HOME='$work/config' XDG_DATA_HOME='$work/data'"

n=0
# offers LINE TEXT... [-- ABSENT...]: types LINE and Tab, waits for each TEXT, checks no ABSENT shows.
offers() {
  local line=$1 text absent=false
  shift
  n=$((n + 1))
  run "clear; printf 'READY%s\n' $n"
  wait_for "READY$n"
  type_text "$line"
  # bash lists the candidates on the second Tab; zsh and fish on the first.
  if [ "$pane" = bash ]; then keys Tab Tab; else keys Tab; fi
  for text in "$@"; do
    if [ "$text" = -- ]; then absent=true; continue; fi
    if $absent; then
      # Not on any line but the typed one (which bash shows again under its list).
      ! screen | grep -vF -- "${line% }" | grep -qF -- "$text" || fail "'$line' Tab offers $text"
    else
      wait_for "$text" 20
    fi
  done
  echo "shell-completion: $pane: '$line' Tab offers $*"
  # Close the list (fish's C-c only closes its pager), then empty the line.
  keys C-c
  keys C-e C-u
}

# A knowledge base whose cloudflare-neutral is called cloudflare-renamed, for --data.
cp -R Data/. "$work/kb"
grep -rl cloudflare-neutral "$work/kb" | xargs sed -i 's/cloudflare-neutral/cloudflare-renamed/g'

for pane in bash zsh fish; do
  case $pane in
    bash) start="bash --noprofile --rcfile '$work/bashrc' -i" ;;
    *) start="$pane -i" ;;
  esac
  t new-session -d -s "$pane" -x 150 -y 30 "cd '$work/here' && $environment $start"
  run "printf 'STARTED%s\n' $pane"
  wait_for "STARTED$pane"
  offers "runtime-advisor --detail " summary full why costs -- compare
  offers "runtime-advisor advise --detail " summary full why costs
  offers "runtime-advisor --answers " a.yaml sub/ -- b.txt r.md
  offers "runtime-advisor --adr-dir " "--adr-dir sub/"
  offers "runtime-advisor --exclude " anthropic-managed-agents microsoft-agent-365 self-managed
  offers "runtime-advisor advise --exclude " anthropic-managed-agents microsoft-agent-365 self-managed
  offers "runtime-advisor compare aws-agentcore " google-agent-platform self-managed -- aws-agentcore
  offers "runtime-advisor --de" "runtime-advisor --detail"
  offers "runtime-advisor --data=$work/kb --exclude cloudflare-" "--exclude cloudflare-renamed"
  t kill-session -t "$pane"
done
echo "shell-completion: bash, zsh and fish complete files, folders, levels and stack ids, with and without advise"
