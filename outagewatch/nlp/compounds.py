"""Outage words inside longer words: "Großstörung", "Netzausfall", "netwerkstoring",
"ThrottlingException", "ServiceUnavailableError".

German and Dutch build a noun for each kind of outage, and APIs name each error; no phrase
list holds them all, so the word's ending says it.
"""

from __future__ import annotations

import re

# Endings of compound nouns that are outages, and the symptom ("Großstörung", "Serverausfall").
SUFFIXES = (("störungen", "outage"), ("störung", "outage"), ("ausfälle", "outage"), ("ausfall", "outage"),
            ("storingen", "outage"), ("storing", "outage"), ("panne", "outage"), ("pannen", "outage"),
            ("uitval", "outage"))
SHORTEST_STEM = 3
# Not outages: words that merely end the same way ("Zerstörung" destruction, "Verstörung", "Entstörung" repair,
# "Ausfallzeit" is not an ending, "Stroomstoring" is a power cut: weighed by the power rule).
NOT = frozenset({"zerstörung", "zerstörungen", "verstörung", "entstörung", "ruhestörung", "ruhestörungen",
                 "schlafstörung", "schlafstörungen", "essstörung", "essstörungen", "angststörung",
                 "angststörungen", "persönlichkeitsstörung", "sehstörung", "sehstörungen", "hörstörung",
                 "sprachstörung", "lernstörung", "verstoring", "haarausfall", "zahnausfall", "ernteausfall",
                 "ernteausfälle", "verdienstausfall", "unterrichtsausfall", "zugausfall", "zugausfälle"})
# "ThrottlingException", "ServiceUnavailableError", "InternalServerError": an API's error name.
ERROR_NAME = re.compile(r"^(?:[A-Z][a-z0-9]+){1,5}(?:Exception|Error|Fault)s?[.:,!?]*$")


def compound_symptoms(texts: list[str], lowers: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, symptom) of compound outage nouns and API error names."""
    found = []
    for i, low in enumerate(lowers):
        if len(low) > 9 and low not in NOT:
            for suffix, symptom in SUFFIXES:
                if low.endswith(suffix) and len(low) - len(suffix) >= SHORTEST_STEM and low[-len(suffix) - 1].isalpha():
                    found.append((i, i + 1, symptom))
                    break
        text = texts[i]
        if len(text) > 8 and text[0].isupper() and ERROR_NAME.match(text) and text.lower() not in ("error", "errors"):
            found.append((i, i + 1, "errors"))
    return found


_MAY = re.compile(r"störung|ausf[aä]ll|storing|panne|uitval")
_MAY_NAME = re.compile(r"(?:Exception|Error|Fault)s?\b")


def may_have(raw: str, low: str | None = None) -> bool:
    """A cheap look: any ending or error name in the text at all (``low``: the text lower-cased, if at hand).
    Plain substring tests first (each a fast scan): a regex only where one of its words can be."""
    if low is None:
        low = raw.lower()
    if ("ausf" in low or "störung" in low or "storing" in low or "panne" in low or "uitval" in low) \
            and _MAY.search(low) is not None:
        return True
    return ("Exception" in raw or "Error" in raw or "Fault" in raw) and _MAY_NAME.search(raw) is not None
