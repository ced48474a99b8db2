#!/usr/bin/env bash
# Run `qabot chat` inside tmux on the bundled article, type the reference question and a follow-up,
# and print the screen as tmux shows it (capture-pane). Needs tmux and qabot on PATH
# (or QABOT="python -m qabot"). Usage: scripts/chat_tmux.sh [COLUMNS] [ROWS]
set -euo pipefail
project="$(cd "$(dirname "$0")/.." && pwd)"
qabot="${QABOT:-qabot}"
cols="${1:-100}"
rows="${2:-50}"
work="$(mktemp -d)"
session="qabot-chat-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$project/seeds" "$work/seeds"
cd "$work"
$qabot index seeds --index index >/dev/null

wait_for() {  # wait until the screen shows $1 (a fixed string), at most 30 s
  for _ in $(seq 300); do
    if tmux capture-pane -p -t "$session" | grep -qF -- "$1"; then return 0; fi
    sleep 0.1
  done
  echo "chat_tmux.sh: timed out waiting for: $1" >&2
  tmux capture-pane -p -t "$session" >&2
  return 1
}

tmux new-session -d -s "$session" -x "$cols" -y "$rows" \
  "env QABOT_STATE_DIR='$work/state' TERM=xterm-256color $qabot chat --index index"
wait_for "Ctrl-D leaves"
tmux send-keys -t "$session" -l "what did Wang say about Ukraine"
tmux send-keys -t "$session" Enter
wait_for "[3] "
tmux send-keys -t "$session" -l "and Putin?"
tmux send-keys -t "$session" Enter
wait_for "→ what did Putin say about Ukraine"
sleep 0.5
tmux capture-pane -p -t "$session"
tmux send-keys -t "$session" C-d
