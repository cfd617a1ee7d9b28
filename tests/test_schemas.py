"""The shipped JSON Schemas validate real output of every layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from bilingual import Options, Record, process_file
from bilingual.schemas import load_schema
from bilingual.writers.jsonl import LAYOUTS, ROWS

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))


def example_records() -> Iterator[Record]:
    for path in EXAMPLES:
        with path.open("rb") as stream:
            yield from process_file(stream, Options(simplify="tw2s"), source=path.name)
        with path.open("rb") as stream:
            yield from process_file(stream, source=path.name)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_output_validates(layout: str) -> None:
    """Every row written for the examples is valid against its layout's schema."""
    schema = load_schema(layout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    rows = [row for record in example_records() for row in ROWS[layout](record, Options())]
    assert rows
    for row in rows:
        validator.validate(row)


def test_schema_rejects_a_broken_row() -> None:
    """The schema is strict: an unknown key or a bad score is an error."""
    validator = jsonschema.Draft202012Validator(load_schema("pairs"))
    good = {
        "id": "a:1#p0",
        "translation": {"en": "Hi", "zh": "嗨"},
        "score": 0.5,
        "source": "a",
        "line": 1,
    }
    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "score": 1.5})
    assert not validator.is_valid({**good, "extra": 1})


def test_sample_output_validates(shared: Path) -> None:
    """The user's dumps produce schema-valid messages."""
    validator = jsonschema.Draft202012Validator(load_schema("messages"))
    for name in ("mixed-dump.txt", "articles-en.txt"):
        with (shared / "samples" / name).open("rb") as stream:
            for record in process_file(stream, Options(simplify="t2s"), source=name):
                validator.validate(record.to_dict())
