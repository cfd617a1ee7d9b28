"""langdetect on Latin text: the Latin n-grams of its profiles give the whole profiles' answer.

:func:`bilingual.label._factory` keeps a quarter of langdetect's n-grams (those written in
Latin letters) for the texts whose every n-gram is Latin; these tests hold it to the same
probabilities as the whole profiles, on generated text and on the Tatoeba English
sentences when ``../shared`` is there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.label import _detect_sure, _factory, _latin_grams_only

TATOEBA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "tatoeba-cmn-manythings"
    / "v2022-simplified" / "cmn.txt"
)  # fmt: skip


def _probabilities(factory: Any, text: str) -> list[tuple[str, float]]:
    detector = factory.create()
    detector.append(text)
    try:
        return [(p.lang, p.prob) for p in detector.get_probabilities()]
    except Exception:  # langdetect's "no features in text"
        return []


def _same_answer(text: str) -> None:
    assert _latin_grams_only(text)
    whole = _probabilities(_factory(latin_only=False), text)
    assert _probabilities(_factory(latin_only=True), text) == whole


LATIN_TEXT = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCXYZéèäöüßçñøåłţșğı ,.!?'-0123456789"),
    min_size=1,
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(text=LATIN_TEXT)
def test_latin_text_gets_the_whole_profiles_answer(text: str) -> None:
    """The same languages with the same probabilities, in the same order."""
    _same_answer(text)


@pytest.mark.parametrize(
    "text",
    ["Guten Morgen, wie geht es dir heute", "Emma van der Berg, Amsterdam",
     "Je suis très content de te voir", "Dziękuję bardzo za pomoc", "Xin chào các bạn"],
)  # fmt: skip
def test_sentences_of_other_latin_languages(text: str) -> None:
    _same_answer(text)
    assert _detect_sure(text)[0] != "und"


def test_the_latin_profiles_are_a_quarter_of_the_whole() -> None:
    """Every language keeps its place; far fewer n-grams are held."""
    latin, whole = _factory(latin_only=True), _factory(latin_only=False)
    assert latin.get_lang_list() == whole.get_lang_list()
    assert len(latin.word_lang_prob_map) < len(whole.word_lang_prob_map) / 3


def test_text_with_other_letters_uses_the_whole_profiles() -> None:
    """Cyrillic n-grams are not in the Latin set: such text is not sent to it."""
    assert not _latin_grams_only("Привет, Anna")
    assert _detect_sure("Привет, как дела у тебя сегодня")[0] == "ru"


@pytest.mark.skipif(not TATOEBA.is_file(), reason="../shared Tatoeba pairs absent")
def test_tatoeba_english_sentences() -> None:
    """The English side of the shared Tatoeba pairs (every 50th of them)."""
    lines = TATOEBA.read_text("utf-8").splitlines()[::50]
    english = [line.split("\t")[0] for line in lines]
    assert len(english) > 500
    for sentence in english:
        if _latin_grams_only(sentence):
            _same_answer(sentence)
