"""The morphology wrapper answers as pymorphy3 itself does."""

import pymorphy3
import pytest

from pipeline.extract.morph import parses, to_nominative

WORDS = ["москве", "елка", "ёлка", "вакканая", "тяньцзине", "иркутского", "омичей", "qwerty", "мастер-классов"]


@pytest.fixture(scope="module")
def plain() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@pytest.mark.parametrize("word", WORDS)
def test_is_known_as_pymorphy3_answers(plain: pymorphy3.MorphAnalyzer, word: str) -> None:
    ours, theirs = parses(word), plain.parse(word)
    assert [p.is_known for p in ours] == [p.is_known for p in theirs]
    assert [(str(p.tag), p.normal_form) for p in ours] == [(str(p.tag), p.normal_form) for p in theirs]


def test_known_and_unknown_words_differ() -> None:
    assert parses("москве")[0].is_known
    assert not parses("вакканая")[0].is_known


def test_inflected_forms_answer_too() -> None:
    form = parses("москве")[0].inflect({"nomn"})
    assert form is not None and form.word == "москва" and form.is_known


@pytest.mark.parametrize(("word", "nominative"), [("Омске", "Омск"), ("ОМСКЕ", "ОМСК"), ("МБУК", "МБУК")])
def test_to_nominative_same_when_asked_again(word: str, nominative: str) -> None:
    assert to_nominative(word) == nominative
    assert to_nominative(word) == nominative  # the second answer comes from the cache
