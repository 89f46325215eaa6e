"""Network operators as their own customers write them where :func:`operators.find` reads none: in lower case
("kpn mobiel geen bereik", "play nie ma zasięgu", "sem sinal da tim"), by a word of the text's language ("tre har
noll täckning", "ingen täckning på Tre"), with a case ending ("Lublin cały bez Playa?", "Szczecin bez Netii",
"brak zasięgu Plusa"), or by two capitals ("EE no signal at all across Glasgow").

Why apart from :func:`operators.find`: that reads a name anywhere in a text of any language, so it keeps a name
that is a word too ("Play", "Plus", "Tre", "NOS") to its capital beside what an operator sells. Read here, such a
name counts only in a text of a language of a country the operator serves (libphonenumber's and the mobile network
codes' countries, ``operators.countries``: "play" in Polish, not in English; "tre" in Swedish or Italian) and only
beside a word for its network in the same clause ("play nie ma zasięgu", "tre har noll täckning"), or right after a
word for without written as the operator writes it ("sem NOS", "bez Playa"). The writers label those outages
(brief: "an outage of a ... carrier the catalog lacks is relevant"), and without an operator the rules read "no
signal" as the writer up a mountain ("no signal at the cabin all weekend", not relevant).
"""

from __future__ import annotations

from functools import lru_cache

from outagewatch.nlp import lexicon, operators

# Operators whose name is a word too, read here as well: the big ones of the markets read (Poland's Play and Plus,
# Sweden's, Denmark's and Italy's Tre, Portugal's NOS, Brazil's Oi, ...), not the tables' hundreds of small ones
# named like an English word ("Big", "East", "Five": a word of a text, not a network, wherever it is read). Each with
# the countries it serves and whether it counts in lower case ("play nie ma zasięgu"; "nos", "oi", "tre", "sky",
# "orange" are words of their own markets' languages: only written with their capital).
WORD_NAMES: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "play": ("Play", ("PL",), True), "plus": ("Plus", ("PL",), True), "verizon": ("Verizon", ("US",), True),
    "telenet": ("Telenet", ("BE",), True), "sunrise": ("Sunrise", ("CH",), True), "rogers": ("Rogers", ("CA",), True),
    "magenta": ("Magenta", ("AT",), True), "tre": ("Tre", ("SE", "DK", "IT"), False), "nos": ("NOS", ("PT",), False),
    "oi": ("Oi", ("BR",), False), "orange": ("Orange", ("FR", "ES", "PL", "BE", "RO", "SK", "LU"), False),
    "salt": ("Salt", ("CH",), False), "three": ("Three", ("GB", "IE", "AT"), False),
    "sky": ("Sky", ("GB", "IE", "IT", "DE"), False), "virgin": ("Virgin", ("GB", "IE"), False),
    "bell": ("Bell", ("CA",), False), "wind": ("Wind", ("IT", "GR"), False), "fido": ("Fido", ("CA",), False)}
# A name that is a number ("tre", "three") counts in lower case as the subject opening its clause, before a verb of
# being or having ("tre har noll täckning", "tre verkar ha lagt av"), not as a count ("tre dagar utan täckning").
NUMBER_NAMES = frozenset({"tre", "three"})
SUBJECT_VERBS = frozenset({"har", "är", "verkar", "ligger", "has", "is", "seems", "ha", "è", "sembra", "er"})
# Where each language read here is spoken (a name counts only in a text of one of its countries' languages).
COUNTRIES_OF = {"pl": {"PL"}, "sv": {"SE", "FI"}, "da": {"DK"}, "nl": {"NL", "BE"}, "pt": {"PT", "BR"},
                "it": {"IT", "CH", "SM"}, "de": {"DE", "AT", "CH"}, "fr": {"FR", "BE", "CH", "LU", "CA"},
                "es": {"ES", "MX", "AR", "CO", "CL", "PE", "UY", "EC", "VE"}, "tr": {"TR"},
                "en": {"US", "GB", "IE", "CA", "AU", "NZ", "ZA", "NG", "KE", "IN", "PH", "SG", "JM"}}
# Polish case endings a name takes after "bez", "w", "u" ("bez Playa", "w Plusie", "bez Netii"): the ending and
# what it stands for in the name's own form.
ENDINGS = {"pl": (("ii", "ia"), ("ie", ""), ("a", ""), ("u", ""), ("em", ""))}
# A word for the network an operator runs, beside which its name is the operator (operators.ACCESS and
# NETWORK_TALK, and the words for "coverage", "data" and "bars" those lists lack).
NETWORK = operators.NETWORK_TALK | frozenset({"reception", "zasięg", "transmisji", "danych", "kresek", "kreski",
                                             "bars", "bereik", "dekking", "täckningen", "nätet", "täckning"})
DOWN = operators._DOWN_NEXT  # a down-word right after a name written with its capital ("Tre nere")
CLAUSE_ENDS = frozenset({".", ",", "!", "?", ";", ":", "—", "–", "(", ")", "\n"})
REACH = 5  # at most this many words between the name and its network's word, in the name's clause
# A word for without right before a name written with its capital ("bez Playa", "sem NOS"); Polish "brak" too.
WITHOUT = operators.WITHOUT | frozenset({"brak"})


@lru_cache(maxsize=1)
def _served() -> dict[str, tuple[str, frozenset[str]]]:
    """{lower-case name: (the form the operator writes it in, the countries it serves)} of every one-word name."""
    countries = operators._tables().get("countries", {})
    out = {low: (form, frozenset(countries[low])) for low, form in operators.table().items()
           if " " not in low and countries.get(low)}  # (the tables' names that are no word of a language read)
    out.update({low: (form, frozenset(where)) for low, (form, where, _) in WORD_NAMES.items()})
    out.update({low: (form, frozenset({"GB"})) for low, form in operators.SHORT_CAPS.items()})
    return out


@lru_cache(maxsize=1)
def keys() -> frozenset[str]:
    """Every word :func:`find` may start from (names, and Polish forms with a case ending are tested by stem)."""
    return frozenset(_served())


def _name(word: str, lang: str) -> str | None:
    """The operator's lower-case name ``word`` is, with a case ending of ``lang`` taken off, or None."""
    served = _served()
    if word in served:
        return word
    for ending, stem in ENDINGS.get(lang, ()):
        if word.endswith(ending) and len(word) > len(ending) + 2 and word[:-len(ending)] + stem in served:
            return word[:-len(ending)] + stem
    return None


def find(texts: list[str], lower: list[str], lang: str | None) -> list[int]:
    """Where an operator is named as its customers write it in a text of ``lang`` (see the module's docstring)."""
    spoken = COUNTRIES_OF.get(lang or "")
    if not spoken or NETWORK.isdisjoint(lower) and WITHOUT.isdisjoint(lower) and DOWN.isdisjoint(lower):
        return []
    if lang in ENDINGS:
        at = [(i, name) for i, word in enumerate(lower) if (name := _name(word, lang)) is not None]
    else:
        held = keys().intersection(lower)
        at = [(i, lower[i]) for i in operators.positions(lower, held)] if held else []
    found = []
    n = len(lower)
    for i, name in at:
        form, where = _served()[name]
        if where.isdisjoint(spoken) or len(name) <= 2 and texts[i] != form:
            continue  # "EE" in capitals only; a name of another country's operator
        if name in WORD_NAMES and not WORD_NAMES[name][2] and not texts[i][:1].isupper():
            if not (name in NUMBER_NAMES and (i == 0 or lower[i - 1] in CLAUSE_ENDS) and i + 1 < n
                    and lower[i + 1] in SUBJECT_VERBS):
                continue  # "sem nos avisar", "tre dagar utan täckning": words
        if i and lower[i - 1] in WITHOUT and texts[i][:1].isupper():
            found.append(i)  # "sem NOS", "bez Playa", "utan Tre"
            continue
        if texts[i][:1].isupper() and operators._down_after(lower, i):
            found.append(i)  # "Tre nere i Örebro", "NOS em baixo"
            continue
        near = [j for j in range(max(0, i - REACH), min(n, i + REACH + 1)) if j != i and lower[j] in NETWORK
                and (j + 1 >= n or lower[j + 1] not in lexicon.OPERATOR_PRODUCTS)]  # not "verizon data plan"
        if any(not any(lower[k] in CLAUSE_ENDS for k in range(min(i, j), max(i, j))) for j in near):
            found.append(i)  # "play nie ma zasięgu", "kpn mobiel geen bereik", "tre har noll täckning"
    return found
