"""Datasette plugin: SQL functions for Russian search that understands word forms."""

from __future__ import annotations

from typing import Any

from datasette import hookimpl

from pipeline.textindex import fts_query, lemmatize_text


@hookimpl
def prepare_connection(conn: Any) -> None:
    # lemmatize('телемоста') = 'телемост'; fts_lemmas('Телемосты с Гомелем') is an FTS5 query over
    # paragraphs_fts.lemmas that finds every form of every word.
    conn.create_function("lemmatize", 1, lambda s: lemmatize_text(s) if s else "", deterministic=True)
    conn.create_function("fts_lemmas", 1, lambda s: "lemmas : (" + fts_query(s or "") + ")", deterministic=True)
