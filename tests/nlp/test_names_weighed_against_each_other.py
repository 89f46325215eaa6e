"""Two services weighed against each other, or one left for the other, share the evidence one of them has, as
names in one list do ("Slack and Zoom both down"): "notion vs Jira for team docs?", "moving from Asana to
Jira". A "from ... to" that starts from no name ("from square one to jira tickets") lends nothing."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, service", [
    ("notion vs Jira for our team docs, which one handles 200 people better?", "notion"),
    ("We're moving from Asana to Jira next quarter, any migration tips?", "asana"),
    ("signal vs WhatsApp for the neighbourhood group chat?", "signal"),
    ("Migramos de Notion a Confluence y nadie encuentra nada", "notion"),
])
def test_a_name_weighed_against_a_clear_one_counts(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text, absent", [
    ("back to square one with these jira tickets, sprint planning from scratch", "square"),
    ("from square one to jira tickets in a week, the new team is fast", "square"),
])
def test_an_everyday_word_beside_a_name_without_a_comparison_is_no_name(tag, text, absent):
    assert absent not in tag(text)["services"]
