"""A cloud region's display name of the "<country> <direction>" shape that only one provider has ("Qatar Central",
"Brazil South", "Australia East") is that provider's region, and names it, in a text about a problem with a cloud's
workloads (storage, VMs, "app service"), its provider unnamed; not in a text about no problem, nor with nothing of a
cloud in it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, region", [
    ("qatar central is having a moment, storage account timeouts since 07:00 AST", "azure:qatarcentral"),
    ("app service in australia east returning 503s, the kudu console won't open either", "azure:australiaeast"),
    ("le vm nella region italy north non partono, provisioning bloccato da 30 minuti", "azure:italynorth"),
    ("storage accounts in South Africa North throwing 503s, our customers cant upload anything",
     "azure:southafricanorth"),
])
def test_a_region_name_only_one_provider_has_beside_its_workloads(tag, text, region):
    tags = tag(text)
    assert tags["regions"] == [region]
    assert "azure" in tags["providers"]


@pytest.mark.parametrize("text", [
    "heavy rain over brazil south this week, storage of grain hit",  # no problem with a service
    "brazil south is losing power again tonight, whole streets dark",  # nothing of a cloud
])
def test_a_region_like_name_without_a_clouds_problem_is_no_region(tag, text):
    assert not any(r.startswith("azure:") for r in tag(text)["regions"])
