"""Segmentation, labelling and pairing accuracy on our own labelled set, against baselines.

    python benchmarks/accuracy.py [--data PATH] [--errors dev|test] [--system NAME]

Runs three systems over ``benchmarks/data/segments.jsonl`` (README there) and prints, per
split (``dev``, ``test``: the held-out third), per category and overall:

* **letters**: the share of letters (``\\p{L}``: Latin, Han, kana, Hangul, ...) whose
  predicted language is the gold one; a letter outside every segment has none, and a
  URL's letters have ``url``;
* **exact**: the share of lines whose segments (language and text) are exactly the gold;
* **pair P/R/F1**: message-level (English, Chinese) translation pairs, a predicted pair
  matching a gold one when both texts match after whitespace normalisation (invisible
  marks out, runs of spaces as one, ends stripped), each gold pair matched at most once;
* **sent F1**: the same for sentence pairs (a predicted sentence pair with an empty side
  claims nothing and is left out).

The systems: ``bilingual`` (the library: each row is a ``plain`` input of its lines, run
through :func:`bilingual.process` with cleaning off, so texts are offset-exact);
``script`` (a script-only baseline: a run of Han and kana is ``ja`` when it holds kana,
else ``zh``; Hangul ``ko``; Latin ``en``; a segment runs from one run's first letter to
the next run's, spaces trimmed); and ``lingua`` (``lingua-language-detector``,
English/Chinese/Japanese/Korean, ``detect_multiple_languages_of``; skipped with a message
when it is not installed). The baselines pair a line's one English and one Chinese
segment, or two adjacent lines holding one of each, as one sentence pair.
``--errors`` prints every line the library gets wrong in that split, gold beside output.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import itertools
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import regex

import bilingual
from bilingual import Options, process

DATA = Path(__file__).resolve().parent / "data" / "segments.jsonl"
SPLITS = ("dev", "test")
#: The issue's acceptance targets on the held-out split.
TARGETS = {"letters": 0.995, "exact": 0.90, "pair_f1": 0.95, "sent_f1": 0.90}

Seg = tuple[str, int, int]  # lang, start, end (offsets into the row's text)
TextPair = tuple[str, str]  # English, Chinese

_LETTER = regex.compile(r"\p{L}")
_INVISIBLE = regex.compile(r"[\p{Cf}\u00ad]")
_SPACES = regex.compile(r"\s+")
_OPTIONS = Options(format="plain", clean=False)


@dataclass(frozen=True, slots=True)
class Output:
    """What a system says about one row: segments with offsets, pairs, sentence pairs."""

    segments: tuple[Seg, ...]
    pairs: tuple[TextPair, ...] = ()
    sentence_pairs: tuple[TextPair, ...] = ()


@dataclass(slots=True)
class Counts:
    """Tallies that add up over rows; the figures are ratios of them."""

    letters_right: int = 0
    letters: int = 0
    lines_exact: int = 0
    lines: int = 0
    pair_hits: int = 0
    pairs_found: int = 0
    pairs_gold: int = 0
    sent_hits: int = 0
    sents_found: int = 0
    sents_gold: int = 0

    def add(self, other: Counts) -> None:
        """Add ``other``'s tallies to these."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def figures(self) -> dict[str, float]:
        """letters, exact, pair precision/recall/F1, sentence-pair F1."""
        p, r, f = prf(self.pair_hits, self.pairs_found, self.pairs_gold)
        return {
            "letters": ratio(self.letters_right, self.letters),
            "exact": ratio(self.lines_exact, self.lines),
            "pair_p": p,
            "pair_r": r,
            "pair_f1": f,
            "sent_f1": prf(self.sent_hits, self.sents_found, self.sents_gold)[2],
        }


# --- metrics ------------------------------------------------------------------------


def ratio(part: int, whole: int) -> float:
    """``part / whole``, 1.0 when there is nothing to get wrong."""
    return part / whole if whole else 1.0


def prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (each 1.0 when there was nothing to find or claim)."""
    p, r = ratio(hits, found), ratio(hits, gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def normalise(text: str) -> str:
    """``text`` for pair matching: invisible marks out, spaces collapsed, ends stripped."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def letter_langs(text: str, segments: Iterable[Seg]) -> dict[int, str | None]:
    """The language each letter of ``text`` gets from ``segments`` (``None``: no segment)."""
    langs: dict[int, str | None] = {m.start(): None for m in _LETTER.finditer(text)}
    for lang, start, end in segments:
        for pos in range(start, end):
            if pos in langs:
                langs[pos] = lang
    return langs


def matches(gold: Iterable[TextPair], found: Iterable[TextPair]) -> int:
    """How many found pairs match a gold one (each gold pair used once)."""
    want = Counter((normalise(en), normalise(zh)) for en, zh in gold)
    have = Counter((normalise(en), normalise(zh)) for en, zh in found)
    return sum((want & have).values())


def score(text: str, gold: Output, found: Output) -> Counts:
    """The tallies of one row."""
    want, have = letter_langs(text, gold.segments), letter_langs(text, found.segments)

    def seg_texts(out: Output) -> list[tuple[str, str]]:
        return [(lang, text[start:end]) for lang, start, end in out.segments]

    return Counts(
        letters_right=sum(want[pos] == have[pos] for pos in want),
        letters=len(want),
        lines_exact=int(seg_texts(gold) == seg_texts(found)),
        lines=1,
        pair_hits=matches(gold.pairs, found.pairs),
        pairs_found=len(found.pairs),
        pairs_gold=len(gold.pairs),
        sent_hits=matches(gold.sentence_pairs, found.sentence_pairs),
        sents_found=len(found.sentence_pairs),
        sents_gold=len(gold.sentence_pairs),
    )


# --- gold and systems ---------------------------------------------------------------


def gold_output(row: dict[str, Any]) -> Output:
    """A row's gold as an :class:`Output`, each segment found in order in the text."""
    segments, pos = [], 0
    for seg in row["segments"]:
        start = row["text"].index(seg["text"], pos)
        pos = start + len(seg["text"])
        segments.append((seg["lang"], start, pos))
    return Output(
        tuple(segments),
        tuple((p["en"], p["zh"]) for p in row["pairs"]),
        tuple((p["en"], p["zh"]) for p in row["sentence_pairs"]),
    )


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for k, char in enumerate(text):
        if char == "\n":
            starts.append(k + 1)
    return starts


def run_library(text: str) -> Output:
    """The library on ``text`` as a ``plain`` input, one message per line."""
    starts = _line_starts(text)
    segments: list[Seg] = []
    pairs: list[TextPair] = []
    sentence_pairs: list[TextPair] = []
    for record in process(text.split("\n"), _OPTIONS, source="eval"):
        base = starts[record.message.line - 1]
        segments += [(s.lang, base + s.start, base + s.end) for s in record.segments]
        for pair in record.pairs:
            pairs.append((pair.en, pair.zh))
            sentence_pairs += [(s.en, s.zh) for s in pair.sentences if s.en and s.zh]
    return Output(tuple(segments), tuple(pairs), tuple(sentence_pairs))


_SCRIPT_RUN = regex.compile(
    r"(?P<cjk>[\p{Han}\p{Hiragana}\p{Katakana}]+)|(?P<ko>\p{Hangul}+)"
    r"|(?P<en>\p{Latin}+)|(?P<und>\p{L}+)"
)
_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")


def script_segments(line: str) -> list[Seg]:
    """The script-only baseline's segments of one line.

    >>> line = "Lines in 2025 高雄2025年 今日は雨"
    >>> [(lang, line[s:e]) for lang, s, e in script_segments(line)]
    [('en', 'Lines in 2025'), ('zh', '高雄2025年'), ('ja', '今日は雨')]
    """
    runs: list[tuple[str, int]] = []  # (lang, start of the run's first letter)
    for match in _SCRIPT_RUN.finditer(line):
        lang = match.lastgroup or "und"
        if lang == "cjk":
            lang = "ja" if _KANA.search(match.group()) else "zh"
        if not runs or runs[-1][0] != lang:
            runs.append((lang, match.start()))
    bounds = [0] + [start for _, start in runs[1:]] + [len(line)]
    return [_trimmed(line, lang, bounds[k], bounds[k + 1]) for k, (lang, _) in enumerate(runs)]


def _trimmed(text: str, lang: str, start: int, end: int) -> Seg:
    """``(lang, start, end)`` with spaces and invisible marks trimmed off both ends."""
    while start < end and (text[start].isspace() or _INVISIBLE.match(text[start])):
        start += 1
    while end > start and (text[end - 1].isspace() or _INVISIBLE.match(text[end - 1])):
        end -= 1
    return lang, start, end


def baseline_output(text: str, segment_line: Callable[[str], list[Seg]]) -> Output:
    """A baseline's output: its segments per line, paired the naive way.

    A line with one English and one Chinese segment is a pair; so are two adjacent lines
    holding one English and one Chinese segment between them. A pair is one sentence pair.
    """
    starts = _line_starts(text)
    per_line = [
        [(lang, base + s, base + e) for lang, s, e in segment_line(line)]
        for base, line in zip(starts, text.split("\n"), strict=True)
    ]
    pairs = [p for segs in per_line if (p := _naive_pair(text, segs))]
    pairs += [
        p
        for first, second in itertools.pairwise(per_line)
        if len(first) == len(second) == 1 and (p := _naive_pair(text, first + second))
    ]
    segments = tuple(seg for segs in per_line for seg in segs)
    return Output(segments, tuple(pairs), tuple(pairs))


def _naive_pair(text: str, segments: Sequence[Seg]) -> TextPair | None:
    langs = [lang for lang, _, _ in segments]
    if sorted(langs) != ["en", "zh"]:
        return None
    by_lang = {lang: text[s:e] for lang, s, e in segments}
    return by_lang["en"], by_lang["zh"]


def run_script(text: str) -> Output:
    """The script-only baseline."""
    return baseline_output(text, script_segments)


def lingua_system() -> Callable[[str], Output] | None:
    """lingua (en, zh, ja, ko) as a system, or ``None`` when it is not installed."""
    try:
        lingua = importlib.import_module("lingua")
    except ImportError:
        return None
    languages = [lingua.Language.ENGLISH, lingua.Language.CHINESE]
    languages += [lingua.Language.JAPANESE, lingua.Language.KOREAN]
    detector = lingua.LanguageDetectorBuilder.from_languages(*languages).build()

    def segment_line(line: str) -> list[Seg]:
        out = []
        for found in detector.detect_multiple_languages_of(line):
            lang = str(found.language.iso_code_639_1.name).lower()
            seg = _trimmed(line, lang, found.start_index, found.end_index)
            if seg[2] > seg[1]:
                out.append(seg)
        return out

    return lambda text: baseline_output(text, segment_line)


# --- the report ---------------------------------------------------------------------


def load(path: Path = DATA) -> list[dict[str, Any]]:
    """The rows of the evaluation set."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(
    rows: Sequence[dict[str, Any]], system: Callable[[str], Output]
) -> dict[tuple[str, str], Counts]:
    """Tallies per (split, category) and per (split, ``all``)."""
    table: dict[tuple[str, str], Counts] = {}
    for row in rows:
        counts = score(row["text"], gold_output(row), system(row["text"]))
        for key in ((row["split"], row["category"]), (row["split"], "all")):
            table.setdefault(key, Counts()).add(counts)
    return table


_COLUMNS = ("letters", "exact", "pair_p", "pair_r", "pair_f1", "sent_f1")


def report(
    rows: Sequence[dict[str, Any]], systems: dict[str, Callable[[str], Output]], out: Any
) -> dict[str, dict[tuple[str, str], Counts]]:
    """Print one table per split and system; return the tallies."""
    results = {name: evaluate(rows, system) for name, system in systems.items()}
    categories = [*sorted({row["category"] for row in rows}), "all"]
    for split in SPLITS:
        for name, table in results.items():
            print(f"\n== split {split} · {name}", file=out)
            print(f"{'category':<13}{'lines':>6}" + "".join(f"{c:>9}" for c in _COLUMNS), file=out)
            for category in categories:
                counts = table.get((split, category))
                if counts is None:
                    continue
                figures = counts.figures()
                cells = "".join(f"{figures[c]:>9.3f}" for c in _COLUMNS)
                print(f"{category:<13}{counts.lines:>6}{cells}", file=out)
    return results


def targets_line(table: dict[tuple[str, str], Counts]) -> str:
    """The library's test-split figures against the issue's targets."""
    figures = table[("test", "all")].figures()
    parts = [
        f"{k} {figures[k]:.3f} {'≥' if figures[k] >= v else '<'} {v}" for k, v in TARGETS.items()
    ]
    return "targets (test, bilingual): " + "; ".join(parts)


def print_errors(rows: Sequence[dict[str, Any]], split: str, out: Any) -> None:
    """Every row of ``split`` the library gets wrong: gold and output, side by side."""
    for row in rows:
        if row["split"] != split:
            continue
        text, gold, found = row["text"], gold_output(row), run_library(row["text"])
        if score(text, gold, found).figures() == score(text, gold, gold).figures():
            continue
        print(f"\n{row['id']}: {text!r}", file=out)
        print(f"  gold: {[(lang, text[s:e]) for lang, s, e in gold.segments]}", file=out)
        print(f"  got:  {[(lang, text[s:e]) for lang, s, e in found.segments]}", file=out)
        if gold.pairs != found.pairs:
            print(f"  gold pairs: {list(gold.pairs)}", file=out)
            print(f"  got pairs:  {list(found.pairs)}", file=out)
        if gold.sentence_pairs != found.sentence_pairs:
            print(f"  gold sentences: {list(gold.sentence_pairs)}", file=out)
            print(f"  got sentences:  {list(found.sentence_pairs)}", file=out)


def main(argv: list[str] | None = None) -> int:
    """Print the tables (and the library's errors when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--errors", choices=SPLITS, help="print the library's wrong lines")
    parser.add_argument("--system", action="append", help="only these systems (repeatable)")
    args = parser.parse_args(argv)
    rows = load(args.data)
    if args.errors:
        print_errors(rows, args.errors, sys.stdout)
        return 0
    systems: dict[str, Callable[[str], Output]] = {"bilingual": run_library, "script": run_script}
    versions = [f"bilingual {bilingual.__version__}"]
    if (lingua := lingua_system()) is None:
        print("lingua: not installed (pip install lingua-language-detector); skipped")
    else:
        systems["lingua"] = lingua
        versions.append(f"lingua {importlib.metadata.version('lingua-language-detector')}")
    if args.system:
        systems = {k: v for k, v in systems.items() if k in args.system}
    counts = Counter(row["split"] for row in rows)
    print(f"{args.data.name}: {len(rows)} lines (dev {counts['dev']}, test {counts['test']})")
    print(" · ".join(versions))
    results = report(rows, systems, sys.stdout)
    if "bilingual" in results:
        print("\n" + targets_line(results["bilingual"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
