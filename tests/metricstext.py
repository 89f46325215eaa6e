"""Read one sample out of a Prometheus text exposition, with prometheus_client's own parser
(the format has escapes, timestamps and exemplars a line split would get wrong)."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families


def sample(text: str, name: str, **labels: str) -> float | None:
    """The value of the first sample called ``name`` whose labels include ``labels``; None if none."""
    for family in text_string_to_metric_families(text):
        for found in family.samples:
            if found.name == name and all(found.labels.get(k) == v for k, v in labels.items()):
                return found.value
    return None
