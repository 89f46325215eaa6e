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
