"""Russian search that understands word forms, in the canned query and in the table's search box."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from pipeline.serve.highlight import CLOSE, OPEN, highlight_lemmas, marks_to_html, snippet_lemmas
from tests.serve.conftest import fetch


def search(ds, q: str) -> list[dict]:
    return fetch(ds, "/archive/search.json?" + urlencode({"q": q, "_shape": "array"})).json()


def table_search(ds, q: str) -> list[dict]:
    return fetch(ds, "/archive/paragraphs.json?" + urlencode({"_search": q, "_shape": "array"})).json()


def test_canned_search_finds_other_forms_with_marked_snippets(ds):
    rows = search(ds, "телемост")
    assert any("телемоста" in r["text"] for r in rows)
    assert any(f"{OPEN}телемоста{CLOSE}" in r["snippet"] for r in rows)
    assert all(OPEN in r["snippet"] for r in rows), "every hit shows its matching word"
    html = fetch(ds, "/archive/search?q=телемост").text
    assert '<mark class="hit">телемоста</mark>' in html


def test_canned_search_reads_yo_as_ye(ds):
    rows = search(ds, "елочные")
    assert rows and any(f"{OPEN}ёлочные{CLOSE} игрушки" in r["snippet"] for r in rows)
    assert '<mark class="hit">ёлочные</mark>' in fetch(ds, "/archive/search?q=елочные").text


def test_canned_search_needs_every_word(ds):
    both = search(ds, "телемост Гомелем")
    assert both and all("Гомел" in r["text"] and "телемост" in r["text"] for r in both)
    assert len(both) < len(search(ds, "телемост"))
    assert search(ds, "") == []


@pytest.mark.parametrize(("query", "form"), [("телемост", "телемоста"), ("елочные", "ёлочные"),
                                             ("ЁЛОЧНАЯ", "ёлочные"), ("делегациями", "делегаций")])
def test_table_search_box_understands_word_forms(ds, query, form):
    rows = table_search(ds, query)
    assert any(form in r["text"] for r in rows), (query, form)


def test_table_search_page_keeps_the_words_typed_and_marks_hits(ds):
    html = fetch(ds, "/archive/paragraphs?_search=елочные").text
    assert 'name="_search" value="елочные"' in html
    assert 'search (any word form) matches &#34;елочные&#34;' in html
    assert '<mark class="hit">ёлочные</mark>' in html
    # the form re-posts the previous search as a hidden field; the newly typed words win
    rows = fetch(ds, "/archive/paragraphs.json?" + urlencode(
        {"_lemma_search": "елочные", "_search": "телемост", "_shape": "array"})).json()
    assert rows and all("елочн" not in r["lemmas"] for r in rows)
    # an emptied box shows every paragraph again
    assert len(fetch(ds, "/archive/paragraphs.json?_search=&_shape=array&_size=max").json()) > 50


def test_highlighting_is_by_lemma_and_escaped():
    assert highlight_lemmas("Телемосты и телемостом", "телемост") == f"{OPEN}Телемосты{CLOSE} и {OPEN}телемостом{CLOSE}"
    assert highlight_lemmas("a ⟦fake⟧ b", "b") == f"a [fake] {OPEN}b{CLOSE}"
    assert str(marks_to_html(f"<b>{OPEN}x{CLOSE}</b>")) == '&lt;b&gt;<mark class="hit">x</mark>&lt;/b&gt;'
    assert str(marks_to_html(f"{OPEN}<script>")) == "⟦&lt;script&gt;", "unbalanced markers stay text"
    long = "слово " * 100 + "телемоста " + "слово " * 100
    snippet = snippet_lemmas(long, "телемост")
    assert snippet.startswith("…") and snippet.endswith("…") and f"{OPEN}телемоста{CLOSE}" in snippet
    assert len(snippet) < 360


def test_a_word_the_morphology_cannot_read_is_searched_as_typed(ds):
    # pymorphy3 asks for the Unicode name of each letter of an unknown word; U+17000 has none in this Python
    assert search(ds, "\U00017000") == [] and table_search(ds, "\U00017000") == []
    assert search(ds, "телемост \U00017000") == []  # every word must match, and nothing holds this one
    assert search(ds, "телемост")
