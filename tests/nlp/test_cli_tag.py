"""`outagewatch tag` and `outagewatch catalog --json` as a user runs them, including bad input."""

from __future__ import annotations

import json

from tests.clihelp import Ran, cli


def run(*args: str, stdin: bytes = b"") -> Ran:
    return cli(*args, input=stdin, check=False)


def lines(proc) -> list[dict]:
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def test_json_objects_and_plain_text(tmp_path):
    stdin = "\n".join([
        json.dumps({"id": "a", "text": "Kinesis errors in us-east-1", "source": "x:search:aws"}),
        "Is Slack down? Can't log in",
        json.dumps({"text": "Netflix no funciona", "lang": "es"}),
    ]).encode()
    proc = run("tag", "--json", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    out = lines(proc)
    assert [o["id"] for o in out] == ["a", 2, 3]
    assert set(out[0]) >= {"id", "services", "providers", "regions", "symptoms", "status", "lang"}
    assert out[0]["regions"] == ["aws:us-east-1"] and out[0]["providers"] == ["aws"]
    assert out[1]["services"] == ["slack"] and "login" in out[1]["symptoms"]
    assert out[2]["lang"] == "es" and out[2]["services"] == ["netflix"]


def test_empty_input_prints_nothing_and_succeeds():
    proc = run("tag", "--json", stdin=b"")
    assert proc.returncode == 0 and proc.stdout == "" and proc.stderr == ""


def test_bad_lines_are_named_and_the_rest_tagged():
    stdin = b"Roku down\n{not json\n\xff\xfe broken bytes\n{\"id\": 9}\n\nSlack down\n"
    proc = run("tag", "--json", stdin=stdin)
    assert proc.returncode == 3  # partial: the good lines were tagged
    errors = proc.stderr.splitlines()
    assert errors[0].startswith("line 2: bad JSON")
    assert errors[1].startswith("line 3: not valid UTF-8")
    assert errors[2].startswith("line 4:") and "text" in errors[2]
    assert "Traceback" not in proc.stderr
    assert [(o["id"], o["services"]) for o in lines(proc)] == [(1, ["roku"]), (6, ["slack"])]


def test_a_one_megabyte_line_is_tagged():
    huge = ("Roku is down in us-east-1. " + "filler words " * 90_000).encode()
    assert len(huge) > 1_000_000
    proc = run("tag", "--json", stdin=huge + b"\nSlack down\n")
    assert proc.returncode == 0, proc.stderr
    out = lines(proc)
    assert out[0]["services"] == ["roku"] and out[0]["regions"] == ["aws:us-east-1"]
    assert out[1]["services"] == ["slack"]


def test_plain_output_is_one_line_per_item():
    proc = run("tag", stdin=b"Roku down\nthe Amazon rainforest\n")
    assert proc.returncode == 0
    first, second = proc.stdout.splitlines()
    assert first.startswith("1: services=roku") and "relevant" in first
    assert second.startswith("2:") and "not-relevant" in second


def test_catalog_json_ignores_whatever_is_on_stdin():
    for stdin in (b"", b"\xff\xfe" * 1000, b"x" * 1_100_000):
        proc = run("catalog", "--json", stdin=stdin)
        assert proc.returncode == 0, proc.stderr
        catalog = json.loads(proc.stdout)
        ids = {s["id"] for s in catalog["services"]}
        assert {"roku", "flickr", "aws/kinesis"} <= ids
        assert "aws:us-east-1" in {r["id"] for r in catalog["regions"]}


def test_explain_says_why_a_name_was_or_was_not_tagged():
    stdin = "\n".join([
        "slack messages not sending",
        "the rope went slack and the climber dropped",
        "great game last night",
        json.dumps({"id": "s", "text": "Investigating - elevated errors", "source": "aws-health:ec2-us-east-1"}),
    ]).encode()
    proc = run("tag", "--json", "--explain", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    tagged, everyday, nothing, status = lines(proc)
    names = [d for d in tagged["explain"]["decisions"] if d["what"] == "name"]
    assert names == [{"what": "name", "text": "slack", "entry": "slack", "tagged": True,
                      "rule": "a symptom right after it"}]
    assert tagged["explain"]["decisions"][-1]["what"] == "relevance" and tagged["relevant"] is True
    rejected = [d for d in everyday["explain"]["decisions"] if d["what"] == "name"][0]
    assert rejected["tagged"] is False and "everyday sense" in rejected["rule"] and "went" in rejected["rule"]
    assert everyday["services"] == []
    assert nothing["explain"]["prescan"].startswith("cleared")
    assert "aws/ec2" in status["explain"]["prescan"]
    assert status["explain"]["decisions"][-1]["rule"] == "status stage investigating"


def test_explain_in_plain_text_is_indented_under_each_line():
    proc = run("tag", "--explain", stdin=b"the rope went slack\noutage in chicago\n")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.splitlines()
    assert out[0].startswith("1:") and out[1] == "  prescan: candidate"
    assert any(line.startswith("  name 'slack' -> slack: not tagged: everyday sense") for line in out)
    assert any(line == "  place 'chicago' -> geo:US-IL: tagged: a place in the gazetteer" for line in out)
    assert any(line.startswith("  relevance: yes: a strong symptom (outage)") for line in out)


def test_explain_names_what_a_form_or_a_short_form_stands_for():
    stdin = "\n".join(["netflix nie działa w krakowie", "gh actions runners stuck",
                       "東京都でNetflixが見れない", "AWS explains last week's outage",
                       "istanbul'da instagram açılmıyor"]).encode()
    proc = run("tag", "--json", "--explain", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    polish, short, tokyo, back, istanbul = [item["explain"]["decisions"] for item in lines(proc)]
    assert {"what": "place", "text": "krakowie", "entry": "geo:PL-12", "tagged": True,
            "rule": "a place in the gazetteer (an inflected form of Kraków)"} in polish
    assert {"what": "name", "text": "gh actions", "entry": "github", "tagged": True,
            "rule": "short for GitHub Actions"} in short
    assert [d["text"] for d in tokyo if d["what"] == "place"] == ["東京都"]  # the name, not the run "東京都で"
    assert back[-2]["what"] == "ongoing" and back[-2]["tagged"] is False
    assert "a look back at a past outage" in back[-2]["rule"]
    assert back[-1]["what"] == "relevance" and back[-1]["tagged"] is True  # about that outage
    assert len([d for d in istanbul if d["what"] == "place"]) == 1  # said once, not once per gazetteer row


def test_an_analyst_tells_an_outage_going_on_from_one_that_is_over():
    """Both are about an outage (relevant); only the first reports a problem now (ongoing).
    Plain output says which, --json carries both fields, --explain names both decisions."""
    stdin = b"Roku is down again\nRoku is back up after a two hour outage\nRoku's new stick is $29\n"
    plain = run("tag", stdin=stdin)
    assert plain.returncode == 0, plain.stderr
    down, back, ad = plain.stdout.splitlines()
    assert down.endswith("relevant ongoing") and back.endswith("relevant past") and ad.endswith("not-relevant")
    proc = run("tag", "--json", "--explain", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    records = lines(proc)
    assert [(r["relevant"], r["ongoing"]) for r in records] == [(True, True), (True, False), (False, False)]
    ongoing, relevance = records[1]["explain"]["decisions"][-2:]
    assert ongoing == {"what": "ongoing", "text": "", "tagged": False, "rule": "a recovery, no problem going on"}
    assert relevance["what"] == "relevance" and relevance["tagged"] is True and "recovery" in relevance["rule"]
    explained = run("tag", "--explain", stdin=stdin).stdout
    assert "  ongoing: no: a recovery, no problem going on" in explained
    assert "  relevance: yes: a recovery about an outage of a named service" in explained
