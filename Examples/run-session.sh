#!/usr/bin/env bash
# Pipes session.jsonl through `recall serve` on a throwaway store and prints every response,
# one JSON-RPC message per line. The server answers everything before it exits at end of input.
#
#   Examples/run-session.sh              # uses the debug build (run `swift build` first)
#   RECALL_BIN=/usr/local/bin/recall Examples/run-session.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
recall=${RECALL_BIN:-$(cd "$here/.." && swift build --show-bin-path)/recall}
if [ ! -x "$recall" ]; then
    echo "No recall binary at $recall: run 'swift build' first, or set RECALL_BIN." >&2
    exit 1
fi

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

cat "$here/session.jsonl" | "$recall" serve --db "$workdir/recall.sqlite" --log-level warning
