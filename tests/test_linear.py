"""Hostile inputs take time linear in their length, and split as they always did (issue #8).

The expected segments below are what the quadratic code gave; the timing tests compare a
pattern at 20,000 characters with the same pattern at 2,000 (linear time: about 10x;
the old code took 100x or more), so they do not depend on the machine's speed.
"""

from __future__ import annotations

import importlib.util
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from bilingual import split
from bilingual.formats import parse
from bilingual.segment import find_spans


def _load_benchmark() -> ModuleType:
    """``benchmarks/adversarial.py``: its patterns and timer are the ones tested here."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "adversarial.py"
    spec = importlib.util.spec_from_file_location("bench_adversarial", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = _load_benchmark()
PATTERNS: dict[str, Callable[[int], str]] = BENCH.PATTERNS


def _cpu_seconds(text: str, repeat: int) -> float:
    """The fastest of ``repeat`` splits of ``text``, in CPU seconds (the benchmark's timer)."""
    seconds: float = BENCH.best_time(split, text, repeat)
    return seconds


@pytest.mark.parametrize("name", PATTERNS)
def test_time_grows_linearly(name: str) -> None:
    """Ten times the text takes well under a hundred times as long."""
    build = PATTERNS[name]
    split(build(100))  # warm up (langdetect loads its profiles)
    small = max(_cpu_seconds(build(2_000), 5), 1e-3)
    large = _cpu_seconds(build(20_000), 2)
    assert large / small < 40, (name, small, large)


def _segments(text: str) -> list[tuple[int, int, str, str | None]]:
    return [(s.start, s.end, s.lang, s.script) for s in split(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a中" * 4, [(0, 8, "en", "Latn")], id="code-switch"),
        pytest.param("word 中文 " * 3, [(0, 23, "en", "Latn")], id="word-han-word"),
        pytest.param("http://a" + ")" * 5, [(0, 8, "url", None)], id="url-closers"),
        pytest.param(
            "(see http://a.b/c_(d)) and [http://x.y/z]].",
            [
                (0, 4, "en", "Latn"),
                (5, 21, "url", None),
                (23, 28, "en", "Latn"),
                (28, 40, "url", None),
            ],
            id="url-balanced-brackets",
        ),
        pytest.param("a.b.c.org/path).", [(0, 14, "url", None)], id="bare-domain-path"),
        pytest.param(
            "see example.com. now",
            [(0, 3, "en", "Latn"), (4, 15, "url", None), (17, 20, "en", "Latn")],
            id="bare-domain-before-full-stop",
        ),
        pytest.param("a.com.b", [(0, 7, "en", "Latn")], id="bare-domain-goes-on"),
        pytest.param("a." * 5 + "@", [(0, 11, "en", "Latn")], id="dotted-at"),
        pytest.param("x@a.b.c1", [(0, 8, "en", "Latn")], id="email-without-tld"),
        pytest.param(
            "x@a.bc.d1.e", [(0, 6, "email", None), (7, 11, "en", "Latn")], id="email-last-tld"
        ),
        pytest.param(
            "mail x@a.b.com-y.",
            [(0, 4, "en", "Latn"), (5, 14, "email", None), (15, 17, "en", "Latn")],
            id="email-tld-before-hyphen",
        ),
    ],
)
def test_small_hostile_inputs_split_as_before(
    text: str, expected: list[tuple[int, int, str, str | None]]
) -> None:
    """Small versions of the hostile patterns give the segments they always gave."""
    assert _segments(text) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # two runs of one weight: the first in the text merges first (a one-word Latin run
        # glued to Han is joined to it before and weighs two Han, segment._glue_terms: the
        # ties are phrases)
        pytest.param("I am們這們這", "cjk", id="tie-first-run-first"),
        pytest.param("饭了饭了had it", "latin", id="tie-han-leans-on-word"),
        pytest.param("說NASA 好go x1", "latin", id="tie-inside-sentence"),
        pytest.param("3D I 한국어饭人有人 人好", "cjk", id="embedded-before-edges"),
        pytest.param("中文 I 中文", "cjk", id="embedded-word"),
    ],
)
def test_code_switching_order(text: str, kind: str) -> None:
    """The merge order (smallest run first, ties to the first) is what it always was."""
    assert [(s.start, s.end, s.kind) for s in find_spans(text)] == [(0, len(text.rstrip()), kind)]


def _parse_seconds(text: str, repeat: int) -> float:
    """The fastest of ``repeat`` runs of detection and parsing over one line, CPU seconds."""

    def parse_line(line: str) -> object:
        return list(parse([(1, line)], source="x"))

    seconds: float = BENCH.best_time(parse_line, text, repeat)
    return seconds


def test_a_line_of_direction_marks_parses_in_linear_time() -> None:
    """Found by the fuzzer: the WhatsApp header allowed marks before and after an optional
    ``[``, two runs over the same marks, so a line of U+200E took quadratic time (a
    20 KB UTF-16 file over 60 s). Ten times the marks now take well under 100× as long."""
    small = max(_parse_seconds("\u200e" * 2_000, 5), 1e-3)
    large = _parse_seconds("\u200e" * 20_000, 2)
    assert large / small < 40, (small, large)


@pytest.mark.parametrize("name", ["a.a.a. + @", "email label chain"])
def test_a_label_chain_takes_bounded_memory(name: str) -> None:
    """Matching URLs and emails over a 100,000-character chain of labels allocates well
    under 1 MB (the unbounded chain made the regex engine keep 10-16 MB of state)."""
    text = PATTERNS[name](100_000)
    tracemalloc.start()
    try:
        find_spans(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000, peak


@pytest.mark.parametrize(("labels", "is_url"), [(127, True), (128, False)])
def test_a_bare_domain_has_at_most_128_labels(labels: int, is_url: bool) -> None:
    """A bare domain of 128 labels (the DNS maximum) is a URL; one label more is not."""
    text = "x." * labels + "com"
    kinds = [(s.start, s.end, s.kind) for s in find_spans(text)]
    assert kinds == ([(0, len(text), "url")] if is_url else [(0, len(text), "latin")])
