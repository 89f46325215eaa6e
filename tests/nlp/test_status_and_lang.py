"""Status stages of status-page texts, language detection, and real GitHub incident updates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GITHUB = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "status" / "github-incident-history"
SOURCE = "statuspage:www.githubstatus.com"


@pytest.mark.parametrize("text, status", [
    ("We are investigating reports of degraded performance for Git Operations.", "investigating"),
    ("The issue has been identified and a fix is being implemented.", "identified"),
    ("A fix has been implemented and we are monitoring the results.", "monitoring"),
    ("This incident has been resolved.", "resolved"),
    ("We will be performing scheduled maintenance on Sunday.", "informational"),
    ("Resolved - Flickr is operating normally.", "resolved"),
    ("Error rates have mostly recovered and we are continuing to monitor.", "monitoring"),
])
def test_status_stages(tag, text, status):
    assert tag(text, source=SOURCE)["status"] == status


def test_a_status_page_problem_without_a_stage_is_investigating(tag):
    assert tag("Actions jobs are delayed.", source=SOURCE)["status"] == "investigating"


def test_social_posts_carry_no_status(tag):
    assert tag("We are investigating why Slack is down lol", source="x:@someone")["status"] is None


def test_stage_decides_relevance_of_status_texts(tag):
    assert tag("We are investigating elevated error rates.", source=SOURCE)["relevant"] is True
    resolved = tag("This incident has been resolved.", source=SOURCE)
    assert resolved["relevant"] is True and resolved["ongoing"] is False


@pytest.mark.parametrize("text, lang", [
    ("Is Slack down for anyone else right now?", "en"),
    ("El servicio no funciona desde hace una hora", "es"),
    ("Bei mir geht gar nichts mehr, alles ist kaputt", "de"),
    ("Plus rien ne fonctionne chez moi depuis ce matin", "fr"),
    ("Não consigo entrar na minha conta desde ontem", "pt"),
    ("障害が発生しています", "ja"),
])
def test_language_detection(tag, text, lang):
    assert tag(text)["lang"] == lang


@pytest.mark.parametrize("text, lang", [
    ("spotify yarım saattir açılmıyor, hep hata", "tr"),  # dotless ı: only Turkish writes it
    ("discord mesajları gitmiyor, ne oldu", "tr"),
    ("teamsy nie działają od rana na całej uczelni", "pl"),  # "nie" is German too, "na" Portuguese
    ("netflix nie chce się włączyć na telewizorze", "pl"),
    ("power cut in Łódź tonight, the whole block is dark", "en"),  # a name: capitalised, left out
    ("our team in Kadıköy says the internet is down", "en"),
])
def test_a_letter_only_one_language_writes_decides(tag, text, lang):
    assert tag(text)["lang"] == lang


def test_a_given_language_is_kept(tag):
    assert tag("Slack down", lang="en-GB")["lang"] == "en"
    assert tag("Slack down", lang="pt")["lang"] == "pt"


def test_real_github_updates(tagger):
    """Every real update: GitHub tagged from the source; 'resolved' updates about an outage, never ongoing."""
    files = sorted(GITHUB.glob("*.json"))
    if not files:
        pytest.skip(f"corpus not found at {GITHUB}")
    items, recorded = [], []
    for path in files[:300]:
        for update in json.loads(path.read_text("utf-8"))["incident"]["incident_updates"]:
            items.append((update["body"], SOURCE, None))
            recorded.append(update["status"])
    results = list(tagger.tag_texts(items))
    assert all("github" in r["services"] for r in results)
    resolved = [r for r, s in zip(results, recorded) if s == "resolved" and r["status"] == "resolved"]
    assert resolved and all(r["relevant"] and not r["ongoing"] for r in resolved)
    same = sum(r["status"] == s for r, s in zip(results, recorded))
    assert same / len(results) > 0.5
