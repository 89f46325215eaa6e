"""The cheap language vote: a text's exclusive function words decide its language when one language's
outnumber every other's 2:1; a language that does not vote, or a close call, is left to the model."""

from outagewatch.nlp.lang import _exclusive_words, vote


def _words(lang, n):
    return [w for w, owner in _exclusive_words().items() if owner == lang][:n]


def test_function_words_of_one_language_alone_are_that_language():
    assert vote(["netflix", *_words("en", 1), "tonight"]) == "en"
    assert vote(_words("de", 3)) == "de"
    assert vote(["1234", "lol"]) is None  # no function word at all


def test_a_language_that_does_not_vote_leaves_the_text_to_the_model():
    assert vote(_words("nl", 3)) is None
    assert vote([*_words("pl", 2), *_words("en", 1)]) is None  # Polish wins the count: not a voting language


def test_two_languages_need_a_two_to_one_majority():
    en, fr = _words("en", 5), _words("fr", 5)
    assert vote([*en[:3], fr[0]]) == "en"  # 3 against 1
    assert vote([*en[:2], fr[0]]) is None  # 2 against 1: too close
    assert vote([fr[0], *en[:5], *fr[1:3]]) is None  # 5 against 3
    assert vote([fr[0], *en[:2], *fr[1:5]]) == "fr"  # 5 against 2, French first seen either way


def test_kana_hangul_and_own_letters_are_seen_wherever_they_stand_among_emoji_and_accents(tag):
    """The cheap cases read the characters beyond ASCII alone (textrules.beyond_ascii): kana after a long
    English stretch and emoji is still Japanese, hangul Korean, a Turkish or Polish lower-case letter its
    language; a capitalised name's letter says nothing, nor does an accent or an emoji."""
    from outagewatch.nlp.lang import quick
    from outagewatch.textrules import beyond_ascii

    english = "so this happened again today at work 😡 " * 3
    assert quick(english + "ネトフリ見れない") == ("ja", None)
    assert quick("café 🙌 " + english + "넷플 안 돼요") == ("ko", None)
    assert quick("😡 " + english, english.lower().split())[0] == "en"
    assert quick("yarım saattir gitmiyor 😡", ["yarım", "saattir", "gitmiyor"]) == ("tr", None)
    assert quick("nie działa 😡 znowu", ["nie", "działa", "znowu"]) == ("pl", None)
    assert quick("Łódź 😡 café", ["łódź", "café"]) == (None, "łódź café")  # a name's letter: the model decides
    assert beyond_ascii("café 😍 ok \ud800") == "é😍\ud800"
    assert tag("ネトフリ見れない " + english)["lang"] == "ja"
