"""The acceptance cells of the scenario grid (``tests/correlate/scenarios.py``): five
dependents of one region together get complaints from at least ten people in 25 minutes
(reposts and a person's second post not counted) against a background of at most one post
per ten minutes. The incident must open within 25 minutes of
the onset and name the region before the provider's first post; an unrelated outage of
another service elsewhere, at the same volume and twenty minutes later, must stay a
separate incident at every moment.
"""

from __future__ import annotations

import pytest

from tests.correlate.scenarios import Scenario, run_scenario

CELLS = [
    # volume, share of posts naming the region, background per 10 min, seed
    (1.3, 0.0, 1.0, 1), (1.3, 0.0, 1.0, 2), (1.3, 0.0, 0.3, 3), (1.3, 0.3, 1.0, 4),
    (3.0, 0.0, 1.0, 5), (3.0, 0.5, 0.3, 6), (10.0, 0.0, 1.0, 7), (10.0, 0.3, 1.0, 8),
]


@pytest.mark.parametrize("volume,share,background,seed", CELLS)
def test_region_outage_opens_early_names_the_region_and_stays_apart(volume, share, background, seed):
    scenario = Scenario(volume=volume, dependents=5, named_share=share, unrelated=True, background=background,
                        seed=seed)
    got = run_scenario(scenario, moments=12)
    assert got["early_people"] >= 10  # the cell is an acceptance cell
    assert got["delay"] is not None and got["delay"] <= 25, got
    assert got["named_vs_official"] is not None and got["named_vs_official"] < 0, got
    assert got["separate_every_moment"], got


def test_a_thin_trickle_is_not_an_incident_before_the_official_post():
    """Three posts in 25 minutes over five services is background, not an outage."""
    got = run_scenario(Scenario(volume=0.3, dependents=5, unrelated=False, seed=9))
    assert got["delay"] is None or got["delay"] >= 52, got  # only the provider's own post opens it
