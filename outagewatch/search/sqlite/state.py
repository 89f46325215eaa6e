"""Checkpoints, incidents and analyst feedback in the SQLite file: the
:class:`~outagewatch.search.base.StateBackend` of the SQLite store."""

from __future__ import annotations

from typing import Any, Iterable

import orjson

from outagewatch.search.base import IncidentRecord
from outagewatch.search.sqlite.schema import Database


class SQLiteState:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get_checkpoint(self, source: str) -> dict[str, Any] | None:
        row = self.database.one("SELECT state FROM checkpoints WHERE source = ?", (source,))
        return orjson.loads(row[0]) if row else None

    def put_checkpoint(self, source: str, state: Any, at_ms: int) -> None:
        self.database.execute(
            "INSERT INTO checkpoints (source, state, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT(source) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
            (source, orjson.dumps(state).decode(), at_ms))

    def checkpoints(self) -> dict[str, dict[str, Any]]:
        return {source: orjson.loads(state) for source, state in self.database.rows("SELECT source, state FROM checkpoints")}

    def put_incidents(self, records: list[IncidentRecord]) -> None:
        with self.database.transaction() as db:
            db.executemany(
                "INSERT INTO incidents (id, started_at, ended_at, detected_at, doc) VALUES (?,?,?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET started_at = excluded.started_at, ended_at = excluded.ended_at,"
                " detected_at = excluded.detected_at, doc = excluded.doc",
                [(r.id, r.started_ms, r.ended_ms, r.detected_ms, orjson.dumps(r.doc).decode()) for r in records])

    def get_incident(self, incident_id: str) -> dict[str, Any] | None:
        row = self.database.one("SELECT doc FROM incidents WHERE id = ?", (incident_id,))
        return orjson.loads(row[0]) if row else None

    def list_incidents(self, since_ms: int | None, until_ms: int | None) -> list[dict[str, Any]]:
        sql, params = "SELECT doc FROM incidents WHERE 1", []
        if until_ms is not None:
            sql += " AND started_at < ?"
            params.append(until_ms)
        if since_ms is not None:
            sql += " AND (ended_at IS NULL OR ended_at >= ?)"
            params.append(since_ms)
        return [orjson.loads(doc) for (doc,) in self.database.rows(sql + " ORDER BY started_at, id", params)]

    def delete_incidents(self, ids: list[str]) -> None:
        with self.database.transaction() as db:
            db.executemany("DELETE FROM incidents WHERE id = ?", [(i,) for i in ids])

    def put_feedback(self, incident_id: str, verdict: str, note: str | None, at_ms: int) -> None:
        self.database.execute(
            "INSERT INTO incident_feedback (id, verdict, note, at) VALUES (?,?,?,?) ON CONFLICT(id) DO UPDATE"
            " SET verdict = excluded.verdict, note = excluded.note, at = excluded.at",
            (incident_id, verdict, note, at_ms))

    def feedback_rows(self) -> Iterable[tuple[str, str, str | None, int]]:
        return self.database.rows("SELECT id, verdict, note, at FROM incident_feedback")
