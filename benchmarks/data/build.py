"""Build ``segments.jsonl`` from ``segments.src``, the evaluation set as its authors write it.

    python benchmarks/data/build.py [--check]

``segments.src`` holds one evaluation line per source line, with its gold segments marked
in place: ``⟦lang|text⟧``. The line's text is the source line with the marks taken out;
text outside the marks belongs to no segment (spaces, separators, emoji standing apart).
``⏎`` stands for a line break (a row of two or more lines), ``\\uXXXX`` for a character
that is hard to see (invisible marks, unusual spaces). Inside a segment, ``‖`` marks a
sentence boundary that the translation shares; it is taken out of the text.

After a tab comes the gold pairs: nothing (no pair), ``P`` (the one English and the one
Chinese segment of the row translate each other) or segment indices such as ``P0-1 2-3``
(English index first or Chinese first, either way). Each pair's sentence pairs are its
two sides cut at their ``‖`` marks, matched in order (so both sides need as many).

A line ``# category: NAME`` starts a category; other lines starting with ``#`` and blank
lines are comments. Rows are numbered within their category from 1; every third one
(3, 6, 9, ...) is held out as ``test``, the rest are ``dev``: a stratified third.
``--check`` fails when ``segments.jsonl`` is not what the source builds.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import regex

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "segments.src"
TARGET = HERE / "segments.jsonl"

#: The gold languages a segment may carry.
LANGS = frozenset({"en", "zh", "ja", "ko", "und", "url", "email", "mention", "hashtag"})
_MARK = regex.compile(r"⟦([a-z]+)\|(.*?)⟧")
_ESCAPE = regex.compile(r"\\u([0-9a-fA-F]{4})")
_CATEGORY = regex.compile(r"#\s*category:\s*(\S+)\s*$")
_SENTENCE = "‖"


class SourceError(ValueError):
    """A row of ``segments.src`` that does not follow the notation."""


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text).replace("⏎", "\n")


def parse_row(markup: str, pairs_spec: str) -> dict[str, Any]:
    """One row's text, segments, pairs and sentence pairs from its notation.

    >>> row = parse_row("⟦en|Hi. ‖Bye.⟧ 🎉 ⟦zh|你好。‖再見。⟧", "P")
    >>> row["text"], row["segments"][1]
    ('Hi. Bye. 🎉 你好。再見。', {'lang': 'zh', 'text': '你好。再見。'})
    >>> row["sentence_pairs"]
    [{'en': 'Hi.', 'zh': '你好。'}, {'en': 'Bye.', 'zh': '再見。'}]
    """
    markup = _unescape(markup)
    pieces, segments, parts = [], [], []
    pos = 0
    for match in _MARK.finditer(markup):
        lang, marked = match.group(1), match.group(2)
        if lang not in LANGS:
            raise SourceError(f"unknown language {lang!r}")
        seg_text = marked.replace(_SENTENCE, "")
        if not seg_text or seg_text != seg_text.strip():
            raise SourceError(f"segment {seg_text!r} is empty or has spaces at its edges")
        pieces += [markup[pos : match.start()], seg_text]
        segments.append({"lang": lang, "text": seg_text})
        parts.append([p.strip() for p in marked.split(_SENTENCE)])
        pos = match.end()
    pieces.append(markup[pos:])
    text = "".join(pieces)
    if "⟦" in text or "⟧" in text or _SENTENCE in text:
        raise SourceError("a mark is left outside a segment")
    pairs, sentence_pairs = [], []
    for en, zh in _pair_indices(segments, pairs_spec):
        pairs.append({"en": segments[en]["text"], "zh": segments[zh]["text"]})
        if len(parts[en]) != len(parts[zh]):
            raise SourceError(f"pair {en}-{zh}: sentence marks differ in number")
        sentence_pairs += [{"en": e, "zh": z} for e, z in zip(parts[en], parts[zh], strict=True)]
    return {"text": text, "segments": segments, "pairs": pairs, "sentence_pairs": sentence_pairs}


def _pair_indices(segments: list[dict[str, str]], spec: str) -> list[tuple[int, int]]:
    """(English index, Chinese index) of each gold pair that ``spec`` names."""
    spec = spec.strip()
    if not spec:
        return []
    if spec == "P":
        en = [k for k, s in enumerate(segments) if s["lang"] == "en"]
        zh = [k for k, s in enumerate(segments) if s["lang"] == "zh"]
        if len(en) != 1 or len(zh) != 1:
            raise SourceError("'P' needs exactly one en and one zh segment")
        return [(en[0], zh[0])]
    if not spec.startswith("P"):
        raise SourceError(f"pairs spec {spec!r} is not P or P<i>-<j> ...")
    out = []
    for item in spec[1:].split():
        i, j = (int(k) for k in item.split("-"))
        langs = (segments[i]["lang"], segments[j]["lang"])
        if sorted(langs) != ["en", "zh"]:
            raise SourceError(f"pair {item} joins {langs}, not en and zh")
        out.append((i, j) if langs[0] == "en" else (j, i))
    return out


def build(source: Path = SOURCE) -> list[dict[str, Any]]:
    """Every row of ``source`` with its id, category and split."""
    rows: list[dict[str, Any]] = []
    category, number = "", 0
    for line_no, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if found := _CATEGORY.match(line):
            category, number = found.group(1), 0
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if not category:
            raise SourceError(f"{source}:{line_no}: a row before any '# category:' line")
        markup, _, spec = line.partition("\t")
        number += 1
        try:
            row = parse_row(markup, spec)
        except (SourceError, IndexError, ValueError) as exc:
            raise SourceError(f"{source}:{line_no}: {exc}") from exc
        split = "test" if number % 3 == 0 else "dev"
        rows.append({"id": f"{category}-{number:03d}", "category": category, "split": split, **row})
    return rows


def dumps(rows: list[dict[str, Any]]) -> str:
    """The rows as JSON lines."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) ``segments.jsonl``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the JSONL is stale")
    args = parser.parse_args(argv)
    built = dumps(build())
    if args.check:
        stale = not TARGET.exists() or TARGET.read_text(encoding="utf-8") != built
        print(f"{TARGET.name}: {'stale' if stale else 'up to date'}")
        return 1 if stale else 0
    TARGET.write_text(built, encoding="utf-8")
    print(f"wrote {built.count(chr(10))} rows to {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
