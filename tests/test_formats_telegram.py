"""Telegram JSON: where a message's time comes from."""

from __future__ import annotations

import pytest

from bilingual.decode import split_lines
from bilingual.formats import parse


def one(fields: str) -> tuple[str | None, str | None]:
    doc = '{"name": "g", "messages": [{"id": 1, "type": "message", "from": "Amy", ' + fields
    doc += ', "text": "hi 你好"}]}'
    (message,) = parse(split_lines(doc), source="r.json", format="telegram")
    return message.time, message.time_raw


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ('"date": "2022-07-07T09:14:48", "date_unixtime": "1657160088"',
         ("2022-07-07T09:14:48", "2022-07-07T09:14:48")),
        ('"date_unixtime": "1657160088"', ("2022-07-07T02:14:48+00:00", "1657160088")),
        ('"date_unixtime": 0', ("1970-01-01T00:00:00+00:00", "0")),
        ('"date_unixtime": "later"', (None, "later")),
        ('"date_unixtime": "99999999999999999999"', (None, "99999999999999999999")),
        ('"date_unixtime": true', (None, None)),
        ('"edited": "2022-07-07T09:15:00"', (None, None)),
    ],
)  # fmt: skip
def test_json_time(fields: str, expected: tuple[str | None, str | None]) -> None:
    """``date`` (local) first; else ``date_unixtime`` as UTC ``+00:00``; else no time, and
    the raw value is kept whenever there is one."""
    assert one(fields) == expected
