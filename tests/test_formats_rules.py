"""The shared format helpers and each parser's named line classifiers, one table each."""

from __future__ import annotations

import pytest

from bilingual.formats import formats, line, telegram, wechat, whatsapp
from bilingual.formats._clock import order_for
from bilingual.formats._draft import stamped
from bilingual.formats._score import hit_score
from bilingual.formats.mixed import open_readers, read_line


@pytest.mark.parametrize("total", range(2, 41))
def test_hit_score_gives_the_floats_of_the_old_formulas(total: int) -> None:
    """``hit_score`` equals the expressions the five scorers used, float for float."""
    for hits in range(total + 1):
        plain = 0.0 if hits < 2 else 0.5 + 0.5 * hits / total
        doubled = 0.0 if hits < 2 else 0.5 + 0.5 * min(1.0, 2 * hits / total)
        assert hit_score(hits, total) == plain
        assert hit_score(hits, total, weight=2) == doubled


@pytest.mark.parametrize(
    ("text", "day", "order", "expected"),
    [
        pytest.param(
            "2023/1/5 下午3:04 - A: x", (2023, 1, 5), "ymd", "2023-01-05T15:04:00", id="zh-period"
        ),
        pytest.param(
            "5/1/23, 12:30 AM - A: x", (5, 1, 23), "dmy", "2023-01-05T00:30:00", id="12am"
        ),
        pytest.param("5/1/23, 24:00 - A: x", (5, 1, 23), "dmy", "2023-01-05T00:00:00", id="24h"),
        pytest.param("5/1/23, 25:00 - A: x", (5, 1, 23), "dmy", None, id="hour-25"),
        pytest.param("30/2/23, 10:00 - A: x", (30, 2, 23), "dmy", None, id="no-such-day"),
        pytest.param(
            "[5/1/23, 10:00:09] A: x", (5, 1, 23), "dmy", "2023-01-05T10:00:09", id="seconds"
        ),
        pytest.param("5/1/23, 10:00 - A: x", None, "dmy", None, id="no-date"),
    ],
)
def test_stamped_times(text: str, day: tuple[int, int, int] | None, order: str,
                       expected: str | None) -> None:  # fmt: skip
    """A header's time is ISO when the hour and the date are valid, else None."""
    match = whatsapp.HEADER.match(text)
    assert match is not None
    draft = stamped(match, source="s", line=1, format="f", day=day, order=order)
    assert (draft.time, draft.time_raw) == (expected, match["stamp"])


@pytest.mark.parametrize(
    ("triple", "order", "expected"),
    [((2023, 1, 5), "dmy", "ymd"), ((5, 1, 23), "mdy", "mdy"), ((5, 1, 23), "ymd", "ymd"),
     ((1, 13, 23), "ymd", "mdy"), ((13, 1, 23), "ymd", "ymd"), ((6, 14, 19), "dmy", "mdy"),
     ((14, 6, 22), "mdy", "dmy")],
)  # fmt: skip
def test_order_for_a_header(triple: tuple[int, int, int], order: str, expected: str) -> None:
    """A 4-digit first field is y/m/d; a short one is read in the file's order (a proven
    ``yy-mm-dd`` file's too) unless that order cannot read it, then in the one that can."""
    assert order_for(triple, order) == expected


LINE_ROWS = [
    ("[LINE] 與王小明的聊天記錄", "chrome"),
    ("儲存日期：2023/01/06 09:12", "chrome"),
    ("", "blank"),
    ("2023/01/05（四）", "date"),
    ('下午03:07\tAmy\t"Notes:', "message"),
    ("10:16\tBo\tfake header inside quotes", "quoted"),
    ("", "quoted"),
    ('end"', "closing"),
    ("10:17\t\tAmy unsent a message", "system"),
    ("a continuation", "text"),
    ("[LINE] Chat history with Amy", "text"),
]


def test_line_classify() -> None:
    """LINE lines: the title only first, quotes hide headers until the closing line."""
    rows = list(line.classify(enumerate((t for t, _ in LINE_ROWS), start=1)))
    assert [r.kind.value for r in rows] == [k for _, k in LINE_ROWS]
    assert [r.number for r in rows] == list(range(1, len(LINE_ROWS) + 1))


WECHAT_ROWS = [
    ("陈小明 2023-01-05 10:15:03", "stamp-after"),
    ("今天开会吗？", "text"),
    ("Amy 2023-01-05 10:16:00", "text"),
    ("陈小明 2023-01-05 10:17:00", "stamp-after"),
    ("", "blank"),
    ("2023-06-01 09:00:12 王小明", "stamp-first"),
    ("", "blank"),
    ("王小明：", "name-only"),
    ("好的", "text"),
    ("A和B的聊天记录", "record"),
    ("amy_w: hi", "speaker"),
    ("", "blank"),
    ("Breaking news: 颱風來了", "text"),
]


def test_wechat_classify() -> None:
    """WeChat lines: a stamp starts a message after a blank line or for a known speaker."""
    rows = list(wechat.classify(enumerate((t for t, _ in WECHAT_ROWS), start=1)))
    assert [r.kind.value for r in rows] == [k for _, k in WECHAT_ROWS]
    assert [(r.speaker, r.forwarded) for r in rows if r.kind is wechat.Kind.SPEAKER] == [
        ("amy_w", True)
    ]


def test_telegram_classify() -> None:
    """Telegram lines: a forwarded marker counts only before the first text line."""
    texts = ["[Forwarded from X]", "Amy, [05.01.23 10:15]", "", "[Forwarded from X]", "hi",
             "[Forwarded from Y]"]  # fmt: skip
    kinds = [r.kind.value for r in telegram.classify(enumerate(texts, start=1))]
    assert kinds == ["text", "header", "blank", "forward", "text", "text"]


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        ("Amy: hi", ("text", "Amy", "hi")),
        ("Amy: <Media omitted>", ("attachment", "Amy", "<Media omitted>")),
        ("Bo added Amy", ("system", None, "Bo added Amy")),
        ("Bo changed the subject: x", ("system", None, "Bo changed the subject: x")),
        (
            "讀書會: \u200e訊息與通話已受端對端加密保護",
            ("system", None, "訊息與通話已受端對端加密保護"),
        ),
        ("~\u202fJo: \u200esticker omitted", ("attachment", "Jo", "sticker omitted")),
    ],
)
def test_whatsapp_body_of(rest: str, expected: tuple[str, str | None, str]) -> None:
    """What follows a WhatsApp header is a person's text, an attachment or an app event."""
    assert whatsapp.body_of(rest) == expected


def test_single_line_readers_in_registration_order() -> None:
    """``mixed`` asks WhatsApp, then LINE; a LINE date line dates the LINE lines after it."""
    readers, rest = open_readers(iter([(1, "13/2/23, 10:00 - Bo: 你好")]), formats())
    assert list(rest) == [(1, "13/2/23, 10:00 - Bo: 你好")]
    first = read_line(readers, 1, "1/2/23, 10:00 - Bo: hi", "s")
    assert first is not None
    assert (first.format, first.time) == ("whatsapp", "2023-02-01T10:00:00")
    assert read_line(readers, 2, "09:15\tBo\t早安", "s").time is None  # type: ignore[union-attr]
    assert read_line(readers, 3, "2023/01/05（四）", "s") is not None
    dated = read_line(readers, 4, "09:15\tBo\t早安", "s")
    assert dated is not None
    assert (dated.format, dated.speaker, dated.time) == ("line", "Bo", "2023-01-05T09:15:00")
    assert read_line(readers, 5, "plain words", "s") is None
