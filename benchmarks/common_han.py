"""Build ``bilingual/_common_han.py``: the most frequent Han characters of each script.

    python benchmarks/common_han.py > bilingual/_common_han.py

Counts Han characters in the Tatoeba Mandarin sentences of ../shared/data/tatoeba-cmn-manythings
(CC BY 2.0 FR; www.manythings.org/anki and tatoeba.org): Simplified from the 2022 release,
Traditional from the lines of the 2021 release that OpenCC t2s changes. Every fifth line
(line index divisible by 5) is held out for ``benchmarks/encodings.py``.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator
from pathlib import Path

import opencc
import regex

TATOEBA = Path(__file__).resolve().parents[2] / "shared" / "data" / "tatoeba-cmn-manythings"
SIMPLIFIED = TATOEBA / "v2022-simplified" / "cmn.txt"
MIXED = TATOEBA / "v2021-07-14-mixed" / "cmn.txt"
KEEP = 3000
HELD_OUT = 5
HAN = regex.compile(r"\p{Han}")


def chinese(path: Path) -> Iterator[tuple[int, str]]:
    """The Chinese column of each line, with its 0-based line index."""
    with path.open(encoding="utf-8-sig") as f:
        for index, line in enumerate(f):
            columns = line.rstrip("\n").split("\t")
            if len(columns) >= 2:
                yield index, columns[1]


def sentences(script: str, *, held_out: bool) -> list[str]:
    """Simplified (``"s"``) or Traditional (``"t"``) sentences, training or held-out part."""
    t2s = opencc.OpenCC("t2s")
    path = SIMPLIFIED if script == "s" else MIXED
    return [
        text
        for index, text in chinese(path)
        if (index % HELD_OUT == 0) == held_out and (script == "s" or t2s.convert(text) != text)
    ]


def most_common(texts: list[str]) -> str:
    """The ``KEEP`` most frequent Han characters, most frequent first (ties by code point)."""
    counts = collections.Counter(c for text in texts for c in HAN.findall(text))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return "".join(c for c, _ in ranked[:KEEP])


def module(simplified: str, traditional: str) -> str:
    """The generated module's source."""
    lines = [
        '"""The most frequent Han characters of each script (generated; do not edit).',
        "",
        "Made by ``python benchmarks/common_han.py > bilingual/_common_han.py`` from Tatoeba",
        "sentences (www.manythings.org/anki and tatoeba.org, CC BY 2.0 FR).",
        '"""',
        "",
    ]
    for name, chars in (("SIMPLIFIED", simplified), ("TRADITIONAL", traditional)):
        lines.append(f"#: {len(chars)} characters, most frequent first.")
        lines.append(f"{name} = (")
        lines.extend(f'    "{chars[i : i + 40]}"' for i in range(0, len(chars), 40))
        lines.append(")")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(
        module(
            most_common(sentences("s", held_out=False)),
            most_common(sentences("t", held_out=False)),
        ),
        end="",
    )
