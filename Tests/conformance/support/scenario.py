"""One pass over all twelve tools on a fresh store, for tests that care about the traffic."""


async def exercise_every_tool(tools, export_path):
    """Calls every tool once, in an order where each has something to work on; returns the results."""
    out = {"import_chats": await tools.call("import_chats", {"path": str(export_path)})}
    out["list_chats"] = await tools.call("list_chats", {"page": 1, "page_size": 10})
    chat_id = out["list_chats"]["items"][0]["id"]
    out["get_conversation"] = await tools.call("get_conversation", {"id": chat_id, "limit": 10})
    out["update_chat"] = await tools.call("update_chat", {"id": chat_id, "pinned": True})
    out["search"] = await tools.call("search", {"query": "green tea", "limit": 5})
    out["get_context"] = await tools.call("get_context", {"query": "green tea", "max_tokens": 400})
    out["add_memory"] = await tools.call("add_memory", {"content": "Prefers window seats on trains", "tags": ["travel"]})
    memory_id = out["add_memory"]["memories"][0]["id"]
    out["list_memories"] = await tools.call("list_memories", {"limit": 10})
    out["update_memory"] = await tools.call("update_memory", {"id": memory_id, "tags": ["travel", "trains"]})
    out["extract_memories"] = await tools.call("extract_memories", {"chat_ids": [chat_id], "dry_run": True})
    out["memory_stats"] = await tools.call("memory_stats")
    out["forget"] = await tools.call("forget", {"memory_ids": [memory_id]})
    return out
