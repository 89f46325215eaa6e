"""The trained relevance classifier beside the rules, as a user meets it in `outagewatch tag`.

The model decides where it is confident and the rules elsewhere; it may not say yes over a
no the rules gave on purpose (a negation, an everyday sense). A missing or broken model file
is one clear line, never a quiet fall back to the rules alone.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from outagewatch.nlp import Tagger
from outagewatch.nlp.relevance import RelevanceModel, RelevanceModelError
from tests.clihelp import cli

REPO = Path(__file__).resolve().parents[2]


def tag_json(text: str, env: dict | None = None):
    proc = cli("tag", "--json", input=text.encode() + b"\n", check=False, env=env)
    return proc, [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def test_a_complaint_in_everyday_words_the_rules_miss_is_a_problem_now():
    # No rule knows "se quedó pillado" (it got stuck): the rules said not relevant, the model is sure.
    proc, [out] = tag_json("whatsapp se quedó pillado otra vez, no salen los mensajes")
    assert proc.returncode == 0, proc.stderr
    assert out["services"] == ["whatsapp"]
    assert out["relevant"] is True and out["ongoing"] is True
    model = out["model"]
    assert model["rules"] == {"relevant": False, "ongoing": False}
    assert model["decided_by"] == {"relevant": "model", "ongoing": "model"} and model["relevant"] >= 0.85
    words = [w for w, _ in model["top_words"]["relevant"]]
    assert 0 < len(words) <= 5 and set(words) <= set("whatsapp se quedó pillado otra vez , no salen los mensajes".split())


def test_explain_says_the_probability_and_who_decided():
    proc = cli("tag", "--explain", input="whatsapp se quedó pillado otra vez, no salen los mensajes\n".encode(),
               check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].endswith("relevant ongoing")
    assert "model: P(relevant) 0.9" in proc.stdout and "rules said no: the model decided (confident)" in proc.stdout
    assert "model words for relevant: " in proc.stdout and "model words for ongoing: " in proc.stdout


def test_an_unsure_model_leaves_the_rules_verdict(tag):
    # "volvió a subir el precio" (raised the price again): the model leans yes (p ~0.54: "volvió" is
    # mostly said of a service that is back) but is not sure, so the rules' no stands.
    result = tag("netflix volvió a subir el precio")
    assert 0.15 <= result["model"]["relevant"] < 0.85
    assert result["relevant"] is False and result["model"]["decided_by"]["relevant"] == "rules"


@pytest.mark.parametrize("text", ["Netflix isn't down, it's your wifi", "Slack n'est pas en panne chez moi"])
def test_the_model_never_says_yes_over_a_negation(tag, text):
    result = tag(text)
    assert result["relevant"] is False and result["ongoing"] is False
    if result["model"]["relevant"] >= 0.5:  # the model alone would have said yes: the rules decided
        assert result["model"]["decided_by"]["relevant"] == "rules"


def test_a_text_naming_nothing_stays_not_relevant_whatever_the_model_thinks(tag):
    result = tag("Amazon River dolphins are pink")
    assert result["relevant"] is False


def test_tagging_is_deterministic(tagger):
    texts = [("whatsapp se quedó pillado otra vez, no salen los mensajes", None, None),
             ("Slack down again? messages not sending", None, None),
             ("la app del banco no me deja entrar desde esta mañana", None, None)]
    first = list(tagger.tag_texts(texts))
    again = list(Tagger(tagger.catalog).tag_texts(texts))
    assert first == again


def test_training_twice_writes_the_same_bytes(tmp_path):
    sys.path.insert(0, str(REPO / "scripts"))
    import relevance_data
    import relevance_models
    import train_relevance

    arch = train_relevance.ARCHITECTURE  # the shipped model's features
    records = relevance_data.load_groups(["final5"])
    for name in ("a.zip", "b.zip"):
        relevance_models.fit_shipped(records, epochs=2, thresholds={"relevant": (0.4, 0.7), "ongoing": (0.4, 0.7)},
                                     architecture=arch).save(tmp_path / name)
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    loaded = RelevanceModel.load(tmp_path / "a.zip")
    assert loaded.thresholds == {"relevant": (0.4, 0.7), "ongoing": (0.4, 0.7)}
    assert loaded.architecture == (arch or loaded.architecture)
    texts = [r["text"] for r in records[:50]] + ["Netflixが今日ずっと繋がらない", "지금 유튜브 안 돼요"]
    assert loaded.predict_many(texts) == relevance_models.fit_shipped(records, epochs=2, architecture=arch) \
        .predict_many(texts)


def test_every_training_writer_on_disk_is_trained_on_and_held_out():
    # A writer's file that lands in training/tagging/ but is not in relevance_data.WRITERS would be
    # neither trained on nor held out in the leave-one-writer-out figures; nor scored per set.
    sys.path.insert(0, str(REPO / "scripts"))
    sys.path.insert(0, str(REPO / "benchmarks"))
    import relevance_by_set
    import relevance_data

    on_disk = {p.stem for p in (REPO / "training" / "tagging").glob("writer_*.jsonl")}
    assert on_disk and on_disk == set(relevance_data.WRITERS) == set(relevance_by_set.WRITERS)
    assert all(relevance_data.GROUPS[w] == (REPO / "training" / "tagging" / f"{w}.jsonl",) for w in on_disk)


def test_the_held_out_probabilities_training_keeps_are_of_a_model_that_never_saw_the_writer():
    # `train_relevance.py --probs` keeps the threshold step's predictions: each writer predicted by a model
    # trained on every other group, so they serve as the leave-one-writer-out figures of the shipped recipe.
    sys.path.insert(0, str(REPO / "scripts"))
    sys.path.insert(0, str(REPO / "benchmarks"))
    import relevance_data
    import relevance_model
    import relevance_models
    import train_relevance

    records = relevance_data.load_groups(["writer_m", "final5"])
    rules = relevance_data.rules_tags(records)
    held_out: dict = {}
    train_relevance.choose_thresholds(records, rules, held_out)
    writer_m = [r for r in records if r["group"] == "writer_m"]
    assert list(held_out) == ["writer_m"]
    assert [row[0] for row in held_out["writer_m"]] == [r["id"] for r in writer_m]
    others = [r for r in relevance_model.fill_rel(records, rules) if r["group"] != "writer_m"]
    alone = relevance_models.fit_shipped(others, epochs=train_relevance.EPOCHS, architecture=train_relevance.ARCHITECTURE)
    assert [tuple(row[1:]) for row in held_out["writer_m"]] == alone.predict_many(r["text"] for r in writer_m)
    assert all(0 <= p <= 1 for row in held_out["writer_m"] for p in row[1:])


def test_the_shipped_model_is_of_the_architecture_the_training_script_makes():
    sys.path.insert(0, str(REPO / "scripts"))
    import train_relevance

    model = RelevanceModel.load()
    assert model.architecture == (train_relevance.ARCHITECTURE or model.architecture)
    assert model.info.startswith(train_relevance.describe())


def test_a_missing_model_file_is_one_clear_line(tmp_path):
    missing = tmp_path / "nowhere.npz"
    proc, out = tag_json("Slack down", env={"OUTAGEWATCH_NLP_RELEVANCE_MODEL": str(missing)})
    assert proc.returncode == 1 and out == []
    [line] = proc.stderr.strip().splitlines()
    assert "relevance model not found" in line and str(missing) in line
    with pytest.raises(RelevanceModelError):
        Tagger(relevance_model=missing)


@pytest.mark.parametrize("content", [b"not a model at all", b"PK\x03\x04truncated"])
def test_a_corrupt_model_file_is_one_clear_line(tmp_path, content):
    broken = tmp_path / "relevance.npz"
    broken.write_bytes(content)
    proc, out = tag_json("Slack down", env={"OUTAGEWATCH_NLP_RELEVANCE_MODEL": str(broken)})
    assert proc.returncode == 1 and out == []
    [line] = proc.stderr.strip().splitlines()
    assert "unreadable" in line and "Traceback" not in proc.stderr


# -- a problem the text dates to now ----------------------------------------------------------------
# The model reads words, not time: "explains" pulls its P(ongoing) down in "Cloudflare explains what
# is causing today's outage", an outage going on. Where the rules read a problem now and the text
# dates a named service's problem to the present, beside the problem word ("today's outage", "down
# right now", "currently failing", "gerade nicht", "şu anda açılmıyor", "今日", "지금"), the model may
# not turn `ongoing` off. A model whose "no" bound is 0.999 (it says no to nearly
# everything) shows the guard: the same model turns off a problem said without such a word.

@pytest.fixture(scope="module")
def eager_no(tmp_path_factory):
    """The shipped model with its "not ongoing" bound raised to 0.999, saved as a model file."""
    model = RelevanceModel.load()
    model.thresholds = {**model.thresholds, "ongoing": (0.999, 1.01)}
    path = tmp_path_factory.mktemp("model") / "eager-no.zip"
    model.save(path)
    return path


@pytest.fixture(scope="module")
def eager_tag(eager_no):
    tagger = Tagger(relevance_model=eager_no)
    return lambda text: tagger.tag_text(text)


def test_the_shipped_model_keeps_an_explained_outage_of_today_going_on(tag):
    result = tag("Cloudflare explains what is causing today's outage")
    assert result["relevant"] is True and result["ongoing"] is True


@pytest.mark.parametrize("text", [
    "Cloudflare explains what is causing today's outage",
    "Slack is down right now, messages not sending",
    "Teams currently failing to load chats",
    "whatsapp no me deja entrar hoy, la app da error",
    "Outlook geht gerade nicht, Mails hängen im Postausgang",
    "Instagram ne marche pas en ce moment",
    "Discord şu anda açılmıyor",
    "Netflixが今日ずっと繋がらない",
    "지금 유튜브 안 돼요",
    # a past time, and the problem back "again today": a recurrence now
    "Twitter was down yesterday and again today",
    "Outlook ging gestern nicht und heute wieder nicht",
    "Spotify låg nere igår och idag igen",
    # a problem said in the present tense with "again", the past time dating the earlier one
    "Cloudflare is down again, same as Tuesday's meltdown",
    "Slack ist wieder down, wie schon gestern",
])
def test_a_problem_dated_to_now_stays_ongoing_whatever_the_model_says(eager_tag, text):
    result = eager_tag(text)
    assert result["model"]["rules"]["ongoing"] is True and result["model"]["ongoing"] < 0.999
    assert result["ongoing"] is True and result["relevant"] is True
    assert result["model"]["decided_by"]["ongoing"] in ("rules", "both")


@pytest.mark.parametrize("text", ["Slack down, messages not sending", "slack messages not sending since this morning"])
def test_the_same_model_turns_off_a_problem_said_without_a_time(eager_tag, text):
    result = eager_tag(text)
    assert result["model"]["rules"]["ongoing"] is True
    assert result["ongoing"] is False


@pytest.mark.parametrize("text", [
    "Atlassian was down for an hour, everything is back now",  # "now" dates the recovery
    "Airbnb messaging was completely broken yesterday, host couldn't send me the door code, now I'm locked out",
    "My brain had a full outage at 3pm today, rebooted with a coffee",  # no service: a joke the rules misread
    "Slack was down yesterday, working again today",  # "again today" of the recovery
    "Cloudflare was down again yesterday",  # "again", but in the past
    "Cloudflare went down again on Tuesday",
])
def test_a_time_word_that_dates_something_else_does_not_keep_it_going_on(eager_tag, text):
    assert eager_tag(text)["ongoing"] is False


@pytest.mark.parametrize("text", [
    "Zoom came back, but Slack is still down",
    "Zoom ya funciona, pero Slack sigue caído",
    "Teams funktioniert wieder, Outlook geht noch immer nicht",
    "A Vodafone voltou, mas a televisão continua sem sinal no Porto",
    "Outlook is back but Teams keeps crashing",
])
def test_a_problem_said_to_go_on_beside_a_recovery_stays_ongoing_whatever_the_model_says(eager_tag, text):
    # the bag of words weighs "came back" over "still": the rules read the problem that goes on, and decide
    result = eager_tag(text)
    assert result["model"]["rules"]["ongoing"] is True and result["model"]["ongoing"] < 0.999
    assert result["ongoing"] is True and result["relevant"] is True


@pytest.mark.parametrize("text", [
    "Zoom came back, Slack was still down until noon but works now",  # "was still": it went on then
    "PlayStation Network services are up and running again. If you still can't sign in, restart your console.",
])
def test_a_problem_that_went_on_or_might_is_no_problem_now_beside_a_recovery(eager_tag, text):
    assert eager_tag(text)["ongoing"] is False


def test_explain_says_the_problem_is_dated_to_now(eager_no):
    proc = cli("tag", "--explain", input="Cloudflare explains what is causing today's outage\n".encode(),
               check=False, env={"OUTAGEWATCH_NLP_RELEVANCE_MODEL": str(eager_no)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].endswith("relevant ongoing")
    assert "said to be now ('today'), so the relevance model may not turn it off" in proc.stdout


# -- a person's choice is no complaint ----------------------------------------------------------------
# "i won't let my kids play fortnite" names a service and "won't", a word of complaints: the model (which
# reads words) can be sure it is one. The rules read a person choosing and rule it out, so the model may
# not say yes over them; a model that says yes to everything shows it.

@pytest.fixture(scope="module")
def eager_yes(tmp_path_factory):
    model = RelevanceModel.load()
    model.thresholds = {"relevant": (0.0, 0.001), "ongoing": (0.0, 0.001)}
    model.sure = {}  # yes wherever the guard lets it, never past it (whatever the shipped file's own ``sure``)
    path = tmp_path_factory.mktemp("model") / "eager-yes.zip"
    model.save(path)
    return Tagger(relevance_model=path)


@pytest.mark.parametrize("text", ["i won't let my kids play fortnite", "I won't pay for Netflix anymore",
                                  "we don't play fortnite on school nights"])
def test_a_persons_choice_stays_no_complaint_whatever_the_model_says(eager_yes, text):
    result = eager_yes.tag_text(text)
    assert result["relevant"] is False and result["ongoing"] is False


@pytest.mark.parametrize("text", ["i can't get fortnite to load", "fortnite won't let me play"])
def test_a_complaint_beside_the_same_words_is_still_the_models_to_read(eager_yes, text):
    assert eager_yes.tag_text(text)["relevant"] is True


def test_training_in_several_processes_writes_what_one_process_writes():
    # `train_relevance.py --jobs N` fits the held-out writers' models in N processes: each fit is seeded on
    # its own, so the probabilities (and the thresholds chosen on them) are those of one process.
    sys.path.insert(0, str(REPO / "scripts"))
    import relevance_data
    import train_relevance

    records = [r for r in relevance_data.load_groups(["writer_m", "writer_n"]) if r["kind"] != "status"][::4]
    rules = relevance_data.rules_tags(records)
    one, two = {}, {}
    chosen = train_relevance.choose_thresholds(records, rules, one, jobs=1)
    assert train_relevance.choose_thresholds(records, rules, two, jobs=2) == chosen
    assert one == two and sorted(one) == ["writer_m", "writer_n"]
    assert [row[0] for row in one["writer_n"]] == [r["id"] for r in records if r["group"] == "writer_n"]
    lo, hi, sure = chosen["relevant"]
    assert lo <= 0.15 and hi >= 0.85 and sure >= 0.97


# -- a sure model past the guard -----------------------------------------------------------------------
# The guard above keeps the model's yes to texts where the rules found a service, provider or problem word.
# A carrier, bank or ISP the catalog does not know, its problem said in everyday words, gives the rules
# nothing: where the model is sure (a model file's ``sure``, per flag) it may say yes there too, unless the
# rules ruled the text out on purpose (an everyday sense, a person's choice). Models that say yes to
# everything, with and without ``sure``, show both sides.


def test_a_sure_model_reads_a_carrier_the_catalog_does_not_know(eager_yes, eager_sure):
    # ("emergency calls only", this story's first text, is a problem word since the rules read what a phone shows
    # when its network is gone; a network operator the rules find, "my texts to anyone on Telstra ...", counts as a
    # named service for the guard since the fourteenth round: a payment app the operators' tables do not hold, in a
    # text the prescan passes for its place)
    text = "my payments to anyone through Vipps just sit there pending in Oslo, since lunch"
    guarded, sure = eager_yes.tag_text(text), eager_sure.tag_text(text)
    assert guarded["services"] == [] and guarded["symptoms"] == [] and guarded["relevant"] is False
    assert sure["relevant"] is True and sure["ongoing"] is True
    assert sure["model"]["rules"] == {"relevant": False, "ongoing": False}
    assert sure["model"]["decided_by"]["relevant"] == "model"


@pytest.mark.parametrize("text", ["had a full personal outage after that week, sleeping all weekend",
                                  "watched the sun go down from the pier, gorgeous evening",
                                  "i won't let my kids play fortnite"])
def test_a_sure_model_never_says_yes_over_what_the_rules_ruled_out(eager_sure, text):
    result = eager_sure.tag_text(text)
    assert result["relevant"] is False and result["ongoing"] is False


def test_sure_is_kept_in_the_model_file_and_a_file_without_it_never_passes_the_guard(tmp_path):
    model = RelevanceModel.load()
    model.sure = {"relevant": 0.97}
    model.save(tmp_path / "sure.zip")
    assert RelevanceModel.load(tmp_path / "sure.zip").sure == {"relevant": 0.97}
    model.sure = {}
    model.save(tmp_path / "plain.zip")
    import zipfile
    assert "sure" not in json.loads(zipfile.ZipFile(tmp_path / "plain.zip").read("relevance.json"))
    plain = RelevanceModel.load(tmp_path / "plain.zip")
    assert plain.sure == {} and plain.decide("relevant", False, 0.999, may_add=False) == (False, "rules")
    assert RelevanceModel.load(tmp_path / "sure.zip").decide("relevant", False, 0.999, may_add=False) == (True, "model")
    assert RelevanceModel.load(tmp_path / "sure.zip").decide("relevant", False, 0.999, may_add=False,
                                                            denied=True) == (False, "rules")
