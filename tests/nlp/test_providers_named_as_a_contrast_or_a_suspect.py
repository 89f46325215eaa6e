"""A provider named alone only to say it works, or only asked about as a possible cause, beside a service whose
outage the post tells, is not what the post reports: "Cloudflare is fine for us, the issue was GitHub", "pypi
giving 503s. is fastly having a moment?". The writers label the service alone. A provider blamed outright, or
asked about in the same breath as the failing service, stays."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, service, provider", [
    ("Hetzner is fine, it's GitHub Actions that keeps failing our builds", "github", "hetzner"),
    ("AWS looks fine from our side. The problem is Slack: messages stuck on sending for the whole office",
     "slack", "aws"),
    ("discord won't connect for anyone in the server. is cloudflare having a moment?", "discord", "cloudflare"),
    ("npm registry returning 503 on every install. Fastly acting up again?", "npm", "fastly"),
])
def test_a_provider_said_fine_or_only_suspected_is_not_labelled(tag, text, service, provider):
    tags = tag(text)
    assert service in tags["services"] and provider not in tags["providers"]


@pytest.mark.parametrize("text, provider", [
    ("Fastly broke again: npm installs failing with 503 everywhere", "fastly"),
    ("GitHub Actions failing and Azure is down too apparently", "azure"),
    ("roku not loading anything, is AWS down again??", "aws"),
])
def test_a_provider_blamed_or_asked_about_with_the_failing_service_stays(tag, text, provider):
    assert provider in tag(text)["providers"]
