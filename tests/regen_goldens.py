"""Rewrite the golden files from the current code; the tests only ever read them.

``tests/fixtures/formats/NAME.expected.jsonl``: each fixture parsed in the format its name
starts with, one ``Message`` per line (fields as in that folder's README).
``examples/NAME.expected.jsonl``: each example dump through ``process_file`` with
``Options(simplify="tw2s")``, one record per line, as ``tests/test_examples.py`` reads them.

Usage, from the repository root::

    python tests/regen_goldens.py          # rewrite, then review: git diff
    python tests/regen_goldens.py --check  # exit 1 if any golden file is out of date
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from bilingual import Options, process_file
from bilingual.decode import split_lines
from bilingual.formats import parse
from bilingual.records import Message

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
EXAMPLES = ROOT / "examples"
FIELDS = ("source", "line", "end_line", "format", "speaker", "time", "time_raw", "kind",
          "forwarded", "text")  # fmt: skip
#: Written after FIELDS only when set (QQ numbers, the WeChat exporters' is_sender).
OPTIONAL = ("speaker_id", "is_sender")
#: Fixture suffixes that have a golden file.
INPUT_SUFFIXES = {".txt", ".json", ".csv"}


def fields(message: Message) -> dict[str, object]:
    """A message as a golden row: FIELDS, then the OPTIONAL fields that are set."""
    row = {name: getattr(message, name) for name in FIELDS}
    row.update((name, getattr(message, name)) for name in OPTIONAL
               if getattr(message, name) is not None)  # fmt: skip
    return row


def jsonl(rows: Iterable[dict[str, object]]) -> str:
    """One JSON object per line, non-ASCII kept as is."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def fixture_golden(path: Path) -> str:
    """The golden JSONL of a format fixture: its messages in the format its name gives."""
    rows = split_lines(path.read_text(encoding="utf-8"))
    fmt = path.name.split("-")[0]
    messages = parse(rows, source=path.name, format=fmt)
    return jsonl(fields(m) for m in messages)


def example_golden(dump: Path) -> str:
    """The golden JSONL of an example dump: its records with Traditional -> Simplified."""
    source = os.path.relpath(dump, ROOT)
    with dump.open("rb") as stream:
        return jsonl(r.to_dict() for r in process_file(stream, Options(simplify="tw2s"),
                                                        source=source))  # fmt: skip


def goldens() -> dict[Path, str]:
    """Every golden file and the text it should hold."""
    out: dict[Path, str] = {}
    for path in sorted(FIXTURES.iterdir()):
        if path.suffix in INPUT_SUFFIXES:
            out[path.with_name(path.name.rsplit(".", 1)[0] + ".expected.jsonl")] = fixture_golden(
                path
            )
    for dump in sorted(EXAMPLES.glob("*.txt")):
        out[dump.with_suffix(".expected.jsonl")] = example_golden(dump)
    return out


def main(argv: Sequence[str]) -> int:
    """Rewrite the golden files (or, with ``--check``, report the stale ones); exit status."""
    check = "--check" in argv
    stale = 0
    for path, text in goldens().items():
        old = path.read_bytes() if path.exists() else None
        if old == text.encode("utf-8"):
            continue
        stale += 1
        print(f"{'stale' if check else 'rewrote'}: {path.relative_to(ROOT)}")
        if not check:
            path.write_text(text, encoding="utf-8", newline="\n")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
