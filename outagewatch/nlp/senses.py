"""Outage words in their everyday sense: "went down really well", "crashed on the couch",
"our new incident workflow", "chaos game day simulated losing us-east-1", "we back up our data".

The symptom phrases match words, not meanings; these few senses are common enough in posts
that name a service ("the new season went down really well, netflix better renew it") to be
worth ruling out by the words around the match. Kept as data beside the rule that reads it.
"""

from __future__ import annotations

# "went down well", "caiu muito bem", "cayó bien": a verb of falling, then praise.
FALLING = frozenset({"down", "caiu", "cayó", "cayo", "cae", "cai", "caíram", "cayeron"})
INTENSIFIERS = frozenset({"really", "very", "so", "super", "pretty", "quite", "extremely", "incredibly", "muito",
                          "muy", "tão", "tan", "re", "sehr", "a", "ganz", "molto", "like", "rather"})
PRAISE = frozenset({"well", "bem", "bien", "great", "nicely", "brilliantly", "gut", "bene", "benissimo", "treat",
                    "storm", "smoothly", "smooth"})
# "crashed on the couch", "crashing at a friend's": a person falling asleep.
CRASHING = frozenset({"crashed", "crash", "crashing", "crashes"})
RESTING = frozenset({"couch", "sofa", "bed", "floor", "settee", "futon", "hammock", "friend's", "place", "mine",
                     "yours", "his", "hers", "theirs"})
ARTICLES = frozenset({"on", "onto", "in", "into", "at", "the", "a", "my", "our", "your", "his", "her", "their",
                      "friend's", "mate's"})
# "incident workflow builder", "incident response training": the practice or a product, not an incident.
INCIDENT_WORDS = frozenset({"incident", "incidents", "outage"})
PRACTICE = frozenset({"workflow", "workflows", "management", "response", "responders", "commander", "commanders",
                      "review", "reviews", "process", "processes", "tool", "tools", "tooling", "builder", "template",
                      "templates", "playbook", "playbooks", "runbook", "runbooks", "automation", "platform",
                      "software", "training", "drill", "drills", "simulation", "simulations", "postmortems",
                      "retrospectives", "app", "feature", "features", "dashboard", "tracker", "bot", "integration",
                      "policy", "policies", "metrics", "reporting", "handbook", "course", "certification"})
# A rehearsal: what breaks in it is planned ("chaos game day simulated losing us-east-1").
# Not "game day", "tabletop" or "simulation" alone: sports days, board games and simulation games crash too.
DRILLS = ("simulated", "simulating", "simulate", "simulates", "chaos game day", "chaos gameday", "chaos day",
          "fire drill", "dr drill", "failover drill", "failover test", "dr test", "disaster recovery test",
          "disaster recovery drill", "chaos experiment", "chaos engineering", "tabletop exercise", "simulacro",
          "notfallübung")


# "we back up our databases nightly": backing up data, not a service coming back up.
BACKED_UP = frozenset({"your", "my", "our", "their", "his", "her", "the", "all", "everything", "files", "data",
                       "photos", "this", "that", "these", "those", "it", "them", "daily", "nightly", "regularly",
                       "every", "each", "a", "an"})


def everyday_sense(lower: list[str], start: int, end: int) -> str | None:
    """Why the symptom matched at lower[start:end] is the everyday sense, or None."""
    n = len(lower)
    if lower[start:end] == ["back", "up"] and end < n and lower[end] in BACKED_UP:
        return "the everyday sense: backing up data"
    last = lower[end - 1]
    if last in FALLING or lower[start] in FALLING:
        j = end
        while j < n and j - end < 3 and lower[j] in INTENSIFIERS:
            j += 1
        if j < n and lower[j] in PRAISE:
            return "the everyday sense: went down well (praise)"
    if last in CRASHING:
        j = end
        while j < n and j - end < 3 and lower[j] in ARTICLES:
            j += 1
        if j > end and j < n and lower[j] in RESTING:
            return "the everyday sense: a person crashing (to sleep)"
    if last in INCIDENT_WORDS and end < n and lower[end] in PRACTICE:
        return f"the practice or a product ('{last} {lower[end]}'), not an incident"
    return None


DRILL_FIRSTS = frozenset(d.split()[0] for d in DRILLS)


def drill(lower: list[str]) -> str | None:
    """The rehearsal word or phrase in a text (its lower-case words), or None."""
    if DRILL_FIRSTS.isdisjoint(lower):
        return None
    joined = " ".join(lower)
    for word in DRILLS:
        at = joined.find(word)
        if at >= 0 and (at == 0 or not joined[at - 1].isalnum()) and \
                (at + len(word) == len(joined) or not joined[at + len(word)].isalnum()):
            return word
    return None
