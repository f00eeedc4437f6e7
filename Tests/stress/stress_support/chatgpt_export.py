"""ChatGPT-shaped `conversations.json` files, generated: a top-level array of conversations,
each a `mapping` tree from a null-message root down a chain of user/assistant turns.

Every turn has text, so every node but the root becomes one stored message: the expected
message count of a conversation is its number of turns.
"""

import json
import random

WORDS = (
    "tea coffee garden travel budget recipe python swift sqlite backup river mountain piano "
    "invoice meeting project deadline holiday museum bicycle weather library novel poem "
    "dentist passport train airport hotel kitchen oven bread salad soup market school "
    "lesson guitar concert camera lens photo album family friend birthday present card"
).split()


def _text(rng, words):
    # A skewed vocabulary, like real text: a few words are common, most are rare.
    return " ".join(WORDS[min(len(WORDS) - 1, int(rng.expovariate(0.12)))] for _ in range(words))


def conversation(rng, conv_id, turns, words_per_turn, start_time):
    """One conversation with `turns` messages on a single branch."""
    mapping = {"client-created-root": {"id": "client-created-root", "message": None, "parent": None, "children": []}}
    parent = "client-created-root"
    for turn in range(turns):
        node_id = f"{conv_id}-m{turn:04d}"
        role = "user" if turn % 2 == 0 else "assistant"
        mapping[node_id] = {
            "id": node_id,
            "message": {
                "id": node_id,
                "author": {"role": role, "name": None, "metadata": {}},
                "create_time": start_time + turn * 30.0,
                "update_time": None,
                "content": {"content_type": "text", "parts": [_text(rng, words_per_turn)]},
                "status": "finished_successfully",
                "end_turn": role == "assistant",
                "weight": 1.0,
                "metadata": {"model_slug": "gpt-4o", "request_id": f"req-{node_id}", "timestamp_": "absolute"},
                "recipient": "all",
            },
            "parent": parent,
            "children": [],
        }
        mapping[parent]["children"].append(node_id)
        parent = node_id
    return {
        "id": conv_id,
        "conversation_id": conv_id,
        "title": f"Conversation {conv_id}",
        "create_time": start_time,
        "update_time": start_time + turns * 30.0,
        "mapping": mapping,
        "current_node": parent,
        "default_model_slug": "gpt-4o",
        "is_archived": False,
    }


def write_export(path, count, prefix="conv", seed=1, turns=(2, 12), words=(8, 60)):
    """Writes `count` conversations to `path`; returns {conversation id: message count}."""
    rng = random.Random(seed)
    expected = {}
    with open(path, "w", encoding="utf-8") as out:
        out.write("[")
        for index in range(count):
            conv_id = f"{prefix}-{index:06d}"
            turn_count = rng.randint(*turns)
            words_per_turn = rng.randint(*words)
            item = conversation(rng, conv_id, turn_count, words_per_turn, 1_700_000_000.0 + index * 3600)
            if index:
                out.write(",")
            json.dump(item, out, separators=(",", ":"))
            expected[conv_id] = turn_count
        out.write("]")
    return expected
