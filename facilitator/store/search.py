"""Full-text search over notes and summaries (SQLite FTS5) with filters."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from facilitator.domain.capture import HIT_END, HIT_START, fts_query
from facilitator.store.database import Workshop
from facilitator.store.records import SearchHit, rows_of
from facilitator.store.tables import Table

SUMMARY_KIND = "summary"


@dataclass
class SearchFilter:
    text: str = ""
    kind: str | None = None  # a note kind, or "summary" for summaries only
    day_id: str | None = None
    session_id: str | None = None
    team_id: str | None = None
    starred: bool = False
    country: str | None = None  # of the attributed person
    sector: str | None = None
    limit: int = 500


def _common_filters(f: SearchFilter, alias: str) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if f.day_id:
        where.append("s.day_id = ?")
        args.append(f.day_id)
    if f.session_id:
        where.append(f"{alias}.session_id = ?")
        args.append(f.session_id)
    if f.team_id:
        where.append(f"{alias}.team_id = ?")
        args.append(f.team_id)
    return where, args


class NoteSearch:
    """Full-text search over notes and summaries (mixed into NotesStore)."""

    def __init__(self, ws: Workshop) -> None:
        self.ws = ws

    def search(self, f: SearchFilter) -> list[SearchHit]:
        """Matching notes and summaries, best match first (most recent first without text).

        Each result has ``table`` ("notes" or "summaries"), ``id``, ``kind``, ``text``,
        ``snippet`` (the matched words between :data:`~facilitator.domain.capture.HIT_START`
        and ``HIT_END``; see ``hit_spans``), session/day/team names and ids.
        """
        query = fts_query(f.text)
        if f.text.strip() and not query:
            return []
        results: list[dict[str, Any]] = []
        if f.kind != SUMMARY_KIND:
            results += self._notes(f, query)
        if (f.kind in (None, SUMMARY_KIND)) and not f.starred and not f.country and not f.sector:
            results += self._summaries(f, query)
        if query:
            results.sort(key=lambda r: r["rank"])
        else:
            results.sort(key=lambda r: r["updated"], reverse=True)
        return rows_of(results[: f.limit], SearchHit)

    def _run(self, sql: str, args: list[Any]) -> list[dict[str, Any]]:
        try:
            rows = list(self.ws.db.query(sql, args))
        except sqlite3.OperationalError:
            # A query FTS5 cannot parse finds nothing rather than failing the view.
            return []
        for r in rows:
            r["table"] = Table(r["table"])
        return rows

    def _notes(self, f: SearchFilter, query: str) -> list[dict[str, Any]]:
        where, args = _common_filters(f, "n")
        if f.kind:
            where.append("n.kind = ?")
            args.append(f.kind)
        if f.starred:
            where.append("n.starred = 1")
        if f.country:
            where.append("p.country = ?")
            args.append(f.country)
        if f.sector:
            where.append("p.sector = ?")
            args.append(f.sector)
        columns = """'notes' AS [table], n.id, n.kind, n.text, n.starred, n.updated, n.created,
                   n.session_id, n.team_id, n.conflict_of, s.title AS session_title,
                   s.day_id, d.title AS day_title, t.name AS team_name,
                   COALESCE(p.name, n.attribution_text) AS attribution"""
        joins = """LEFT JOIN sessions s ON s.id = n.session_id
            LEFT JOIN days d ON d.id = s.day_id
            LEFT JOIN teams t ON t.id = n.team_id
            LEFT JOIN people p ON p.id = n.attribution_person_id"""
        filters = "WHERE " + " AND ".join(where) if where else ""
        if not query:
            sql = f"""
                SELECT {columns}, substr(n.text, 1, 160) AS snippet, 0 AS rank
                FROM notes n {joins} {filters}
                ORDER BY n.updated DESC LIMIT {int(f.limit)}"""
            return self._run(sql, args)
        snippet = f"snippet(notes_fts, 0, '{HIT_START}', '{HIT_END}', '…', 12)"
        if where:
            # MATCH first so the index drives the query; the filters cut the matches down
            sql = f"""
                SELECT {columns}, {snippet} AS snippet, bm25(notes_fts) AS rank
                FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid
                    AND notes_fts MATCH ?
                {joins} {filters}
                ORDER BY rank LIMIT {int(f.limit)}"""
            return self._run(sql, [query, *args])
        # Everything that matches: the best hits come from FTS5 itself, ordered by its rank
        # and cut at the limit inside the full-text table, so snippets are made for the
        # shown hits only (in a join they were made for every match before sorting:
        # 200,000 of them for a common word in the huge workshop).
        sql = f"""
            WITH hits AS MATERIALIZED (
                SELECT rowid AS hit, rank, {snippet} AS snippet
                FROM notes_fts WHERE notes_fts MATCH ?
                ORDER BY rank LIMIT {int(f.limit)})
            SELECT {columns}, hits.snippet AS snippet, hits.rank AS rank
            FROM hits JOIN notes n ON n.rowid = hits.hit {joins}
            ORDER BY hits.rank"""
        return self._run(sql, [query])

    def _summaries(self, f: SearchFilter, query: str) -> list[dict[str, Any]]:
        where, args = _common_filters(f, "m")
        if query:
            source = (
                "summaries_fts JOIN summaries m ON m.rowid = summaries_fts.rowid"
                " AND summaries_fts MATCH ?"
            )
            args = [query, *args]
            rank = "bm25(summaries_fts)"
            snippet = f"snippet(summaries_fts, 0, '{HIT_START}', '{HIT_END}', '…', 12)"
        else:
            source = "summaries m"
            rank = "0"
            snippet = "substr(m.text, 1, 160)"
        where.append("m.text != ''")
        sql = f"""
            SELECT 'summaries' AS [table], m.id, 'summary' AS kind, m.text, 0 AS starred,
                   m.updated, m.created, m.session_id, m.team_id, m.conflict_of,
                   s.title AS session_title, s.day_id, d.title AS day_title, t.name AS team_name,
                   '' AS attribution, {snippet} AS snippet, {rank} AS rank
            FROM {source}
            LEFT JOIN sessions s ON s.id = m.session_id
            LEFT JOIN days d ON d.id = s.day_id
            LEFT JOIN teams t ON t.id = m.team_id
            WHERE {" AND ".join(where)}
            ORDER BY {rank if query else "m.updated DESC"} LIMIT {int(f.limit)}"""
        return self._run(sql, args)

    def countries_and_sectors(self) -> tuple[list[str], list[str]]:
        """Values offered by the country and sector filters: those of attributed people."""
        rows = self.ws.connection.execute(
            # person by person through the index, not every note
            """SELECT DISTINCT p.country, p.sector FROM people p
               WHERE EXISTS (SELECT 1 FROM notes n WHERE n.attribution_person_id = p.id)"""
        ).fetchall()
        countries = sorted({country for country, _ in rows if country})
        sectors = sorted({sector for _, sector in rows if sector})
        return countries, sectors
