"""An analyst reads the report and the CLI: every source kind visible on its own scale,
times and durations in words people use, peaks in the unit that exists, and an incident
list that fits an 80-column terminal or a pipe."""

from __future__ import annotations

import json
import re

import pytest

from outagewatch.reports.chart import timeline_svg
from outagewatch.reports.fmt import confidence, count, duration, minutes, times_in, when
from tests.reports.test_reports_cli import db, run  # noqa: F401 - the shared story store

ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def test_human_times_durations_and_confidence():
    assert when("2020-11-25T13:30:00Z") == "2020-11-25 13:30 UTC"
    assert when("2020-11-25T13:30:00Z", date=False) == "13:30 UTC"
    assert when(None) == ""
    assert duration(1125) == "18 h 45 min" and duration(45) == "45 min" and duration(120) == "2 h"
    assert duration(2900) == "2 d 0 h 20 min"
    assert minutes(66.0) == "66 min" and minutes(None) == "n/a" and minutes(200) == "3 h 20 min"
    assert confidence(0.98) == "high confidence (0.98)" and confidence(0.63).startswith("moderate")
    assert count(847.0, "reports") == "847 reports" and count(1, "signals") == "1 signal"
    assert times_in("spiked at 2020-11-25T15:29:52Z, said") == "spiked at 2020-11-25 15:29 UTC, said"


def _incident(kinds, **extra):
    return {"detected_at": "2020-11-25T13:30:00Z", "common_cause_named_at": "2020-11-25T13:40:00Z",
            "first_official_at": "2020-11-25T14:35:00Z",
            "series": {"start": "2020-11-25T12:00:00Z", "interval": 300, "kinds": kinds}, **extra}


def test_each_source_kind_gets_its_own_lane_and_scale():
    n = 360  # 30 hours of 5-minute buckets: the axis has to say which day
    kinds = {"reports": [4000 if 20 <= i < 40 else 2 for i in range(n)],
             "social": [7 if 18 <= i < 30 else 0 for i in range(n)],
             "status": [1 if i in (25, 300) else 0 for i in range(n)],
             "news": [0] * n}
    official = [{"at": "2020-11-25T14:05:00Z", "status": "investigating", "source": "aws-health:<kinesis>"},
                {"at": "2020-11-26T13:00:00Z", "status": "resolved", "source": "aws-health:kinesis"}]
    svg = timeline_svg(_incident(kinds), official)
    lanes = re.findall(r'<g class="lane" data-kind="(\w+)"', svg)
    assert lanes == ["reports", "social", "status"]  # an empty kind gets no lane
    maxima = re.findall(r'class="lane-max"[^>]*>max ([^<]+)<', svg)
    assert maxima == ["4,000 user reports", "7 posts", "1 status update"]
    assert "25 Nov 2020" in svg and "26 Nov 2020" in svg and "time (UTC)" in svg
    assert "detected 13:30 UTC" in svg and "cause named 13:40 UTC" in svg and "first official 14:35 UTC" in svg
    assert svg.count("stroke-dasharray=\"3 3\"") == 2  # both official updates, across all lanes
    assert "aws-health:&lt;kinesis&gt;" in svg and "<kinesis>" not in svg
    for label in ("reports", "social", "status", "detected", "cause named", "official update"):
        assert f">{label}</text>" in svg  # the legend
    ticks = re.findall(r'text-anchor="middle" font-size="11">(\d\d:\d\d)<', svg)
    assert 4 <= len(ticks) <= 10 and all(t.endswith("00") for t in ticks)


def test_social_lane_is_not_flattened_by_report_counts():
    kinds = {"reports": [5000] * 10, "social": [0, 2, 4, 2, 0, 0, 0, 0, 0, 0]}
    svg = timeline_svg(_incident(kinds), [])
    social = svg.split('data-kind="social"')[1].split("</g>")[0]
    ys = [float(y) for y in re.findall(r"[\d.]+,([\d.]+)", social.split("<polyline")[1])]
    assert max(ys) - min(ys) > 40  # the peak of 4 posts rises most of a 64-pixel lane


def test_report_reads_in_human_units(db, tmp_path):  # noqa: F811
    listed = [json.loads(line) for line in run("incidents", "--json", store=db).stdout.splitlines()]
    aws = next(i for i in listed if "roku" in i["services"])

    data = json.loads(run("report", aws["id"], "--format", "json", store=db).stdout)
    assert data["official"][0]["at"] == "2020-11-25T14:36:00Z"  # JSON stays ISO
    kinesis = next(a for a in data["affected"] if a["service"] == "aws/kinesis")
    assert kinesis["peak"] >= 1 and kinesis["peak_unit"] == "signals" and isinstance(kinesis["peak"], int)

    md = run("report", aws["id"], store=db).stdout
    out = tmp_path / "r.html"
    run("report", aws["id"], "--format", "html", "-o", str(out), store=db)
    html = out.read_text()
    visible = re.sub(r"<[^>]+>", " ", html)  # SVG coordinates are not for reading
    for text in (md, visible):
        assert not ISO.search(text), ISO.search(text)
        assert not re.search(r"\b\d+\.0\b", text), re.search(r"\b\d+\.0\b", text)
        assert "2020-11-25 14:36 UTC" in text
        assert f"{round(aws['lead_minutes'])} min" in text
    assert "| aws/kinesis | 2020-11-25 14:36 UTC | 2020-11-25 14:36 UTC | 1 signal |" in md
    assert "peak per 5 min" in md and "peak per 5 min" in html
    assert re.search(r"\| roku \|[^\n]*\| \d+ signals \|", md)
    assert html.count('<g class="lane"') == 3  # social, news, status

    summary = data["summary"]
    assert summary.startswith("Roku, Flickr and Amazon Kinesis were disrupted on 25 November 2020.")
    assert "The likely cause is Amazon Kinesis in Amazon Web Services us-east-1, with moderate confidence (0." in summary
    assert f"Detection came {round(aws['lead_minutes'])} min ahead of the first official update (14:36 UTC)." in summary
    assert re.search(r"It lasted \d+ h( \d+ min)?, ending 2020-11-25 19:00 UTC\.", summary)


@pytest.mark.parametrize("columns", ["80", "60"])
def test_incident_list_fits_a_narrow_terminal_and_a_pipe(db, monkeypatch, columns):  # noqa: F811
    monkeypatch.setenv("COLUMNS", columns)
    listed = [json.loads(line) for line in run("incidents", "--json", store=db).stdout.splitlines()]
    aws = next(i for i in listed if "roku" in i["services"])
    text = run("incidents", store=db).stdout
    lines = text.splitlines()
    assert all(len(line) <= int(columns) for line in lines), max(lines, key=len)
    assert "…" not in text and aws["id"] not in text  # short ids, nothing cut mid-word
    block = text.split(aws["id"][:8], 1)[1].split("\n\n")[0]
    assert block.startswith(f"  {when(aws['detected_at'])}  strong  closed  lead {round(aws['lead_minutes'])} min")
    assert "cause: aws/kinesis · aws:us-east-1, moderate confidence (0." in " ".join(block.split())
    assert "Roku" in block and "signals: " in block

    around = run("correlate", "--service", "roku", "--at", "2020-11-25T14:00Z", "--window", "1h", store=db)
    out = around.stdout
    assert all(len(line) <= int(columns) for line in out.splitlines()), max(out.splitlines(), key=len)
    assert "service flickr: related (shares aws, aws:us-east-1)" in " ".join(out.split())
    assert "likely common cause: aws/kinesis" in out and not ISO.search(out)
