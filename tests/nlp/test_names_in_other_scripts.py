"""Services named in Japanese and Korean script, and search queries as evidence on every network.

Each case is what a user sees from `outagewatch tag` (the tagger the command serves, or the
command itself for --explain). No text of any labelled set is copied here.
"""

from __future__ import annotations

import json

import pytest

from outagewatch.catalog import load_catalog
from outagewatch.nlp.source import parse_source
from tests.clihelp import cli


@pytest.mark.parametrize("text, service", [
    ("ネトフリ急に見れなくなった", "netflix"),                         # a nickname inside a run of kana
    ("スイッチオンライン入れない、ずっとエラー", "nintendo-online"),      # the longer name, not "スイッチ"
    ("アマプラの映画が止まって動かない", "amazon-prime-video"),
    ("マイクラのレルムに入れない", "minecraft"),
    ("ようつべ重すぎて動画止まる", "youtube"),                          # hiragana slang
    ("チャットGPTが返事の途中で止まる", "openai/chatgpt"),               # kana and Latin letters in one name
    ("Gメールの送信できない", "gmail"),
    ("リーグオブレジェンドのサーバー落ちた", "league-of-legends"),        # written without the middle dots
    ("넷플 재생이 안 돼요", "netflix"),                                  # a Korean nickname
    ("넷플릭스가 또 안 돼", "netflix"),                                  # a particle written onto the name
    ("디코에서도 음성 연결이 안 돼요", "discord"),                        # two particles
    ("구글드라이브 파일 업로드 안 됨", "google-drive"),                  # the space left out
    ("구글 드라이브 파일 업로드 안 됨", "google-drive"),
    ("챗gpt 답변이 계속 끊겨", "openai/chatgpt"),
    ("엑박 라이브 로그인 안 되네", "xbox-live"),
    ("틱톡 영상 안 나와요", "tiktok"),
])
def test_a_service_written_in_kana_or_hangul_is_tagged(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "タイムラインが更新されない",        # "タイ" (Thailand) inside a katakana word is no name either
    "オートズームが便利",                # "ズーム" inside a longer katakana word
    "롤러코스터 타고 싶다",              # "롤" starts another Korean word: a roller coaster
    "마크다운 문법 정리",                # "마크" in "markdown"
    "디코딩 오류가 났다",                # "디코" in "decoding"
    "아줌마가 왔다",                     # "줌" inside a word
    "덴마크 여행 사진",                  # Denmark: "마크" ends the word, it does not start it
])
def test_a_name_inside_another_word_is_not_tagged(tag, text):
    assert tag(text)["services"] == []


@pytest.mark.parametrize("text, source", [
    ("サウナでスチーム浴びて最高", "x:search:スチーム"),        # steam, the everyday word, found by the search
    ("사우나에서 스팀 쐬니까 좋다", "x:search:스팀"),
    ("스팀 다리미 새로 샀다", "x:search:스팀"),                  # a steam iron
    ("カメラをズームしたら猫がよく見えた", "x:search:ズーム"),      # the camera's zoom, made a verb
    ("アマゾン川のドキュメンタリー見た", "x:search:アマゾン"),      # the river
    ("발로 차서 공이 날아갔다", "x:search:발로란트"),              # "with the foot", not Valorant
    ("롤 케이크 맛있다", "x:search:롤"),                          # a roll cake
])
def test_an_everyday_word_in_kana_or_hangul_needs_more_than_the_search(tag, text, source):
    assert tag(text, source=source)["services"] == []


@pytest.mark.parametrize("text, service", [
    ("롤 서버 터졌나? 큐 잡히자마자 튕김", "league-of-legends"),   # its server right after it
    ("스팀 상점 안 열림", "steam"),                              # a problem said
    ("줌 수업 들어가는데 계속 연결 끊김", "zoom"),                # a class held on it
    ("アマゾンで注文確定押したらエラー出た", "amazon-shopping"),
    ("테슬라 주가 또 올랐네", "tesla"),                          # the company's share price
])
def test_an_everyday_word_in_kana_or_hangul_with_a_sign_of_the_service(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text, service", [
    ("discord復活した！やっと通話できる", "discord"),       # an English everyday word in a Japanese text
    ("steamのセールでまた積みゲー増えた", "steam"),
    ("notion으로 가계부 만들었다", "notion"),
    ("在宅勤務でzoom会議ばかり", "zoom"),
])
def test_a_latin_name_in_japanese_or_korean_text_is_the_brand(tag, text, service):
    assert service in tag(text)["services"]


def test_the_names_live_in_the_catalog():
    """`outagewatch catalog --json` shows them: they are the services' own aliases."""
    services = load_catalog().services
    assert "ネトフリ" in services["netflix"].aliases and "넷플릭스" in services["netflix"].aliases
    assert "롤" in services["league-of-legends"].aliases


@pytest.mark.parametrize("source", [
    "x:search:lol", "bluesky:search:lol", "hn:search:lol", "reddit:search:lol",
    "mastodon:mastodon.social/search:lol", "mastodon:search:lol",
])
def test_a_search_on_any_network_gives_its_words(tagger, source):
    ctx = parse_source(source, tagger.vocab)
    assert "lol" in ctx.words and not ctx.services  # context, never evidence alone


@pytest.mark.parametrize("query, entry", [
    ("hbomax", "hbo-max"), ("league", "league-of-legends"), ("스위치 온라인", "nintendo-online"),
    ("prime video", "amazon-prime-video"), ("twitter", "x"),
])
def test_a_search_query_names_its_service(tagger, query, entry):
    assert entry in parse_source(f"x:search:{query}", tagger.vocab).named


def test_a_search_for_a_service_counts_for_its_other_name(tag):
    # the query says "twitter", the post says "x" and that it is down
    assert tag("x se ha caído? no me carga nada", source="x:search:twitter")["services"] == ["x"]
    # a bluesky search counts as an X search does: "Stripe" capitalised, found by a search for it
    assert tag("Stripe's new pricing is steep for small shops", source="hn:search:stripe")["services"] == ["stripe"]


def test_explain_names_the_rule_for_a_name_in_another_script():
    line = json.dumps({"text": "스팀 다리미 새로 샀다", "source": "x:search:스팀"}).encode() + b"\n"
    proc = cli("tag", "--explain", "--json", input=line, check=False)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout.splitlines()[0])
    names = [d for d in row["explain"]["decisions"] if d["what"] == "name"]
    assert row["services"] == [] and names and not names[0]["tagged"]
    assert "the everyday word" in names[0]["rule"] and names[0]["text"] == "스팀"


@pytest.mark.parametrize("text, source, service", [
    ("max keeps buffering on every episode tonight", "x:search:hbomax", "hbo-max"),  # the query names the service
    ("a max não abre no telemóvel, fica carregando", "x:search:hbo", "hbo-max"),    # "hbo" + "max" is its name
    ("lol travado na tela de carregamento há 10 min", "bluesky:search:lol", "league-of-legends"),
    ("snap ne charge plus les stories depuis ce matin", "x:search:snapchat", "snapchat"),
    ("zap voltou, graças a deus", "x:search:whatsapp", "whatsapp"),
    ("valo sunucuları yine çöktü", "x:search:valorant", "valorant"),
])
def test_a_short_name_found_by_its_search_with_a_problem_said(tag, text, source, service):
    assert service in tag(text, source=source)["services"]


@pytest.mark.parametrize("text, service", [
    ("LoL Client hängt beim Login", "league-of-legends"),          # written as its players write it
    ("lol client won't start after the patch", "league-of-legends"),  # a product noun beside it
    ("la epic store no carga el juego gratis", "epic-games"),
    ("le switch online marche plus, erreur 2618-0516", "nintendo-online"),  # no everyday word
    ("PS Plus games for december look good", "playstation-network"),
])
def test_a_short_name_with_its_own_sign(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text, source", [
    ("lol my wifi died again", None),                       # the laugh, beside a complaint about something else
    ("Max keeps crashing his bike lol", None),              # a person
    ("the premier league games tonight were epic", None),
    ("Champions League heute, aber der Stream bei Sky ist down", None),  # no foreign-language rule for it
    ("snap, the shelf is broken again", None),
    ("lol this is funny", "x:search:lol"),                  # its search, but no problem said and lower case
])
def test_a_short_name_that_is_an_everyday_word_needs_more(tag, text, source):
    assert not {"league-of-legends", "hbo-max", "epic-games", "snapchat"} & set(tag(text, source=source)["services"])


@pytest.mark.parametrize("text", [
    "Panne de X : le réseau social inaccessible pour des milliers d'utilisateurs",
    "Instabilidade no X: rede social volta a funcionar após queda",
    "X'e erişim sorunu: kullanıcılar gönderi paylaşamıyor",      # a Turkish case ending after X
    "Caída mundial de X: miles de usuarios no pueden cargar su timeline",
])
def test_an_outage_of_x_as_headlines_in_other_languages_write_it(tag, text):
    assert "x" in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "Panne de courant dans le quartier X ce matin",   # "X" after "quartier", not after the outage word's "de"
    "le problème de x au carré",                      # the letter in lower case
])
def test_the_letter_x_is_no_service_there(tag, text):
    assert "x" not in tag(text)["services"]


@pytest.mark.parametrize("text, source, service", [
    ("nie mogę się zalogować na instagramie od rana", None, "instagram"),   # Polish locative
    ("siedzę na tiktoku zamiast się uczyć", None, "tiktok"),
    ("Co polecacie obejrzeć na Netflixie w te święta?", None, "netflix"),
    ("netflixte izleyecek bir şey bulamıyorum yine", None, "netflix"),        # Turkish, no apostrophe
    ("zrobiłem serwer na discordzie dla naszej klasy", "x:search:discord", "discord"),  # d -> dzie
])
def test_a_name_with_a_polish_or_turkish_case_ending(tag, text, source, service):
    assert service in tag(text, source=source)["services"]


def test_a_declined_everyday_word_in_lower_case_is_the_word(tag):
    # Polish "steamu" (of steam) in a kitchen: the English word made Polish, not the shop
    assert tag("parowar daje tyle steamu że okna całe mokre", source="x:search:steam")["services"] == []
    # but on the platform it is the shop
    assert tag("wyszła świetna gra na steamie, polecam", source="x:search:steam")["services"] == ["steam"]


def test_explain_names_the_declined_form():
    proc = cli("tag", "--explain", input="siedzę na tiktoku zamiast się uczyć\n".encode(), check=False)
    assert proc.returncode == 0, proc.stderr
    assert "an inflected form of TikTok" in proc.stdout


@pytest.mark.parametrize("text, service", [
    ("Lohnt sich eine Ring-Türklingel für eine Mietwohnung?", "ring"),   # the name hyphened to its product
    ("hue-appen hittar inte lamporna", "philips-hue"),
    ("ring-kameran fångade en räv i trädgården", "ring"),
])
def test_an_everyday_word_name_hyphened_to_its_product(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", ["the ring-road is closed again", "a zoom-in on the photo", "steam-powered trains"])
def test_an_everyday_word_hyphened_to_another_word_is_the_word(tag, text):
    assert tag(text)["services"] == []


@pytest.mark.parametrize("text, service", [
    ("新しいマイクラサーバー立てた", "minecraft"),             # a katakana product noun straight after the name
    ("Switchのオンラインにつながらない", "nintendo-online"),   # how Japanese names Switch Online
    ("マイクロソフト 365 障害", "microsoft-365"),
    ("지피티 다시 살아났다", "openai/chatgpt"),
])
def test_more_names_as_japanese_and_korean_write_them(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", ["스팀 세일 시작했다 뭐 사지", "스팀 찜목록 500개 넘음 언제 다 하냐", "スチームのセールで3本買った"])
def test_a_stores_sale_or_wish_list_after_the_name_is_the_store(tag, text):
    """"스팀 세일": Steam's sale, not a steam iron's; its store's words after the name are its product nouns."""
    assert "steam" in tag(text, source="x:search:스팀")["services"]


def test_names_inside_a_cjk_run_are_found_as_the_plain_alternation_finds_them(tagger):
    """The CJK names (places and services written in kanji, kana or hangul) are one regex grouped by first
    character ("東(?:京都|京)|..."): at every place of a run it finds the longest name there, as the plain
    alternation of the names, longest first, finds it: "東京都" is Tokyo, not also Kyoto (京都) inside it."""
    import re

    from outagewatch.nlp.geo import script_places

    matcher = tagger.nlp.get_pipe("outagewatch_matcher").impl
    abroad = script_places()
    names = sorted((p for p in tagger.vocab.cjk_phrases if p not in abroad), key=lambda p: (-len(p), p))
    plain = re.compile("|".join(map(re.escape, names)))
    runs = ["東京都で停電", "京都の東京", "大阪府と大阪市", "札幌は雪", "東京東京都京都"] + [a + b for a, b in zip(names, names[1:])]
    for run in runs:
        assert [m.group() for m in matcher.cjk_names.finditer(run)] == [m.group() for m in plain.finditer(run)], run
    assert [m.group() for m in matcher.cjk_names.finditer("東京都で停電")] == ["東京都"]
