"""Services found by the names people really use for them: nicknames, short forms, sub-brands,
the product names each language's own pages give them, and names in kana and hangul.

Each case is what a user sees from `outagewatch tag`. No text of any labelled set is copied here.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, service", [
    # nicknames and short forms, as each language types them
    ("el wasap no manda nada desde esta mañana", "whatsapp"),
    ("o wpp caiu de novo? mensagem não sai", "whatsapp"),
    ("spoti no carga ninguna playlist, alguien más?", "spotify"),
    ("my gdrive uploads keep failing halfway", "google-drive"),
    ("czat gpt znowu nie odpowiada na nic", "openai/chatgpt"),
    ("o lolzinho caiu bem na ranqueada", "league-of-legends"),
    ("mongo atlas cluster timing out for every query", "mongodb-atlas"),
    ("iplayer won't load the match, just a spinning circle", "bbc"),
    ("autocad says the license server is unreachable", "autodesk"),
    ("the FT app keeps crashing on launch", "financial-times"),
    ("AzureAD sign-ins failing for the whole tenant", "azure/active-directory"),
    # a sub-brand beside an everyday-word brand names it on its own
    ("discord nitro perks vanished from my account", "discord"),
    ("steam deck can't reach the store this morning", "steam"),
    ("stripe checkout throwing 500s on every payment", "stripe"),
    ("amazon prime day page won't load for anyone", "amazon-shopping"),
    ("grubhub+ membership disappeared from the app", "grubhub"),
    ("iCloud+ storage says it's full but it isn't", "icloud"),
    ("Apple ID verification failed on every device", "icloud"),
    ("outlook on the web shows a blank page after sign-in", "outlook"),
    ("Aurora Serverless cluster stuck in a failover loop", "aws/aurora"),
    ("Cloud Logging ingestion is hours behind", "gcp/cloud-logging"),
    # a name of ordinary words that is one brand, in lower case
    ("prime video keeps freezing every few minutes", "amazon-prime-video"),
    ("the new season on prime video is great", "amazon-prime-video"),
    # the product names the languages' own pages give
    ("Dysk Google nie synchronizuje plików od rana", "google-drive"),
    ("Documentos de Google no guarda los cambios", "google-drive"),
    ("Funciones de Azure devuelve errores 503 en Europa", "azure/functions"),
    ("La consola de AWS no carga, pantalla en blanco", "aws/console"),
    ("Das Azure-Portal lädt seit einer Stunde nicht", "azure/portal"),
    # a brand declined in Polish
    ("nie mogę się zalogować do Jiry od rana", "atlassian/jira"),
    ("serwer w minecrafcie nie działa od wczoraj", "minecraft"),
    # kana, hangul and kanji
    ("티켓마스터 예매 페이지가 안 열려요", "ticketmaster"),
    ("チケットマスターが落ちてて買えない", "ticketmaster"),
    ("Azure 포털 접속이 안 됩니다", "azure/portal"),
    ("애저 포털 로그인이 안 돼요", "azure/portal"),
    ("AWSマネジメントコンソールに入れない", "aws/console"),
    ("任天堂のオンラインに繋がらない", "nintendo-online"),
    ("ニンテンドーアカウントにログインできない", "nintendo-online"),
    ("구글 문서 저장이 안 돼요", "google-drive"),
    ("Googleドキュメントが開かない", "google-drive"),
    ("스팀덱 업데이트 실패함", "steam"),
])
def test_a_service_is_found_by_an_everyday_name(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text, service", [
    ("the shelf is 6 ft long and came with no screws", "financial-times"),       # feet
    ("FT: Arsenal 2-1 Chelsea, what a second half", "financial-times"),         # full time
    ("a prime example of why video calls are tiring", "amazon-prime-video"),   # the words apart
    ("dwa teamy z biura grają dziś w piłkę", "teams"),                          # Polish for teams, the sport
])
def test_an_everyday_word_is_not_the_service(tag, text, service):
    assert service not in tag(text)["services"]


@pytest.mark.parametrize("text, service", [
    ("Spotifys app har slutat spela upp låtar", "spotify"),         # the Swedish genitive on the name
    ("Discords röstkanaler fungerar inte i kväll", "discord"),
])
def test_a_name_in_its_languages_form_is_the_service(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "Errori di accesso ad Azure Portal per alcuni clienti",          # Italian "ad" is no Azure AD
    "Guida: migrare da MongoDB ad Azure Cosmos DB",
])
def test_a_function_word_is_not_a_products_short_name(tag, text):
    assert "azure/active-directory" not in tag(text)["services"]


def test_a_products_short_name_in_capitals_still_counts(tag):
    assert "azure/active-directory" in tag("Azure is fine but AD sign-ins fail for every user")["services"]


@pytest.mark.parametrize("text, service", [
    # Turkish capitalises i as İ: the name at a sentence's start
    ("İnstagram çöktü mü? akış yenilenmiyor", "instagram"),
    ("İCloud yedekleme yarım saattir çalışmıyor", "icloud"),
    # more of the short forms people and engineers type
    ("fejs nie działa od rana, nic się nie ładuje", "facebook"),
    ("na jutubie filmy się nie ładują", "youtube"),
    ("트치 방송이 안 켜져요", "twitch"),
    ("텔레 메시지가 안 가요", "telegram"),
    ("アドビのアプリにログインできない", "adobe"),
    ("SFDC login page throwing errors for the whole sales team", "salesforce"),
    ("R53 health checks flapping since noon", "aws/route53"),
    ("CFN stack stuck in UPDATE_ROLLBACK_FAILED", "aws/cloudformation"),
    ("App Insights ingestion is delayed by an hour", "azure/monitor"),
    ("TweetDeck columns stopped refreshing", "x"),
    # developer services in kana and hangul
    ("스택 오버플로우 접속이 안 돼요", "stack-overflow"),
    ("ヘロクのアプリが落ちてる", "heroku"),
    ("서클CI 빌드가 계속 실패해요", "circleci"),
    ("ページャーデューティーの通知が来ない", "pagerduty"),
])
def test_more_everyday_names_are_found(tag, text, service):
    assert service in tag(text)["services"]


def test_a_turkish_city_is_still_a_place(tag):
    assert "geo:TR-34" in tag("İstanbul'da internet yok, Türk Telekom çöktü")["regions"]
