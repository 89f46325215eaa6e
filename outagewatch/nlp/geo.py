"""Place names to ISO 3166 codes, for places that no provider region stands for.

The catalog knows the places its cloud regions are in; people also name countries and
states that no region is called after ("outage across Germany", "Texas is down"). This
small gazetteer covers countries (ISO 3166-1 alpha-2) and the subdivisions people
mention most (ISO 3166-2), in the languages the tagger reads. A catalog city ("Frankfurt")
gets its subdivision from the catalog's own ``place`` field, so it is not repeated here.
"""

from __future__ import annotations

COUNTRIES: dict[str, tuple[str, ...]] = {
    "US": ("US", "United States", "USA", "U.S.", "U.S.A.", "United States of America", "America", "Estados Unidos", "EEUU",
           "EE.UU.", "Vereinigte Staaten", "États-Unis", "Etats-Unis", "EUA", "アメリカ", "米国"),
    "CA": ("Canada", "Canadá", "Kanada", "カナダ"),
    "MX": ("Mexico", "México", "Mexiko", "Mexique", "メキシコ"),
    "BR": ("Brazil", "Brasil", "Brasilien", "Brésil", "ブラジル"),
    "AR": ("Argentina", "Argentinien", "Argentine"),
    "CL": ("Chile", "Chili"),
    "CO": ("Colombia", "Kolumbien", "Colombie", "Colômbia"),
    "PE": ("Peru", "Perú", "Pérou"),
    "GB": ("United Kingdom", "UK", "U.K.", "Great Britain", "Britain", "England", "Reino Unido",
           "Großbritannien", "Vereinigtes Königreich", "Royaume-Uni", "Angleterre", "イギリス", "英国"),
    "IE": ("Ireland", "Irlanda", "Irland", "Irlande"),
    "FR": ("France", "Francia", "Frankreich", "França", "フランス"),
    "DE": ("Germany", "Alemania", "Deutschland", "Allemagne", "Alemanha", "ドイツ"),
    "ES": ("Spain", "España", "Spanien", "Espagne", "Espanha", "スペイン"),
    "PT": ("Portugal",),
    "IT": ("Italy", "Italia", "Italien", "Italie", "Itália", "イタリア"),
    "NL": ("Netherlands", "The Netherlands", "Holland", "Países Bajos", "Niederlande", "Pays-Bas", "Holanda"),
    "BE": ("Belgium", "Bélgica", "Belgien", "Belgique"),
    "CH": ("Switzerland", "Suiza", "Schweiz", "Suisse", "Suíça"),
    "AT": ("Austria", "Österreich", "Autriche", "Áustria"),
    "SE": ("Sweden", "Suecia", "Schweden", "Suède", "Suécia"),
    "NO": ("Norway", "Noruega", "Norwegen", "Norvège"),
    "FI": ("Finland", "Finlandia", "Finnland", "Finlande", "Finlândia"),
    "DK": ("Denmark", "Dinamarca", "Dänemark", "Danemark"),
    "PL": ("Poland", "Polonia", "Polen", "Pologne", "Polônia"),
    "IL": ("Israel", "Israël"),
    "AE": ("UAE", "United Arab Emirates", "Emiratos Árabes Unidos"),
    "SA": ("Saudi Arabia", "Arabia Saudita", "Saudi-Arabien", "Arabie saoudite"),
    "QA": ("Qatar", "Katar"),
    "BH": ("Bahrain", "Baréin", "Bahreïn"),
    "ZA": ("South Africa", "Sudáfrica", "Südafrika", "Afrique du Sud", "África do Sul"),
    "NG": ("Nigeria",),
    "KE": ("Kenya",),
    "EG": ("Egypt", "Egipto", "Ägypten", "Égypte"),
    "IN": ("India", "Indien", "Inde", "Índia", "インド"),
    "JP": ("Japan", "Japón", "Japon", "Japão", "日本"),
    "KR": ("South Korea", "Korea", "Corea del Sur", "Südkorea", "Corée du Sud", "Coreia do Sul", "韓国"),
    "CN": ("China", "Chine", "中国"),
    "TW": ("Taiwan", "Taiwán", "台湾"),
    "HK": ("Hong Kong", "香港"),
    "SG": ("Singapore", "Singapur", "Singapour", "Singapura", "シンガポール"),
    "MY": ("Malaysia", "Malasia", "Malaisie", "Malásia"),
    "TH": ("Thailand", "Tailandia", "Thaïlande", "Tailândia"),
    "ID": ("Indonesia", "Indonesien", "Indonésie", "Indonésia"),
    "PH": ("Philippines", "Filipinas", "Philippinen"),
    "VN": ("Vietnam", "Viet Nam"),
    "AU": ("Australia", "Australien", "Australie", "Austrália", "オーストラリア"),
    "NZ": ("New Zealand", "Nueva Zelanda", "Neuseeland", "Nouvelle-Zélande", "Nova Zelândia"),
    "TR": ("Turkey", "Türkiye", "Turquía", "Türkei", "Turquie"),
    "RU": ("Russia", "Rusia", "Russland", "Russie", "Rússia"),
    "UA": ("Ukraine", "Ucrania", "Ucrânia"),
}

SUBDIVISIONS: dict[str, tuple[str, ...]] = {
    "US-AL": ("Alabama",), "US-AK": ("Alaska",), "US-AZ": ("Arizona",), "US-AR": ("Arkansas",),
    "US-CA": ("California", "Kalifornien", "Californie"), "US-CO": ("Colorado",), "US-CT": ("Connecticut",),
    "US-DE": ("Delaware",), "US-FL": ("Florida", "Floride"), "US-GA": ("Georgia",), "US-HI": ("Hawaii",),
    "US-ID": ("Idaho",), "US-IL": ("Illinois", "Chicago"), "US-IN": ("Indiana",), "US-IA": ("Iowa",),
    "US-KS": ("Kansas",), "US-KY": ("Kentucky",), "US-LA": ("Louisiana",), "US-ME": ("Maine",),
    "US-MD": ("Maryland",), "US-MA": ("Massachusetts", "Boston"), "US-MI": ("Michigan", "Detroit"),
    "US-MN": ("Minnesota",), "US-MS": ("Mississippi",), "US-MO": ("Missouri",), "US-MT": ("Montana",),
    "US-NE": ("Nebraska",), "US-NV": ("Nevada",), "US-NH": ("New Hampshire",), "US-NJ": ("New Jersey",),
    "US-NM": ("New Mexico",), "US-NY": ("New York", "NYC", "New York City"), "US-NC": ("North Carolina",),
    "US-ND": ("North Dakota",), "US-OH": ("Ohio",), "US-OK": ("Oklahoma",), "US-OR": ("Oregon",),
    "US-PA": ("Pennsylvania",), "US-RI": ("Rhode Island",), "US-SC": ("South Carolina",),
    "US-SD": ("South Dakota",), "US-TN": ("Tennessee",), "US-TX": ("Texas",), "US-UT": ("Utah",),
    "US-VT": ("Vermont",), "US-VA": ("Virginia", "Northern Virginia", "N. Virginia", "Ashburn"),
    "US-WA": ("Washington State", "Seattle"), "US-WV": ("West Virginia",), "US-WI": ("Wisconsin",),
    "US-WY": ("Wyoming",), "US-DC": ("Washington DC", "Washington D.C.", "D.C."),
    "JP-13": ("Tokyo", "東京"), "JP-27": ("Osaka", "大阪"),
    "DE-HE": ("Frankfurt", "Hessen", "Hesse"), "DE-BE": ("Berlin",), "DE-BY": ("Munich", "München", "Bavaria",
                                                                                "Bayern"),
    "GB-LND": ("London", "Londres"), "FR-IDF": ("Paris",), "ES-MD": ("Madrid",), "IT-25": ("Milan", "Milano"),
    "BR-SP": ("São Paulo", "Sao Paulo"), "BR-RJ": ("Rio de Janeiro",), "IN-MH": ("Mumbai", "Maharashtra"),
    "AU-NSW": ("Sydney", "New South Wales"), "AU-VIC": ("Melbourne",), "CA-QC": ("Montreal", "Montréal",
                                                                                 "Quebec", "Québec"),
    "CA-ON": ("Toronto", "Ontario"), "KR-11": ("Seoul",), "IE-D": ("Dublin",),
}

# Place names that are also everyday words or people: only a place next to a region-ish word.
AMBIGUOUS_PLACES = frozenset({"georgia", "victoria", "phoenix", "columbus", "washington", "jordan", "chad",
                              "america", "england", "holland", "santiago", "pune", "hue", "d.c.", "quebec",
                              "india", "china", "turkey", "indiana", "maine", "nevada", "paris", "sydney",
                              "virginia", "dallas", "delhi"})


def gazetteer() -> dict[str, str]:
    """Place name (as written) to ISO code; country names win over subdivisions."""
    table: dict[str, str] = {}
    for code, names in SUBDIVISIONS.items():
        for name in names:
            table[name] = code
    for code, names in COUNTRIES.items():
        for name in names:
            table[name] = code
    return table
