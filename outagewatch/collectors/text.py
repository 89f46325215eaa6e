"""Small text helpers the collectors share: HTML to plain text, a status stage from a
status update's words, and the AWS service/region a Health feed name implies."""

from __future__ import annotations

import hashlib
import html
import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\n\s*\n+")
_BLOCK = re.compile(r"<\s*(br|/p|/div|/li|/h\d)\b[^>]*>", re.I)


def plain(value: str | None, limit: int = 20000) -> str:
    """Visible text of an HTML fragment (feed summaries are HTML more often than not)."""
    if not value:
        return ""
    text = _BLOCK.sub("\n", value)
    text = html.unescape(_TAG.sub(" ", text))
    text = _SPACE.sub(" ", text)
    text = _LINES.sub("\n", text)
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())[:limit]


def digest(*parts: object) -> str:
    return hashlib.blake2b("\x1f".join(str(p) for p in parts).encode("utf-8"), digest_size=8).hexdigest()


_RESOLVED = ("[resolved]", "operating normally", "has been resolved", "is resolved", "fully recovered",
             "have resolved", "issue is resolved", "resolved:", "all services are operating", "no longer")
_MONITORING = ("monitoring", "recovering", "recovery", "seeing recovery", "mitigated", "improvement")
_IDENTIFIED = ("identified", "root cause", "we know", "we have determined", "implementing a fix", "working to resolve")
_INVESTIGATING = ("investigating", "increased error", "elevated", "degraded", "degradation", "outage", "disruption",
                  "unavailable", "errors", "latency", "impact", "issue", "problem", "down")


def stage_of(*texts: str | None) -> str:
    """The status stage an update's words imply (``informational`` when they imply none).

    The title usually carries the stage (``[RESOLVED]``, ``Informational message``), so
    callers pass it first; the first text that implies a stage wins.
    """
    for text in texts:
        if not text:
            continue
        low = text.lower()
        for stage, words in (("resolved", _RESOLVED), ("monitoring", _MONITORING), ("identified", _IDENTIFIED),
                             ("investigating", _INVESTIGATING)):
            if any(w in low for w in words):
                return stage
    return "informational"


STATUSPAGE_STAGES = {
    "investigating": "investigating", "identified": "identified", "monitoring": "monitoring",
    "resolved": "resolved", "postmortem": "resolved", "update": "informational",
    "scheduled": "informational", "in_progress": "monitoring", "verifying": "monitoring", "completed": "resolved",
}

_AWS_REGION = re.compile(r"-((?:us-gov|us|eu|ap|sa|ca|me|af|il|mx|cn)-[a-z]+-\d)$")
_AWS_ALIASES = {"events": "eventbridge", "elasticloadbalancing": "elb", "elb": "elb", "apigateway": "api-gateway",
                "management-console": "console", "cognito-identity": "cognito", "cognitoidentity": "cognito",
                "kinesisanalytics": "kinesis", "kinesis-data-streams": "kinesis", "states": "step-functions",
                "secretsmanager": "secrets-manager", "stepfunctions": "step-functions", "es": "opensearch",
                "elasticsearch": "opensearch", "monitoring": "cloudwatch", "logs": "cloudwatch",
                "kafka": "msk", "ecs-fargate": "fargate"}


def aws_service_region(key: str, services: set[str], regions: set[str]) -> tuple[list[str], list[str]]:
    """``kinesis-us-east-1`` → (``[aws/kinesis]``, ``[aws:us-east-1]``), for the ids the catalog knows."""
    key = key.lower().removesuffix(".rss")
    match = _AWS_REGION.search(key)
    service_part = key[:match.start()] if match else key
    region = f"aws:{match.group(1)}" if match else None
    slug = _AWS_ALIASES.get(service_part, service_part)
    service = f"aws/{slug}"
    return ([service] if service in services else []), ([region] if region and region in regions else [])
