""""1.1.1.1 DNS" is the resolver that is a DNS product, not Cloudflare's other DNS product: a word that says
what kind of product a named one is does not name its sibling; a sibling listed beside it still counts."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "1.1.1.1 DNS çalışmıyor mu? Hiçbir site açılmıyor, 8.8.8.8'e geçince düzeldi",
    "Cloudflare's 1.1.1.1 DNS resolver fails for thousands of users",
    "Résolu - Les problèmes de résolution DNS via 1.1.1.1 dans la région de Paris sont résolus.",
])
def test_the_resolvers_dns_is_the_resolver(tag, text):
    assert tag(text)["services"] == ["cloudflare/resolver"]


def test_a_sibling_listed_with_and_still_counts(tag):
    services = tag("Cloudflare explains the routing mistake that broke 1.1.1.1 and its DNS for an hour")["services"]
    assert set(services) == {"cloudflare/resolver", "cloudflare/dns"}


def test_the_dns_product_alone_is_the_dns_product(tag):
    assert tag("Cloudflare DNS is returning SERVFAIL for our zones since 10:00")["services"] == ["cloudflare/dns"]
