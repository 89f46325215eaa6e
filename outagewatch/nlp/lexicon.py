"""Words that say something is broken, fixed, or not broken, in six languages.

Kept as data so that a missed phrase is a one-line fix here, never a new rule in the
resolver. Phrases are matched on lower-cased spaCy tokens (the pattern is tokenized
by the same tokenizer as the text), so each entry is written the way people type it.
Accent-less and straight/curly apostrophe variants are added automatically.

Symptom vocabulary (the ids stored in ``Signal.symptoms``):

==============  ==============================================================
``outage``      down, outage, not working, offline, unavailable
``degraded``    degraded performance, partial outage, intermittent, instability
``problems``    unspecified "issues"/"problems" (weak: needs a service to count)
``login``       cannot log in / sign in, authentication failures
``errors``      error messages, failures, elevated error rates
``5xx``         HTTP 5xx codes, "bad gateway", "internal server error"
``timeout``     timeouts, timed out
``latency``     slow, lag, delays, elevated latency
``not-loading`` page/app does not load, blank screen
``connectivity`` cannot connect, disconnects, packet loss, DNS failures
``payments``    payments/checkout failing
``streaming``   buffering, playback failures
``maintenance`` scheduled or ongoing maintenance (not an outage report)
``recovered``   back up, resolved, fixed, operating normally
==============  ==============================================================

Japanese is not split into words by the blank tokenizer, so its phrases are regular
expressions over the raw text (:data:`JA_SYMPTOMS`).
"""

from __future__ import annotations

SYMPTOMS = (
    "outage", "degraded", "problems", "login", "errors", "5xx", "timeout", "latency",
    "not-loading", "connectivity", "payments", "streaming", "maintenance", "recovered",
)

# Symptoms that say something is wrong now (what makes an item an outage report).
PROBLEM_SYMPTOMS = frozenset(SYMPTOMS) - {"maintenance", "recovered"}
# Strong enough to make an item relevant without a known service ("the site is down").
STRONG_SYMPTOMS = frozenset({"outage", "5xx", "login", "not-loading", "connectivity", "timeout", "payments"})
# Words that say only that something is amiss, of anything ("issues", "a problem", "errors", "slow"): a
# text with only these is about an outage only with a service named. A complaint of what a service does
# ("won't send", "keeps freezing", "loopt vast", "hänger sig") is a failure of one even when its name is a
# word the catalog lacks ("swish hänger sig", "bunq-app geeft 'We hebben even een probleem'").
WEAK_WORDS = frozenset({
    "issues", "issue", "problems", "problem", "sorun", "sorunu", "sorunlar", "sorunları", "trouble", "having trouble",
    "glitch", "glitches", "glitchy", "incident",
    "error", "errors", "failure", "failures", "failed", "fail", "fails", "failing", "bug", "bugs", "slow", "lag",
    "delays", "delayed", "latency", "backlog", "queued", "lento", "lenta", "lentos", "langsam", "lent", "lente",
    "traag", "problemi", "problemas", "problema", "probleme", "problème", "problèmes", "souci", "soucis",
    "incidente", "incidencia", "problemy", "problemen", "probleem", "problem z", "problemy z", "problemen met",
    "fehler", "erreur", "erreurs", "errore", "errori", "erro", "erros", "hata", "hatası", "hataları", "hatalar",
    "falla", "fallas", "fallo", "fallos", "falha", "falhas", "fouten", "błąd", "błędu", "felkod", "intermittent",
    "degraded", "degradation", "impacting", "impact to", "oops", "exception", "exceptions", "blank", "loop",
    "dropped", "dropping", "stuck", "wonky", "flaky", "janky", "delays", "wait times", "response times",
    "schwierigkeiten", "rallentamenti", "retrasos", "demoras", "atraso", "atrasos", "retards", "verzögerungen",
    "ddos", "ddos attack", "throttling", "throttled", "rate limited", "rate limiting", "declining", "salta", "saute",
    "eruit", "giù", "bricht", "brechen", "lag", "laggy", "lagging", "sluggish", "hängt", "hängen", "lent",
    "parou", "parando", "caindo", "pulando", "recusado", "rechaza", "rechazando", "se para", "se salta",
    # said of a person or a thing as often as of a service: "ist tot", "não liga" (doesn't care), "heeft het zwaar"
    "ist tot", "sind tot", "är död", "is dood", "não liga", "nem liga", "heeft het zwaar", "hebben het zwaar",
    "fryser", "frös", "crawling at", "showing empty", "shows empty",
})
# What a complaint verb is said of when a service fails, beside TECH_CONTEXT, in the other languages
# ("appen", "uygulaması", "serwer", "betalningen", "ödeme"), and in Japanese and Korean text.
DEVICE_WORDS = frozenset({"appen", "appar", "aplicativo", "aplicación", "applicazione", "uygulama", "uygulaması",
    "uygulamasi", "sunucu", "sunucular", "sunucuları", "serwer", "serwery", "serwera", "servrar", "servern", "aplikacja",
    "aplikacji", "apka", "apki", "apce", "appka", "l'app", "l'appli", "appli", "app's", "server", "servers", "servidor",
    "servidores", "serveur", "serveurs", "servizio", "dienst", "betaling", "betalningen", "betalning", "płatność",
    "ödeme", "pagamento", "pago", "paiement", "zahlung", "karta", "kortet", "kart", "kartım", "konto", "account",
    "login", "logowanie", "inloggen", "giriş", "inloggning", "anmeldung", "connexion", "wifi", "wi-fi", "internet",
    "netu", "sync", "download", "upload", "stream", "streamen", "video", "videos", "vídeo", "mensagem", "mensagens",
    "mensajes", "messages", "berichten", "meddelanden", "wiadomości", "mesajlar", "nachrichten", "mails", "mejl",
    "erişim", "erişimde", "erişemiyorum", "kullanıcılar", "router", "routern", "routeren", "modem", "modemet",
    "módem", "roteador", "nodes", "node",
    "mejlen", "e-mails", "correos"})
DEVICE_CJK = ("앱", "서버", "접속", "로그인", "결제", "송금", "메시지", "アプリ", "サーバー", "鯖", "ログイン", "接続", "決済",
              "送信", "同期", "通話", "配信", "動画", "再生")
# Recovery words said of anything ("the statue was restored", "the bug is fixed", "summer is back"): about an
# outage only with a service named or an outage word beside them. The other recovery phrases say a service
# works again ("funkar igen", "doet het weer", "już śmiga", "syncing again") and are about an outage on their own.
GENERIC_RECOVERIES = frozenset({"back up", "finally back", "is back", "are back", "it's back", "back to normal", "up again", "resolved",
    "has been resolved", "is resolved", "fixed", "is fixed", "has been fixed", "restored", "has been restored",
    "recovered", "has recovered", "have recovered", "fully recovered", "operational", "no longer", "mitigated",
    "has been mitigated", "normal operations", "been fine", "all systems go", "back to green", "all green now",
    "all green again", "resuelto",
    "solucionado", "restablecido", "normalizado", "recuperado", "behoben", "gelöst", "résolu", "résolue", "rétabli",
    "rétablie", "corrigé", "resolvido", "restabelecido", "corrigido", "de volta", "de retour", "risolto",
    "ripristinato", "opgelost", "verholpen", "hersteld", "wiederhergestellt", "wieder da", "naprawił", "is terug",
    "back now", "is back now", "rétablis", "rétablies", "up and running", "all systems operational",
    "operating normally", "functioning normally", "fully operational", "is operating normally", "service restored",
    "restored service", "restores service", "restores access", "restores connectivity", "restored access",
    "service has been restored", "back online", "is back online", "are back online", "back online after",
    "delivered normally", "normally again", "has been cleared", "processing normally", "recovering after",
    "incident résolu", "funcionando con normalidad", "fonctionne normalement", "funcionando normalmente", "est revenu", "est revenue", "sont revenus", "è tornato",
    "è tornata", "voltou", "ya volvió", "wrócił", "wróciła", "wróciło", "wrócili", "är tillbaka",
    "volta ao ar", "voltou ao ar", "de volta ao ar", "réparée", "réparé", "réparées", "a été réparée", "a été réparé",
    "came back", "came back up", "sona erdi", "back after", "is back after", "tornata", "tornato", "c'est revenu",
    "fine now", "seems fine now", "ok now", "okay now", "works now", "working now", "voorbij", "is voorbij",
    "ripristinati", "ripristinata", "ripristinate"})
# Areas rather than failures: only reported when a failure word is present too.
AREA_WORDS = {
    "payments": ["payment", "payments", "checkout", "transactions", "pago", "pagos", "zahlung", "zahlungen",
                 "bezahlung", "paiement", "paiements", "pagamento", "pagamentos", "pix"],
    "streaming": ["streaming", "playback", "stream", "streams", "livestream", "reproducción", "wiedergabe",
                  "lecture", "reprodução"],
    "login": ["login", "logins", "sign-in", "signin", "authentication", "anmeldung", "connexion"],
}

SYMPTOM_PHRASES: dict[str, list[str]] = {
    "outage": [
        # en
        "is down", "are down", "'s down", "was down", "were down", "went down", "goes down", "go down",
        "going down", "be down", "been down", "still down", "down again", "down for everyone", "down for me",
        "down right now", "down rn", "down atm", "all down", "completely down", "totally down", "seems down",
        "looks down", "down worldwide", "seem down", "seems to be down", "appears down", "appears to be down", "both down", "isn't responding", "is not responding", "doesn't respond", "won't respond", "outage", "outages", "not working", "isn't working", "is not working",
        "aren't working", "are not working", "doesn't work", "does not work", "don't work", "won't work",
        "stopped working", "not responding", "unresponsive", "offline", "went offline", "unavailable",
        "crashed", "crashing", "keeps crashing", "broken", "is dead", "borked", "service disruption",
        "disruption", "disruptions", "disrupted", "service interruption", "interruption", "can't access",
        "internet down", "internet is down", "internet's down", "internet outage", "wifi down", "wifi is down",
        "power outage", "power is out", "no internet", "no service", "dead again", "died again", "keeps crashing",
        "crashes", "crashed again", "kicked me out", "kicking me out", "kicked me off", "kicking me off",
        "kicks me out", "kicks me off", "is having a bad day", "having a bad day", "having a moment",
        "having issues", "having problems", "shitting the bed",
        "faceplanted", "is toast", "fubar", "503s", "502s", "500s", "down down",
        "down di", "è down", "sono down", "schermo nero",
        "cannot access", "unable to access", "inaccessible", "major outage", "blackout", "downtime",
        "down or is it just me", "down or just me", "down for anyone else", "down for anybody else",
        # es
        "caído", "caida", "caída", "caídos", "se cayó", "se cae", "se ha caído", "está caído", "no funciona",
        "no funcionan", "no está funcionando", "dejó de funcionar", "no va", "no anda", "sin servicio",
        "fuera de servicio", "fuera de línea", "interrupción", "no responde", "no disponible",
        "caída del servicio",
        # de
        "ausfall", "ausfälle", "ausgefallen", "störung", "störungen", "gestört", "geht nicht", "gehen nicht",
        "funktioniert nicht", "funktionieren nicht", "ist down", "sind down", "nicht erreichbar",
        "nicht verfügbar", "fällt aus", "liegt lahm", "streikt", "totalausfall", "geht gar nichts",
        "nichts geht", "nichts geht mehr",
        # fr
        "panne", "en panne", "pannes", "ne fonctionne pas", "ne fonctionne plus", "ne marche pas",
        "ne marche plus", "marche pas", "marche plus", "fonctionne pas", "hors service", "hors ligne",
        "indisponible", "indisponibles", "coupure", "coupures", "plantage", "planté", "est down",
        "interruption de service", "dysfonctionnement",
        # pt
        "fora do ar", "caiu", "caíram", "apagão", "não funciona", "não está funcionando", "parou de funcionar",
        "indisponível", "fora de serviço", "pane", "queda", "sem funcionar", "tá fora", "está fora",
        # nl, it, sv, pl, tr (outage words only: the blind sets carry a few of each)
        "storing", "storingen", "ligt eruit", "ligt plat", "werkt niet", "doet het niet", "niet bereikbaar",
        "non funziona", "non va", "disservizio", "disservizi", "guasto", "fuori servizio", "irraggiungibile",
        "fungerar inte", "ligger nere", "driftstörning", "nie działa", "awaria", "çalışmıyor", "çöktü", "erişilemiyor",
        "arıza", "arızası", "kesinti", "kesintisi", "erişim sorunu", "erişim yok", "kesintinin", "arızanın",
        "kesintiye", "arızaya",
        # plural and case forms of the words above ("Teams et Outlook inaccessibles", "ma jakąś awarię")
        "inaccessibles", "irraggiungibili", "awarię", "awarii", "awarie", "indisponibili", "non disponibili",
        # fr "en rade" (broken down), en "meltdown" (a big outage, as headlines say it)
        "en rade", "meltdown",
        # sv "Storstörning hos Google Cloud" (a major disruption)
        "storstörning", "storstörningen", "storstörningar",
    ],
    "degraded": [
        "degraded", "degraded performance", "degradation", "partial outage", "partially down",
        "intermittent", "intermittently", "reduced performance", "impaired", "impact to", "impacting",
        "degradado", "degradación", "intermitente", "intermitentes", "eingeschränkt", "beeinträchtigt",
        "beeinträchtigungen", "dégradé", "dégradée", "dégradation", "perturbé", "perturbation",
        "perturbations", "instável", "instabilidade", "instabilidades", "degradação", "inestable",
        "inestabilidad", "instable", "instabilité", "instabil",
    ],
    "problems": [
        # "broken" in the other languages, a weak word: about a named service ("LinkedIn ist immer noch kaputt"), not
        # one's washing machine or bike ("Waschmaschine kaputt", "mijn fiets is weer kapot": senses.EVERYDAY_SUBJECTS)
        "kaputt", "kapot", "cassé", "cassée", "rotto", "rotta", "quebrado", "quebrada", "zepsuty", "zepsute",
        "zepsuta", "trasig", "trasigt", "bozuk",
        "issues", "issue", "problems", "problem", "trouble", "having trouble", "glitch", "glitches",
        "glitchy", "something went wrong", "acting up", "acting weird", "incident",
        "stuck", "not sending", "won't send", "can't send", "cannot send",
        "overloaded", "at capacity", "capacity constraints", "dropping",
        "dropping out", "keeps dropping", "dropped", "throttling", "throttled", "misbehaving", "won't let me",
        "froze", "freezes", "keeps freezing", "sync issues", "sync errors", "not syncing",
        "sync failed", "just spins", "keeps spinning", "spinning wheel", "endless loading",
        "keeps skipping", "stops playing", "skips then stops", "not receiving", "not delivering",
        "not updating", "not refreshing", "missing messages", "messages not sending", "glitching", "bugged",
        "bugging out", "wonky", "flaky", "janky", "messed up", "borked again", "errored",
        "blinking red", "ignoring me", "fail", "blank", "no metrics", "no data", "acting up again",
        "freezing on", "just stops", "then stops", "cierra la sesión", "nicht an", "is crawling", "keeps pausing", "keeps cutting out", "cutting out", "cuts out",
        "minutes late", "min late", "mins late", "hours late", "arriving late", "showing up late", "declining",
        "returns nothing", "returning nothing", "just hangs", "hangs", "flapping", "app frozen", "is frozen",
        "frozen at", "not arriving", "not coming through", "not going through", "won't go through",
        "keeps asking me to", "login loop", "sign-in loop", "stuck pending", "pending for", "ddos", "ddos attack",
        "loop", "logged out", "keeps logging out", "429s", "rate limited", "rate limiting",
        # es
        "me pide iniciar sesión", "se salta", "se para", "se pausa", "se detiene", "se cierra la sesión", "se cierra", "rechaza",
        "rechazando", "no llegan", "no llega", "no me deja", "se bloquea",
        # fr
        "saute", "s'arrête", "me déconnecte", "ne passent plus", "ne passe plus", "déconnecte", "ne répond plus",
        "ne répondent plus", "beug", "bugue",
        # it
        "non invia", "non riceve", "non sincronizza", "bloccato", "bloccata", "si blocca", "giù", "non raggiungibile",
        "non raggiungibili", "va a scatti", "mi disconnette", "salta", "non riesco",
        "problemi", "rallentamenti", "lento",
        # de
        "bricht", "brechen", "nicht zugestellt", "kommen nicht an", "kommt nicht an", "hängt sich auf",
        # nl
        "hapert", "komen niet aan", "komt niet aan", "gooit me eruit", "eruit", "traag",
        # sv, pl, tr
        "funkar inte", "svart skärm", "przerywa", "gitmiyor", "problemy", "problem z", "problemy z",
        "strular", "strulade", "strular med", "problemen", "probleem", "problemen met",
        "just spin", "spin forever", "spins forever", "spinning forever", "non mi fa", "impossibile pubblicare",
        "impossibile caricare", "impossibile accedere", "impossibile inviare",
        # pt
        "parou", "parando", "pulando", "não chama", "fica buscando", "recusando", "recusado", "caindo",
        "se congela", "se cuelga", "se traba", "hängt sich auf", "stürzt ab", "abgestürzt", "plante", "rame",
        "beugue", "trava", "travando", "congelou", "fica carregando",
        "no puedo enviar", "se queda pegado", "hängt fest", "bloqué", "bloquée", "travado", "travou",
        "problemas", "problema", "fallos", "probleme", "problem", "schwierigkeiten", "problème",
        "problèmes", "souci", "soucis", "incidente", "incidencia",
    ],
    "login": [
        # a group thrown out of a service ("our whole office got kicked off dbx at 9:02"); not a match that kicked off
        "got kicked off", "kicked us off", "kicked everyone off", "kicked us all off", "got kicked out of",
        "can't log in", "cannot log in", "can't login", "cannot login", "unable to log in", "unable to login",
        "can't sign in", "cannot sign in", "unable to sign in", "can't log into", "cannot log into",
        "login issues", "login problems", "login errors", "login failures", "login not working",
        "log in issues", "sign-in issues", "sign in issues", "signin issues", "authentication failures",
        "authentication errors", "authentication issues", "auth errors", "logged me out", "logging me out",
        "keeps logging me out", "failed logins", "login fails", "login failing", "won't let me log in", "won't let me login", "won't log in",
        "won't log me in", "keeps logging out",
        "no puedo iniciar sesión", "no puedo entrar", "error al iniciar sesión", "no me deja entrar",
        "no me deja iniciar sesión", "problemas para iniciar sesión", "inicio de sesión",
        "kann mich nicht anmelden", "anmeldung nicht möglich", "anmeldeprobleme", "login geht nicht",
        "kann mich nicht einloggen", "einloggen nicht möglich", "anmeldung fehlgeschlagen",
        "impossible de se connecter", "impossible de me connecter", "n'arrive pas à me connecter",
        "problème de connexion", "problèmes de connexion", "connexion impossible",
        "não consigo entrar", "não consigo fazer login", "não consigo logar", "erro de login",
        "erro ao fazer login", "problemas de login",
        "problemen met inloggen", "kan niet inloggen", "inloggen lukt niet", "problemy z logowaniem",
    ],
    "errors": [
        "error", "errors", "erroring", "error message", "error rate", "error rates", "elevated error rates",
        "increased error rates", "failing", "fails", "failed", "failures", "failure", "exception",
        "exceptions", "oops",
        "errores", "falla", "fallas", "fallo", "fallando", "fehler", "fehlermeldung", "fehlermeldungen",
        "schlägt fehl", "fehlgeschlagen", "erreur", "erreurs", "échec", "échecs", "échoue", "bug", "bugs",
        "erro", "erros", "falha", "falhas", "falhando",
        "errori", "errore", "returning 404", "returns 404", "404s", "404 errors", "fouten",
        "403s", "returning 403", "returning 403s", "foutmelding", "foutmeldingen", "hata", "hatası", "hataları",
        "hatalar", "hata veriyor", "uppleva fel", "fel vid", "felnivåer", "förhöjda felnivåer",
    ],
    "5xx": [
        "internal server error", "bad gateway", "service unavailable", "gateway timeout", "server error",
        "server errors", "5xx", "5xxs", "5xx errors",
    ],
    "timeout": [
        "timeout", "timeouts", "timed out", "timing out", "times out", "request timeout", "tiempo de espera",
        "se agotó el tiempo", "zeitüberschreitung", "délai d'attente", "délai dépassé", "tempo esgotado",
        "tempo limite",
    ],
    "latency": [
        "latency", "high latency", "increased latency", "elevated latency", "slow", "slowness", "very slow",
        "super slow", "sluggish", "lag", "lagging", "laggy", "delays", "delayed", "longer than normal",
        "longer than usual", "slow response", "slow to load", "response times", "slower than usual", "queued", "queued forever", "stuck in queue", "queue times",
        "backlog", "wait times", "minutes behind", "hours behind", "mins behind", "behind schedule",
        "taking forever", "takes forever", "forever to load", "slow af",
        "min behind", "waiting for a runner", "hängen", "hängen fest", "bleibt hängen",
        "lento", "lenta", "lentos", "lentitud", "retrasos", "demoras", "latencia", "langsam",
        "verzögerungen", "verzögert", "latenz", "hängt", "lent", "lente", "lenteur", "lenteurs",
        "ralentissement", "ralentissements", "latence", "retards", "lentidão", "atraso", "atrasos",
        "latência",
    ],
    "not-loading": [
        "has been spinning", "have been spinning", "been spinning for", "still spinning",
        "not loading", "won't load", "wont load", "doesn't load", "does not load", "can't load",
        "cannot load", "unable to load", "isn't loading", "failed to load", "fails to load", "blank page",
        "blank screen", "white screen", "black screen", "stuck loading", "stuck on loading", "keeps loading",
        "loading forever", "sin cargar", "lädt nichts", "laden nichts", "no carga", "no cargan", "no abre", "no se abre", "pantalla en blanco",
        "lädt nicht", "laden nicht", "öffnet nicht", "weißer bildschirm", "ne charge pas", "non carica",
        "non si apre", "laadt niet", "laddar inte", "nie ładuje", "yüklenmiyor",
        "ne se charge pas", "ne s'ouvre pas", "page blanche", "écran noir", "écran blanc", "não carrega",
        "não abre", "tela branca", "tela preta",
        "sem carregar",
    ],
    "connectivity": [
        "can't connect", "cannot connect", "unable to connect", "connection issues", "connection problems",
        "connection errors", "connection refused", "connection reset", "connectivity issues", "connectivity",
        "network issues", "network connectivity", "packet loss", "dns resolution", "dns issues",
        "dns failures", "dns errors", "no connection", "lost connection", "disconnected", "disconnects",
        "lost network", "lost connectivity", "lost network connectivity", "loss of connectivity", "lost access",
        "brak dostępu", "problemy z dostępem", "problem z dostępem",
        "disconnecting", "keeps disconnecting", "unreachable", "won't connect", "doesn't connect", "not connecting", "sin conexión", "no conecta",
        "no se conecta", "problemas de conexión", "error de conexión", "desconexiones", "desconectado",
        "keine verbindung", "verbindungsprobleme", "verbindungsabbruch", "verbindungsabbrüche",
        "verbindungsfehler", "pas de connexion", "impossible de joindre", "déconnexion", "déconnexions",
        "déconnecté", "problèmes de réseau", "perte de paquets", "sem conexão", "não conecta",
        "problemas de conexão", "erro de conexão", "sem internet", "desconectado", "perda de pacotes",
        "si disconnette", "si disconnettono", "valt weg", "valt steeds weg", "vallen weg", "network flaps",
        "keep dropping", "dropping off", "keep dropping off",
    ],
    "payments": [
        "payment failed", "payments failed", "payments failing", "payment failures", "payment issues",
        "payment errors", "can't pay", "cannot pay", "checkout issues", "checkout errors", "card declined",
        "getting declined", "keeps declining", "payments declined", "payment declined",
        "transaction declined", "charges failing", "double charged", "charged twice", "can't check out",
        "cannot check out", "checkout broken", "checkout failing", "pagos rechazados", "zahlung abgelehnt",
        "est refusé", "refusé", "refusée", "rifiutata", "rifiutato",
        "paiement refusé", "pagamento recusado",
        "transactions failing", "failed transactions", "failed payments", "pago rechazado",
        "no puedo pagar", "error en el pago", "zahlungsprobleme", "kann nicht bezahlen",
        "impossible de payer", "paiement refusé", "não consigo pagar", "erro no pagamento",
    ],
    "streaming": [
        "buffering", "keeps buffering", "buffered", "can't stream", "cannot stream", "won't play", "playback error",
        "playback errors", "playback issues", "video won't play", "streaming issues", "streaming problems",
        "no reproduce", "se queda cargando", "error de reproducción", "puffert", "wiedergabefehler",
        "erreur de lecture", "lecture impossible", "travando", "erro de reprodução", "não reproduz",
    ],
    "maintenance": [
        "maintenance", "scheduled maintenance", "planned maintenance", "maintenance window",
        "mantenimiento", "wartung", "wartungsarbeiten", "manutenção", "scheduled upgrade", "planned upgrade",
        "manutenzione", "onderhoud", "underhåll", "underhållet", "underhållsarbete", "bakım", "bakımı",
        "bakım çalışması", "konserwacja", "konserwacji", "prace serwisowe", "prac serwisowych", "planowane prace",
        "planowanych prac", "przerwa techniczna", "przerwy technicznej", "manutenção programada", "mantenimiento programado", "gepland onderhoud",
        # downtime announced ("expected downtime under 5 minutes", "coupure programmée")
        "planned downtime", "scheduled downtime", "expected downtime", "planned outage", "scheduled outage",
        "coupure programmée", "interruption programmée", "corte programado", "interrupción programada",
        "interruzione programmata", "geplante ausfallzeit", "geplante unterbrechung", "geplande onderbreking",
    ],
    # "is fine", "works fine for me": a recovery only when nothing else in the text is broken
    # ("valorant won't launch, vanguard is fine" is a report, not a recovery).
    "fine": ["working fine", "works fine", "running fine", "been fine", "is fine", "all good", "fine here", "fine for me",
             "looks fine", "look fine", "seems fine", "fine from here", "sorun yok", "sorun görünmüyor",
             "sorun olmadığını", "sorun bulunmuyor", "sorun yaşanmıyor", "sorun bildirilmiyor", "sorun bildirilmedi"],
    "recovered": [
        "back up", "back online", "is back", "are back", "it's back", "back to normal", "working again", "finally back",
        "works again", "up again", "up and running", "resolved", "has been resolved", "is resolved",
        "fixed", "is fixed", "has been fixed", "restored", "has been restored", "recovered", "has recovered",
        "have recovered", "fully recovered", "operating normally", "functioning normally",
        "all systems operational", "operational", "no longer", "mitigated", "has been mitigated",
        "back online after", "is back online", "are back online", "service has been restored", "restored service",
        "restores service", "restores access", "restores connectivity", "restored access",
        "delivered normally", "normally again", "has been cleared", "processing normally", "verholpen", "werkt weer",
        "risolto", "è stato risolto", "funziona di nuovo", "ripristinato", "est de nouveau opérationnel",
        "de nouveau opérationnel", "incident résolu",
        "normal operations", "service restored", "been fine",
        "all systems go", "back to green", "resuelto", "solucionado", "restablecido", "ya funciona",
        "vuelve a funcionar", "volvió a funcionar", "funciona de nuevo", "funcionando con normalidad",
        "normalizado", "recuperado", "behoben", "wieder da", "wieder online", "funktioniert wieder",
        "geht wieder", "läuft wieder", "wiederhergestellt", "funktionieren wieder", "gehen wieder", "laufen wieder",
        "werken weer", "funcionan de nuevo", "vuelven a funcionar", "voltaram a funcionar", "funzionano di nuovo", "gelöst", "résolu", "résolue", "rétabli",
        "rétablie", "fonctionne à nouveau", "fonctionne de nouveau", "fonctionnent à nouveau", "fonctionnent de nouveau", "remis en service", "de retour",
        "corrigé", "fonctionne normalement", "resolvido", "normalizado", "voltou", "voltou a funcionar",
        "restabelecido", "funcionando normalmente", "corrigido", "de volta",
        "funkar igen", "fungerar igen", "är tillbaka", "düzeldi", "tekrar çalışıyor", "è tornato a funzionare",
        "è tornata a funzionare", "tornato a funzionare", "torna a funzionare", "è tornato", "è tornata",
        "est revenu", "est revenue", "sont revenus", "już działa", "znowu działa", "działa ponownie",
        "rétablis", "rétablies", "recovering after",
    ],
}

# "No network": a word for none, then a word for the network, per language ("kein Netz", "sin señal",
# "plus de réseau", "brak zasięgu"); Turkish puts "yok" after ("internet yok").
NO_NETWORK: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # Not "no coverage", "no data", "sin datos": news and statistics say those about anything.
    "en": (("no",), ("signal", "network", "reception", "wifi", "wi-fi", "mobile data")),
    "es": (("sin", "no hay", "no tiene", "no tengo"), ("internet", "señal", "red", "conexión", "cobertura", "wifi")),
    "de": (("kein", "keine", "keinen"), ("netz", "internet", "empfang", "verbindung", "signal", "wlan", "netzempfang")),
    "fr": (("pas de", "plus de", "aucun", "aucune", "sans"), ("réseau", "internet", "connexion", "signal", "wifi",
                                                              "data")),
    "pt": (("sem", "não tem", "não tenho", "não tá com"), ("sinal", "rede", "conexão", "wifi", "cobertura", "net",
                                                         "internet")),
    "it": (("niente", "senza", "nessun", "nessuna", "non c'è"), ("internet", "rete", "segnale", "connessione",
                                                              "linea", "wifi", "campo")),
    "nl": (("geen",), ("internet", "bereik", "verbinding", "netwerk", "signaal", "wifi")),
    "pl": (("brak", "nie ma"), ("internetu", "zasięgu", "sieci", "połączenia", "sygnału")),
    "sv": (("ingen", "inget"), ("internet", "täckning", "nät", "anslutning", "signal", "mottagning", "uppkoppling")),
}
NO_NETWORK_AFTER = {"tr": (("internet", "bağlantı", "sinyal", "şebeke", "hat"), ("yok", "gitti"))}
# Signal and coverage (not "internet", "network"): said alone, where the writer is ("no signal up here in
# the mountains"); with no service or provider named, no network's outage.
COVERAGE = frozenset({"signal", "reception", "señal", "cobertura", "empfang", "netzempfang", "sinal", "segnale",
                      "bereik", "signaal", "zasięgu", "sygnału", "täckning", "mottagning", "sinyal"})
NO_COVERAGE = frozenset(f"{none} {net}" for nones, nets in NO_NETWORK.values() for none in nones for net in nets
                        if net in COVERAGE) | frozenset(f"{net} {none}" for nets, nones in NO_NETWORK_AFTER.values()
                                                        for net in nets for none in nones if net in COVERAGE)
SYMPTOM_PHRASES["connectivity"] += sorted(
    {f"{none} {net}" for nones, nets in NO_NETWORK.values() for none in nones for net in nets}
    | {f"{net} {none}" for nets, nones in NO_NETWORK_AFTER.values() for net in nets for none in nones})

# Everyday complaints and recoveries as the training writers (who never saw these rules) wrote them,
# in the languages whose lists above were thin: colloquial verbs and idioms people use for a service
# that fails them ("ligger nere", "padł", "loopt vast", "mi butta fuori", "me saca de la cuenta",
# "takılı kaldı") and for one that works again ("doet het weer", "har löst sig", "ha ripreso a funzionare").
EVERYDAY_COMPLAINTS: dict[str, list[str]] = {
    "outage": [
        # an airline's or an airport's IT failure ("blocco informatico ai banchi check-in", "Falha informática no
        # Aeroporto do Porto", "check-in arızasının nedeni")
        "blocco informatico", "guasto informatico", "falha informática", "falha informatica", "fallo informático",
        "avería informática", "apagón informático", "it failure", "it outage", "arızasının",
        # sv, pl, nl, it, es, pt, fr, tr, de
        "avbrott", "avbrottet", "driftstopp", "driftstoppet", "störning", "störningen", "störningar", "har pajat",
        "pajat", "helt död", "är nere", "låg nere",
        "nie działają", "przestał działać", "przestała działać", "przestało działać", "onbereikbaar", "lag eruit",
        "ligt eruit", "volledig plat", "in tilt", "fuori uso",
        "non disponibile", "momentaneamente non disponibile", "è giù", "giù da", "está muerto", "estuvo muerto",
        "caído", "cortes de", "em baixo", "foi abaixo", "esteve em baixo",
        "plus d'internet", "tamamen gitti", "kapalıydı", "çöküşü", "çöküşünden",
        "nicht erreichbar", "geht gar nix", "internet weg", "netz weg", "wlan weg",
        "still out", "completely gone", "dead across",
    ],
    "problems": [
        "strular", "strul", "strulet", "krånglar", "krånglade", "hänger sig", "hängde sig", "fastnar", "fastnat",
        "står still", "står och snurrar", "snurrar", "wisi", "wiszą", "kuleje", "się zawiesza", "się zawiesił",
        "się zawiesiła", "zawiesza się", "nie da się", "loopt vast", "liep vast", "blijft hangen", "doet raar",
        "si ferma", "si pianta", "si blocca", "bloccata", "va a tirones", "se queda pillado", "mouline",
        "en boucle", "tourne dans le vide", "tourne à vide", "a gelé", "gèle", "preso em", "presa em", "presas em",
        "presos em", "ficam presas", "fica preso", "sorun", "sorunu", "sorunlar", "sorunları", "erişimde sorun",
        "takılı kaldı", "takılıp kalıyor", "takıldı", "dönüp duruyor",
        "zickt", "zickt rum", "stehen still", "steht still", "hanging at", "loops back",
        "keeps flipping", "just sits", "snaps back",
        # a network or service said dead ("O2 in München komplett tot", "Tele2 mobilnät dött"), weak: a person
        # or a battery dies too, so it needs a service or an operator named
        "komplett tot", "völlig tot", "total tot", "ist tot", "sind tot", "dött", "helt dött", "är död",
        "is dood", "helemaal dood", "ligt dood", "completely dead", "totally dead",
        # calls that drop, a page that shows nothing ("skype calls just drop", "boards all showing empty")
        "calls drop", "call drops", "calls dropping", "calls keep dropping", "drops after", "drop after",
        "showing empty", "shows empty", "showing up empty", "coming up empty",
        # sv "fryser" (freezes; "jag fryser" is being cold: weak), pt "não liga" (won't turn on, won't call)
        "fryser", "frös", "fryser hela tiden", "não liga", "nem liga",
        # a device's light blinking red ("il router lampeggia rosso", "de modem knippert rood")
        "lampeggia rosso", "lampeggia di rosso", "lampeggia in rosso", "parpadea en rojo", "parpadeando en rojo",
        "blinkt rot", "knippert rood", "clignote en rouge", "pisca vermelho", "piscando vermelho", "blinkar rött",
        # headlines: "Why Spotify went dark for two hours" (weak: a person goes dark, a stage too)
        "went dark", "goes dark", "gone dark",
        # nl: nodes, servers falling over; a region having a hard time
        "vallen om", "valt om", "omgevallen", "heeft het zwaar", "hebben het zwaar",
    ],
    "login": [
        "loggar ut mig", "kastar ut mig", "kastade ut mig", "slängde ut mig", "kickas jag ut", "wyrzuca mnie",
        "wywala mnie", "mi butta fuori", "mi butta", "me saca", "me echa", "me saca de la cuenta",
        "beni atıyor", "logs me out",
    ],
    "errors": [
        "felkod", "ett fel uppstod", "internt fel", "błąd", "błędu", "coś poszło nie tak", "mislukt",
        "misgegaan", "ging iets mis", "er ging iets mis", "fout opgetreden", "foutcode", "foutpagina",
        "schiefgelaufen", "ist was schiefgelaufen", "scheitert", "fehlercode", "netzwerkfehler", "mi dà errore",
        "me da error", "dando erro", "hata oluştu", "bir hata oluştu", "code d'erreur",
    ],
    "not-loading": [
        "svart skärm", "laddar i evigheter", "czarny ekran", "zwart scherm", "grijs scherm", "wit scherm",
        "blijft laden", "schwarzen bildschirm", "schwarzer bildschirm", "lädt ewig", "siyah ekran", "boş ekran",
        "tela preta", "schermata nera", "pantalla negra", "écran noir", "ne bootent plus", "blijven laden",
    ],
    "connectivity": [
        "utan internet", "bez internetu", "nie ma netu", "bez zasięgu", "rozłącza", "çekmiyor", "kopuyor",
        "internetsiz", "sin cobertura", "sem sinal", "anslutningen bröts", "utracono połączenie",
        "verbinding verbroken", "verbindung zum server verloren", "conexión perdida",
    ],
    "payments": [
        # the payment's own word beside the refusal: "reddedildi" alone is any refusal ("kira artışı talebimiz
        # reddedildi"), "ödeme reddedildi" a payment's
        "betalningen nekades", "nekades", "nekar mina", "nekar kortet", "płatność odrzucona", "transakcja odrzucona",
        "odrzuca płatność", "odrzuca płatności", "weigert mijn betaling", "weigert alle", "rifiuta il pagamento",
        "rechazó el pago", "rechazó la tarjeta", "ödeme reddedildi", "ödemem reddedildi", "ödeme reddediyor",
        "ödemeyi reddediyor", "kartım reddedildi", "işlem reddedildi", "recusando", "lehnt meine karte",
        "payment declined", "got declined",
    ],
    "streaming": [
        "buffrar", "buforuje", "się buforuje", "bufferen", "blijft bufferen", "se pixela",
    ],
    "latency": ["segar", "laguje", "timear ut", "sürünüyor", "latencias", "latencias altas", "alta latencia",
                "latencia alta", "downloads crawling", "download crawling", "crawling at",
                # "MTN data has been crawling in Lekki", "Cloud Functions timeoutują od 20 minut", "youtube się tnie"
                "been crawling", "data crawling", "timeoutują", "timeoutuje", "się tnie", "tnie się"],
    "degraded": ["perturbés", "perturbées", "sont perturbés"],
    "recovered": [
        "har löst sig", "löst sig", "är lösta", "rullar på igen", "hämtat sig", "fungerar som vanligt igen",
        "wrócił", "wróciła", "wróciło", "wrócili", "już śmiga", "już łapie", "znowu łapie", "znowu dostępny",
        "znów dostępny", "znowu żyje",
        "wrócił do życia", "wrócił do żywych", "naprawił", "doet het weer", "doen het weer", "loopt weer",
        "weer bereikbaar", "weer in de lucht", "is terug", "is weer terug", "weer online", "ha ripreso a funzionare",
        "di nuovo su", "di nuovo ok", "di nuovo funzionante", "è tornato a funzionare", "tutto rientrato",
        "ya volvió", "ya va", "ya funciona", "ya envía", "ya deja", "ya me llegan", "ya pude",
        "voltou", "já normalizou", "normalizou", "remarche", "ça remarche", "de nouveau joignables",
        "à nouveau fonctionnelle", "à nouveau fonctionnel", "geri geldi", "düzelmiş", "tekrar açıldı",
        "çözülmüş", "giderildi", "sorun giderildi", "sorunu giderildi", "düzeltildi", "wieder erreichbar",
        "wieder up", "tut wieder", "wieder netz", "back now", "is back now",
        "back to normal now",
        # nl (Belgium) "werkt terug" (works again), "weer normaal"; sv "åter i drift" (back in operation)
        "werkt terug", "werken terug", "is weer normaal", "weer normaal", "åter i drift", "är åter i drift",
        # a service working again in one verb ("Discord refonctionne chez moi", "les serveurs remarchent"), back
        # online ("PagoPA torna online dopo il blackout"), fixed ("felet i appen åtgärdat efter tre timmar",
        # "storing bij KPN opgelost"), calm again ("nu är det lugnt igen")
        "refonctionne", "refonctionnent", "ça refonctionne", "remarchent", "torna online",
        "tornano online", "è tornato online", "è tornata online", "sono tornati online", "åtgärdat", "åtgärdats",
        "åtgärdad", "opgelost", "lugnt igen", "okej igen", "igång igen", "är igång igen",
        # headlines: "Twitch volta ao ar após queda", "la panne ... a été réparée", "slack came back"
        "volta ao ar", "voltou ao ar", "de volta ao ar", "volta a funcionar", "réparée", "réparé", "réparées",
        "a été réparée", "a été réparé", "came back", "came back up", "sona erdi",
        # said of a network or an app, generic (GENERIC_RECOVERIES): "virgin media broadband back after 6 hours",
        # "fibra TIM tornata adesso", "c'est revenu pour SFR"
        "back after", "is back after", "tornata", "tornato", "c'est revenu",
        # "gmail was broken for 20 min this morning but seems fine now", "Storing bij DigiD voorbij"
        "fine now", "seems fine now", "ok now", "okay now", "works now", "working now", "voorbij", "is voorbij",
        # it: restored (generic: "ripristinati i servizi dopo il blocco"); a service said to work again with the
        # writer between the verb and "again" ("Prime Video läuft bei mir wieder", "steam działa już normalnie")
        "ripristinati", "ripristinata", "ripristinate", "läuft bei mir wieder", "geht bei mir wieder",
        "är uppe igen", "uppe igen", "weer up", "is weer up", "di nuovo online", "de nuevo en línea",
        "funktioniert bei mir wieder", "werkt bij mij weer", "działa już normalnie", "już normalnie",
        # everything working again, "everything" between the verb and "again" ("jetzt läuft alles wieder", "nu draait
        # alles weer"), an outage said over ("la panne Free sur Nice est finie", "superonline kesintisi bitti"),
        # solved ("psn-strulet igår kväll verkar löst")
        "läuft alles wieder", "geht alles wieder", "funktioniert alles wieder", "draait alles weer",
        "werkt alles weer", "doet alles het weer", "panne est finie", "panne est terminée", "coupure est finie",
        "coupure est terminée", "kesintisi bitti", "kesinti bitti", "arıza bitti", "verkar löst", "verkar vara löst",
        # a network had again ("helsingborg har bredband igen", "floripa voltou a ter internet", "bodrum nihayet
        # internete kavuştu"), working again in a contraction ("jetzt läuft's wieder"), all fixed, all green
        "har internet igen", "har bredband igen", "har nät igen", "har täckning igen", "voltou a ter internet",
        "voltou a ter sinal", "internete kavuştu", "internete kavuştuk", "hebben weer internet", "weer internet",
        "ya hay internet", "volvió el internet", "läuft's wieder", "geht's wieder", "wszystko naprawione",
        "all green now", "all green again",
    ],
}
# A system said to give an error ("il sito dell'INPS dà errore", "só dá erro", "ePUAP wyrzuca błąd", "Doctolib me met
# 'une erreur est survenue'", "the app just errors for me") and money taken twice or for nothing ("deliveroo has
# charged me twice", "iFood cobrou duas vezes", "Pyszne.pl pobrało pieniądze"): the everyday failures of a bank, a
# delivery app or a government portal the catalog does not know. Not weak words: a complaint of what a service
# does, counted where the text speaks of an app, a site or a payment (resolve's ``_about_a_service``).
EVERYDAY_COMPLAINTS["errors"] += [
    "dà errore", "da errore", "dà sempre errore", "vi dà errore", "ti dà errore", "dá erro", "só dá erro",
    "dá sempre erro", "da error", "da un error", "me da un error", "wyrzuca błąd", "wywala błąd", "pokazuje błąd",
    "ciągle błąd", "gives an error", "gives me an error", "throws an error", "throwing an error", "just errors",
    "keeps erroring", "keeps throwing errors", "me renvoie une erreur", "renvoie une erreur", "une erreur est survenue",
    "me met une erreur", "affiche une erreur", "zeigt einen fehler", "zeigt nur fehler", "gibt einen fehler",
    "geeft een fout", "geeft een foutmelding", "geeft een error", "ger ett fel", "visar fel", "hata veriyor",
    "hata verdi", "sürekli hata", "errore di sistema", "erro no sistema",
    # an HTTP status made a verb ("preview deploys 404ing for everything"); sv "fails" ("uppladdningen misslyckas")
    "404ing", "500ing", "502ing", "503ing", "504ing", "misslyckas", "misslyckas hela tiden",
]
# (money taken twice is a "problems" word: "my brother charged me twice for dinner" is no payment failure, so it
# counts only as a complaint about an app, an order or a site, or beside a named service)
EVERYDAY_COMPLAINTS["problems"] += [
    "charged me twice", "charged me 3 times", "charged me three times", "double charged me",
    "took the money", "took my money", "cobró dos veces", "me cobró dos veces", "me cobró el pedido", "cobrou duas vezes",
    "cobrou duas vezes", "cobrou em dobro", "débité deux fois", "prélevé deux fois", "zweimal abgebucht",
    "doppelt abgebucht", "twee keer afgeschreven", "dubbel afgeschreven", "addebitato due volte", "addebitato due",
    "pobrało pieniądze", "pobrali pieniądze", "pobrało dwa razy", "iki kez çekildi", "iki kere çekti", "dragit två gånger",
]
EVERYDAY_COMPLAINTS["login"] += [
    "keeps asking for my password", "asking for my password again", "keeps asking me to log in", "não deixa eu entrar",
    "não me deixa entrar", "non mi fa entrare", "me pide la contraseña", "oturumu kapatıyor", "oturumumu kapatıyor",
    "wylogowuje mnie", "loggt mich aus", "me déconnecte",
]
# What a bank's, a portal's or a payment app's own error message says when it fails, and what its users say of it,
# in the languages whose lists lacked them (a quoted message is a complaint about an app: "Garanti BBVA uygulaması
# sürekli 'işleminiz gerçekleştirilemiyor' diyor", "Swish säger 'betalningen kunde inte genomföras'", "Sparkasse
# App: 'Die Anmeldung ist derzeit nicht möglich'", "e-Devlet'e giriş yapamıyorum", "biglietteria online e app
# inaccessibili", "Cae la web de la Agencia Tributaria").
EVERYDAY_COMPLAINTS["outage"] += [
    "inaccessibile", "inaccessibili", "inaccesible", "inaccesibles", "inacessível", "inacessíveis", "niedostępny",
    "niedostępna", "niedostępne", "otillgänglig", "otillgängliga", "cae la web", "se cae la web", "se cayó la web",
    "caída de la web", "cae la página", "unerreichbar",
]
EVERYDAY_COMPLAINTS["login"] += [
    "giriş yapamıyorum", "giriş yapılamıyor", "giriş yapamıyoruz", "anmeldung ist derzeit nicht möglich",
    "anmeldung ist nicht möglich", "anmeldung derzeit nicht möglich", "login ist nicht möglich", "kan inte logga in",
    "kommer inte in på", "non riesco ad accedere", "non riesco ad entrare", "nie mogę się zalogować",
    "nie da się zalogować", "não consigo fazer login", "no puedo iniciar sesión", "je n'arrive pas à me connecter",
]
EVERYDAY_COMPLAINTS["payments"] += [
    "betalningen kunde inte genomföras", "transação não concluída", "transação não foi concluída",
    "pagamento não concluído", "pago no se pudo completar", "zahlung konnte nicht", "betaling mislukt",
    "płatność nie powiodła się", "ödeme gerçekleştirilemiyor", "paiement refusé", "pagamento non riuscito",
]
EVERYDAY_COMPLAINTS["errors"] += [
    "kunde inte genomföras", "gerçekleştirilemiyor", "işleminiz gerçekleştirilemiyor", "operação não disponível",
    "no se pudo completar", "no se ha podido completar", "konnte nicht durchgeführt werden", "kon niet worden voltooid",
    "nie udało się zrealizować", "impossible de finaliser", "non è stato possibile completare",
]
EVERYDAY_COMPLAINTS["not-loading"] += [
    "laddar bara och laddar", "laddar och laddar", "snurrar bara", "sayfa boş dönüyor", "boş sayfa", "beyaz ekran",
    "página em branco", "pagina bianca", "leere seite", "witte pagina", "pusta strona", "página en blanco",
    "page blanche",
]
# The everyday failures of apps, banks and shops as their users quote them, said without an outage word: the
# generic error screens every app shows in each language ("Sorry, something's gone wrong", "algo salió mal",
# "något gick fel", "bir şeyler ters gitti"), a request or payment the app could not process ("no pudimos procesar
# tu pago", "we kunnen je verzoek nu niet verwerken", "işleminizi gerçekleştiremiyoruz"), money that never arrives
# ("pix não caiu na conta"), being locked out of or thrown out of an app ("customers locked out of banking apps",
# "KLM gooit me uit de app"). Complaints, not weak words: counted where the text speaks of an app, a site, an
# account or a payment (resolve's ``_about_a_service``) or names a service.
EVERYDAY_COMPLAINTS["errors"] += [
    "something's gone wrong", "something has gone wrong", "something went wrong on our end", "algo salió mal",
    "algo ha salido mal", "algo deu errado", "algo correu mal", "un problème est survenu", "une erreur s'est produite",
    "qualcosa è andato storto", "något gick fel", "något har gått fel", "tekniskt fel", "bir şeyler ters gitti",
    "bir sorun oluştu", "teknik bir sorun", "teknik bir hata", "technischer fehler", "erro técnico", "error técnico",
    "erreur technique", "errore tecnico", "błąd techniczny", "technical error", "overloaded_error",
    "no pudimos procesar", "no se pudo procesar", "no hemos podido procesar", "não foi possível processar",
    "não conseguimos processar", "nous n'avons pas pu", "impossible de traiter", "konnte nicht verarbeitet",
    "konnten nicht verarbeitet", "non è stato possibile elaborare", "non siamo riusciti", "niet verwerken",
    "kon niet verwerkt", "nie można przetworzyć", "nie udało się przetworzyć", "kunde inte behandlas",
    "gerçekleştiremiyoruz", "gerçekleştirilemedi", "could not be processed", "couldn't process", "unable to process",
    "couldn't complete your", "could not complete your",
]
EVERYDAY_COMPLAINTS["payments"] += [
    "não cai na conta", "não caiu na conta", "não tá caindo na conta", "não está caindo na conta",
    "não cai de jeito nenhum", "no llega la transferencia", "no me llega la transferencia", "kommt nicht an",
]
EVERYDAY_COMPLAINTS["problems"] += [
    # an order that vanished after paying ("kasa zeszła a zamówienia nie ma", "o pedido sumiu", "my order disappeared")
    "order vanished", "order disappeared", "order just disappeared", "order is gone", "order's gone", "pedido sumiu",
    "pedido desapareceu", "pedido desapareció", "el pedido desapareció", "commande a disparu", "commande disparue",
    "bestellung ist verschwunden", "bestellung verschwunden", "ordine sparito", "ordine è sparito",
    "bestelling is verdwenen", "bestelling verdwenen", "zamówienia nie ma", "zamówienie zniknęło", "siparişim kayboldu",
    "sipariş kayboldu", "siparişim görünmüyor", "beställningen försvann", "beställningen är borta",
    # pl: crashed, colloquial ("allegro się wysypało przy płatności"; "cukier się wysypał" is sugar spilt: a
    # complaint only where the text speaks of an app, a payment or an order)
    "się wysypało", "się wysypał", "się wysypała", "wysypało się", "wysypał się", "wysypała się",
    "locked out of", "locks me out", "locked me out", "gooit me eruit", "gooit mij eruit", "uit de app gooit",
    "uit de app gegooid", "me tira do app", "me expulsa de la app", "me sort de l'appli",
]
# Said of a screen, a session or a page in any app, and of much else: weak, a problem beside a named service (and a
# problem word the relevance model may read past): "the leaderboard is frozen", "session expired", "page not found".
SCREEN_WEAK = [
    "is frozen", "was frozen", "screen frozen", "screen froze", "frozen mid", "froze mid", "frozen on the",
    "white screen", "blank screen", "weißen bildschirm", "weißer bildschirm", "écran blanc", "pantalla blanca",
    "tela branca", "schermo bianco", "biały ekran", "vit skärm", "just spinning", "pages just spinning",
    "refreshing to nothing", "loads nothing", "loading forever", "dots forever",
    "session expired", "sesión caducada", "sesión expirada", "sessão expirada", "session expirée", "sitzung abgelaufen",
    "sessione scaduta", "sessie verlopen", "sesja wygasła", "sessionen har gått ut", "oturum süresi doldu",
    "page not found", "página no encontrada", "página não encontrada", "page introuvable", "seite nicht gefunden",
    "pagina non trovata", "pagina niet gevonden", "nie znaleziono strony", "sidan hittades inte", "sayfa bulunamadı",
]
# "de nuevo sin funcionar", "sem funcionar"; "Optus and Telstra both patchy", "malfunzionamento" (weak: said of
# anything that works badly, a network or a washing machine)
EVERYDAY_COMPLAINTS["problems"] += ["sin funcionar", "sem funcionar"]
SCREEN_WEAK += ["patchy", "malfunzionamento", "malfunzionamenti", "il malfunzionamento",
                # nl: everything down ("doet KPN het bij jullie? hier ligt alles plat")
                "ligt alles plat", "alles ligt plat", "ligt helemaal plat", "alles plat"]
# What a service shows gone ("my DMs disappeared", "la playlist è sparita", "vänlistan har försvunnit", "les
# favoris ont disparu"): weak, a problem beside a named service (a lunchbox vanishes too). In the development sets
# 47 of the 49 texts holding one of these words are about an outage, the two others name no service. (Not the
# words of ACCESS_DOWN, "vanished", "sumiu", "zniknął", nor a phrase opening on one: said after an operator
# they are its outage, not weak.)
GONE_WEAK = [
    "disappeared", "went missing", "gone missing", "desapareció", "desaparecieron",
    "desaparecido", "desaparecida", "desaparecidos", "desaparecidas", "desapareceu", "desapareceram", "sumiram",
    "disparu", "disparue", "disparus", "disparues", "verschwunden", "sparito", "sparita", "spariti", "sparite",
    "scomparso", "scomparsa", "scomparsi", "scomparse", "verdwenen", "zniknęły", "zniknęło", "znikają",
    "försvunnit", "försvunna", "försvann", "kayboldu", "kaybolmuş",
]
# A blank page, the loading screen, a code that never arrives, a log-out, in the languages the lists above lacked
# ("Steam-butiken visar bara en tom sida", "l'app di Fitbit resta sulla schermata di caricamento", "Netflix will
# einen Haushaltscode, der nie ankommt", "Threads continua a sloggarmi", "SQS mesajları gecikmeli geliyor"): weak
# (the blank pages listed above, "page blanche", "pusta strona", are not). In the development sets 90 of the 91
# texts holding one are about an outage (the other names no service: "the loading screen art in this game").
SCREEN_WEAK += [
    "tom sida", "tom skärm", "pagina vuota", "lege pagina", "leeg scherm", "empty page", "loading screen",
    "schermata di caricamento", "pantalla de carga", "tela de carregamento", "écran de chargement", "ladebildschirm",
    "laadscherm", "ekranie ładowania", "yükleme ekranı", "laddningsskärmen", "never arrives", "never arrived",
    "never came", "kommt nie an", "nie ankommt", "nunca llega", "nunca chega", "n'arrive jamais", "non arriva mai",
    "komt nooit aan", "kommer aldrig fram", "nigdy nie dochodzi", "hiç gelmiyor", "sloggarmi", "mi slogga", "slogga",
    "sloggato", "sloggata", "gecikmeli", "rate-limiting", "rate-limited",
]
SCREEN_WEAK += GONE_WEAK
EVERYDAY_COMPLAINTS["problems"] += SCREEN_WEAK
WEAK_WORDS = WEAK_WORDS | frozenset(SCREEN_WEAK)
for _symptom, _phrases in EVERYDAY_COMPLAINTS.items():
    SYMPTOM_PHRASES[_symptom] += [p for p in _phrases if p not in SYMPTOM_PHRASES[_symptom]]

# What a network operator sells said to be out, per language: (what it sells, what is said of it when it fails)
# ("AT&T fiber out", "A1 mobile internet dead", "Orange fibre coupée", "Superonline fiber kesik", "Iliad fibra
# ferma"). Weak ("problems"): "the tv is dead" and "data gone" are said of anything, so a service or a network
# operator must be named (nlp/operators.py) for one to count.
ACCESS_DOWN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("internet", "broadband", "fibre", "fiber", "signal", "data", "mobile data", "wifi", "network", "4g", "5g",
            "lte", "tv", "cable", "landline", "fios", "home internet"),
           ("out", "dead", "gone", "died", "is out", "is dead", "is gone", "has gone", "went out", "just died", "vanished",
            "keeps dropping", "dropping", "dropping constantly", "has died", "has vanished",
            # British: "Sky broadband went off in Sheff", "broadband has packed in"
            "went off", "has gone off", "packed in", "has packed in", "packed up")),
    "es": (("internet", "fibra", "señal", "red", "datos", "wifi", "4g", "luz e internet"),
           ("muerto", "muerta", "cortado", "cortada", "caído", "caída", "se fue", "se cayó", "inestable", "intermitente")),
    "fr": (("internet", "fibre", "réseau", "4g", "5g", "box", "connexion", "télé", "wifi"),
           ("coupée", "coupé", "coupés", "tombé", "tombée", "est tombé", "est tombée", "hs", "morte", "mort", "en rade")),
    "pt": (("internet", "fibra", "rede", "sinal", "dados", "net", "wifi", "4g"),
           ("morta", "morto", "caiu", "cai", "instável", "fora", "sumiu", "oscilando", "caindo")),
    "de": (("internet", "netz", "dsl", "glasfaser", "kabel-tv", "wlan", "mobilfunk", "lte", "4g", "5g", "festnetz"),
           ("tot", "weg", "down", "futsch", "ausgefallen")),
    "it": (("internet", "fibra", "rete", "linea", "segnale", "4g", "wifi", "adsl"),
           ("morta", "morto", "ferma", "fermo", "andata", "saltata", "assente", "giù", "ko")),
    "nl": (("internet", "glasvezel", "netwerk", "4g", "5g", "tv", "wifi", "bereik"), ("dood", "weg", "plat", "eruit",
                                                                                  "uit")),
    "pl": (("internet", "światłowód", "sieć", "zasięg", "lte"), ("padł", "padła", "leży", "zniknął", "zniknęła")),
    "tr": (("internet", "fiber", "şebeke", "interneti", "hat", "sinyal"), ("gitti", "kesik", "kesildi", "çöktü", "yok")),
    "sv": (("internet", "nätet", "mobilnätet", "bredband", "bredbandet", "fiber"), ("död", "dött", "dog", "nere", "borta")),
}
# None of what an operator sells ("no calls", "zero signal", "sin fibra", "plus de 4G", "sem televisão", "ohne
# Kabel-TV", "zero linea", "geen 4G"); weak, as above: "no data" and "no calls" are said of anything too.
NO_ACCESS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("no", "zero", "lost", "lost all", "lost the", "lost our", "lost my", "lost their", "without"),
           ("data", "calls", "bars", "signal", "4g", "5g", "broadband", "fibre", "fiber", "tv", "landline",
            "mobile data", "internet", "network")),
    "es": (("sin", "no hay", "cero", "ni"), ("fibra", "datos", "4g", "llamadas", "línea", "datos móviles",
                                            "energía ni internet")),
    "fr": (("pas de", "plus de", "aucune", "aucun", "ni", "privé de", "privée de", "privés de", "privées de"),
           ("4g", "5g", "fibre", "télé", "tv", "box", "appels", "accès", "réseau")),
    "pt": (("sem",), ("fibra", "dados", "televisão", "tv", "4g", "linha", "telefone")),
    "de": (("kein", "keine", "ohne"), ("dsl", "lte", "kabel-tv", "tv", "internet", "netz", "glasfaser", "festnetz", "4g")),
    "it": (("senza", "zero", "niente"), ("fibra", "linea", "4g", "chiamate", "dati", "segnale")),
    "nl": (("geen", "zonder"), ("4g", "5g", "tv", "glasvezel", "internet", "netwerk", "bereik")),
    "pl": (("brak", "bez", "nie ma"), ("światłowodu", "lte", "telewizji")),
    "sv": (("inget", "ingen", "utan", "noll"), ("bredband", "mobilnät", "4g", "5g", "tv", "täckning")),
}
_KNOWN = {p for phrases in SYMPTOM_PHRASES.values() for p in phrases}
_STARTS = {p.split(" ", 1)[0] for p in _KNOWN if " " in p}
# Not where the word said of it is a phrase already, or begins one: "çöktü" is an outage on its own, and
# "cable dead across Bedminster" is "dead across" (a phrase of two words would hide one of two after it).
ACCESS_PHRASES = sorted({f"{a} {d}" for products, downs in ACCESS_DOWN.values() for a in products for d in downs
                         if d not in _KNOWN and d.split(" ", 1)[0] not in _STARTS} - _KNOWN
                        | {f"{none} {a}" for nones, products in NO_ACCESS.values() for none in nones
                           for a in products} - _KNOWN)
SYMPTOM_PHRASES["problems"] += [p for p in ACCESS_PHRASES if p not in SYMPTOM_PHRASES["problems"]]
WEAK_WORDS = WEAK_WORDS | frozenset(ACCESS_PHRASES)
# What a phone shows when its network is gone ("my phone says SOS only", "bara nödsamtal", "tylko połączenia
# alarmowe", "somente emergência", "zero tacche"): weak, as "no signal" is (up a mountain a phone shows it too),
# so it is a network's outage only with an operator or a service named; a problem word for the model's guard.
PHONE_NO_SERVICE = [
    "sos only", "sos mode", "on sos", "emergency calls only", "emergency only", "no cell service", "no phone service",
    "solo llamadas de emergencia", "sólo llamadas de emergencia", "solo emergencias", "sólo emergencias",
    "somente emergência", "somente emergencia", "só emergência", "apenas emergência", "só chamadas de emergência",
    "appels d'urgence uniquement", "urgence uniquement", "appels d'urgence seulement", "nur notrufe",
    "nur noch notrufe", "nur notruf", "nur noch notruf", "nur sos", "solo chiamate di emergenza", "solo emergenza",
    "zero tacche", "nessuna tacca", "non prende", "alleen noodoproepen", "alleen noodnummers", "alleen sos",
    "tylko połączenia alarmowe", "tylko sos", "brak usługi", "endast nödsamtal", "bara nödsamtal", "bara sos",
    "sadece acil çağrı", "sadece acil durum", "yalnızca acil çağrı",
]
SYMPTOM_PHRASES["problems"] += [p for p in PHONE_NO_SERVICE if p not in SYMPTOM_PHRASES["problems"]]
WEAK_WORDS = WEAK_WORDS | frozenset(PHONE_NO_SERVICE)
# Said right after a network operator, or after it and what it sells ("Comcast out in Chicago", "AT&T fiber out",
# "Etisalat (e&) home internet dead", "Telenet ook plat", "Türk Telekom hâlâ yok"): its network is down.
OPERATOR_DOWN = frozenset({d for _, downs in ACCESS_DOWN.values() for d in downs if " " not in d} - {"dropping"})
# Words that may stand between the operator and OPERATOR_DOWN beside what it sells ("Telenet ook plat").
OPERATOR_FILLERS = frozenset({"ook", "also", "too", "hâlâ", "still", "again", "yine", "aussi", "también", "também",
                              "anche", "auch", "is", "was", "'s", "just", "completely", "totally", "all", "home", "(",
                              ")", "e&", "est", "está", "è", "ist", "är", "jest", "tamamen", "komplett", "helemaal",
                              "helt", "völlig", "totalmente", "complètement", "completamente", "totaal",
                              # nl "Ziggo ligt er weer uit", "Proximus valt uit" (the verb before its particle)
                              "ligt", "lag", "er", "weer", "al", "valt", "viel", "vallen"})
# ... and, after an operator already named (not to find one: "power's been out" names none), a perfect's auxiliary
# or a time since ("cox internet been out", "magenta internet sabahtan beri yok": since the morning, none).
OPERATOR_FILLERS_NAMED = OPERATOR_FILLERS | frozenset({
    # since when, in the languages read ("vodafone kabel seit gestern abend tot", "ziggo internet sinds vanochtend
    # plat", "fibra tim desde ontem fora")
    "seit", "gestern", "abend", "heute", "früh", "since", "yesterday", "tonight", "desde", "ayer", "ontem", "hoje",
    "depuis", "hier", "soir", "ieri", "stamattina", "stasera", "sinds", "gisteren", "vanochtend", "vanavond", "od",
    "wczoraj", "rana", "sedan", "igår", "morse", "kväll",
    "been", "has", "have", "had", "har", "varit", "beri", "sabahtan", "akşamdan",
                                                       "dünden", "öğleden", "geceden", "bugün", "hala"})
# What a customer buys, after what an operator sells ("no T-Mobile data plan yet"): no network gone.
OPERATOR_PRODUCTS = frozenset({"plan", "plans", "contract", "deal", "deals", "subscription", "package", "bundle",
                               "tariff", "sim", "offer", "offers"})
# A place said between an operator (or what it sells) and the word that says it down ("Globe signal in Makati
# gone", "airtel fiber in bengaluru dead", "Vodafone Kabel in Hamburg-Altona und Eimsbüttel komplett weg"): the preposition, then at
# most seven words of the place.
OPERATOR_PLACE_PREPOSITIONS = frozenset({"in", "across", "around", "throughout", "en", "à", "a", "em", "no", "na",
                                         "nel", "w", "i", "im", "op", "at", "all", "overall", "partout", "överallt"})

# A provider repairing an outage, as headlines say it ("Singtel fixes broadband disruption", "SFR rétablit son
# réseau mobile après une panne", "Proximus herstelt internetstoring", "Google Cloud przywraca działanie po
# awarii"): the outage's end when its own sentence names the outage (nlp/resolve.py); "Apple fixes bug" is none.
# Not "resolves" (a name resolves, or not), nor "herstellen" (German: to make, "Verbindung herstellen").
# "After" before the problem a repair ended ("restores service after weekend glitch", "normaliza ... após
# instabilidade", "tras una falla", "dopo il blocco"), in every supported language.
AFTER_WORDS = frozenset({"after", "após", "apos", "depois", "tras", "después", "dopo", "nach", "après", "na", "po",
                         "efter", "sonra", "ardından"})
REPAIR_VERBS = frozenset({
    "restores", "fixes", "repairs", "ends", "lifts", "rétablit", "rétablissent", "répare", "réparent",
    "restablece", "restablecen", "soluciona", "solucionan", "normaliza", "normalizan", "restabelece",
    "restabelecem", "retoma", "retomam", "restaura", "restauram", "repõe", "repõem", "behebt", "beheben", "ripristina",
    "ripristinano",
    "risolve", "risolvono", "herstelt", "verhelpt", "verhelpen", "przywraca", "przywracają",
    "przywrócił", "przywróciła", "przywróciło", "przywrócono", "usunięta", "usunięto", "usunięty", "usunęła",
    "giderdi", "düzeltti", "giderildi", "återställer", "åtgärdar", "återställt",
})

# A payment card refused at the till, whoever issued it ("N26 Karte wird überall abgelehnt", "Bunq pinpas
# geweigerd bij de supermarkt", "Revolut odrzuca kartę", "cartão não passa em nenhuma maquininha", "kartlı
# ödemeler geçmiyor"): a card's word and a refusal's within a few words of each other, in one clause
# (nlp/relevance_rules.py), are a payments failure, as "card declined" is; the bank or the card network need not be
# one the catalog knows.
CARD_WORDS = frozenset({
    "card", "cards", "debit", "tarjeta", "tarjetas", "datáfono", "datáfonos", "cartão", "cartões", "maquininha",
    "maquininhas", "karte", "karten", "ec-karte", "kartenzahlung", "kartenzahlungen", "ec-kartenzahlung",
    "kartenzahlung", "carte", "cartes", "cb", "tpe", "carta", "bancomat", "pos", "pinpas", "bankpas", "pinnen",
    "pinautomaat", "karta", "kartę", "kartą", "karty", "kartami", "kart", "kartım", "kartlı", "kartla", "kartı",
    "pos'lar", "kort", "kortet", "korten", "kortbetalning", "kortbetalningar",
    # paying by tapping a card, Belgium's debit card ("gates wouldn't take contactless", "geen bancontact meer")
    "contactless", "bancontact",
})
CARD_REFUSED = frozenset({
    "declined", "declining", "rejected", "rechazada", "rechazadas", "rechaza", "rechazan", "recusado", "recusada",
    "recusa", "recusando", "abgelehnt", "refusée", "refusées", "refusé", "rifiutata", "rifiutate", "rifiuta",
    "geweigerd", "weigert", "odrzuca", "odrzucona", "odrzucone", "odrzucają", "geçmiyor", "reddedildi",
    "reddediyor", "nekas", "nekades", "nekar", "kilit",
    # es "me han rechazado la tarjeta", "me rechazaron la tarjeta"
    "rechazado", "rechazaron", "rechazó",
    # a reader that will not read the card, a shop's terminals that refuse it ("kartı okumuyor", "refuse ma carte")
    "okumuyor", "okumadı", "refuse", "refusent", "rifiutano", "weigeren",
})
# Refusals of two words: "não passa", "no pasa", "ne passe pas", "non passa", "lukt niet", "geht nicht", "nie
# przechodzi", "går inte igenom", "won't go through" (the second word after the first).
CARD_REFUSED_PAIRS = frozenset({
    ("não", "passa"), ("não", "passam"), ("no", "pasa"), ("no", "pasan"), ("ne", "passe"), ("non", "passa"),
    ("non", "passano"), ("lukt", "niet"), ("lukt", "nergens"), ("geht", "nicht"), ("geht", "in"), ("gehen", "nicht"),
    ("nie", "przechodzi"), ("nie", "przechodzą"), ("går", "inte"), ("won't", "go"), ("not", "going"), ("werkt", "niet"),
    ("nie", "działa"), ("ne", "marche"), ("no", "funciona"), ("não", "funciona"), ("non", "funziona"),
    ("çalışmıyor", ""), ("funkar", "inte"),
})
# A machine that will not take the card ("square reader won't take cards", "o multibanco não aceita cartão nenhum",
# "Kortterminalerna tar inga kort", "der Automat nimmt keine Karten"): a refusal only said of a reader, a terminal, a
# gate or a till (MACHINE_WORDS, at most seven words before it); a shop that takes no cards is its policy.
CARD_TAKING_PAIRS = frozenset({
    ("won't", "take"), ("wouldn't", "take"), ("doesn't", "take"), ("won't", "accept"), ("not", "accepting"),
    ("não", "aceita"), ("não", "aceitam"), ("no", "acepta"), ("no", "aceptan"), ("non", "accetta"),
    ("non", "accettano"), ("tar", "inga"), ("tar", "inte"), ("nimmt", "keine"), ("nehmen", "keine"),
    ("nie", "przyjmuje"), ("nie", "przyjmują"), ("n'accepte", "plus"), ("n'accepte", "pas"),
})
MACHINE_WORDS = frozenset({
    "reader", "readers", "terminal", "terminals", "gate", "gates", "machine", "machines", "till", "tills", "atm",
    "atms", "kiosk", "kiosks", "multibanco", "maquininha", "maquininhas", "datáfono", "datáfonos", "tpe", "pos",
    "terminaux", "automat", "automaten", "kartenterminal", "kartenterminals", "lettore", "terminale", "terminali",
    "pinautomaat", "kassa", "terminal", "terminale", "czytnik", "terminalen", "terminalerna", "kortterminalen",
    "kortterminalerna", "kortläsaren", "makine", "makinesi", "makineleri", "leitor", "lector"})
CARD_REFUSED_FIRSTS = frozenset(a for a, _ in CARD_REFUSED_PAIRS | CARD_TAKING_PAIRS)

# "down" after a catalog name ("Slack down?", "AWS down again") is an outage report; on its
# own it is too common a word ("slow down", "down the road", "shares down 3%").
# Said right after a name in other languages too: "Spotify nere för användare", "Instagram leży?", "GitHub fora",
# "Telekom Internet weg" is too far; "Adana'da Turkcell tamamen gitti" is a phrase of its own.
# Polish "padł" (fell) only there: "padło pytanie", "padł rekord", "padł mi laptop" are no service's outage.
BARE_DOWN = frozenset({"down", "caído", "caido", "caida", "caída", "down?", "down!", "nere", "leży", "fora", "borta",
                       "giù", "plat", "padł", "padło", "padła", "padły", "padł?", "leży?"})

# The machines and gates of a station, an airport or a shop: "down" said right after one (at most two words between)
# is their outage, as after a service's name ("Heathrow T5 e-gates down", "check-in kiosks down", "ticket machines
# down across the city", "automaterna nere"); Polish "padł" right before "system" ("padł system odpraw").
# ("gates" only as "e-gates", which the tokenizer splits at its hyphen, or "ticket gates": resolve reads the word before)
PUBLIC_SYSTEMS = frozenset({"e-gates", "egates", "gates", "kiosks", "kiosk", "check-in", "checkin", "boards",
                            "machines", "readers", "terminals", "tills", "scanners", "atms", "cashpoints", "turnstiles",
                            "automaten", "automaterna", "poortjes", "kiosken", "kioskları", "kiosklar", "bancomat",
                            "totem", "tabelloni", "pantallas", "cajeros", "terminais", "kassorna", "kassen"})

# A cue just before a symptom turns it around ("not down", "no issues", "keine Störung").
NEGATIONS = frozenset({
    "not", "no", "never", "isn't", "isnt", "aren't", "arent", "wasn't", "weren't", "don't", "doesn't",
    "didn't", "nothing", "none", "without", "zero", "nope", "nunca", "ningún", "ninguna", "ningun", "sin",
    "nicht", "kein", "keine", "keinen", "keiner", "nie", "ohne", "pas", "ne", "aucun", "aucune", "jamais",
    "sans", "não", "nao", "nenhum", "nenhuma", "sem", "nem",
    # "inga kända problem", "geen storingen", "nessun problema", "żadnych problemów", "hiçbir sorun"
    # (not Turkish "hiçbir": it agrees with a negative verb, "hiçbir video açılmıyordu" is no video would open)
    "inga", "ingen", "inget", "geen", "nessun", "nessuno", "nessuna", "żadnych", "żadnego", "żadnej",
})
# Words that end the reach of a negation ("not slow, but down").
CLAUSE_BREAKS = frozenset({"but", "aber", "pero", "mais", "mas", "though", "however", "yet", ".", ",", ";", ":",
                           "!", "?", "-", "—", "and", "und", "y", "et", "e"})
# A recovery cue after these is hypothetical ("we will update once resolved").
HYPOTHETICAL = frozenset({"once", "until", "when", "after", "before", "if", "till", "not", "yet", "being",
                          "get", "to", "will", "should", "expect", "expected", "towards", "toward",
                          "cuando", "hasta", "wenn", "bis", "quand", "jusqu'à", "quando", "até", "no"})
# A recovery after these is only partial: the incident goes on ("mostly recovered", "signs of recovery").
PARTIAL = frozenset({"most", "mostly", "partially", "partial", "some", "largely", "beginning", "starting", "begun",
                     "signs", "improving", "teilweise", "parcialmente", "partiellement"})
# A problem cue after these is still going on even in a message that reports a recovery.
ONGOING = frozenset({"still", "todavía", "sigue", "siguen", "noch", "immer", "toujours", "encore", "keeps", "keep",
                     "ainda", "continua", "continues", "continue"})

# Status-page stages, latest stage wins when several are present.
STATUS_PHRASES: dict[str, list[str]] = {
    "investigating": [
        "investigating", "we are investigating", "we're investigating", "are investigating",
        "looking into", "we are aware", "we're aware", "are aware of", "currently investigating", "continuing to investigate", "continue to investigate",
        "investigate", "investigando", "estamos investigando", "untersuchen", "wir untersuchen",
        "stiamo indagando", "indagando", "incident en cours", "we onderzoeken", "mitigating",
        "nous enquêtons", "enquête en cours", "examinons", "in onderzoek", "wordt onderzocht", "worden onderzocht",
        "wird untersucht", "werden untersucht", "em investigação", "en investigación",
        "utredning pågår", "vi undersöker", "undersöks",
        # the same sentence as the other languages' status pages write it
        "badamy", "analizujemy", "inceliyoruz", "araştırıyoruz", "stiamo analizzando", "stiamo investigando",
        "wij onderzoeken", "nous analysons", "estamos analizando", "estamos analisando", "wir analysieren",
        "vi felsöker", "vi utreder",
        # the team said at work on it, as other languages' status pages say it ("Nos équipes enquêtent", "I tecnici
        # sono al lavoro", "Engineers are handling it", "Onze engineers onderzoeken de oorzaak", "Ekiplerimiz
        # çalışıyor")
        "équipes enquêtent", "nos équipes enquêtent", "tecnici sono al lavoro", "sono al lavoro", "are handling it",
        "engineers are handling", "onderzoeken de oorzaak", "ekiplerimiz çalışıyor", "ekibimiz çalışıyor",
    ],
    "identified": [
        "identified", "have identified", "has been identified", "root cause", "working on a fix",
        "implementing a fix", "deploying a fix", "working to fix", "found an issue", "found the issue",
        "found the cause", "identified the cause", "working on a mitigation", "working on mitigation",
        "identificado", "identificamos", "hemos identificado", "identifiziert", "identifié", "identifiée",
        "oorzaak gevonden", "oorzaak is gevonden", "ursache gefunden", "ursache ist bekannt",
        "potential cause", "determined the cause", "determined a potential cause", "remediation", "remediating",
        # nl, pl, sv, tr, it, fr, es, pt, de: the cause found, a fix under way
        "oorzaak vastgesteld", "oorzaak is vastgesteld", "werken aan herstel", "werken aan een oplossing",
        "werken aan een fix", "zidentyfikowaliśmy", "zidentyfikowano", "wdrażamy poprawkę", "pracujemy nad poprawką",
        "pracujemy nad rozwiązaniem", "identifierat orsaken", "har identifierat", "orsaken har identifierats",
        "arbetar på en lösning", "arbetar med en lösning", "arbetar på en åtgärd", "tespit ettik", "tespit edildi",
        "nedenini belirledik", "düzeltme üzerinde çalışıyoruz", "abbiamo identificato", "individuato la causa",
        "causa individuata", "stiamo lavorando a una correzione", "stiamo lavorando alla risoluzione",
        "cause identifiée", "avons identifié", "travaillons à un correctif", "travaillons sur un correctif",
        "déployons un correctif", "trabajando en una solución", "trabajando en una corrección",
        "trabalhando em uma correção", "trabalhando na correção", "arbeiten an einer lösung", "arbeiten an der behebung",
        "arbeiten an einem fix",
        # a fix under way as a team or the work itself ("Zespół pracuje nad rozwiązaniem", "Trwają prace nad
        # usunięciem problemu", "yavaşlık üzerinde çalışıyoruz", "vi har hittat orsaken ... och genomför åtgärder",
        # "Rollback in corso")
        "pracuje nad rozwiązaniem", "trwają prace nad", "üzerinde çalışıyoruz", "hittat orsaken", "genomför åtgärder",
        "rollback in corso", "rollback en cours", "rollback em andamento", "rollback en curso",
    ],
    "monitoring": [
        "monitoring", "we are monitoring", "continue to monitor", "continuing to monitor",
        "fix has been implemented", "fix has been deployed", "mitigation has been applied", "deployed a fix",
        "deployed a potential fix", "applied a fix", "applied the fix", "rolled out a fix", "fix has been rolled out",
        "deployed a mitigation", "applied a mitigation", "applied the mitigation", "have mitigated", "has been mitigated",
        "monitor recovery", "monitoring recovery", "monitoring the recovery", "signs of recovery", "seeing recovery",
        "observing improved", "watching services recover", "expect service to fully recover", "monitoreando",
        "monitorizando", "beobachten", "überwachen", "surveillons", "surveillance", "monitorando",
        "houden het in de gaten", "we houden het in de gaten", "fix uitgerold", "er is een fix uitgerold",
        # nl, pl, sv, tr, it, fr, es, pt, de: a fix applied, watched
        "we monitoren", "wij monitoren", "houden de situatie in de gaten", "oplossing is doorgevoerd",
        "fix is doorgevoerd", "monitorujemy", "poprawka została wdrożona", "wdrożyliśmy poprawkę", "vi övervakar",
        "åtgärden har tillämpats", "en åtgärd har tillämpats", "åtgärden har införts", "izliyoruz",
        "düzeltme uygulandı", "düzeltme yayınlandı", "monitoriamo", "abbiamo applicato una correzione",
        "correzione è stata applicata", "correctif a été déployé", "correctif a été appliqué",
        "avons déployé un correctif", "hemos aplicado una corrección", "se ha aplicado una corrección",
        "aplicamos uma correção", "correção foi aplicada", "korrektur wurde eingespielt", "fix wurde eingespielt",
        "korrektur wurde bereitgestellt",
        # tr "Takip ediyoruz" (we are following it)
        "takip ediyoruz", "takipteyiz",
    ],
    "resolved": [
        "resolved", "has been resolved", "is resolved", "fully recovered", "operating normally",
        "risolto", "è stato risolto", "incident résolu", "verholpen",
        "service restored", "has been restored", "have been restored", "fully restored", "is operating normally",
        "back to normal", "resuelto", "behoben", "résolu", "résolue", "resolvido",
        # nl, pl, sv, tr, it, es, pt, de as a sentence ("Het probleem ... is opgelost.", "... został rozwiązany.")
        "is opgelost", "zijn opgelost", "werd opgelost", "is hersteld", "zijn hersteld", "został rozwiązany",
        "została rozwiązana", "zostało rozwiązane", "zostały rozwiązane", "rozwiązano", "usunięto", "är löst",
        "har lösts", "har åtgärdats", "är åtgärdat", "är åtgärdad", "çözüldü", "giderildi", "çözülmüştür",
        "giderilmiştir", "è stato ripristinato", "sono stati ripristinati", "solucionado", "se ha restablecido",
        "foi restabelecido", "foi normalizado", "wurde gelöst", "wurde wiederhergestellt",
        # es, pt, fr in the past tense ("El problema con Cloud SQL ... se resolvió a las 14:20", "o problema ... foi
        # corrigido", "le problème a été corrigé")
        "se resolvió", "se solucionó", "ya se solucionó", "foi corrigido", "foi corrigida", "foram corrigidos",
        "a été corrigé", "a été corrigée", "ont été corrigés", "ont été corrigées",
    ],
    "informational": [
        "scheduled maintenance", "planned maintenance", "maintenance", "will be performing", "informational",
        "no action is required", "for your information", "mantenimiento", "wartung", "wartungsarbeiten",
        "manutenção",
    ],
}
# A status page's component state written as a title ("Degraded performance - Webhooks: ...", "npm registry -
# Partial outage: ..."): the component is in trouble now, whatever else the text says.
COMPONENT_STATES = ("degraded performance", "partial outage", "major outage", "performances dégradées",
                    "desempenho degradado", "rendimiento degradado", "interrupción parcial", "interrupção parcial",
                    "teilweiser ausfall", "gedeeltelijke storing", "verminderde prestaties",
                    # the same states as status pages title them in it, de, tr, sv, pl, fr, es, pt, nl, ja
                    "prestazioni ridotte", "prestazioni degradate", "interruzione parziale", "interruzione grave",
                    "beeinträchtigte leistung", "eingeschränkte leistung", "schwerer ausfall", "performans düşüşü",
                    "kısmi kesinti", "büyük kesinti", "försämrad prestanda", "delvis avbrott", "större avbrott",
                    "obniżona wydajność", "częściowa awaria", "częściowa przerwa", "poważna awaria",
                    "panne partielle", "panne majeure", "interrupción grave", "interrupção grave",
                    "ernstige storing", "パフォーマンス低下", "部分的な障害", "部分的な停止")
# A status page's all-clear component states: a text that says only these reports no incident, over or not.
ALL_CLEAR = frozenset({"operational", "all systems operational", "fully operational", "all systems go",
                       "operating normally", "is operating normally"})
STATUS_ORDER = ("informational", "investigating", "identified", "monitoring", "resolved")
# A status update that says its incident is not over, in every language read: the next update promised ("Next update
# in 30 minutes", "Następna aktualizacja o 12:00", "次回の更新は"), a workaround offered ("Workaround: retry",
# "Obejście:", "Geçici çözüm olarak"), both only where an incident is open; and the watch kept on ("continuiamo a
# monitorare", "Nous continuons à surveiller"), which a resolved notice says too ("resolved ... we will continue to
# monitor"), so it counts only against a recovery the rules read without a resolved stage, or Azure's "Mitigated".
STILL_OPEN = (
    "next update", "workaround", "work-around", "próxima actualización", "solución alternativa", "próxima atualização",
    "solução alternativa", "prochaine mise à jour", "contournement", "nächstes update", "nächste aktualisierung",
    "problemumgehung", "umgehungslösung", "prossimo aggiornamento", "soluzione alternativa", "volgende update",
    "tijdelijke oplossing", "następna aktualizacja", "kolejna aktualizacja", "obejście", "nästa uppdatering",
    "tillfällig lösning", "sonraki güncelleme", "geçici çözüm", "次回の更新", "回避策", "다음 업데이트", "우회 방법",
)
STILL_WATCHED = (
    "continue to monitor", "continuing to monitor", "continue monitoring", "seguimos monitoreando",
    "seguimos monitorizando", "seguimos supervisando", "seguimos monitorando", "continuamos monitorando",
    "continuons à surveiller", "continuons de surveiller", "beobachten weiterhin", "weiterhin beobachten",
    "continuiamo a monitorare", "blijven monitoren", "nadal monitorujemy",
    "fortsätter att övervaka", "izlemeye devam", "引き続き監視", "계속 모니터링",
)

# Japanese: regexes over the raw text (the blank tokenizer keeps a run of kana/kanji as one token).
# The negative look-aheads keep "落ちてない" (not down) and "復旧作業中" (recovery under way) out.
JA_SYMPTOMS: dict[str, list[str]] = {
    "outage": [r"障害(?!物|者|で(?:は|も)?な|じゃな|は(?:あり|発生して(?:い|お)?)?(?:ませ|な)|なし)", r"장애(?!인|물)", r"오류",
               r"落ちて(?:る|い|ます)(?!な|ませ)", r"落ちた", r"オフライン(?:表示|になって|のまま)", r"ダウン(?!ロード|ジャケット|コート|ベスト)", r"使えな(?:い|くな)", r"利用できな", r"停止(?!中の)", r"止まって"],
    "degraded": [r"不安定", r"一部"],
    "problems": [r"不具合", r"問題が(?:発生|起き)", r"おかしい", r"止ま(?:る|った|って)", r"送れな", r"入れな",
                 r"更新されな", r"안 ?[돼되됨됩됐]", r"먹통", r"못 ?(?:보내|받|들어가)", r"버벅", r"届かな",
                 r"(?:送信|受信|同期|保存|送金)(?:でき(?:な|ませ)|されな)"],
    "login": [r"ログインでき(?:な|ませ)", r"サインインでき(?:な|ませ)", r"로그인(?:이)? ?(?:안|불가|오류)"],
    "errors": [r"エラー", r"失敗"],
    "timeout": [r"タイムアウト"],
    "latency": [r"遅い", r"重い", r"遅延", r"느려", r"느림", r"지연"],
    "not-loading": [r"表示されな", r"読み込(?:めな|まな|みませ|めませ)", r"開けな", r"開かな", r"読み込まれな", r"見れな", r"見られな",
                    r"起動(?:しな|でき(?:な|ませ))",
                    r"안 ?(?:열려|열리|떠요|뜨|나와|나오)"],
    "connectivity": [r"(?:繋|つな)がらな", r"接続でき(?:な|ませ)", r"通信障害", r"接続エラー", r"電波が(?:入らな|ない)",
                     r"圏外", r"(?:인터넷|와이파이|신호)(?:이|가)? ?(?:안 ?[돼되됨]|없)",
                     r"(?:접속|연결)(?:이)? ?(?:안|불가|오류|끊)"],
    "payments": [r"決済(?:でき(?:な|ませ)|エラー)", r"支払いでき(?:な|ませ)"],
    "streaming": [r"再生でき(?:な|ませ)", r"버퍼링", r"バッファリング"],
    "maintenance": [r"メンテ", r"点検", r"점검", r"유지 ?관리"],
    "recovered": [r"復旧(?:し(?:た|まし)|済|いたしまし)", r"解消(?:し(?:た|まし)|済|いたしまし)", r"直った", r"回復し",
                  r"복구(?:됐|되었|완료)", r"정상화", r"다시 잘", r"解決済",
                  # the passive a status page writes ("... のすべてのユーザーに対して解決されました")
                  r"解決されま(?:した|す)",
                  # a headline's "recovered from" ("KDDI、通信障害から復旧"), not "復旧作業", "復旧の見込み"
                  r"から(?:全面)?復旧(?!作業|の?見込|のめど|に向|へ|中|待)", r"만에 ?복구"],
}
# A recovery said partial right before its word ("部分的に解決したと考えています", "一部で復旧", "일부만 복구",
# "부분적으로 해결"): the incident is not over, a stage like "Monitoring" (not "一部ネットワーク機器障害は復旧しました",
# where "一部" is the equipment's).
JA_PARTIAL = [r"部分的に(?:解決|復旧|回復|解消)", r"一部(?:で|が|のみ)?(?:復旧|回復)", r"일부(?:만|는)? ?(?:복구|정상화|해결)",
              r"부분(?:적으로|적)? ?(?:복구|해결|정상화)"]
JA_NEGATED = [r"落ちてな", r"落ちていな", r"障害(?:は|も)?(?:ありません|ない|なし)", r"問題(?:は|も)?(?:ありません|ない|なし)"]
# Outage words in their everyday sense in Japanese: one's mood or a share price "down", one's own
# computer "落ちた" (no service). A symptom found inside one of these is not reported.
JA_EVERYDAY = [r"(?:気分|テンション|やる気|株価|体調|モチベ(?:ーション)?)(?:が|も|は)?(?:ダウン|落ち)",
               r"(?:ノートパソコン|パソコン|PC|ＰＣ|マック)(?:が|も|は)?(?:落ち|ダウン)",
               # a cold, an exam, a boxer: "風邪でダウン", "第一志望落ちた", "英検落ちた", "2ラウンドでダウン"
               r"(?:風邪|熱|疲れ)(?:で|が)?[^。、]{0,4}ダウン", r"(?:志望|受験|試験|英検|審査|面接|検定)[^。、]{0,3}落ち",
               r"(?:ラウンド|試合)[^。、]{0,8}ダウン", r"頭(?:が)?真っ白",
               # Korean: one's mind, fingers, a car battery, a life "dead" or "in error"
               r"(?:멘탈|기분|머리|손가락|손|배터리|인생|말귀)[^.。,]{0,4}(?:먹통|오류|나감)"]
# Everyday complaints and recoveries in Japanese and Korean as people post them (the training writers):
# "繋がらん", "固まった", "入れない", "復活した", "戻った"; "먹통", "튕김", "무한로딩", "안 들어가짐", "다시 됨".
# "안 돼/안 됨" is "does not work" (English "not working"), an outage word like it.
CJK_EVERYDAY: dict[str, list[str]] = {
    "outage": [r"먹통", r"응답 ?없", r"応答(?:しな|がな|なし)", r"(?<!빵)(?<!빵 )터(?:짐|졌냐|졌나|졌음|졌어요|졌네)", r"死んでる", r"鯖落ち", r"全滅",
               r"(?<![면게지])\s?안 ?(?:됨|돼요|되네|되요|돼\b|됩니다)"],
    "problems": [r"튕(?:겨|김|기|겼)", r"멈(?:춤|춰|췄|추고)", r"로딩만", r"(?:무한|계속) ?로딩", r"뺑글뺑글|빙글빙글",
                 r"안 ?(?:보내|들어가|넘어가|켜|올라가|잡히|가짐|읽|불러|눌러|받아|넘어|나와|와요|오네|와\b)",
                 r"버벅", r"실패", r"거절", r"고정됨",
                 r"固ま(?:る|った|って)", r"進ま(?:な|ん)", r"動か(?:な|ん)", r"弾かれ", r"カク(?:カク|つ)", r"ぐるぐる",
                 r"クルクル", r"読み込み中", r"途切れ", r"入れ(?:な|ん)",
                 r"(?:送信|受信|同期|保存|送金|ダウンロード|アップロード|購入|再生|接続|ログイン|決済|支払い|注文|通話|視聴|"
                 r"push|プッシュ|注文確定)(?:が|も)?(?:でき(?:な|ん|ませ)|され(?:な|ん))",
                 r"(?:送|払|使|見|観|開)(?:れ|え)(?:な|ん)(?:い|かった)?",
                 # a network that will not catch ("電波つかまらない", "데이터 안 터져요"), a channel that will not
                 # show ("IPTV 안 나옴"): weak, a network operator or a service must be named beside them
                 r"電波(?:が|も)?(?:つかまら|掴まら|拾わ|入ら)(?:な|ん)", r"(?:데이터|신호|와이파이|LTE|5G|인터넷)(?:가|이)? ?안 ?터",
                 r"안 ?나옴", r"(?:인터넷|와이파이|데이터|전화|TV|티비)(?:이|가|도)? ?나(?:감|갔)",
                 # what an app or a line says when it is overloaded ("ただいま混み合っております", "接続に問題があります",
                 # "계속 과부하라고"), a button that does nothing ("반응이 없어요"), a system paralysed ("전산망 마비"), "a
                 # problem occurs" ("문제가 발생하고 있습니다"): weak, a problem beside a named service or operator
                 r"混み合って", r"接続に問題", r"과부하", r"반응이 ?없", r"마비", r"문제가 ?발생"],
    "errors": [r"에러", r"エラー"],
    "not-loading": [r"真っ(?:白|黒)", r"(?:見|観)れ(?:な|ん)", r"안 ?(?:열림|열려|떠|뜸|켜짐)", r"(?:흰|하얀) ?화면|검은 ?화면|까맣게"],
    "connectivity": [r"(?:繋|つな)が(?:らん|らへん|りにく)", r"接続(?:が)?切れ", r"切断", r"끊(?:김|겨|겼|기)", r"연결 ?중",
                     r"接続中"],
    "recovered": [r"復活し", r"戻(?:った|ってきた|りました)", r"直(?:った|ってた|りました|ってる|ってます)", r"正常に戻",
                  r"괜찮아(?:짐|졌)",
                  r"(?:普通に|また)(?:使え|見れ|入れ|繋が|送れ)",
                  r"(?:다시|이제) ?(?:[가-힣A-Za-z]{1,5} )?(?:잘 ?)?(?:됨|돼|된다|되네|됩니다|들어가|접속|살아)", r"정상(?:으로|화| ?작동)",
                  # a headline's "now recovered" ("Google Workspace で障害、... 現在は復旧")
                  r"(?:現在|今)は(?:既に|すでに)?(?:復旧|回復|正常)",
                  r"돌아(?:왔|옴)", r"살아났", r"복구(?:됨|됐)", r"해결(?:됐|되었|됨)",
                  # a headline's noun of recovery closing it, after its problem in the same sentence ("みずほ銀行のシステム
                  # 障害、ATM利用が再開", "ソフトバンク通信障害、午後に復旧", "서울 지하철 앱 장애 해소", "넷플릭스 접속 장애
                  # 복구…", "네트워크 지연 해결 완료"): not "再開の見込み", "いつ復旧？", a room tidied "やっと復旧。"
                  r"(?:障害|不具合|トラブル|停止|エラー)[^。？?]{0,30}(?:利用|運転|運行|営業|サービス|取引|受付|提供|販売|配信)"
                  r"(?:が|を|も)?再開(?:し(?:た|まし)|$|[。！!…\s])",
                  r"(?:障害|不具合|トラブル|停止|エラー)[^。？?]{0,30}復旧(?:$|[。！!…\s])",
                  r"(?:장애|오류|지연|먹통)[^.?]{0,30}(?:해소(?:됐|되었|됨|$|[.!…\s])|복구(?:$|…|\.\.\.)|해결 ?완료)"],
}
for _symptom, _patterns in CJK_EVERYDAY.items():
    JA_SYMPTOMS[_symptom] += _patterns

JA_STATUS: dict[str, list[str]] = {
    "investigating": [r"調査(?:中|して)", r"조사 ?중", r"확인 ?중", r"조사하고 ?있", r"확인하고 ?있",
                      # "対応を進めています", "対応中です", "대응 중" (the response under way)
                      r"対応を進めて", r"対応中", r"대응 ?중"],
    "identified": [r"原因を特定", r"원인(?:을|이)? ?(?:파악|확인)(?:했|하였|되었|됐)"],
    "monitoring": [r"監視(?:中|して)", r"経過観察", r"모니터링 ?중", r"모니터링하고 ?있"],
    "resolved": [r"復旧(?:し(?:た|まし)|済|いたしまし)", r"解消(?:し(?:た|まし)|済|いたしまし)", r"解決済",
                 r"解決されました", r"解決(?:し(?:た|まし)|いたしまし)", r"(?:解消|復旧)され(?:た|まし)",
                 r"(?:해결|복구)(?:되었|됐|했|하였|완료)"],
    "informational": [r"メンテナンス"],
}

# A name that is also a common word is a service only with evidence. These words near it
# are the evidence people give when they mean the product (tech or outage context).
TECH_CONTEXT = frozenset({
    "app", "apps", "website", "site", "server", "servers", "api", "status", "account", "accounts", "login",
    "users", "service", "services", "outage", "down", "update", "updated", "subscription", "support",
    "customers", "platform", "cloud", "online", "web", "browser", "desktop", "mobile", "ios", "android",
    "notifications", "messages", "channel", "channels", "workspace", "meeting", "meetings", "call", "calls",
    "upload", "uploads", "photos", "photo", "stream", "streaming", "streams", "dashboard", "console", "sdk",
    "deploy", "deployment", "deployments", "function", "functions", "invocations", "region", "regions",
    "aplicación", "servidor", "servidores", "cuenta", "dienst", "konto", "compte", "serveur", "serveurs",
    "aplicativo", "conta", "servidor", "webhooks", "webhook", "integration", "integrations", "payouts",
    "payments", "checkout", "builds", "pipelines", "emails", "email", "dms", "feed", "timeline", "orders",
    "deliveries", "video", "audio", "workspaces", "bot", "bots", "notifications", "sync", "syncing", "files",
    "uploads", "downloads", "repos", "repo", "pages", "storefront", "dashboard", "api's", "endpoint", "endpoints",
})
# What else a complaint is said of when a service fails (resolve's ``_about_a_service`` only; not evidence for an
# ambiguous name, as TECH_CONTEXT is): a site or a portal in the other languages ("il sito dell'INPS", "o portal do
# SAT", "strona banku"), an order from a delivery app ("the order still says...", "o pedido sumiu").
# Not English "portal" (a game's name) nor "order" ("in order to"): everyday English words.
ERRAND_WORDS = frozenset({"sito", "portale", "portail", "portaal", "sitio", "página", "webseite", "strona",
                          "serwis", "sitesi", "webbplatsen", "pedido", "bestellung", "commande", "ordine",
                          "bestelling", "zamówienie", "sipariş", "siparişim", "zamówienia", "order", "orders",
                          "pedidos", "beställningen", "beställning", "płatności", "przelew", "przelewu"})

# A noun right beside an everyday-word brand that shows the product is meant, whatever the case:
# "ring camera", "discord server", "slack notifications", "amazon app", "alexa routines".
PRODUCT_NOUNS = frozenset({
    "app", "apps", "server", "servers", "camera", "cameras", "doorbell", "drive", "store", "search", "chat", "chats",
    "messages", "message", "notifications", "uploads", "upload", "dms", "dm", "voice", "calls", "call", "client",
    "account", "accounts", "routines", "routine", "pos", "workspace", "channel", "channels", "huddle", "huddles",
    "meeting", "meetings", "webinar", "login", "website", "site", "status", "support", "api", "sdk", "console",
    "dashboard", "dashboards", "integration", "bot", "bots", "subscription", "premium", "deals", "orders", "cart",
    "delivery", "deliveries", "sync", "desktop", "web", "playlist", "playlists", "stream", "streams", "feed",
    "timeline", "outage", "outages", "users", "customers", "update", "updates", "device", "devices", "speaker",
    "speakers", "dot", "show", "games", "library", "wallet", "payouts", "dashboard", "checkout", "inbox", "calendar",
})
# Words after (or before) a capitalised everyday-word brand that only a company does:
# "Zoom shares slide", "Slack adds", "Tesla stock falls", "Square launches".
BRAND_VERBS = frozenset({
    "shares", "stock", "stocks", "earnings", "revenue", "launches", "launched", "adds", "added", "announces",
    "announced", "acquires", "acquired", "ceo", "layoffs", "lays", "unveils", "releases", "rolls", "introduces",
    "suffers", "hit", "hits", "reports", "raises", "cuts", "valuation", "ipo", "investors", "sues", "sued",
    "fined", "buys", "bought", "partners", "expands", "opens", "debuts", "update", "outage",
    # what a company does about its own outage, as headlines say it ("Slack restores service after ...")
    "restores", "resolves", "fixes", "confirms", "apologizes", "apologises", "blames", "explains", "recovers",
    # a carmaker's recall, a contract won ("Tesla recalls 200,000 vehicles", "Oracle wins cloud contract")
    "recalls", "recalled", "wins",
})
# Two words after a capitalised name opening a sentence that only a company's news has ("Discord is adding a new
# way to pay", "Claude gets a new memory feature", "Peloton's new bike has a swiveling screen"); not "Signal is
# getting worse", "Steam is rising".
BRAND_NEWS_AFTER = frozenset({("is", "adding"), ("is", "launching"), ("is", "rolling"), ("is", "testing"),
                              ("is", "changing"), ("is", "introducing"), ("is", "raising"), ("is", "killing"),
                              ("gets", "new"), ("'s", "new"), ("’s", "new")})  # read past an "a": "gets a new"
# The same, as headlines in the other supported languages put it, right after the company ("Threads lanserar nya
# gruppfunktioner", "X lance de nouvelles fonctions", "X introduceert nieuwe groepsfuncties", "Max verhoogt de prijzen").
BRAND_VERBS_ABROAD = frozenset({
    "lance", "lancent", "annonce", "dévoile", "ajoute", "rachète", "introduit", "déploie", "augmente",
    "lanza", "anuncia", "presenta", "añade", "adquiere", "estrena", "sube", "lança", "adiciona", "adquire",
    "lancia", "annuncia", "aggiunge", "acquisisce", "introduce", "aumenta", "startet", "kündigt", "übernimmt",
    "erhöht", "lanceert", "introduceert", "kondigt", "presenteert", "verhoogt", "wprowadza", "uruchamia", "ogłasza",
    "prezentuje", "przejmuje", "podnosi", "lanserar", "introducerar", "presenterar", "höjer", "tanıttı", "duyurdu",
    "başlattı", "getirdi",
})
# What only a company does, right after a lone "X" opening a headline ("X launches ...", "X lance ..."): the
# network, not the letter (not "X marks the spot").
LETTER_BRAND_VERBS = BRAND_VERBS_ABROAD | frozenset({
    "launches", "announces", "adds", "introduces", "unveils", "rolls", "acquires", "sues", "raises", "debuts",
    "restores", "fixes", "confirms", "apologizes", "apologises", "explains", "blames", "recalls",
    # "X cambia di nuovo le regole", "X muda regras de verificação", "X changes how blocks work"
    "changes", "cambia", "muda", "cambie", "ändert", "verandert", "zmienia", "değiştiriyor", "ändrar"})
# A look back at a past outage is news about it, not a report of one going on: "AWS explains
# last week's outage", "Teams went down yesterday. Here's what happened". Explanations count
# on their own; a past time only when nothing says the problem goes on ("since yesterday",
# "still", "is down", "today").
LOOKING_BACK = (
    "explains", "explained", "here's what happened", "here’s what happened", "what happened", "what went wrong",
    "post-mortem", "postmortem", "post mortem", "root cause analysis", "lessons learned", "lessons from",
    "looking back", "a look back", "recap", "retrospective", "erklärt", "was passiert ist", "explica", "lo que pasó",
    "qué pasó", "explique", "ce qui s'est passé", "o que aconteceu", "spiega", "cosa è successo", "legt uit",
    "wat er gebeurde", "wyjaśnia", "co się stało", "ne oldu", "förklarar", "vad som hände",
    "post-incident review", "post-incident report", "incident review", "years on from", "tłumaczy",
    "was behind the", "were behind the",
    "years after",
    # blame and fines come after the outage ("Cloudflare blames bot-management config file for global outage",
    # "Optus fined over nationwide outage"), and so does a year on ("Rogers network failure a year later")
    "blames", "fined over", "fined for", "fined after", "a year later", "a year on",
    "one year on", "a year after", "publishes review", "culpa a", "multa a", "multada", "multado", "accuse",
    "beschuldigt", "bestraft", "kara aldı", "ceza",
    # a cause found ("errors in Northern Virginia were caused by a DNS change"), a status page's review written
    # without hyphens ("Post Incident Review (PIR) - Azure SQL Database"), and the
    # company's apology, which comes when the failure is told ("Hulu Live TV streams fail during Sunday football,
    # company apologizes", "Meta présente ses excuses")
    "was caused by", "were caused by", "was due to", "were due to", "était due à", "étaient dues à",
    "post incident review", "apologizes", "apologises", "apologized", "apologised",
    "présente ses excuses", "pide disculpas", "pidió disculpas", "pede desculpas", "entschuldigt sich",
    "chiede scusa", "biedt excuses aan", "przeprasza", "özür diledi", "ber om ursäkt",
    # a cause named in the other languages ("KPN: storing in mobiel netwerk veroorzaakt door softwarefout", "Turkcell
    # kesintinin nedenini açıkladı", "Datadog lays out how a systemd update took down its US regions")
    "veroorzaakt door", "causada por", "causado por", "causée par", "causé par", "verursacht durch", "causato da",
    "causata da", "orsakades av", "orsakad av", "spowodowana przez", "spowodowała", "nedenini açıkladı",
    "nedeni açıklandı", "nedeni belli oldu", "lays out how", "laid out how",
)
# A problem told with how long it lasted in Japanese and Korean ("LG유플러스 인터넷 장애…서울 일부 지역 2시간 먹통",
# "아까 30분 동안 먹통이었음", "約3時間にわたりログイン不能"; not "2시간째 먹통", the second hour going on): over.
PAST_LENGTH_CJK = (r"(?:\d+|한|두|세)\s*(?:시간|분)여?(?!째)\s*(?:동안\s*)?(?:먹통|장애|마비|중단|불통|접속\s*안)",
                   r"\d+\s*(?:時間|分)(?:間)?(?:にわたり|にわたって|にわたる)")
PAST_LENGTH_CJK_NOT = ("まだ", "아직", "지금", "今も", "째", "現在", "계속")
# The same in Japanese and Korean, read in the raw text ("KT 전국 인터넷 장애… 원인은 라우팅 오류", "PayPayの障害の原因を
# 説明", "카카오 서비스 장애 원인 발표"): the cause is told once the outage is over, unless it is still looked into.
LOOKING_BACK_CJK = ("원인은", "원인 발표", "원인을 발표", "원인을 설명", "원인 공개", "원인을 공개", "원인\"", "원인 \"",
                    "原因を説明", "原因を発表", "原因が判明", "原因は")
LOOKING_BACK_CJK_NOT = ("조사", "아직", "확인 중", "지금", "調査", "まだ", "現在", "確認中")
# A past outage told with how long it lasted ("took down Spotify, Discord for an hour", "knocked thousands of
# websites offline for three hours", "dejó sin servicio a varias apps durante dos horas") or said to have been
# brief ("briefly knocked bank and airline websites offline"): a look back, with a verb of the past telling it
# (PAST_TELLING) and no word of the present (lexicon.NOW) nor "has been" ("Slack has been down for two hours").
_NUMBERS = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|many|\d+(?:[.,]\d+)?|half an|" \
           r"(?:one|two|three|four|five|six) and a half|una|uma|un|une|dos|duas|tres|três|deux|trois|due|tre|zwei|" \
           r"drei|twee|drie|varias|várias|plusieurs|diverse|mehrere|meerdere|flera|kilka|några)"
PAST_LENGTH = (
    rf"for (?:about |around |nearly |almost |over |more than |roughly |some |up to )?{_NUMBERS} (?:hours?|minutes?|hrs?|mins?|days?)",
    r"(?:lasting|lasted) (?:about |nearly |almost |over |more than )?" + _NUMBERS + r" (?:hours?|minutes?|days?)",
    rf"durante (?:casi |más de |mais de |quase |cerca de )?{_NUMBERS} (?:horas?|minutos?|días?|dias?)",
    rf"(?:pendant|per|für|por|przez) (?:près de |plus de |quasi |oltre |fast |über |mehr als |quase |mais de |prawie |ponad )?{_NUMBERS} "
    r"(?:heures?|ore|minuti|minutes|stunden|horas?|godzin[ey]?|godzinę)",
    r"briefly", r"brevemente", r"brièvement", r"kurzzeitig", r"kortstondig", r"stundenlang", r"urenlang",
    # half an hour, an hour, as each language writes it with its article joined on ("per mezz'ora", "per un'ora")
    r"per (?:mezz'ora|un'ora)", r"pendant une demi-heure", r"durante (?:media|meia) hora",
)
PAST_TELLING = frozenset({  # what an outage did, told after it (not "was", "left": "I was next for 40 minutes")
    "took", "knocked", "disrupted", "brought", "went", "lasted", "lasting", "crippled", "dejó", "dejaron", "deja",
    "dejan", "tumbó", "paralizó", "estuvo", "estuvieron", "legte", "legten", "derrubou", "deixou", "deixaram", "ficou",
    "ficaram", "esteve", "privé", "paralysé", "lasciato", "låg", "lagen", "sparaliżowała", "sparaliżował",
    # what a service did, told after it with its length ("apps returned errors for two hours, Google says", "ha dato
    # errori di rete per mezz'ora stamattina")
    "returned", "threw", "dato",
    # what it forced or caused, told after it ("Falha informática ... obrigou a check-in manual durante duas horas")
    "obrigou", "obrigaram", "obligó", "obligaron", "provocou", "provocó", "causou", "causó",
})
# After an outage word, these tell what it did, told after it with its length ("PayPal outage left users unable to
# send money for two hours", "Google Drive outage locked users out of files for three hours"); not of a person or
# money ("money already left my bank", "I was left on hold"): only right after the outage word.
OUTAGE_DID = frozenset({"left", "locked", "kept", "halted", "cut", "stranded", "dejó", "deixou", "ließ", "laissé",
                        "lasciato", "liet", "lämnade", "zostawiła"})
# A problem word right after one of these is told in the past ("BBC website was knocked offline by DDoS attack",
# "DigiD was urenlang onbereikbaar", "DB-Navigator-App war stundenlang gestört", "Le site de la CAF a été
# inaccessible", "Roblox was down for 7 hours"): of 41 development texts with one, none is labelled ongoing
# (relevance_rules._told_in_the_past). A word of "été"/"stato" counts after its auxiliary (:data:`PAST_AUXILIARIES`).
PAST_COPULAS = frozenset({"was", "were", "war", "waren", "fue", "fueron", "estuvo", "estuvieron", "foi", "foram",
                          "esteve", "estiveram", "był", "była", "było", "były", "byli", "wasn't"})
PAST_AUXILIARIES = {"été": frozenset({"a", "ont", "avait", "avaient"}),
                    "stato": frozenset({"è", "era"}), "stata": frozenset({"è", "era"}),
                    "stati": frozenset({"sono", "erano"}), "state": frozenset({"sono", "erano"})}
# "has been down for two hours": said of now.
PAST_LENGTH_NOT = frozenset({"has", "have", "been", "hasn't", "haven't", "since", "desde", "seit", "depuis", "sinds",
                             "continua", "continúa", "continues", "continue",
                             "da", "od", "sedan", "beri", "ist", "sind", "est", "sont", "está", "están", "è"})
# A status page's account of an incident once it is over, as its heading names it in each language ("Summary of
# impact: Between 08:40 and 11:15 UTC ...", "Résumé de l'impact :", "Etki özeti:", "影響の概要:"), read in the
# raw text's lower case: the incident is told after it ended.
INCIDENT_SUMMARIES = (
    "summary of impact", "incident report", "incident summary", "post-incident report", "post incident report",
    "resumen del impacto", "resumen de impacto", "informe del incidente", "informe de incidente",
    "résumé de l'impact", "résumé de l’impact", "résumé de l'incident", "résumé de l’incident", "rapport d'incident",
    "rapport d’incident", "resumo do impacto", "resumo de impacto", "relatório do incidente", "relatório de incidente",
    "zusammenfassung der auswirkungen", "vorfallbericht", "störungsbericht", "riepilogo dell'impatto",
    "riepilogo dell’impatto", "sintesi dell'impatto", "sintesi dell’impatto", "rapporto sull'incidente",
    "rapporto sull’incidente", "samenvatting van de impact", "samenvatting van impact", "incidentrapport",
    "podsumowanie wpływu", "podsumowanie skutków", "raport z incydentu", "raport po incydencie", "etki özeti",
    "olay raporu", "olay sonrası inceleme", "sammanfattning av påverkan", "sammanfattning av incidenten", "影響の概要",
    "障害報告", "事後レビュー", "インシデントレポート", "영향 요약", "사후 검토", "장애 보고서", "인시던트 보고서",
)
# A review of an incident is about that incident, whatever words it uses: with a service named, relevant.
INCIDENT_REVIEWS = ("post-incident review", "post-incident report", "incident review", "post-mortem", "postmortem",
                    "post mortem", "root cause analysis", "post incident review")
PAST_TIMES = (
    "yesterday", "yesterday's", "last week", "last week's", "last night", "last night's", "last month",
    "last month's", "last weekend", "last year", "last year's", "earlier this week", "ayer", "anoche",
    "la semana pasada", "gestern", "letzte woche", "letzten woche", "vergangene woche", "vergangenen woche",
    "d'hier", "hier soir", "la semaine dernière", "ontem", "semana passada", "ieri", "la settimana scorsa",
    "gisteren", "vorige week", "wczoraj", "w zeszłym tygodniu", "dün", "geçen hafta", "igår", "förra veckan",
    "wczorajsza", "wczorajszej", "wczorajszy", "wczorajszą", "wczorajsze", "wczorajszego",
    "monday's", "tuesday's", "wednesday's", "thursday's", "friday's", "saturday's", "sunday's",
    "this morning's",
    # a weekday said with "on" dates a headline's outage ("Why Spotify went dark for two hours on Tuesday")
    "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday", "on sunday",
    # ... and German "vom Montag" ("Sparkassen-Störung vom Montag: Was Kunden jetzt wissen müssen"), Turkish "dünkü"
    # ("yesterday's": "Türk Telekom'dan dünkü kesinti için özür"), "geçen haftaki"
    "vom montag", "vom dienstag", "vom mittwoch", "vom donnerstag", "vom freitag", "vom samstag", "vom sonntag",
    "vom wochenende", "dünkü", "geçen haftaki",
)
# Before an ongoing stage in someone's post, these relay the provider's word: "support says they're investigating".
RELAYING = frozenset({"says", "say", "said", "confirms", "confirmed", "acknowledges", "acknowledged", "admits",
                      "dice", "dicen", "sagt", "sagen", "dit", "disent", "diz", "dizem", "zegt", "zeggen"})
# A past time after these compares, it does not date the problem ("the same config as last week").
COMPARED = frozenset({"as", "than", "like", "como", "que", "wie", "als", "comme", "che", "dan", "niż"})
PAST_TIMES_CJK = ("昨日", "先週", "昨夜", "어제", "지난주",
                  # years ago, last year, last month ("판교 데이터센터 화재 2년 전 카톡 먹통", "去年の障害")
                  "年前", "去年", "昨年", "先月", "년 전", "작년", "지난달")
SINCE = frozenset({"since", "desde", "seit", "depuis", "sinds", "od", "dal", "dalla", "dallo", "sedan", "från",
                   "beri", "from", "until", "till", "sen"})  # sv "sen igår": since yesterday, still
# Words that date a problem to the present: now, today, tonight, currently, in every supported
# language ("down right now", "today's outage", "actualmente", "derzeit", "şimdi"). The rules read
# them (STILL_NOW below: an explanation with one of them is of an outage going on), and where the rules read a
# named service's problem now and one of them stands beside the problem word, the relevance model may
# not turn ``ongoing`` off (``relevance_rules.present_time``, ``tagger._with_model``): a bag of words can weigh
# "explains" over "today's", the rules read the time.
PRESENT_TIME = frozenset({
    "now", "rn", "atm", "today", "today's", "tonight", "currently",
    "ahora", "ahorita", "hoy", "actualmente",  # es (pt "actualmente" too)
    "jetzt", "heute", "gerade", "derzeit", "aktuell", "momentan",  # de
    "maintenant", "aujourd'hui", "actuellement",  # fr
    "agora", "hoje", "atualmente",  # pt
    "ora", "adesso", "oggi", "attualmente",  # it
    "nu", "vandaag", "momenteel", "vanavond",  # nl (sv "nu")
    "teraz", "dzisiaj", "dziś", "obecnie", "aktualnie",  # pl
    "şimdi", "bugün", "şuan",  # tr
    "idag", "ikväll",  # sv
})
# The same said in two or more words ("at the moment", "şu anda", "just nu"), matched on the lower-cased words.
PRESENT_TIME_PHRASES = (
    "at the moment", "as of now", "en este momento", "en estos momentos", "im moment", "zur zeit", "en ce moment",
    "neste momento", "no momento", "in questo momento", "al momento", "op dit moment", "op het moment",
    "w tej chwili", "şu an", "şu anda", "just nu", "för närvarande", "i dag",
)
# "Again" beside a present-time word dates a recurrence to now even after a past time: "down yesterday and
# again today", "gestern und heute wieder", "ayer y hoy otra vez" (matched on the lower-cased words, either order).
AGAIN_WORDS = ("again", "wieder", "otra vez", "de nuevo", "à nouveau", "de nouveau", "de novo", "novamente", "di nuovo",
               "opnieuw", "znowu", "znów", "ponownie", "yine", "tekrar", "igen")
# Money taken twice ("Klarna drog pengarna två gånger", "Satispay mi ha scalato due volte il caffè", "PayPal hat meine
# Zahlung zweimal abgebucht", "O Uber tá cobrando duas vezes a mesma corrida"): a word of charging or of money
# (these beginnings) at most four words from a word of "twice" (or one of TWICE_PAIRS), in its clause; of 35
# development texts so, all are labelled a problem now (relevance_rules._money_failure). Not "restarted twice", "seeing double".
CHARGE_STEMS = ("charg", "bill", "cobr", "débit", "debit", "prélev", "factur", "abgebucht", "abbuch", "berechn", "belast",
                "addebit", "scalat", "afgeschr", "gefactur", "pobra", "pobier", "obciąż", "çekil", "çekti", "tahsil",
                "drog", "dragit", "debiter", "pengar", "geld", "dinero", "dinheiro", "argent", "soldi", "pieniądz",
                "money", "payment", "pagamento", "paiement", "zahlung", "betaling", "betalning", "płatnoś", "ödeme")
TWICE = frozenset({"twice", "zweimal", "doppelt", "dubbel", "dubbelt", "podwójnie", "duplicado", "duplicada", "doble",
                   "dobro", "2x"})
TWICE_PAIRS = frozenset({("two", "times"), ("2", "times"), ("dos", "veces"), ("2", "veces"), ("duas", "vezes"),
                         ("2", "vezes"), ("deux", "fois"), ("2", "fois"), ("due", "volte"), ("2", "volte"),
                         ("twee", "keer"), ("2", "keer"), ("dwa", "razy"), ("2", "razy"), ("iki", "kez"),
                         ("iki", "kere"), ("iki", "defa"), ("2", "kez"), ("två", "gånger"), ("2", "gånger")})
TWICE_FIRSTS = frozenset(a for a, _ in TWICE_PAIRS)
# A person who charged twice is no payment failure ("mi hermano me cobró dos veces la cena"): not beside these.
PEOPLE_WHO_CHARGE = frozenset({
    "brother", "sister", "mom", "mum", "dad", "friend", "roommate", "flatmate", "boss", "wife", "husband", "girlfriend",
    "boyfriend", "waiter", "barber", "hermano", "hermana", "mamá", "papá", "amigo", "amiga", "jefe", "novio", "novia",
    "camarero", "irmão", "irmã", "mãe", "pai", "chefe", "namorado", "namorada", "bruder", "schwester", "mutter",
    "vater", "freund", "freundin", "kellner", "frère", "frere", "sœur", "soeur", "mère", "père", "ami", "amie", "copain",
    "copine", "serveur", "fratello", "sorella", "mamma", "papà", "amico", "amica", "cameriere", "broer", "zus", "moeder",
    "vader", "vriend", "vriendin", "brat", "siostra", "mama", "tata", "kolega", "kelner", "kardeşim", "annem", "babam",
    "arkadaşım", "garson", "bror", "syster", "pappa", "kompis", "servitören"})
# An order cancelled or gone while the money was taken ("Lieferando hat meine Bestellung storniert, Geld aber
# abgebucht", "mercado libre me canceló la compra y me cobró igual", "Yemeksepeti siparişi iptal etti ama para iade
# edilmedi", "O Mercado Livre sumiu com meu pedido, já foi pago"): an order word, a word of cancelling or vanishing
# (these beginnings) and one of money, all in the text.
ORDER_WORDS = frozenset({"order", "orders", "pedido", "compra", "bestellung", "bestelling", "commande", "ordine",
                         "zamówienie", "zamówienia", "sipariş", "siparişi", "siparişim", "siparişimi", "beställning",
                         "beställningen", "köp", "köpet", "encomenda", "l'ordine", "ordern", "ordinazione"})
# An order word that is no everyday word of its language: a trigger of the prescan (not English "order", "compra",
# "köp", whose texts pass for other words or are none of this).
ORDER_TRIGGERS = frozenset({"pedido", "bestellung", "bestelling", "commande", "ordine", "l'ordine", "zamówienie",
                            "zamówienia", "sipariş", "siparişi", "siparişim", "siparişimi", "beställning",
                            "beställningen", "ordern", "encomenda", "ordinazione"})
GONE_STEMS = ("cancel", "anul", "storn", "annul", "verdw", "verschw", "desapare", "sumi", "disparu", "spari", "znikn",
              "försvann", "försvunn", "iptal", "kaybol", "vanish", "disappear")
# Of those, the ones that say the order vanished (not cancelled: a shop may cancel an order and refund it): an order
# that vanished from the app is a failure with no money said ("Foodora-ordern bara försvann ur appen", "mi pedido
# desapareció de la app", "zamówienie zniknęło z listy"; the writers' brief: "an order that vanished").
VANISHED_STEMS = tuple(s for s in GONE_STEMS if s not in ("cancel", "anul", "storn", "annul", "iptal"))
MONEY_TAKEN = frozenset({"charged", "cobró", "cobrou", "cobraron", "cobraram", "abgebucht", "geld", "money", "dinero",
                         "dinheiro", "pago", "paid", "pagato", "pagado", "betaald", "pengarna", "para", "argent",
                         "débité", "prélevé", "soldi", "addebitato", "pieniądze", "pobrali", "pobrało", "dragit",
                         "drog", "bezahlt", "kasa", "kasę"})
# ... and in Japanese and Korean, in the raw text ("メルカリで支払いが二重になった", "카카오페이 결제가 두 번 됐어요",
# "배민 주문이 사라졌는데 돈은 빠져나감").
MONEY_FAILURE_CJK = (r"(?:決済|支払い?|請求|引き落とし)[^。！？]{0,6}(?:二重|2回|二回)|(?:二重|2回)(?:決済|請求|引き落とし)",
                     r"(?:결제|출금|청구)[^.!?]{0,6}(?:두 ?번|2번|이중)|(?:이중|두 ?번) ?(?:결제|출금|청구)",
                     r"(?:주문|注文)[^.!?。]{0,10}(?:사라졌|취소|消え|キャンセル)[^.!?。]{0,12}(?:돈|결제|お金|引き落とされ|請求)")
# A question whether a service is down, asked in the question's own word order ("Is Hinge down?", "Är BankID nere?",
# "Ist Trade Republic down?", "Is Bol.com plat?", "är tele2 nere hos er också?"): a copula opening the clause, one to
# three words of the service's name, a word of being down, and the question mark in the sentence; a problem now
# whether or not the catalog knows the name (relevance_rules._asked_down). Not a person ("is anyone down for tacos?", "är
# jag nere"), nor a negation ("is Zoom not down?").
ASKING_COPULAS = frozenset({"is", "ist", "är", "està", "ligt", "ligger", "liegt", "isn't"})
ASKED_DOWN = frozenset({"down", "nere", "plat", "offline", "eruit", "ausgefallen"})
NOT_ASKED_OF = frozenset({"anyone", "anybody", "everyone", "everybody", "someone", "it", "this", "that", "he", "she",
                          "you", "u", "jag", "du", "det", "man", "ni", "vi", "han", "hon", "ich", "es", "er", "sie", "du",
                          "het", "dat", "hij", "zij", "ik", "jij", "je", "the", "your", "my", "our", "his", "her",
                          "there", "he's", "she's", "it's", "rain", "price", "stock", "market"})
# After a recovery, a clause of contrast that says something is still wrong or gone keeps the problem now
# ("Netflix back up for us but the kids profile is still missing everything", "Zattoo läuft wieder, aber die
# Aufnahmen fehlen noch", "ChatGPT wrócił, ale historia rozmów dalej pusta", "Spotify è tornato ma le playlist
# scaricate sono sparite"): of 18 development texts so, all are labelled ongoing (relevance_rules._left_broken).
BUT_AFTER_RECOVERY = frozenset({"but", "ma", "maar", "aber", "ale", "men", "mais", "pero", "mas", "ama", "ancak",
                                "fakat", "though", "however", "tylko"})
STILL_WRONG = frozenset({
    "still", "fortfarande", "dalej", "nadal", "wciąż", "ancora", "ainda", "todavía", "aún", "toujours", "noch", "nog",
    "steeds", "hala", "hâlâ", "sigue", "siguen", "continua", "continúa", "continuam", "keeps",
    "missing", "gone", "weg", "sparito", "sparita", "spariti", "sparite", "fehlen", "fehlt", "pusta", "pusty", "puste",
    "vanished", "disappeared", "verdwenen", "desapareció", "desaparecieron", "desapareceu", "desapareceram", "sumiu",
    "sumiram", "disparu", "disparue", "disparus", "disparues", "verschwunden", "zniknęła", "zniknął", "zniknęło",
    "zniknęły", "borta", "försvunnen", "försvunnet", "försvunna", "kayboldu", "empty", "leer", "vide", "vacío", "vazio",
    "vuoto", "vuota", "tomt", "tom", "boş",
})
# "Again" said in more words (read by relevance_rules._told_in_the_past: "a net da MEO foi abaixo outra vez").
AGAIN_PHRASES = ("outra vez", "mais uma vez", "una vez más", "otra vez", "encore une fois", "erneut", "ancora una volta",
                 "nog een keer", "jeszcze raz", "bir kez daha", "en gång till", "once again", "once more")
# ... and in Japanese and Korean, found in the raw text (no spaces between words there).
PRESENT_TIME_CJK = ("今日", "現在", "いま", "ただいま", "只今", "今は", "今も", "今、", "지금", "오늘", "현재")
# After a past time, these say the problem goes on ("down since yesterday and still is"). Not every
# PRESENT_TIME word: "tornata adesso" (back now) after "da ieri sera" is a recovery.
NOW = frozenset({
    "is", "are", "am", "'s", "'re", "isn't", "aren't", "can't", "cannot", "won't", "keeps", "keep", "now", "rn",
    "still", "again", "today", "currently", "tonight", "atm", "anyone", "anybody", "ahora", "hoy", "todavía",
    "sigue", "está", "están", "jetzt", "heute", "noch", "immer", "ist", "sind", "maintenant", "aujourd'hui",
    "toujours", "encore", "est", "agora", "hoje", "ainda", "está", "ora", "oggi", "ancora", "è", "nu", "vandaag",
    "nog", "teraz", "dzisiaj", "dziś", "wciąż", "nadal", "jest", "şimdi", "bugün", "hala", "idag", "fortfarande",
    "är", "?",
})
# What keeps an explanation about the outage going on now ("... explains what is causing today's outage").
STILL_NOW = PRESENT_TIME | frozenset({"still", "ongoing", "again"})
NOW_CJK = ("今", "今日", "まだ", "から", "지금", "오늘", "아직", "부터")
# "Again" in Japanese and Korean text: Korean "또" as a word of its own ("정부24 또 먹통"), Japanese "また" right
# before a problem ("また落ちてる", "またダウン"): a problem come back now, as "is down again" (relevance_rules.present_time).
# A word of working beside "again" says the service works again, not that the problem came back.
FINE_AGAIN = frozenset({"ok", "okay", "fine", "up", "working", "works", "work", "normal", "good", "back", "available",
                        "online", "operational", "funciona", "funcionando", "funktioniert", "geht", "läuft", "marche",
                        "fonctionne", "funziona", "va", "anda", "werkt", "doet", "działa", "działają", "çalışıyor",
                        "funkar", "fungerar", "normalt", "normale", "normal", "normaal", "erreichbar", "disponible",
                        "disponível", "disponibile", "beschikbaar", "dostępny", "erişilebilir", "tillgänglig"})
AGAIN_CJK_KO = frozenset({"또", "또다시", "또또"})
AGAIN_CJK_JA = ("また落ち", "またダウン", "また障害", "また繋がら", "またつながら", "またエラー", "また使えな", "また不具合",
                "また止ま", "また死んで", "また鯖落ち")

POWER_WORDS = frozenset({"power", "electricity", "electric", "energia", "energía", "strom", "courant", "luz", "stroom",
                         "blackout", "apagón", "apagão", "stromausfall", "停電", "elektrik", "elettrica", "elettrico",
                         "prądu", "prąd", "ström", "strömavbrott", "corrente", "électricité", "eletricidade",
                         "licht", "buio", "karanlık", "karanlıkta"})
# A power cut at home said over, with everything working again, a service too ("Stromausfall bei uns im Haus für 10
# min, danach lief alles wieder, auch IMDb", "wywaliło korki w domu ..., potem wszystko wróciło", "家のブレーカー落ちた。
# 10分で復旧", "Power's out ... but at least Netflix still works"): no online service went down (resolve: the power
# cut is the only problem, and a word of working again or still is said). The breaker's words are power words here.
BREAKER_WORDS = frozenset({"breaker", "breakers", "fuse", "fuses", "korki", "sicherung", "sicherungen", "zekering",
                           "zekeringen", "säkring", "säkringen", "disjoncteur", "disjuntor", "salvavita", "sigorta"})
BREAKER_CJK = ("ブレーカー", "두꺼비집", "차단기", "停電")
POWER_BACK = frozenset({"wieder", "weer", "igen", "again", "back", "revenu", "revenue", "voltou", "volvió", "volvio",
                        "tornata", "tornato", "tornato", "wróciło", "wróciła", "wrócił", "geri", "normal", "normale",
                        "works", "working", "funciona", "funcionando", "funktioniert", "fungerar", "funkar", "funkade",
                        "werkt", "marche", "fonctionne", "funziona", "działa", "działało", "çalışıyor", "fine",
                        "reclamou"})
POWER_BACK_CJK = ("復旧", "복구", "普通に", "잘 나", "잘 돼", "괜찮")
# A network a power cut can take with it ("Stromausfall, Internet weg"): a problem said of one is a service's.
NETWORK_WORDS = frozenset({"internet", "wifi", "wi-fi", "wlan", "netz", "net", "netu", "red", "rede", "réseau", "rete",
                           "nät", "nätet", "sieć", "sieci", "şebeke", "netwerk", "fibra", "fibre", "fiber", "glasvezel",
                           "fibern", "światłowód", "4g", "5g", "lte", "mobilnät", "mobilnätet", "internetu"})
# "Blackout" is a service's outage too in the press of every language ("il blackout di WhatsApp"): in a text that
# speaks of an app, a site or a server it is theirs, not a power cut ("l'app torna online dopo il blackout di ieri").
BLACKOUT_OF_APPS = frozenset({"app", "apps", "l'app", "dell'app", "nell'app", "sito", "server", "servers", "servizi",
                              "servizio", "aplicación", "aplicativo", "website", "site", "sitio", "login", "account"})
# A power cut at a provider's datacenter ("back after this morning's power event at the Phoenix datacenter") is an
# outage of what runs there, not a power cut at the writer's home.
DATACENTER_WORDS = frozenset({"datacenter", "datacenters", "datacentre", "datacentres", "data-center", "rechenzentrum",
                              "rechenzentren", "datacenteret", "datacentrum", "dc"})
# Compounds that start with a word for electricity ("Stroomstoring", "Stromausfall"): a power cut too.
POWER_PREFIXES = ("strom", "stroom", "elektrik")
FUTURE = frozenset({"will", "'ll", "’ll", "scheduled", "planned", "upcoming", "tomorrow", "tonight", "se", "sera", "será", "wird",
                    "prévue", "programada", "programado", "agendada"})
# Announced maintenance in the other languages ("Planerat underhåll", "Planlı bakım", "Planowana konserwacja",
# "Maintenance planifiée", "[정기 점검] ... 예정", "予定メンテナンス").
FUTURE |= frozenset({"planerat", "planerad", "planerade", "schemalagt", "schemalagd", "planlı", "planlanmış",
                     "planowana", "planowane", "planowany", "zaplanowana", "zaplanowane", "zaplanowany", "gepland",
                     "geplande", "geplant", "geplante", "geplanten", "programmée", "planifiée", "prévue", "prévu",
                     "prevista", "previsto", "programmata", "programmato", "pianificata", "pianificato", "programada",
                     "agendado", "programado", "olacak", "olacaktır", "będzie", "kommer"})
# Maintenance that overran or was never announced is an outage (the writers' brief: "Maintenance that overran and
# broke the service is relevant; an unannounced 'down for maintenance' is an outage"): "The database maintenance
# has run longer than planned. ... rejected with 503 errors", "Scheduled maintenance extended - ... has overrun",
# "Emergency Maintenance - ... Affected Linodes are currently unreachable". Read as a phrase of the lower-case words.
MAINTENANCE_OVERRAN = (
    "overrun", "overran", "has overrun", "runs over", "ran over", "runs long", "ran long", "ran longer", "longer than planned", "longer than expected", "longer than anticipated",
    "maintenance extended", "emergency maintenance", "unplanned maintenance", "unscheduled maintenance",
    "más de lo previsto", "se ha alargado", "mantenimiento de emergencia", "mantenimiento no programado",
    "plus longtemps que prévu", "maintenance d'urgence", "maintenance prolongée", "länger als geplant",
    "länger als erwartet", "notfallwartung", "ungeplante wartung", "più del previsto", "manutenzione d'emergenza",
    "manutenzione di emergenza", "manutenzione prolungata", "langer dan gepland", "langer dan verwacht",
    "uitgelopen", "noodonderhoud", "dłużej niż planowano", "dłużej niż zakładano", "konserwacja awaryjna",
    "prace awaryjne", "längre än planerat", "längre än väntat", "akut underhåll", "beklenenden uzun", "acil bakım",
    "mais do que o previsto", "manutenção de emergência", "manutenção emergencial",
)
FUTURE_CJK = ("予定", "예정", "定期", "정기", "お知らせ", "안내")
# A maintenance window said as its hours ("in der Nacht zu Sonntag von 1 bis 4 Uhr", "w nocy z soboty na niedzielę
# 1:00-4:00", "od 02:00 do 03:00", "söndag 03:00–05:00"): announced, whether or not a future word is said.
MAINTENANCE_WINDOW = (r"(?<![\w-])\d{1,2}[:.h]\d{2}\s*[-–—]\s*\d{1,2}[:.h]\d{2}(?![\w-])",
                      r"(?<!\w)(?:von|od|from|de|das|dalle|van|mellan|entre|tussen|between|dalle ore|zwischen|między|pomiędzy"
                      r"|tra le|tra|fra|entre las|entre les) \d{1,2}(?:[:.h]\d{2})?"
                      r"(?: uhr| h)? (?:bis|do|to|a|às|alle|tot|och|et|and|en|y|e|till|und|i|las|le) \d{1,2}")

# A closed window of clock times an outage was told in ("Between 08:40 and 11:15 UTC", "entre 14h05 et 15h30",
# "zwischen 07:12 und 08:03", "10:00 ile 11:30 UTC arasında", "03:10 から 04:25 (UTC) の間", "from 13:10 to 14:25"):
# the incident is over (of 400 development texts with one, one is labelled ongoing); read in the raw text's lower
# case. Announced maintenance, which gives its window too, is ruled out before.
_CLOCK = r"\d{1,2}(?:[:.h]\d{2}(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"
_ZONE = r"(?:\s*\(?(?:utc|gmt|[a-z]{2,4}t|utc[+-]\d{1,2})\)?)?"
PAST_WINDOW = (
    rf"(?<!\w)(?:between|entre|zwischen|tussen|mellan|między|pomiędzy|tra|fra)\s+(?:(?:the|las|los|les|le|den|ore|godz\.?|kl\.?)\s+)?"
    rf"{_CLOCK}{_ZONE}\s+(?:and|et|und|y|e|en|och|a|i|ile)\s+(?:(?:las|les|le|den|ore|godz\.?|kl\.?)\s+)?{_CLOCK}"
    rf"|(?<!\w)(?:from|de|desde|das|von|van|od|dalle|från)\s+{_CLOCK}{_ZONE}\s+(?:to|until|till|à|a|às|hasta|até|bis|tot|do|alle)\s+{_CLOCK}"
    rf"|{_CLOCK}{_ZONE}\s*(?:ile|から|～|〜|~|부터)\s*{_CLOCK}"
)


# Brands of their own that the catalog lacks, one edit off a catalog name: never that name typed fast ("PayPayで
# 2回決済失敗した" is Japan's PayPay, not PayPal).
OWN_BRANDS = frozenset({"paypay"})


# Brand names that are everyday words in some language: ambiguous even if the catalog
# does not flag the service, because the catalog cannot know every language's words.
COMMON_WORDS = frozenset({
    "amazon", "slack", "zoom", "ring", "lambda", "adobe", "teams", "box", "square", "stripe", "signal",
    "threads", "steam", "nest", "hue", "tesla", "notion", "sentry", "snowflake", "discord", "telegram",
    "messenger", "guardian", "oracle", "x", "goto", "alexa", "echo", "kindle", "spark", "claude", "connect",
    "entra", "twitch", "tinder", "peloton", "asana", "confluence", "outlook", "s3", "gce",
    "lol", "max", "snap", "valo", "zap", "epic", "league", "zapzap", "whats", "wsp", "wp",
    # a company named for its online service only where its service is said to fail ("c'est chez Nintendo ou chez
    # moi ?" beside a connection error); "Nintendo announces ..." names nothing
    "nintendo",
    # a short form that is an abbreviation first: "ft" feet or full time (the Financial Times' FT); a product's
    # own word that is a word or a name first ("Athena queries stuck", the goddess; "amplify", "realms")
    "ft", "athena", "amplify", "realms",
    # Zerodha's trading app (the toy on a string first), Telegram's short name
    "kite", "tg",
})
# Names made of ordinary words that people type in lower case and mean the brand ("the new season on prime video",
# "prime video: no sound"): read as the brand in lower case too, except after a word that makes the first one an
# adjective ("watched a prime video about cooking"). Every other such name needs its capitals ("cloud run").
LOWER_CASE_BRANDS = frozenset({"prime video", "amazon prime video",
                               # names no everyday English phrase shares, typed in lower case by their users (a
                               # cloud's products, "cloud run", count so only beside their provider: resolve)
                               "new relic", "stack exchange", "goto meeting", "exchange online", "outlook web app",
                               "outlook web access", "whats app", "telegram web", "steam store", "steam community",
                               "game pass", "zoom meetings", "zoom calls"})
ADJECTIVE_BEFORE = frozenset({"a", "an", "another", "one", "such", "very", "really", "truly", "quite", "pretty",
                              "absolutely"})
# Short names and nicknames that are everyday words first ("lol" the laugh, "max" a maximum or a person,
# "snap", "zap", "epic", "league"): a complaint beside one is no evidence ("lol my wifi died", "Max keeps
# crashing his car"); only the source or its search naming the service (with a problem said or a capital,
# as for any everyday word), the name as its users write it ("LoL"), or a product noun beside it ("lol
# client", "max app"). Never the foreign-language rule: "Champions League" is no English in German text.
# Words of an everyday-word brand's own world, said within a few words of the name in its sentence: what the
# brand sells or what its users do with it ("steam summer sale", "finally got a steam deck", "paid with square,
# the card reader", "took the tesla on a road trip, supercharger stops", "clase de zoom", "teams notifications").
# The writers' convention: a service named in talk that is no outage keeps the service; only a word in another
# sense has none (the everyday senses, ``ANTI_CONTEXT``, are ruled out first).
BRAND_NEAR: dict[str, frozenset[str]] = {
    "steam": frozenset({"sale", "sales", "deck", "library", "wishlist", "workshop", "achievements", "refund",
                        "refunds", "games", "valve", "key", "keys", "세일", "セール", "게임", "할인", "위시리스트",
                        "찜목록", "ウィッシュリスト"}),
    # the shop, by what it sends ("amazon package arrived a day early", "amazon delivered my package in 6 hours")
    "amazon": frozenset({"package", "packages", "parcel", "parcels", "delivery", "deliveries", "delivered",
                         "delivers", "order", "orders", "ordered", "cart", "basket", "checkout", "wishlist",
                         "refund", "refunds", "tracking"}),
    "tesla": frozenset({"supercharger", "superchargers", "powerwall", "autopilot", "fsd", "cybertruck", "model",
                        "charger", "drove", "drive", "driving", "road", "trip", "musk", "stock", "shares",
                        "delivery", "delivered"}),
    "square": frozenset({"reader", "register", "pos", "invoice", "invoices", "invoicing", "terminal", "seller",
                         "sellers", "payments", "payment", "paid", "card", "checkout"}),
    "zoom": frozenset({"meeting", "meetings", "call", "calls", "class", "classes", "lecture", "webinar",
                       "background", "backgrounds", "link", "clase", "clases", "riunione", "reunión", "reunião",
                       "réunion", "spotkania", "spotkanie", "lezione", "aula", "aulas", "zajęcia", "besprechung",
                       "grandma", "babcię", "mormor", "oma", "abuela", "avó", "nonna"}),
    "slack": frozenset({"channel", "channels", "workspace", "huddle", "huddles", "emoji", "emojis", "dm", "dms",
                        "thread", "notifications", "messages", "teams", "discord"}),
    "peloton": frozenset({"instructor", "instructors", "class", "classes", "leaderboard", "subscription",
                          "abonnement", "membership", "tread", "workout", "workouts", "on-demand"}),
    "discord": frozenset({"nitro", "boosts", "boost", "channel", "channels", "voice", "invite", "bot",
                          "bots", "mods", "emoji", "emojis", "gaming", "game", "games", "matrix", "self-hosted", "club",
                          "server", "servers"}),
    "notion": frozenset({"notes", "pages", "page", "template", "templates", "workspace", "calendar", "database",
                         "databases", "to-do", "todo", "wiki"}),
    "stripe": frozenset({"docs", "billing", "api", "checkout", "dashboard", "invoices", "invoice", "payments",
                         "payment", "valuation", "round", "ipo", "payouts", "webhooks", "webhook", "atlas"}),
    "kindle": frozenset({"book", "books", "reading", "read", "ebook", "ebooks", "paperwhite", "library", "novel",
                         "chapter", "audible"}),
    "threads": frozenset({"post", "posts", "posting", "instagram", "bluesky", "mastodon", "followers", "feed",
                          "meta", "linkedin", "engagement-bait"}),
    "tinder": frozenset({"bio", "match", "matches", "swipe", "swiping", "dating", "date", "dates", "profile",
                         "profiles", "redesign", "hinge", "bumble", "met", "fiancé", "fiancée", "fiance",
                         "boyfriend", "girlfriend", "superlike", "swipes"}),
    "teams": frozenset({"meeting", "meetings", "call", "calls", "notifications", "chat", "channel", "channels",
                        "outlook", "slack", "receipts", "spotkanie", "spotkania", "reunião", "reunión", "réunion",
                        "riunione", "besprechung", "microsoft", "zoom",
                        # calls, messages and meetings as its users in other languages say them ("anrufe brechen ab",
                        # "vergaderen via teams", "en plein cours en visio")
                        "anrufe", "anruf", "videoanruf", "nachrichten", "vergaderen", "vergadering", "visio",
                        "videollamada", "llamada", "chiamata", "chiamate", "videochiamata", "samtal", "möte",
                        "mötet", "rozmowa", "wideorozmowa",
                        # "teams decided my camera doesn't exist 2 minutes before the all hands"
                        "camera", "mic", "microphone"}),
    # Names whose everyday sense is rare but real (the outlaw, a flicker typed short, a river's confluence, a yoga
    # pose, a muscle's twitch, a trader's kite): the words of the product's own world beside them, in any case
    # ("robinhood showing my portfolio at $0.00", "confluence pages load without any content", "asana tasks
    # disappearing", "flickr ... grey boxes instead of thumbnails", "twitch unwatchable on uni wifi", "Kite not
    # loading, traders locked out")
    "robinhood": frozenset({"portfolio", "portfolios", "orders", "order", "trading", "trade", "trades", "stock",
                            "stocks", "shares", "options", "crypto", "brokerage", "ira", "roth", "fidelity",
                            "retirement", "deposit", "deposits", "withdrawal", "margin", "webull"}),
    "flickr": frozenset({"photos", "photo", "thumbnails", "thumbnail", "uploads", "upload", "album", "albums",
                         "photostream", "pro"}),
    "confluence": frozenset({"pages", "page", "space", "spaces", "wiki", "jira", "atlassian", "macro", "macros",
                             "editor"}),
    "asana": frozenset({"tasks", "task", "project", "projects", "board", "boards", "workspace", "subtasks",
                        "subtask", "inbox", "jira", "trello"}),
    "twitch": frozenset({"stream", "streams", "streamer", "streamers", "streaming", "vod", "vods", "emotes", "subs",
                         "clips", "unwatchable"}),
    # the object store (not a show's third season): "versioning on your S3 buckets", "S3 lifecycle rules",
    # "S3 was originally priced at 15 cents a gigabyte"
    "s3": frozenset({"bucket", "buckets", "bucketach", "bucketów", "bucketa", "lifecycle", "versioning",
                     "wersjonowanie", "glacier", "presigned", "egress", "gigabyte", "r2", "putobject", "getobject"}),
    "kite": frozenset({"zerodha", "orders", "order", "trading", "traders", "trader", "stocks", "holdings",
                       "positions", "gtt", "margin", "nse", "bse", "sensex", "nifty"}),
}
BRAND_NEAR_REACH = 8
# A name that is also a person's, in lower case right after a verb of asking: the assistant ("asked alexa to play
# jazz and she called my ex", "asked alexa to play my workout playlist"); with its capital it is a person as often
# ("I asked Alexa if she wanted to come", "asked my coworker Alexa to cover my shift").
ASKED_ASSISTANTS: dict[str, frozenset[str]] = {
    "alexa": frozenset({"asked", "ask", "asking", "asks"}),
}
# Words of an everyday-word name's own everyday sense, in the languages people borrow the English word into
# ("Der Wasserkocher macht so viel Steam", "steam z garnka zaparował mi okulary", "Oba teams grały fatalnie",
# "le teams della serie A"): one in the name's sentence makes it the word, before any rule that reads a lone
# English word in another language as the brand. Kitchens, kettles, irons, saunas, showers for the vapour; a
# match, a league, players, volunteers for the groups of people.
EVERYDAY_NEAR: dict[str, frozenset[str]] = {
    "steam": frozenset({
        "vapor", "vapour", "vapore", "vapeur", "dampf", "stoom", "ånga", "ångan", "buhar", "para", "parą", "kettle",
        "wasserkocher", "teekessel", "waterkoker", "theeketel", "czajnik", "czajnika", "bollitore", "bouilloire",
        "hervidor", "chaleira", "vattenkokare", "vattenkokaren", "çaydanlık", "sopa", "soup", "zupa", "zupy",
        "zuppa", "suppe", "soep", "soppa", "çorba", "garnka", "garnek", "pot", "olla", "pentola", "topf", "panela",
        "ferro", "stiro", "iron", "ütü", "bügeleisen", "strijkijzer", "strykjärn", "żelazko", "plancha", "sauna",
        "bastu", "bastun", "shower", "ducha", "dusche", "douche", "doccia", "prysznic", "duş", "duschen", "baño",
        "bathroom", "badrum", "badrummet", "bagno", "łazienka", "łazience", "kitchen", "kuchni", "küche", "cucina",
        "cocina", "kök", "köket", "mutfak", "keuken", "gotuję", "cooking", "oven", "ofen", "forno", "horno",
        "four", "ugnen", "ugn", "piekarnik", "fırın", "rauchmelder", "brandalarm", "smoke", "gafas", "okulary",
        "glasses", "brille", "occhiali", "lunettes", "bril", "glasögon", "gözlük", "kühlturm", "koeltoren",
        "dampfgarer", "stoomoven", "pierogi", "pierogami", "hammam"}),
    "teams": frozenset({
        "match", "spiel", "spiele", "partita", "partido", "jogo", "mecz", "meczu", "wedstrijd", "maç", "matchen",
        "remis", "unentschieden", "pareggio", "empate", "gelijkspel", "beraberlik", "oavgjort", "league", "bundesliga", "serie", "scudetto", "eredivisie", "ekstraklasa", "allsvenskan",
        "süper", "derbi", "derby", "turniej", "tournament", "turnier", "torneo", "toernooi", "turnuva",
        "turneringen", "spelen", "spielen", "giocano", "juegan", "jogam", "grały", "grają", "spelar", "oynuyor",
        "players", "spieler", "giocatori", "jugadores", "jogadores", "spelers", "zawodnicy", "oyuncular",
        "winterpause", "saison", "stagione", "temporada", "seizoen", "sezon", "säsong", "volontari",
        "voluntarios", "voluntários", "vrijwilligers", "freiwillige", "wolontariusze", "gönüllü", "betriebsquiz", "drużyna", "drużyny", "squadre", "equipos", "equipes", "ploegen", "mannschaften",
        "takımlar", "fútbol", "futebol", "fußball", "voetbal", "piłkarzyki", "calcio",
        "futbol", "fotboll", "bedrijfsvoetbaltoernooi", "tor", "tore", "gol", "goles", "gols", "goal", "goals",
        "doelpunten", "bramki", "mål", "ayrıldı", "abstiegskampf", "vincere", "empataron", "empatamos",
        "empatan", "partidazo", "ganamos", "ganaron", "perdimos", "perdieron", "sala"}),
    # The colour, said of the sky, the sea or a paint ("the sky was a perfect azure over the lake", "azure blue
    # paint for the nursery"): read for the provider's name too, which is no everyday word in tech talk.
    # AWS's products named after a physics or biology word: "redshift in galaxies", "kinesis is movement in response
    # to a stimulus" (read for the names in lower case, without a tech word in the text)
    "redshift": frozenset({"galaxy", "galaxies", "astronomy", "universe", "stars", "star", "doppler", "cosmology",
                           "telescope", "light", "quasar", "quasars", "cosmic", "physics"}),
    "kinesis": frozenset({"movement", "stimulus", "biology", "cell", "cells", "organism", "organisms", "physics",
                          "telekinesis", "homework", "muscle", "muscles"}),
    "azure": frozenset({
        "sky", "skies", "sea", "seas", "ocean", "water", "waters", "lake", "beach", "coast", "harbour", "harbor",
        "bay", "blue", "paint", "colour", "color", "eyes", "waves", "lagoon", "sunset", "horizon", "cielo", "mar",
        "ciel", "mer", "himmel", "meer", "hav", "morze", "niebo", "deniz", "gökyüzü", "céu"}),
}
# AWS products whose bare name is an everyday word, a goddess or a place ("Athena" is also Athens in the gazetteer's
# languages): the product where a word of its own use follows it ("Athena queries stuck in QUEUED", "Glue jobs
# failing", "our Aurora cluster failed over", "Amplify builds failing"), without the brand the catalog's names need.
PRODUCT_BY_NOUN: dict[str, tuple[str, frozenset[str]]] = {
    "athena": ("aws/athena", frozenset({"queries", "query", "workgroup", "workgroups", "engine", "tables"})),
    "aurora": ("aws/aurora", frozenset({"serverless", "postgres", "postgresql", "mysql", "cluster", "clusters",
                                        "writer", "reader", "replica", "replicas", "db", "database", "instance",
                                        "instances", "failover", "global"})),
    "glue": ("aws/glue", frozenset({"jobs", "job", "crawler", "crawlers", "etl", "catalog"})),
    "amplify": ("aws/amplify", frozenset({"builds", "build", "hosting", "gen2", "console", "deploys", "deploy"})),
}
# A service's own things as its users call them in the plural, with what only they do or fail to do a few words on
# and a problem in the sentence: "snaps won't send", "snaps just sit on 'sending...' and then fail" (Snapchat's
# photos); not "holiday snaps sent to grandma", "he snaps when the wifi fails".
THINGS_OF: dict[str, tuple[str, frozenset[str]]] = {
    "snaps": ("snapchat", frozenset({"send", "sending", "deliver", "delivering", "load", "loading", "open",
                                     "opening"})),
}
THINGS_REACH = 5
# Names the catalog does not hold as everyday words (in English they are only the brand) that are a word of
# another language: written in lower case in a text of that language, the word ("do końca roku", "w tym roku":
# Polish "of the year"), unless a product noun is beside it ("roku tv").
FOREIGN_WORD_NAMES: dict[str, frozenset[str]] = {
    "roku": frozenset({"pl"}),
}

# A company's name the catalog lists for its online service: the service only where something of it is said to fail
# or beside its product nouns ("my nintendo account keeps logging me out"), never what the company does ("Nintendo
# announces a new Switch", "Nintendo shares fell").
COMPANY_FOR_ITS_SERVICE = frozenset({"nintendo"})

NICKNAMES = frozenset({"lol", "max", "snap", "valo", "zap", "epic", "league", "zapzap", "whats", "wsp", "ig", "wp",
                       "tg"})
# Nicknames that are the brand with a complaint right after them, in lower case or capitals and not before another
# capitalised word ("ig down?", "ig is down for everyone", "snap not loading"; not "ig it's fine", "IG Metall").
NICKNAMES_COMPLAINED = frozenset({"ig", "snap", "tg"})  # "tg not loading any chats"
# Nicknames that are the brand in the language that coined them, whatever is said beside them: Brazilians' "zap"
# and "whats" (WhatsApp; Mexicans' "se cayó el whats" too), Spanish speakers' "wsp", Turkish speakers' "wp" ("wp
# çöktü mü?"). Elsewhere the everyday word ("zap the bug", "whats up"); the
# ones in NICKNAME_LANGS_ONLY count in no other way (no product noun: "whats app", "whats server" are English).
NICKNAME_LANGS = {"zap": frozenset({"pt"}), "zapzap": frozenset({"pt"}), "whats": frozenset({"pt", "es"}),
                  "wsp": frozenset({"es"}), "wp": frozenset({"tr"})}
NICKNAME_LANGS_ONLY = frozenset({"whats", "wsp", "wp"})
# Nicknames that are English words and no word of the other supported languages (spaCy's lemma tables say where they
# are: Dutch "snap" is "understand"): in a text of such a language with a problem in its sentence, the brand ("con
# snap caído", "epic znowu leży"). Not "lol" (laughter everywhere), "max" (a person), "zap" (channel-zapping), "league"
# (football's: "ligt eruit in de Champions League").
NICKNAMES_ABROAD = frozenset({"snap", "epic", "ig", "tg"})
# A game's short name with its maker or its own words anywhere in the text, and a problem said: the game ("lol não
# conecta ... riot me deve PdL", "el lol estuvo caído ... perdí mi racha de ranked", "valo com 200 de ping ... riot
# arruma isso"); laughter's "lol" has no Riot and no ranked queue beside it.
NICKNAME_WORLDS = {
    "lol": frozenset({"riot", "riota", "riotu", "ranked", "ranqueada", "rankedy", "rankeds", "summoner", "pdl",
                      "champ", "champions", "elo"}),
    "league": frozenset({"riot", "riota", "riotu", "ranked", "ranqueada", "rankedy", "summoner", "champ"}),
    "valo": frozenset({"riot", "riota", "riotu", "ranked", "ranqueada", "rankedy", "vanguard", "agents"}),
}

# Catalog names in kana and hangul that are also everyday words there (or a person's name): like
# COMMON_WORDS, they need evidence (a problem said, the search query, a product noun after them).
# "ズーム"/"줌" a camera's zoom, "스팀" steam heat, "롤" a roll, "마크" a mark, "발로" "with the foot",
# "에픽"/"エピック" epic, "アマゾン"/"아마존" the river, "ディスコ" a disco, "메신저"/"メッセンジャー" any messenger
# app, "스레드"/"쓰레드" a thread, "ルンバ"/"룸바" the dance, "クロード"/"アレクサ"/"テスラ" people.
COMMON_WORDS_CJK = frozenset({
    "ズーム", "줌", "スチーム", "스팀", "롤", "마크", "발로", "エピック", "에픽", "アマゾン", "아마존", "ディスコ",
    "メッセンジャー", "메신저", "스레드", "쓰레드", "ルンバ", "룸바", "クロード", "클로드", "アレクサ", "알렉사",
    "テスラ", "테슬라", "シグナル", "시그널", "ガーディアン", "가디언", "スラック",
})

# Words right next to a common-word name that show the common word is meant.
# Keys are the lower-cased name; "before"/"after" are the neighbouring tokens.
ANTI_CONTEXT: dict[str, dict[str, frozenset[str]]] = {
    "amazon": {"after": frozenset({"rainforest", "river", "basin", "jungle", "forest", "region", "delta", "tribe",
                                   "tribes", "parrot", "warriors", "deforestation", "amazonia", "fires", "biome"}),
               "before": frozenset({"brazilian", "peruvian", "an", "across", "in", "along", "bolivian", "colombian"})},
    "ring": {"after": frozenset({"of", "finger", "road", "toss", "bearer", "size", "tone", "tones", "light",
                                 "lights", "leader"}),
             "before": frozenset({"a", "wedding", "engagement", "boxing", "diamond", "gold", "key", "onion",
                                  "nose", "ear", "napkin", "phone", "his", "her", "my", "your", "their", "our",
                                  "olympic", "inner", "outer", "smoke", "benzene"})},
    "lambda": {"after": frozenset({"calculus", "expression", "expressions", "term", "terms", "abstraction",
                                   "notation", "sensor", "phage", "baryon", "value", "=", "chi", "school"}),
               "before": frozenset({"typed", "untyped", "python", "a", "greek", "letter", "java", "simply",
                                    "the", "kappa"})},
    "zoom": {"after": frozenset({"in", "out", "lens", "level", "levels", "past", "through", "by", "into", "off",
                                 "around", "ahead", "away", "camera"}),
             "before": frozenset({"to", "optical", "digital", "pinch", "cars", "cameras"}),
             # a camera's zoom in other languages, a few words on ("le zoom de mon appareil photo")
             "near": frozenset({"appareil", "objectif", "objektiv", "obiettivo", "optique", "lente", "objetivo",
                                "kamera", "fotocamera", "câmera", "cámara"})},
    "slack": {"after": frozenset({"off", "water", "tide", "line", "jaw", "jawed", "rope", "key", "season",
                                  "time"}),
              "before": frozenset({"some", "the", "cut", "pick", "up", "take", "picking", "taking", "no",
                                   "more", "less", "a", "little", "went", "go", "goes", "going", "gone", "hang",
                                   "hanging", "hung", "hangs", "hung", "grow", "grew", "fell", "falls", "too"})},
    "adobe": {"after": frozenset({"house", "houses", "home", "homes", "brick", "bricks", "walls", "wall", "church",
                                  "building", "buildings", "structure", "structures", "style", "village",
                                  "dwellings", "architecture", "clay", "mud", "oven", "construction"}),
              "before": frozenset({"an", "mud", "clay", "traditional", "old", "historic", "pueblo", "of"})},
    "flickr": {"after": frozenset({"of", "across", "in"}), "before": frozenset({"a", "the", "faint", "brief", "last"})},
    "signal": {"after": frozenset({"strength", "bars", "bar", "processing", "light", "lights", "noise", "to",
                                   "flare", "boost", "booster", "loss", "jammer"}),
               "before": frozenset({"phone", "cell", "cellular", "wifi", "wi-fi", "mobile", "gps", "tv", "radio",
                                    "weak", "strong", "bad", "no", "a", "the", "turn", "traffic", "satellite",
                                    "buy", "sell", "clear", "mixed", "warning", "lost", "lose", "losing", "any",
                                    "zero", "full", "ingen", "dålig", "svag", "någon", "bra"})},
    "teams": {"before": frozenset({"the", "two", "both", "our", "their", "all", "sports", "football", "soccer",
                                   "nfl", "nba", "rescue", "medical", "engineering", "sales", "dev", "many",
                                   "other", "volunteer", "volunteers", "relief", "on-call", "oncall", "ops", "sre",
                                   "security", "platform", "infra", "infrastructure", "targets", "helps"}),
              "after": frozenset({"of", "play", "played", "won", "lost", "meet", "compete"}),
              # a status update's people: "Teams are engaged", "Teams are investigating and we'll share updates"
              "then": frozenset({("are", "engaged"), ("are", "investigating"), ("are", "aware"), ("are", "working"),
                                 ("are", "looking"), ("are", "monitoring"), ("are", "continuing"),
                                 ("are", "actively"), ("have", "identified"), ("have", "been"), ("were", "engaged"),
                                 ("are", "on"), ("are", "currently")})},
    "box": {"before": frozenset({"a", "the", "cardboard", "lunch", "juice", "shoe", "post", "sand", "gift", "tool",
                                 "office", "jury", "penalty", "black", "out", "of", "in", "inbox", "x",
                                 # a server: "dedicated box in Gravelines", "our Hetzner box is fine"
                                 "dedicated", "hetzner", "ovh", "linux", "vps", "build", "test", "dev"}),
            "after": frozenset({"of", "office", "score", "set", "truck", "cutter", "spring"}),
            # the router or TV box, after an article or "my" of the languages that borrow the word ("la box
            # clignote rouge", "a box diz 'sem sinal'", "Spotify Connect findet meine Box nicht"): read in any
            # language, though "a" or "die" is an English word too
            "article": frozenset({"a", "la", "ma", "ta", "sa", "une", "cette", "notre", "votre", "minha", "tua",
                                  "sua", "uma", "nossa", "meine", "deine", "seine", "ihre", "unsere", "eine",
                                  "die", "der", "mijn", "onze", "mi", "tu", "su", "una", "mia", "min", "din"})},
    "square": {"before": frozenset({"a", "the", "times", "town", "red", "public", "market", "per", "fair",
                                    "back", "un"}),
               "after": frozenset({"root", "feet", "foot", "meters", "metres", "miles", "one", "meal", "dance",
                                   "inch", "inches", "kilometres", "kilometers", "garden", "footage"})},
    "stripe": {"before": frozenset({"a", "the", "white", "red", "blue", "black", "racing", "pin"}),
               "after": frozenset({"pattern", "shirt"})},
    "threads": {"before": frozenset({"the", "twitter", "reddit", "forum", "email", "comment", "sewing", "cotton",
                                     "silk", "many", "long", "these", "those"}),
                "after": frozenset({"per", "of", "count"})},
    "steam": {"before": frozenset({"of", "full", "the", "hot", "let", "off", "some", "more", "gathering",
                                   "gaining", "picking", "lost", "losing"}),
              "after": frozenset({"engine", "engines", "train", "room", "iron", "cleaner", "power", "punk"})},
    "oracle": {"before": frozenset({"an", "delphi", "delphic"}),
               "after": frozenset({"of", "at", "bones"})},
    "x": {"before": frozenset({"times", "malcolm", "generation", "gen", "axis", "spacex", "model", "mark", "the",
                               "a", "factor", "an", "iphone", "xbox", "series"}),
          "after": frozenset({"axis", "ray", "rays", "factor", "files", "men", "times", "=", "marks", "+", "-",
                              "*"})},
    "claude": {"before": frozenset({"jean", "jean-claude", "monet"}),
               "after": frozenset({"monet", "debussy", "van", "shannon", "rains"})},
    "alexa": {"before": frozenset({"my", "friend", "sister", "her"})},
    # the fire-starter: "dry tinder and kindling", "a tinder box", "tinder fungus"
    "tinder": {"before": frozenset({"dry", "some"}),
               "after": frozenset({"box", "boxes", "fungus", "dry"}),
               "near": frozenset({"kindling", "campfire", "flint", "firewood", "bonfire", "fireplace", "stove"})},
    "hue": {"before": frozenset({"a", "the", "blue", "red", "golden", "warm", "its"}),
            "after": frozenset({"of", "and"})},
    "nest": {"before": frozenset({"a", "the", "bird", "bird's", "empty", "hornet's", "wasp", "eagle's", "love"}),
             "after": frozenset({"egg", "of"})},
    "echo": {"before": frozenset({"an", "the", "faint"}), "after": frozenset({"chamber", "of"})},
    "spark": {"before": frozenset({"a", "the", "apache", "pyspark"}), "after": frozenset({"plug", "of", "joy"})},
    "tesla": {"before": frozenset({"nikola", "3", "1"}), "after": frozenset({"coil", "coils"})},
    "guardian": {"before": frozenset({"a", "legal", "his", "her", "their", "parent", "my", "your"}),
                 "after": frozenset({"angel", "angels", "of", "ad", "litem"})},
    "connect": {"before": frozenset({"to", "can't", "cannot", "couldn't", "and", "won't"})},
    "s3": {"before": frozenset({"watched", "watching", "season", "finished", "binged", "of"}),
           "after": frozenset({"of", "finale", "episode", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9", "e10"})},
    "gce": {"after": frozenset({"o-level", "o", "a-level", "a", "results", "exams", "exam", "o-levels", "a-levels"})},
    # the verb: "will kindle your love of reading", "to kindle a fire"
    "kindle": {"before": frozenset({"to", "will", "can", "could", "may", "might", "would", "helps", "help", "rekindle"}),
               "after": frozenset({"a", "the", "interest", "fire", "fires", "memories", "hope", "flames", "flame",
                                   "passion", "your", "their", "our", "my", "his", "her", "curiosity", "debate"})},
    "outlook": {"before": frozenset({"economic", "financial", "positive", "negative", "stable", "global", "market",
                                     "an", "weather", "career", "growth", "earnings", "bleak", "the", "my", "life"}),
                "after": frozenset({"on", "for", "remains", "is"}),
                # but the app on a device: "outlook on the web", "outlook on my phone stuck on 'syncing'"
                "but": frozenset({"web", "phone", "mobile", "ios", "android", "mac", "desktop", "windows", "iphone",
                                  "ipad", "laptop", "pc", "browser"})},
}
# A place said to be fine in its own clause ("eu-west-1 and us-west-2 are fine for us", "Frankfurt
# funkar", "Poland Central ok, ale ..."): the words that say it, by language (nlp/fine.py reads them;
# a word here counts only as its clause's predicate, right after the places, the clause ending soon after).
PLACE_FINE = {
    "en": ["fine", "ok", "okay", "all good", "good", "no problems", "no problem", "no issues", "unaffected",
           "healthy", "working", "working fine", "works", "works fine", "normal", "running fine", "running normally",
           "clean", "answers", "answering", "responds", "responding", "untouched", "never blinked",
           "didn't notice a thing", "didn't notice anything", "never noticed", "didn't blink",
           "operational", "available", "no known issues", "loads", "plays"],
    "es": ["bien", "ok", "todo ok", "todo normal", "normal", "funciona", "funciona bien", "va bien", "sin problemas",
           "sin incidencias", "anda bien", "tranquilo", "responde", "no hay problema", "operativo", "disponible",
           "no hay problemas"],
    "pt": ["ok", "tudo ok", "tudo normal", "normal", "funciona", "funcionando", "funcionando normal", "funciona bem",
           "sem problemas", "de boa", "tranquilo", "bem", "responde", "operacional", "disponível"],
    "fr": ["ok", "ça marche", "ça va", "marche", "marche bien", "fonctionne", "fonctionne bien", "normal",
           "pas de problème", "pas de souci", "aucun problème", "aucun souci", "rien à signaler", "va bien",
           "tourne bien", "nickel", "répond", "répond bien", "ça passe", "n'a rien", "opérationnel",
           "disponible"],
    "de": ["ok", "läuft", "läuft normal", "läuft problemlos", "geht", "funktioniert", "problemlos", "normal",
           "keine probleme", "unauffällig", "alles gut", "alles ok", "antwortet", "betriebsbereit", "verfügbar"],
    "it": ["ok", "va", "va bene", "funziona", "funziona bene", "tutto ok", "tutto normale", "nessun problema",
           "senza problemi", "normale", "regolare", "risponde", "carica", "regge", "ha retto", "operativo",
           "disponibile"],
    "nl": ["ok", "prima", "draait prima", "draait", "draait gewoon", "draaien gewoon", "draaien prima", "werkt",
           "werkt prima", "werkt gewoon", "doet het", "doen het", "doen het gewoon", "geen last", "nergens last van",
           "geen problemen", "normaal", "niks aan de hand", "gaat goed",
           "reageert", "operationeel", "beschikbaar"],
    "pl": ["ok", "działa", "działa normalnie", "działa dobrze", "bez problemów", "bez problemu", "w porządku", "spoko", "odpowiada"],
    "sv": ["ok", "funkar", "fungerar", "fungerar bra", "funkar bra", "inga problem", "normalt", "lugnt", "lugn", "fint", "går fint", "går bra",
           "svarar"],
    "tr": ["ok", "tamam", "sorunsuz", "sorun yok", "normal", "çalışıyor", "sıkıntı yok", "problem yok", "izliyor", "yanıt veriyor"],
}
