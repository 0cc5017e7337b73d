#!/usr/bin/env bash
# Issue 22: shell completion in interactive zsh and fish, typed in tmux. Their completion systems need
# a line editor, so the Swift tests (Tests/CLITests/ShellCompletionTests.swift) run bash's function and
# fish's `complete -C`, and only zsh's wrapper; here both shells complete as a user's would, after
# installing the scripts as the README says: files for --answers, a folder for --adr-dir, levels after
# --detail, stack ids after --exclude and compare, with and without `advise`. Waits poll the pane.
set -euo pipefail
cd "$(dirname "$0")/../.."
bindir="$(pwd)/${ADVISOR_BIN_DIR:-.build/debug}"
[ -x "$bindir/runtime-advisor" ] || { echo "shell-completion: $bindir/runtime-advisor is missing; run swift build first" >&2; exit 1; }
for shell in zsh fish; do
  command -v "$shell" >/dev/null || { echo "shell-completion: $shell is not installed (apt-get install $shell)" >&2; exit 1; }
done
socket="advisor-completion-$$"
work=$(mktemp -d)
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
pane=none
fail() { echo "shell-completion: FAIL in $pane: $*" >&2; screen >&2 || true; exit 1; }
source .ci/lib/pane.sh

mkdir -p "$work/here/sub" "$work/zsh" "$work/config/fish/completions" "$work/data"
touch "$work/here/a.yaml" "$work/here/b.txt" "$work/here/r.md"
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
  keys Tab
  for text in "$@"; do
    if [ "$text" = -- ]; then absent=true; continue; fi
    if $absent; then
      # Shown no more often than the typed line shows it.
      [ "$(screen | grep -oF -- "$text" | wc -l)" -le "$(grep -oF -- "$text" <<<"$line" | wc -l)" ] \
        || fail "'$line' Tab offers $text"
    else
      wait_for "$text" 20
    fi
  done
  echo "shell-completion: $pane: '$line' Tab offers $*"
  # Close the list (fish's C-c only closes its pager), then empty the line.
  keys C-c
  keys C-e C-u
}

for pane in zsh fish; do
  t new-session -d -s "$pane" -x 150 -y 30 "cd '$work/here' && $environment $pane -i"
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
  t kill-session -t "$pane"
done
echo "shell-completion: zsh and fish complete files, folders, levels and stack ids, with and without advise"
