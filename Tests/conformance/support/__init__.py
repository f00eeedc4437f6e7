"""Helpers for driving `recall serve` from the conformance tests."""
