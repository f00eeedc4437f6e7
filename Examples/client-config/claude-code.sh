#!/bin/sh
# Registers Recall with Claude Code for every project of this user.
# Options go before the server name; everything after `--` is Recall's own command line.
claude mcp add --scope user recall -- /usr/local/bin/recall serve

# With an explicit store instead of the default one:
# claude mcp add --scope user -e RECALL_DB="$HOME/recall/memory.sqlite" recall -- /usr/local/bin/recall serve
