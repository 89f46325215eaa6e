"""A writer who says where a service fails often names a second place where it works: a friend's
city, the town where it "works fine", a region "with no problem". That second place is not where the
problem is. The clause decides, not a phrase list: the place's own clause (cut at sentence marks,
commas, "but"/"while" words of every supported language and chat marks such as "ㅠㅠ") says something
works or is fine anywhere in it, or says a problem word is not there ("geen probleem", "sorun yok"),
and holds no problem of its own; the other place keeps the problem."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Discord won't connect here in Chicago, but my friend in Dallas says it works for him", ["geo:US-IL"]),
    ("Netflix no carga en Sevilla desde las 8; mi hermana en Valencia dice que a ella le funciona sin problema",
     ["geo:ES-SE"]),
    ("O Nubank não abre aqui em Recife, em Fortaleza minha prima diz que está funcionando", ["geo:BR-PE"]),
    ("Bei mir in Hamburg lädt Spotify seit Mittag nicht, in München läuft es laut meinem Bruder ganz normal",
     ["geo:DE-HH"]),
    ("Free ne répond plus à Marseille depuis ce matin, alors qu'à Lyon tout fonctionne chez mes parents",
     ["geo:FR-13"]),
    ("a Torino Instagram non carica niente, mia sorella a Milano dice che le funziona", ["geo:IT-TO"]),
    ("In Amsterdam laadt Netflix niet, in Utrecht werkt het gewoon bij mijn ouders", ["geo:NL-NH"]),
    ("W Krakowie Allegro nie działa od rana, a w Warszawie u znajomych działa bez zarzutu", ["geo:PL-12"]),
    ("Swish strular i Malmö sedan lunch, men i Göteborg funkar det fint", ["geo:SE-M"]),
    ("İzmir'de Turkcell internet gitti, Ankara'da hiçbir sorun yok", ["geo:TR-35"]),
    ("札幌ではLINEが送れないけど、福岡の友達は普通に使えてるらしい", ["geo:JP-01"]),
    ("대구에서 카톡이 안 돼요 ㅠㅠ 광주 친구는 잘 된대요", ["geo:KR-27"]),
    ("札幌で LINE 繋がらない？東京は問題ないみたい", ["geo:JP-01"]),  # the fine-word holds "ない" itself
    # a negated problem word is a fine-word; a region code in a clause that says it works
    ("Twitch buffert in Rotterdam al de hele avond. In Utrecht geen probleem volgens mijn broer", ["geo:NL-ZH"]),
    ("Cloud Run deploys in europe-west1 hang at 'Routing traffic'. The same image on us-east1 works in seconds.",
     ["gcp:europe-west1"]),
    ("Stripe payouts failing for our customers in Ireland only; UK and DE customers are fine as far as we can tell",
     ["geo:IE"]),
])
def test_the_place_said_to_work_is_not_where_the_problem_is(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    # a fine-word under a negation, before or after it, is the problem itself
    ("En Madrid no funciona nada y en Barcelona tampoco va", ["geo:ES-B", "geo:ES-M"]),
    ("In Hamburg geht gerade weder WhatsApp noch Insta, in Köln läuft alles normal", ["geo:DE-HH"]),
    ("Netflix werkt niet in Rotterdam, in Utrecht werkt het ook niet", ["geo:NL-UT", "geo:NL-ZH"]),
    ("twitch is lagging in Berlin, nothing works in Munich either", ["geo:DE-BE", "geo:DE-BY"]),
    ("Spotify geht in Hamburg nicht, in Köln geht es bei mir auch nicht", ["geo:DE-HH", "geo:DE-NW"]),
    # a place that is healthy again is where the problem was, not a contrast
    ("Following up on Bahrain: our fleet in me-south-1 is healthy again. AWS says a fiber cut caused it",
     ["aws:me-south-1"]),
    ("札幌で LINE 繋がらない？東京も普通じゃないみたい", ["geo:JP-01", "geo:JP-13"]),
    # a question about a place is no statement that it works
    ("whatsapp down in Lisbon. is Porto ok?", ["geo:PT-11", "geo:PT-13"]),
])
def test_a_place_not_said_to_work_keeps_its_problem(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


def test_the_only_place_said_to_work_still_says_where_the_writer_is(tag):
    assert tag("youtube is working fine for me in Toronto, must be your ISP")["regions"] == ["geo:CA-ON"]


@pytest.mark.parametrize("text, regions", [
    # fine said by any form of "to work", "not affected", a network had, an adverb of normal
    ("Hetzner degraded performance: servers in Falkenstein drop packets. Helsinki and Nuremberg are not affected.",
     ["geo:DE-SN"]),
    ("Proximus down à Bruxelles ? Mes collègues à Namur ont du réseau", ["geo:BE-BRU"]),
    ("W Poznaniu terminale nie przyjmują kart, w Warszawie normalnie", ["geo:PL-30"]),
    ("NOS com falha de TV em Lisboa, no Porto está a funcionar", ["geo:PT-11"]),
    # the problem's own place unknown to the gazetteer: the place said fine still goes
    ("à Lillebonne le réseau SFR ne marche plus, à Paris tout va bien d'après mes collègues", []),
])
def test_fine_said_in_other_words_is_a_contrast_too(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    ("We moved to Hetzner Helsinki after the Falkenstein network blip last month, no trouble since", ["geo:DE-SN"]),
    ("tras el problema de la región de Madrid en GCP movimos todo a europe-west1 y aguantó",
     ["gcp:europe-southwest1"]),
    ("nossa aplicação estava em sa-east-1 e durante a falha jogamos o tráfego pra us-east-1", ["aws:sa-east-1"]),
    ("Podczas awarii w europe-central2 przerzuciliśmy ruch do Frankfurtu", ["gcp:europe-central2"]),
    ("Hetzner Falkenstein hatte einen Ausfall, wir haben alles nach Helsinki umgezogen", ["geo:DE-SN"]),
    ("Steam lädt nichts. Habe die Downloadregion auf Wien und Berlin gewechselt, nichts", []),
    ("東京リージョンの障害中、AWSの大阪リージョンに切り替えて乗り切った", ["aws:ap-northeast-1"]),
    ("Azure西日本のSQL Databaseで障害。フェイルオーバーグループを東日本にも作っておくべきだった", ["azure:japanwest"]),
    # moving house is no workaround
    ("moving to Denver next month, any tips for an internet provider that doesn't drop?", ["geo:US-CO"]),
])
def test_where_the_work_was_moved_is_not_where_the_problem_is(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, source, regions", [
    ("Cloudflare is investigating increased latency in Johannesburg, South Africa (JNB). Traffic has been rerouted to "
     "Cape Town (CPT).", "statuspage:www.cloudflarestatus.com", ["geo:ZA-GP"]),  # the code moved to with its city
    ("Fastly: Elevated errors in Sydney (SYD) and Melbourne (MEL) POPs. Traffic is being shifted to Brisbane (BNE).",
     "statuspage:www.fastlystatus.com", ["geo:AU-NSW", "geo:AU-VIC"]),
    ("airtel network gone in Delhi NCR, yesterday it was Kolkata", "x:search:airtel", ["geo:IN-DL"]),
    ("Hetzner Ashburn had the issue yesterday; today it's Hillsboro with packet loss", "x:search:hetzner",
     ["geo:US-OR"]),
    ("Vodafone down in Cairo, Egypt since the morning", None, ["geo:EG-C"]),  # the country says which Cairo
    ("Internet outage in Athens, Thessaloniki and Patras", None, ["geo:GR-I", "geo:GR"]),  # a city, no country
])
def test_a_place_moved_to_or_of_yesterday_and_a_citys_country_are_no_place(rules, text, source, regions):
    assert rules(text, source=source)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Netflix down since yesterday in Berlin, Munich too", ["geo:DE-BE", "geo:DE-BY"]),  # "since yesterday": now
    ("Il data center di Arezzo torna operativo dopo il blackout di ieri", ["geo:IT-AR"]),
    ("Outage in Paris yesterday, today it's fine", ["geo:FR-75C"]),  # one place: where the outage was
])
def test_a_place_of_yesterday_alone_or_since_yesterday_stays(rules, text, regions):
    assert rules(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("seeing packet loss to everything in Dublin (eu-west-1) from our London office, anyone else?", ["aws:eu-west-1"]),
    ("AWS São Paulo caído? nuestras instancias en sa-east-1 no responden desde Buenos Aires", ["aws:sa-east-1"]),
    ("eu-west-1 is down, I'm in London", ["aws:eu-west-1", "geo:GB-LND"]),  # not "from": where the writer is
])
def test_where_the_writer_reaches_a_named_cloud_region_from_is_no_place(rules, text, regions):
    assert rules(text)["regions"] == regions


def test_a_place_after_from_without_a_cloud_region_stays(rules):
    assert rules("Netflix keeps failing from our Berlin office since noon")["regions"] == ["geo:DE-BE"]
