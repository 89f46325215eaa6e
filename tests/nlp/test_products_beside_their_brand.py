"""A cloud product named without its brand beside the brand or another of its products: an engineer writes
"app engine" in lower case beside Firestore, "the portal" when Azure's portal is what fails, and IBM's status page
names "Kubernetes Service" alone. The portal read off as the place a state is shown ("the portal still says
they're running") is no outage of the portal, and a word inside a longer product's name is no product of its own."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source, service, provider", [
    ("datastore reads fine but every request to our app engine frontend times out", None, "gcp/app-engine", "gcp"),
    ("cloud run service returning 503s since noon, bigquery jobs fine", None, "gcp/cloud-run", "gcp"),
    ("azure vms in north europe won't start and the portal is crawling", None, "azure/portal", "azure"),
    ("Azure Sweden Central: portal blades won't open any resource group", None, "azure/portal", "azure"),
    ("Kubernetes Service - Partial outage: worker nodes in Frankfurt (eu-de) cannot be provisioned",
     "statuspage:cloud.ibm.com", "ibm/kubernetes-service", "ibm"),
    ("IBM Kubernetes Service clusters in London not scheduling pods since 9am", None, "ibm/kubernetes-service",
     "ibm"),
])
def test_a_product_beside_its_brand_is_named_by_its_short_name(tag, text, source, service, provider):
    tags = tag(text, source=source)
    assert service in tags["services"] and provider in tags["providers"]


@pytest.mark.parametrize("text, absent", [
    ("our azure vms in uk south don't answer on rdp, the portal still says they're running", "azure/portal"),
    ("Azure Front Door fault knocked several Microsoft 365 admin portals offline", "azure/portal"),
    ("AWS EC2 Auto Scaling can't launch replacements in use1-az2, our fleet is shrinking", "aws/ec2"),
])
def test_the_portal_as_a_medium_and_a_word_of_a_longer_name_are_no_product(tag, text, absent):
    assert absent not in tag(text)["services"]


@pytest.mark.parametrize("text, service", [
    ("Azure West Europe bölgesinde VM'ler açılmıyor, portal da yavaş", "azure/virtual-machines"),
    ("AWS eu-west-1'de S3'e dosya yüklenmiyor, 503 alıyoruz", "aws/s3"),
])
def test_a_turkish_ending_after_an_apostrophe_is_no_part_of_a_products_short_name(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "docker pulls failing with 'toomanyrequests' on our paid org, CI completely stuck",
    "docker pull hangs on every layer since 10am, builds all red",
])
def test_images_pulled_with_docker_from_no_other_registry_are_docker_hubs(tag, text):
    assert "docker-hub" in tag(text)["services"]


@pytest.mark.parametrize("text, other", [
    ("docker pulls from ECR timing out in eu-west-1, every deploy is red", "aws/ecr"),
    ("docker pull from ghcr.io failing with 500, github packages having a moment?", None),
])
def test_docker_pulls_from_another_registry_are_not_docker_hubs(tag, text, other):
    tags = tag(text)
    assert "docker-hub" not in tags["services"] and (other is None or other in tags["services"])


@pytest.mark.parametrize("text, service", [
    ("Cloudflare verlaagt de prijs van R2-opslag voor kleine bedrijven", "cloudflare/r2"),
    ("[Undersöker] Ökade fel vid start av EC2-instanser i regionen Europa (Stockholm).", "aws/ec2"),
])
def test_a_products_short_name_as_the_first_part_of_a_compound_left_whole(tag, text, service):
    assert service in tag(text, source="statuspage:health.aws.amazon.com" if "EC2" in text else None)["services"]


@pytest.mark.parametrize("text", [
    "us-east-1 having a day again. EC2 launches slow, Lambda invocations erroring, console half broken",
    "aws milan (eu-south-1) console won't load for us, cloudformation stacks stuck",
])
def test_aws_console_said_failing_beside_aws_is_the_console(tag, text):
    assert "aws/console" in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "EC2 down in us-east-1, checked the console and it says all fine",  # where the writer reads, not what fails
    "s3 console won't list my buckets, cli also hangs",  # a product's own page in the console
])
def test_the_console_as_a_medium_or_a_products_page_is_not_the_console(tag, text):
    assert "aws/console" not in tag(text)["services"]


def test_a_headline_of_a_company_that_recovers_names_it(tag):
    assert tag("Signal recovers after hours-long outage hit the encrypted messenger")["services"] == ["signal"]
