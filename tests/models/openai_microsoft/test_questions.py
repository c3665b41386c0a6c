"""The dated questions of every topic together: how many, and their names."""

from __future__ import annotations

from tests.models.openai_microsoft import (
    test_agi,
    test_compute,
    test_ip,
    test_knowledge,
    test_outsiders,
    test_revenue,
)

TOPICS = (test_compute, test_outsiders, test_ip, test_agi, test_knowledge, test_revenue)


def test_at_least_sixty_dated_questions() -> None:
    """The issue asks for at least 60 dated questions, each with a unique name."""
    names = [q.name for topic in TOPICS for q in getattr(topic, "QUESTIONS", ())]
    assert len(names) >= 60
    assert len(set(names)) == len(names)
