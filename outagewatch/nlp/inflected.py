"""Names with a Polish, Turkish or Swedish case ending written onto them.

Polish and Turkish decline a brand like any noun: "na discordzie" (on Discord), "siedzę na tiktoku",
"przeszliśmy na signala", "netflixte izleyecek bir şey yok", "instagrama attım". Turkish marks the
ending with an apostrophe when the name is capitalised ("Netflix'te", parted off by the tokenizer),
often not in chat. Swedish writes its genitive straight onto the name, without one ("Spotifys
familjeabonnemang", "Steams höstrea"). A word that is a one-word catalog name plus one of its text's language's case endings
is that name: it gets the name's own entry, and an everyday-word name ("zoomie", "signala") still needs
the evidence the rules ask of the bare name.
"""

from __future__ import annotations

from dataclasses import replace

from outagewatch.nlp.vocabulary import Name, Vocabulary

# Case endings written straight onto a foreign name, longest first. Polish: locative -ie/-zie/-ze
# ("discordzie", "twitterze", "netflixie"), genitive/accusative -a/-u ("signala", "tiktoku"), instrumental
# -em ("lyftem"), dative -owi. Turkish: locative, ablative, dative, accusative, genitive, comitative.
ENDINGS = {
    "pl": ("owi", "iem", "zie", "ie", "ze", "em", "a", "u"),
    "sv": ("s",),  # the genitive: "Spotifys app", "Steams höstrea"
    "tr": ("daki", "deki", "taki", "teki", "dan", "den", "tan", "ten", "nın", "nin", "nun", "nün", "yla", "yle",
           "da", "de", "ta", "te", "ya", "ye", "yı", "yi", "yu", "yü", "ın", "in", "un", "ün", "la", "le",
           "a", "e", "ı", "i", "u", "ü"),
}
MIN_STEM = 4  # "zoom" + "a"; never a three-letter name ("box" + "a")
# Polish prepositions before a platform's name ("na discordzie", "z discordem", "na signala"). An everyday
# English word declined in lower case without one has become a word of the language ("tyle steamu": so much
# steam), so it is no sign of the brand by its language alone.
PLATFORM_PREPOSITIONS = frozenset({"na", "z", "ze", "w", "we", "do", "od", "przez", "po"})


def declined_word(nm: Name, written: str, lower: list[str], start: int) -> bool:
    """An everyday-word name declined in lower case and not after a platform's preposition ("steamu")."""
    return nm.form_of is not None and written.islower() and (start == 0 or lower[start - 1] not in PLATFORM_PREPOSITIONS)


# Turkish writes "in", "at" and "from" a place as an ending, with an apostrophe after a capital ("İzmir'de", parted off
# by the tokenizer) and often without one in chat ("izmirde ofiste", "ataşehirde whatsapp ölü", "kadıköyden"); the
# endings of where (locative, ablative, "the one in"), with the buffer n after a vowel-final possessive
# ("konyaaltında"). Read only for a place in Türkiye (``TR_PLACE_FORMS``), never for one that is an everyday word.
TR_WHERE_ENDINGS = ("ndaki", "ndeki", "ndan", "nden", "daki", "deki", "taki", "teki", "nda", "nde", "dan", "den", "tan",
                    "ten", "da", "de", "ta", "te")
TR_EVERYDAY_PLACES = frozenset({"ordu", "ağrı", "tokat", "aydın", "batman", "bursa", "van", "kars", "muş", "rize"})


def inflected_names(lower: list[str], vocab: Vocabulary, lang: str | None,
                    taken: set[int]) -> list[tuple[int, int, list[Name]]]:
    """(i, i + 1, the name's services and providers) for each word of ``lower`` that is a one-word name plus
    a case ending of ``lang``; words already part of a name are skipped. In Turkish also a place in Türkiye with an
    ending of where written onto it ("izmirde", "ataşehirde"): the place, ``form_of`` its name."""
    endings = ENDINGS.get(lang or "")
    if not endings:
        return []
    found = []
    for i, word in enumerate(lower):
        if i in taken or len(word) < MIN_STEM + 1 or not word.isalpha() or word in vocab.phrases:
            continue
        for ending in endings:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                names = [replace(n, form_of=n.written) for n in vocab.phrases.get(word[:-len(ending)], ())
                         if n.kind in ("service", "provider") and " " not in n.written]
                if names:
                    found.append((i, i + 1, names))
                    break
        else:
            if lang == "tr":
                place = tr_place_form(word, vocab)
                if place:
                    found.append((i, i + 1, place))
    return found


def tr_place_form(word: str, vocab: Vocabulary) -> list[Name]:
    """The places in Türkiye ``word`` is one of plus an ending of where ("izmirde" -> İzmir), else []."""
    for ending in TR_WHERE_ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_STEM and stem not in TR_EVERYDAY_PLACES:
            names = [replace(n, form_of=n.written) for n in vocab.phrases.get(stem, ())
                     if n.kind == "place" and (n.geo or "").startswith("TR") and " " not in n.written]
            if names:
                return names
    return []


def forms(vocab: Vocabulary) -> frozenset[str]:
    """Every one-word name with every case ending: the prescan's trigger words for them ("netflixie" sends
    a post on to the rules as "netflix" does)."""
    stems = [p for p, names in vocab.phrases.items() if len(p) >= MIN_STEM and p.isalpha()
             and any(n.kind in ("service", "provider") and " " not in n.written for n in names)]
    places = [p for p, names in vocab.phrases.items() if len(p) >= MIN_STEM and p.isalpha()
              and p not in TR_EVERYDAY_PLACES
              and any(n.kind == "place" and (n.geo or "").startswith("TR") and " " not in n.written for n in names)]
    return frozenset([stem + ending for endings in ENDINGS.values() for ending in endings for stem in stems]
                     + [place + ending for ending in TR_WHERE_ENDINGS for place in places])
