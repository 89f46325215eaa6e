"""A status page's all-clear in any language: "All systems operational", "Alle Komponenten
betriebsbereit", "Tous les systèmes sont opérationnels", "Tüm sistemler çalışır durumda",
"すべてのシステムが正常に稼働しています", "모든 시스템 정상 운영 중".

The blind writers labelled every such text "about no outage" (nothing failed, nothing ended),
in each of the twelve languages, while the English-only phrase list read the others as status
updates about an incident. The rule is one shape, not a phrase per language: a word for "all",
then within two words a word for the systems, services or components, then within seven words a
word that says they work (``lexicon.PLACE_FINE``, the same fine-words a place is said fine with,
plus "operational" as status pages write it). A text that also says something is wrong is not an
all-clear (``resolve`` checks that).
"""

from __future__ import annotations

import re

from . import lexicon

ALL = frozenset({"all", "alle", "alla", "todos", "todas", "tous", "toutes", "tutti", "tutte", "wszystkie",
                 "wszystkich", "tüm", "bütün", "every"})
THINGS = frozenset({
    "systems", "services", "components", "systeme", "dienste", "komponenten", "systemen", "diensten",
    "componenten", "system", "tjänster", "komponenter", "sistemas", "servicios", "servicos", "serviços",
    "componentes", "systèmes", "services", "composants", "sistemi", "servizi", "componenti", "systemy", "usługi",
    "komponenty", "sistemler", "hizmetler", "bileşenler", "servisler",
})
WORKING = frozenset({
    "operational", "operativos", "operativas", "operacionais", "opérationnels", "opérationnelles", "operativi",
    "operative", "operationeel", "operationell", "operationella", "betriebsbereit", "operacyjne", "çalışır",
    "çalışıyor", "działają", "fungerar", "funkar", "funcionan", "funcionam", "fonctionnent", "funzionano",
    "funktionieren", "werken", "normal", "normally", "normalt", "normalnie", "prawidłowo", "normalmente",
    "normalement", "normalidad", "normaal", "regolarmente",
}) | frozenset(p for ps in lexicon.PLACE_FINE.values() for p in ps if " " not in p and len(p) > 3)
CJK = re.compile(r"(?:すべて|全て)の(?:システム|サービス|コンポーネント)(?:が|は)正常|모든 ?(?:시스템|서비스)(?:이|가|은|는)? ?정상")


def all_clear(lower: list[str], raw: str) -> bool:
    """Does the text say that all systems (services, components) work?"""
    if ALL.isdisjoint(lower):
        return bool(CJK.search(raw)) if not raw.isascii() else False
    n = len(lower)
    for i, word in enumerate(lower):
        if word not in ALL:
            continue
        for j in range(i + 1, min(n, i + 3)):
            if lower[j] in THINGS or lower[j].rsplit("-", 1)[-1] in THINGS:  # "Alla Spotify-tjänster"
                if any(w in WORKING for w in lower[j + 1:j + 8]):
                    return True
                break
    return bool(CJK.search(raw)) if not raw.isascii() else False
