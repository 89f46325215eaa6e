"""Service names as people type them: typos of big names, English everyday-word brands in other
languages, and what `tag --explain` says about them.

Each case is what a user sees from `outagewatch tag` (the tagger the command serves, or the
command itself for --explain). No text of any labelled set is copied here.
"""

from __future__ import annotations

import json

import pytest

from outagewatch.nlp import typos
from tests.clihelp import cli


@pytest.mark.parametrize("text, service", [
    ("githib won't let me push, anyone else?", "github"),            # a letter changed
    ("discrod keeps dropping me from voice", "discord"),             # two letters swapped
    ("instagarm stories not loading at all", "instagram"),          # swapped, in a long name
    ("whatsap not sending anything since noon", "whatsapp"),        # a letter dropped
    ("netflx app crashes on start", "netflix"),
    ("spotfy est en panne depuis ce matin", "spotify"),              # in another language's complaint
    ("youtubee is down again", "youtube"),                           # a letter too many
    ("redditt throwing 503s on every page", "reddit"),
])
def test_a_big_name_one_edit_off_beside_a_complaint_is_the_service(tag, text, service):
    assert service in tag(text)["services"]


def test_a_typo_beside_another_name_is_still_found(tag):
    assert set(tag("instagarm and facebook both down for me")["services"]) == {"instagram", "facebook"}


@pytest.mark.parametrize("text", [
    "discard the old cables, the router is broken",   # a word of English one edit from discord
    "the stride is broken on this treadmill",         # stride/stripe: stripe is too short and an everyday word
    "githib is my cat's name",                        # no complaint in the text
    "das Signale-Kabel ist kaputt",                   # a word of the text's language
])
def test_no_typo_without_a_complaint_or_when_it_is_a_word(tag, text):
    assert tag(text)["services"] == []


@pytest.mark.parametrize("text, service", [
    # the complaint comes two sentences after the name
    ("discrod ate my message again. third time today. anyone else seeing 'message failed to send'?", "discord"),
    ("instagarm. again. stories won't load", "instagram"),
    ("githib down?", "github"),                                       # "down" right after the typo
])
def test_a_typo_in_a_text_about_trouble_is_the_service(tag, text, service):
    assert tag(text)["services"] == [service]


def test_a_typo_found_by_a_search_for_the_name_is_the_service(tag):
    """A collector searching for "discord" finds a post that misspells it and tells of no trouble: the
    search and the spelling together name the service; the same post found by another search does not."""
    post = "discrod soundboard update is actually fun"
    assert tag(post, source="x:search:discord")["services"] == ["discord"]
    assert tag(post, source="x:search:slack")["services"] == []
    assert tag("githib isn't down, it was my vpn")["services"] == []  # "down" said not to be


def test_one_edit_means_one_damerau_edit_and_the_first_letter_kept():
    table = typos.index(["github", "discord"])
    assert typos.nearest("githib", table) == ["github"]
    assert typos.nearest("discrod", table) == ["discord"]
    assert typos.nearest("fithub", table) == []        # the first letter changed
    assert typos.nearest("gihtbu", table) == []        # two edits
    assert not typos.one_edit("abcx", "xabc")          # shares a key, but two edits apart


def test_the_shipped_dictionary_table_knows_words_near_names():
    words = typos.lookalikes()
    assert "discard" in words["en"] and "goggle" not in words.get("xx", ())
    assert "facebooka" not in words["pl"]  # a Polish form of Facebook is the name, not another word


def test_explain_says_why_a_typo_was_or_was_not_tagged():
    stdin = "\n".join(["githib won't load", "discard it, the cable is broken", "githib is my cat's name"]).encode()
    proc = cli("tag", "--explain", "--json", input=stdin, check=False)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    names = [[d for d in row["explain"]["decisions"] if d["what"] == "name"] for row in rows]
    assert rows[0]["services"] == ["github"]
    assert names[0][0]["tagged"] and "one edit off github" in names[0][0]["rule"]
    assert not names[1][0]["tagged"] and "a word of en" in names[1][0]["rule"]
    assert rows[2]["services"] == [] and "explain" in rows[2]


# An everyday English word that names a brand ("steam", "twitch", "discord") is no word of Polish,
# German or Spanish: in a text of that language it can only be the brand, even with no complaint the
# rules know in that language. Not where the language has the word too ("square" in French).

@pytest.mark.parametrize("text, lang, service", [
    ("steam wyrzuca mnie z logowania, kod e84", None, "steam"),
    ("bei mir zeigt twitch nur noch einen schwarzen bildschirm", None, "twitch"),
    ("discord me saca de la llamada cada rato y no es mi internet", None, "discord"),
    ("il capo vuole che scriva tutto su Teams da domani", None, "teams"),
])
def test_an_english_everyday_word_in_another_language_is_the_brand(tag, text, lang, service):
    assert tag(text, lang=lang)["services"] == [service]


@pytest.mark.parametrize("text", [
    "Le square du Temple est magnifique en automne",          # French has "square" (a small park)
    "steam coming off my coffee on this cold morning",         # English: the vapour
    "Claude est venu dîner hier soir avec sa femme",           # a person's name, capitalised
    "wir haben heute zwei Teams gebildet und gespielt",        # German has "Teams"
    "Звонки на GTalk, MSN Messenger и другие",                 # a language without a dictionary here
])
def test_not_where_the_language_has_the_word_or_it_is_english(tag, text):
    assert tag(text)["services"] == []


def test_explain_names_the_language_that_lacks_the_word():
    proc = cli("tag", "--explain", input=b"steam wyrzuca mnie z logowania\n", check=False)
    assert proc.returncode == 0, proc.stderr
    assert "no word of the text's language (pl): the brand" in proc.stdout


# A search for an everyday word finds its everyday sense as surely as the brand: the query is
# evidence for the name written capitalised, or beside talk of a problem, not for the bare word.

@pytest.mark.parametrize("text, source, services", [
    ("steam coming off my coffee this cold morning", "x:search:steam", []),
    ("moving day: 40 boxes so far. box number 12 is just cables", "x:search:box", []),
    ("steam store not loading and my friends list is empty", "x:search:steam", ["steam"]),
    ("Discord Nitro is on sale for the holidays", "x:search:discord", ["discord"]),
    ("is Zoom a good stock to buy this year?", "x:search:zoom", ["zoom"]),
])
def test_a_search_query_is_evidence_only_with_a_capital_or_a_problem(tag, text, source, services):
    assert tag(text, source=source)["services"] == services


def test_explain_says_the_search_query_was_not_enough():
    line = json.dumps({"text": "steam coming off my coffee", "source": "x:search:steam"}).encode() + b"\n"
    proc = cli("tag", "--explain", input=line, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "the search query alone is no evidence" in proc.stdout


# A name glued to the word before or after it: French and Italian elide an article onto it, German
# joins a product code to a noun with a hyphen.

@pytest.mark.parametrize("text, services", [
    ("Panne mondiale d'Instagram et Facebook ce soir", ["instagram", "facebook"]),
    ("Panne d'Outlook : des milliers d'utilisateurs privés de messagerie", ["outlook"]),
    ("impossibile accedere all'Instagram da stamattina", ["instagram"]),
    ("Fehler beim Start von EC2-Instanzen in Frankfurt", ["aws/ec2"]),
])
def test_a_name_glued_to_an_article_or_a_noun_is_found(tag, text, services):
    assert sorted(tag(text)["services"]) == sorted(services)


def test_an_elided_verb_stays_one_word(tagger):
    words = [t.text for t in tagger.nlp.make_doc("whatsapp n'envoie plus rien, l'app est morte")]
    assert "n'envoie" in words and "l'app" in words


def test_a_product_noun_after_an_everyday_name_outweighs_the_word_before_it(tag):
    assert tag("my outlook calendar hasn't synced since lunch")["services"] == ["outlook"]
    assert tag("my outlook on life is bleak today")["services"] == []


def test_an_http_error_is_no_product_of_the_provider_named(tag):
    tags = tag("cloudflare giving me 502 bad gateway on every site")
    assert tags["providers"] == ["cloudflare"] and tags["services"] == []


def test_a_help_account_speaks_for_the_product_the_text_names(tag):
    tags = tag("We're aware some customers can't stream Prime Video titles right now.", source="x:@AmazonHelp")
    assert tags["services"] == ["amazon-prime-video"]
    assert tag("Sorry for the trouble, checkout is failing for some customers.",
               source="x:@AmazonHelp")["services"] == ["amazon-shopping"]


@pytest.mark.parametrize("text, service", [
    ("cloud run revisions won't deploy, 'internal error' in us-central1", "gcp/cloud-run"),  # a region code names GCP
    ("is google's cloud having a bad day? our cloud run services 503", "gcp/cloud-run"),
    ("azure app service returning 502 for all our sites", "azure/app-service"),
])
def test_a_product_of_ordinary_words_in_lower_case_counts_beside_its_provider(tag, text, service):
    assert service in tag(text)["services"]


def test_not_without_its_provider(tag):
    assert tag("we run cloud run jobs on aws lol")["services"] == []


def test_an_english_everyday_sense_needs_english_neighbours(tag):
    assert tag("Signal to najlepszy komunikator, polecam każdemu")["services"] == ["signal"]  # Polish "to": this
    assert tag("the signal to noise ratio on this cable is bad")["services"] == []


# A product called by its one plain word ("Spaces", "Cloud") beside its brand: with its capital,
# mid-sentence, as the brand's own product name is written; not a status stage, not "One".

@pytest.mark.parametrize("text, service", [
    ("DigitalOcean AMS3 is fine, only SGP1 Spaces is returning 403s", "digitalocean/spaces"),
    ("Hetzner in Nürnberg down? Unsere Cloud Server sind seit 20 Minuten weg", "hetzner/cloud"),
])
def test_a_products_plain_word_with_its_capital_beside_its_brand(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "digitalocean droplets fine, the spaces in my config are wrong",   # lower case: the word
    "One of the Cloudflare routes is down for us",                    # a sentence's first word
])
def test_not_the_plain_word_in_lower_case_or_first(tag, text):
    assert "digitalocean/spaces" not in tag(text)["services"]
    assert "cloudflare/zero-trust" not in tag(text)["services"]


@pytest.mark.parametrize("text, service", [
    ("Alexa keeps saying 'sorry, something went wrong' to everything tonight", "amazon-alexa"),  # first word
    ("alexa just says 'sorry, something went wrong' to every request", "amazon-alexa"),  # a quoted message
    ("Stripe webhooks are like 30 min behind right now", "stripe"),
])
def test_an_everyday_name_first_in_its_sentence_counts_with_a_complaint_in_its_clause(tag, text, service):
    assert tag(text)["services"] == [service]


def test_a_sentence_first_capital_alone_is_still_no_evidence(tag):
    assert tag("Ring the bell when you get here, the buzzer downstairs is broken")["services"] == []


@pytest.mark.parametrize("text, service", [
    ("o zap tá sem mandar áudio desde cedo, só fica no reloginho", "whatsapp"),
    ("caiu geral? insta e whats não abrem aqui em Recife", "whatsapp"),
    ("el wsp no me deja mandar fotos desde la mañana, se queda cargando", "whatsapp"),
])
def test_a_brands_nickname_in_the_language_that_coined_it(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "zap the flaky test before the release, it keeps failing CI",
    "whats wrong with my wifi today, keeps dropping",
])
def test_the_nickname_in_english_is_the_everyday_word(tag, text):
    assert "whatsapp" not in tag(text)["services"]


@pytest.mark.parametrize("text, service", [
    ("new relic dashboards blank since 9, the agents say they're reporting", "new-relic"),
    ("stack exchange sites all throwing 503 for me", "stack-overflow"),
    ("game pass app stuck on the splash screen on my pc", "xbox-live"),
])
def test_a_brand_of_ordinary_words_no_phrase_shares_counts_in_lower_case(tag, text, service):
    assert service in tag(text)["services"]


def test_a_brand_of_ordinary_words_after_an_adjectives_article_is_the_phrase(tag):
    assert "new-relic" not in tag("found a new relic in the dungeon, the boss drops it")["services"]


def test_exchange_online_is_microsoft_365_and_outlook_only_where_named(tag):
    """Microsoft 365 is labelled where it is named or Exchange Online is (WRITERS.md's settled rule); Outlook is
    its own service, labelled where it is named."""
    assert tag("Exchange Online mail flow delayed for our tenant since 9am")["services"] == ["microsoft-365"]
    both = tag("Exchange Online down, Outlook on the web shows 'something went wrong'")["services"]
    assert "microsoft-365" in both and "outlook" in both


@pytest.mark.parametrize("text", [
    "no puedo entrar a mi cuenta de Nintendo, se queda 'conectando con el servidor' y luego error 2811-7503",
    "Nintendo's servers are down again, no online play tonight",
])
def test_the_company_named_for_its_online_service_where_it_fails(tag, text):
    assert "nintendo-online" in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "Nintendo announces a new Switch model for next spring",
    "Nintendo shares fell 5% after the earnings call",
    "Night one features Xbox and Nintendo indies and some friends from other outlets",
])
def test_the_company_doing_what_companies_do_names_no_service(tag, text):
    assert "nintendo-online" not in tag(text)["services"]
