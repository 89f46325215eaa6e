"""An AWS availability zone's id ("use1-az4", "apne1-az1") is its region, as a zone's name ("us-east-1a") is, and names
AWS: "use1-az4 is having a bad day" is aws:us-east-1. Not a word that only looks like one ("xyzw9-az1")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("use1-az4 is having a bad day, our instances in the other AZs are fine", ["aws:us-east-1"]),
    ("Increased API error rates for EC2 RunInstances in use1-az6. Existing instances are not affected.",
     ["aws:us-east-1"]),
    ("EC2 in apne1-az1 and euw1-az2 timing out since noon", ["aws:ap-northeast-1", "aws:eu-west-1"]),
])
def test_an_availability_zone_id_is_its_region(tag, text, regions):
    tags = tag(text)
    assert tags["regions"] == regions
    assert "aws" in tags["providers"]


def test_a_word_shaped_like_a_zone_id_of_no_region_is_none(tag):
    assert tag("order xyzw9-az1 stuck, the tracking page is down")["regions"] == []
