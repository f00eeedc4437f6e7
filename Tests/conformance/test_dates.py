"""Dates before 1583 are stored and shown as given: ISO 8601's proleptic Gregorian calendar, not
Foundation's switch to the Julian calendar, which moved `1200-05-01` to `1200-04-24`."""

import json

import pytest

from support.raw_server import RawServer


@pytest.fixture
def server(recall_bin, store):
    raw = RawServer(recall_bin, store)
    yield raw
    raw.kill()


def tool_result(response):
    assert "result" in response, f"expected a result, got {json.dumps(response)[:300]}"
    return response["result"]


@pytest.mark.parametrize("date", ["1200-05-01", "0800-12-25T06:00:00Z", "1582-10-04", "1582-10-15", "1066-10-14T09:00:00Z"])
def test_a_date_before_1583_is_stored_and_shown_as_given(server, date):
    server.initialize()
    added = tool_result(server.request(2, "tools/call", {"name": "add_memory", "arguments": {"content": "Something old", "memories_at": date}}))
    expected = date if "T" in date else date + "T00:00:00Z"
    assert added["structuredContent"]["memories"][0]["memories_at"] == expected
    listed = tool_result(server.request(3, "tools/call", {"name": "list_memories", "arguments": {}}))
    assert listed["structuredContent"]["memories"][0]["memories_at"] == expected
    day = date[:10]
    found = tool_result(server.request(4, "tools/call", {"name": "search", "arguments": {"query": "something old", "date_from": day, "date_to": day}}))
    assert [hit["id"] for hit in found["structuredContent"]["results"]] == [added["structuredContent"]["memories"][0]["id"]]
