"""German, Dutch and Swedish say a compound's head once for two names ("AWS- und Terraform-Erfahrung",
"Netflix- und Spotify-Abos", "Outlook- en Teams-storing"): the first name, cut off by its hyphen, is named too.
An everyday word with its German capital ("Signal- und Ampelanlagen") is a noun, not the app."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, entry, field", [
    ("Gesucht: Cloud Engineer mit AWS- und Kubernetes-Erfahrung, remote möglich", "aws", "providers"),
    ("Netflix- und Disney-Abos werden im Januar teurer", "netflix", "services"),
    ("Slack- en Teams-storing bij ons op kantoor sinds negen uur", "slack", "services"),
])
def test_the_first_part_of_a_suspended_compound_is_named(tag, text, entry, field):
    assert entry in tag(text)[field]


def test_an_everyday_noun_cut_off_by_its_hyphen_is_no_service(tag):
    assert tag("Die Signal- und Ampelanlagen an der Kreuzung werden erneuert")["services"] == []
