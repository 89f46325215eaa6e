"""Money taken twice ("Klarna drog pengarna två gånger", "mi ha scalato due volte il caffè", "PayPal hat meine Zahlung
zweimal abgebucht", "결제가 두 번 됐어요", "支払いが二重になった") or for an order cancelled or gone ("Bestellung storniert,
Geld aber abgebucht", "me canceló la compra y me cobró igual", "sumiu com meu pedido, já foi pago", "주문이 사라졌는데 돈은
빠져나감"): a user's everyday failure of a bank, a payment app or a shop, a problem now, whether or not the catalog
knows the name (not a person who charged twice). And a question whether a service is down, in the question's word
order ("Is Hinge down?", "Är BankID nere?", "Ist Trade Republic down?"): a problem now, whatever the name; not of a
person or a price.

Hand-written texts, each a user's story (not from any evaluation set). The rules alone are asked.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Vipps trakk pengene to ganger? nei vent, Swish drog pengarna två gånger för en fika",   # sv
    "Bizum me ha cobrado dos veces la misma transferencia",                                  # es
    "PicPay cobrou duas vezes a mesma recarga",                                              # pt
    "Lydia m'a débité deux fois le même remboursement",                                     # fr
    "Die Sparkasse hat die Miete zweimal abgebucht",                                         # de
    "PostePay mi ha addebitato due volte la ricarica",                                       # it
    "Tikkie heeft het bedrag dubbel afgeschreven",                                           # nl
    "BLIK pobrał pieniądze dwa razy za jedno zamówienie",                                   # pl
    "Papara ödemeyi iki kez çekti",                                                          # tr
    "the parking app charged my card twice for one hour",                                    # en
    "PayPayで支払いが二重になってる",                                                           # ja
    "토스 결제가 두 번 됐네요",                                                                   # ko
])
def test_money_taken_twice_or_for_an_order_gone_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text, source", [
    # (found by the collector's search for the name the catalog lacks)
    ("Wolt hat meine Bestellung storniert, das Geld aber trotzdem abgebucht", "x:search:wolt"),   # de
    ("Glovo me canceló el pedido y me cobró igual", "x:search:glovo"),                            # es
    ("Getir siparişimi iptal etti, para hâlâ iade edilmedi", "x:search:getir"),                   # tr
])
def test_an_order_cancelled_or_gone_with_the_money_taken_is_a_problem_now(rules, text, source):
    result = rules(text, source=source)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    # near misses: twice said of something else; an order cancelled with nothing said of money
    "restarted the router twice, all good now",
    "my brother charged me twice for dinner, classic",
    "ich seh heute alles doppelt, zu wenig Schlaf",
    "cancelled my pizza order because we went out instead",
])
def test_twice_or_a_cancelled_order_alone_is_no_failure(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Is Hinge down?",
    "Är Kivra nere? Kommer inte in",                                           # sv
    "Ist Trade Republic down? App lädt nicht",                                 # de
    "Is Bol.com plat?",                                                        # nl
    "stockholmare: är tele2 nere hos er också?",
])
def test_asking_whether_a_service_is_down_is_a_problem_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "is anyone down for tacos tonight??",
    "jag är helt nere idag, regn och mörker",
    "Is the market down today?",
])
def test_asking_whether_a_person_or_a_price_is_down_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result
