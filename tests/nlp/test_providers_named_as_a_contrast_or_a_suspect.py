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


@pytest.mark.parametrize("text, service, provider", [
    # a question without its mark: the clause opens on its verb
    ("pypi giving 503s, is fastly having a moment or what", "pypi", "fastly"),
    # a provider named only by its region codes, each said fine, beside another's service with the problem
    ("ap-southeast-2 is fine, it's Mumbai that is on fire. Azure Function timeouts everywhere", "azure/functions",
     "aws"),
    ("ap-northeast-1 is fine, the issue is the vimeo CDN edge in south jersey", "vimeo", "aws"),
])
def test_a_provider_asked_about_without_a_mark_or_named_by_codes_said_fine_is_not_labelled(tag, text, service,
                                                                                          provider):
    tags = tag(text)
    assert service in tags["services"] and provider not in tags["providers"]


def test_a_provider_whose_region_code_is_fine_while_another_of_its_regions_fails_stays(tag):
    tags = tag("us-east-1 is fine, but Lambda in us-west-2 errors on every invoke")
    assert "aws" in tags["providers"] and "aws/lambda" in tags["services"]


@pytest.mark.parametrize("text, failing, suspect", [
    ("grubhub and youtube both broken for me, is Azure OpenAI having a moment or what", "youtube", "azure/openai"),
    ("netflix and hulu both down. is aws S3 having issues?", "hulu", "aws/s3"),
])
def test_a_cloud_product_only_suspected_beside_others_outage_is_not_labelled(tag, text, failing, suspect):
    tags = tag(text)
    assert failing in tags["services"] and suspect not in tags["services"] and tags["providers"] == []


def test_a_cloud_product_asked_about_first_with_the_failing_service_after_stays(tag):
    tags = tag("is S3 down? our netflix clone fails on every upload")
    assert "aws/s3" in tags["services"] and "aws" in tags["providers"]


def test_an_english_display_name_said_as_a_region_names_its_only_provider(tag):
    tags = tag("East US region down again, nothing deploys")
    assert tags["providers"] == ["azure"] and "azure:eastus" in tags["regions"]


def test_a_display_name_beside_another_companys_service_names_no_provider(tag):
    tags = tag("We are investigating Codespace creation failures in East US region",
               source="statuspage:www.githubstatus.com")
    assert tags["providers"] == [] and tags["regions"] == []
