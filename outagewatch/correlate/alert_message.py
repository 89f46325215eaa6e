"""What an alert says, once, whatever carries it (Slack, PagerDuty, a signed webhook,
Alertmanager, any apprise URL): the incident's title, evidence level, likely cause,
lead time over the official status, and links to its report and the dashboard.

Every destination formats the same :class:`AlertMessage`, so a fix to the wording (such
as a lead of zero, which used to read "ahead of the official status by 0.0 min") is made
here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

EVENT_WORDS = {"open": "New incident", "escalate": "Incident escalated", "close": "Incident closed"}
# evidence level -> the severity words of on-call tools (PagerDuty, Alertmanager labels)
SEVERITY = {"strong": "critical", "moderate": "warning", "weak": "info"}


@dataclass(frozen=True)
class AlertMessage:
    event: str  # open | escalate | close
    incident_id: str
    title: str
    evidence_level: str
    status: str
    likely_cause: str | None  # in words: "Amazon Kinesis in Amazon Web Services us-east-1 (high confidence, 0.98)"
    cause: dict[str, Any]  # service, provider, region, confidence as ids
    lead_time: str  # in words, always set: "detected 66 min before the first official update"
    lead_minutes: float | None
    started_at: str | None
    detected_at: str | None
    ended_at: str | None
    services: tuple[str, ...]
    report_url: str | None
    dashboard_url: str | None
    incident: dict[str, Any]  # the incident's JSON (summary form), for payloads that carry it whole

    @property
    def headline(self) -> str:
        return f"{EVENT_WORDS.get(self.event, self.event)}: {self.title}"

    @property
    def severity(self) -> str:
        return SEVERITY.get(self.evidence_level, "warning")

    @property
    def resolved(self) -> bool:
        return self.event == "close"

    def lines(self) -> list[str]:
        """The body as plain lines (each destination adds its own markup)."""
        out = [f"Evidence: {self.evidence_level}" + (f" · {self.status}" if self.status else "")]
        if self.likely_cause:
            out.append(f"Likely cause: {self.likely_cause}")
        out.append(f"Lead time: {self.lead_time}")
        if self.ended_at:
            out.append(f"Ended: {self.ended_at}")
        if self.report_url:
            out.append(f"Report: {self.report_url}")
        if self.dashboard_url:
            out.append(f"Dashboard: {self.dashboard_url}")
        return out

    def text(self) -> str:
        return "\n".join([self.headline, *self.lines()])

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event, "id": self.incident_id, "title": self.title, "headline": self.headline,
                "evidence_level": self.evidence_level, "severity": self.severity, "status": self.status,
                "likely_cause": self.likely_cause, "cause": self.cause, "lead_time": self.lead_time,
                "lead_minutes": self.lead_minutes, "started_at": self.started_at, "detected_at": self.detected_at,
                "ended_at": self.ended_at, "services": list(self.services), "report_url": self.report_url,
                "dashboard_url": self.dashboard_url}


def lead_words(lead_minutes: float | None, first_official_at: str | None) -> str:
    """The lead over the provider's own status page, in words a paged engineer reads at a
    glance; a lead of zero is said as such, not as "by 0 min"."""
    if not first_official_at or lead_minutes is None:
        return "no official status update yet"
    lead = round(float(lead_minutes))
    if lead > 0:
        return f"detected {_minutes(lead)} before the first official update"
    if lead < 0:
        return f"the provider posted first, {_minutes(-lead)} before detection"
    return "detected as the first official update came (no lead)"


def _minutes(n: int) -> str:
    if n < 120:
        return f"{n} min"
    hours, rest = divmod(n, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _name(kind: str, ident: str | None) -> str | None:
    """A catalog id in words (``aws/kinesis`` -> ``Amazon Kinesis``); the id if unknown."""
    if not ident:
        return None
    try:
        from outagewatch.catalog import load_catalog

        table = getattr(load_catalog(), kind)
        entry = table.get(ident)
        return getattr(entry, "name", None) or ident
    except Exception:  # noqa: BLE001 - a name is a nicety; the id is always right
        return ident


def cause_words(cause: dict[str, Any] | None) -> str | None:
    if not cause:
        return None
    what = _name("services", cause.get("service"))
    provider = _name("providers", cause.get("provider"))
    region = (cause.get("region") or "").split(":", 1)[-1] or None
    where = " ".join(x for x in (provider, region) if x)
    text = f"{what} in {where}" if what and where else (what or where)
    if not text:
        return None
    if cause.get("confidence") is not None:
        score = float(cause["confidence"])
        word = "high" if score >= 0.85 else "moderate" if score >= 0.6 else "low"
        text += f" ({word} confidence, {score:.2f})"
    return text


def links(base_url: str | None, incident_id: str) -> tuple[str | None, str | None]:
    """(report, dashboard) under the configured public base URL of ``outagewatch serve``."""
    if not base_url:
        return None, None
    base = base_url.rstrip("/")
    ident = quote(incident_id, safe="")
    return f"{base}/api/incidents/{ident}/report", f"{base}/#incident={ident}"


def build(event: str, incident: dict[str, Any], base_url: str | None = None) -> AlertMessage:
    """The message for ``event`` about ``incident`` (its JSON, as ``Incident.to_dict``)."""
    cause = {k: v for k, v in (incident.get("common_cause") or {}).items()
             if k in ("service", "provider", "region", "confidence", "confirmed")}
    report_url, dashboard_url = links(base_url, incident["id"])
    return AlertMessage(
        event=event, incident_id=incident["id"], title=incident.get("title") or incident["id"],
        evidence_level=incident.get("evidence_level") or "weak", status=incident.get("status") or "",
        likely_cause=cause_words(cause), cause=cause,
        lead_time=lead_words(incident.get("lead_minutes"), incident.get("first_official_at")),
        lead_minutes=incident.get("lead_minutes"), started_at=incident.get("started_at"),
        detected_at=incident.get("detected_at"), ended_at=incident.get("ended_at"),
        services=tuple(incident.get("services") or ()), report_url=report_url, dashboard_url=dashboard_url,
        incident=incident)
