"""A search query is a reason to read a post, not proof of what its word means; a community
named after a brand is about that brand; a headline's company does what companies do."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source", [
    ("gonna slack off for the rest of the afternoon, brain is fried", "x:search:slack"),
    ("our teams are crushing it this quarter 💪 proud of everyone", "x:search:teams"),
    ("lambda calculus lecture today went way over my head", "x:search:lambda"),
    ("zoom in on the photo, the detail on the cathedral ceiling is insane", "x:search:zoom"),
    ("signal boost: my friend's bakery needs reviews! best croissants in town", "x:search:signal"),
    ("box of donuts at the office today, morale is up", "x:search:box"),
    ("X marks the spot 🗺️ treasure hunt in the park with the kids", "x:search:x"),
])
def test_a_search_for_an_everyday_word_finds_its_everyday_sense_too(tag, text, source):
    result = tag(text, source=source)
    assert result["services"] == [] and result["providers"] == []


def test_a_search_query_still_counts_for_the_brand_without_an_everyday_sense(tag):
    assert tag("zoom kicked everyone out of my lecture, 'unable to connect'", source="x:search:zoom")["services"] \
        == ["zoom"]


@pytest.mark.parametrize("text, source, service", [
    ("our snowflake warehouse costs doubled, time to tune clustering keys", "reddit:r/snowflake", "snowflake"),
    ("anyone else's doorbell showing offline? app says device unavailable", "reddit:r/Ring", "ring"),
])
def test_a_community_named_after_a_brand_is_about_it(tag, text, source, service):
    assert service in tag(text, source=source)["services"]


@pytest.mark.parametrize("text, source, service", [
    # a brand's community named with a word subreddits add: its region, its platform, its users
    ("stuck on 'joining match' loop since the update. whole squad has it. EU servers btw", "reddit:r/FortNiteBR",
     "fortnite"),
    ("class froze at minute 12 and kicked me out, leaderboard gone", "reddit:r/pelotoncycle", "peloton"),
    ("app won't let anyone accept batches right now, just spins", "reddit:r/InstacartShoppers", "instacart"),
])
def test_a_community_named_after_a_brand_and_its_users_is_about_it(tag, text, source, service):
    assert tag(text, source=source)["services"] == [service]


def test_a_community_whose_name_only_begins_like_a_brand_names_nothing(tag):
    # "InstantPot" begins with "insta", which is no Instagram here
    assert tag("my instant pot lid is broken, error code on the screen", source="reddit:r/InstantPot")["services"] == []


@pytest.mark.parametrize("text, service", [
    ("Problems at threads since 11:42 AM EST. Most reported: website (48%), app (40%).", "threads"),
    ("User reports indicate problems at Signal since 9:05 AM EST. Most reported problems: Message sending", "signal"),
])
def test_a_report_pages_problems_at_names_the_service_whatever_its_name_means(tag, text, service):
    assert tag(text, source="downdetector:None")["services"] == [service]


def test_problems_at_a_place_or_with_threads_of_a_shirt_name_no_service(tag):
    assert tag("so many loose threads on this shirt, problems at every seam")["services"] == []


def test_a_community_named_after_nothing_in_the_catalog_names_nothing(tag):
    assert tag("printer on the 3rd floor is jammed again", source="reddit:r/sysadmin")["services"] == []


@pytest.mark.parametrize("text", [
    "Slack restores service after daylong outage disrupts millions of workers",
    "Zoom confirms outage, says fix is rolling out",
])
def test_a_headline_opening_on_a_company_and_what_it_did_names_the_company(tag, text):
    assert tag(text, source="news:reuters")["services"] != []


@pytest.mark.parametrize("text, source, services", [
    # a newspaper's own feed relays news about others: the paper is not what its headline is about
    ("Banks say card payments are failing across the country this morning",
     "rss:https://www.theguardian.com/uk/technology/rss", []),
    ("Millions of customers lose mobile service in a nationwide outage", "rss:https://www.cnn.com/services/rss/", []),
    ("Ticketmaster crashes as fans flood the presale", "rss:https://feeds.bbci.co.uk/news/technology/rss.xml",
     ["ticketmaster"]),
    ("Ticketmaster crashes as fans flood the presale", "news:www.ft.com", ["ticketmaster"]),
])
def test_a_newspapers_feed_names_what_its_headline_is_about_not_the_newspaper(tag, text, source, services):
    assert tag(text, source=source)["services"] == services


def test_a_newspaper_named_in_its_own_feed_is_still_the_newspaper(tag):
    """The Guardian's feed reporting the Guardian's own site down is about the Guardian: the text names it."""
    result = tag("The Guardian's website was offline for an hour after a CDN failure",
                 source="rss:https://www.theguardian.com/media/rss")
    assert result["services"] == ["the-guardian"]


def test_a_status_feed_still_names_its_provider(tag):
    """Only a publisher's feed is set aside: a status page's feed speaks for its provider."""
    result = tag("Investigating - Some customers may see errors creating virtual machines in West Europe.",
                 source="rss:https://azure.status.microsoft/en-us/status/feed/")
    assert result["providers"] == ["azure"]


@pytest.mark.parametrize("text", [
    "Monitoring - Increased latency in API responses. A fix has been implemented and we are monitoring.",
    "Monitorowanie - Wdrożono poprawkę dla zwiększonej liczby błędów w API. Monitorujemy sytuację.",
])
def test_a_status_page_shared_by_one_brands_products_lets_a_short_product_name_count(tag, text):
    """status.openai.com speaks for ChatGPT and the API alike, so it names neither; an update on it that says
    "API" is about OpenAI's API."""
    assert tag(text, source="statuspage:status.openai.com")["services"] == ["openai/api"]


def test_the_same_update_on_an_unknown_status_page_names_no_api(tag):
    text = "Monitoring - Increased latency in API responses. A fix has been implemented and we are monitoring."
    assert tag(text, source="statuspage:status.example.com")["services"] == []


@pytest.mark.parametrize("text", [
    "lost signal in the tunnel again, that stretch of the northern line is a dead zone",
    "zero signal on the train, can't even load a map",
])
def test_losing_a_phones_signal_is_reception_not_the_messenger(tag, text):
    assert "signal" not in tag(text)["services"]


def test_the_messenger_beside_a_complaint_is_still_signal(tag):
    assert "signal" in tag("signal messages stuck on sending since noon, lost my patience")["services"]


@pytest.mark.parametrize("text, source, service", [
    ("cant log in, keeps saying try again later", "downdetector:paypal", "paypal"),
    ("songs skip after 10 sec then says \"can't play this right now\"", "downdetector:spotify", "spotify"),
    ("stuck at the loading screen again", "downdetector:downdetector.com/status/roblox/", "roblox"),
    ("stuck at the loading screen again", "reports:downdetector/roblox", "roblox"),
])
def test_a_report_page_names_its_service_though_the_comment_does_not(tag, text, source, service):
    """A comment left on a service's report page says only what broke: the page says where."""
    assert tag(text, source=source)["services"] == [service]


def test_a_report_page_of_something_the_catalog_lacks_names_nothing(tag):
    assert tag("no signal since this morning, calls drop", source="downdetector:vodafone-uk")["services"] == []


@pytest.mark.parametrize("text, source, services, providers, regions", [
    ("Incident en cours : nous enquêtons sur des erreurs lors de la création d'instances Public Cloud dans la région GRA.",
     "x:@OVHcloud_FR", ["ovhcloud/public-cloud"], ["ovhcloud"], ["geo:FR-59"]),  # the French account, Gravelines
    ("Hola, el problema con la app ya está solucionado. Si sigues teniendo errores escríbenos por DM.", "x:@Uber_ES",
     ["uber"], [], []),
    ("Hola, ya está solucionado.", "x:@random_es", [], [], []),  # no brand's handle before the country's letters
])
def test_a_brands_account_for_one_country_names_the_brand(rules, text, source, services, providers, regions):
    tags = rules(text, source=source)
    assert (tags["services"], tags["providers"], tags["regions"]) == (services, providers, regions)


@pytest.mark.parametrize("text, service", [
    ("Threads lanserar nya gruppfunktioner", "threads"),
    ("X lance de nouvelles fonctions pour les groupes", "x"),
    ("X introduceert nieuwe groepsfuncties", "x"),
    ("Steam erhöht die Preise in der Türkei", "steam"),
])
def test_a_headline_in_another_language_opening_on_a_company_and_what_it_does_names_it(rules, text, service):
    assert rules(text)["services"] == [service]


@pytest.mark.parametrize("text", [
    "X marks the spot: treasure hunt in the park",
    "Le chiffre X lance le débat",
])
def test_a_letter_or_a_word_in_lower_case_before_such_a_verb_is_no_company(rules, text):
    assert rules(text)["services"] == []
