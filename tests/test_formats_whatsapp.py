"""WhatsApp: date order from evidence, header variants, localized app lines, pastes (issue 11)."""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable

import pytest
from _lossless import assert_lossless
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.decode import split_lines
from bilingual.formats import _whatsapp_locale, parse, whatsapp
from bilingual.formats._clock import DateEvidence, DateOrderWarning, read_order
from bilingual.records import Message


def run(text: str) -> list[Message]:
    return list(parse(split_lines(text), source="chat.txt", format="whatsapp"))


def quiet(text: str) -> list[Message]:
    """Parse, failing on any warning (the file's dates prove its order)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return run(text)


def ambiguous(n: int, template: str) -> str:
    """``n`` headers whose day and month are both 12 or less (the order unproven)."""
    return "".join(template.format(a=1 + i % 12, b=1 + (i // 12) % 12) for i in range(n))


# --- date order -------------------------------------------------------------------------


def test_a_day_above_12_after_150_ambiguous_headers_settles_the_order() -> None:
    """``6/14/19`` after 150 headers that fit both orders proves m/d/y for all of them
    (the old reader decided after 100 headers and read this file d/m/y)."""
    text = ambiguous(150, "{b}/{a}/19, 10:45 - Amy: hi\n") + "6/14/19, 10:45 - Bo: 好\n"
    messages = quiet(text)
    assert messages[1].time == "2019-01-02T10:45:00"  # 1/2/19 is 2 January
    assert messages[-1].time == "2019-06-14T10:45:00"
    assert all(m.time is not None for m in messages)


def test_a_day_first_file_proven_late_reads_early_dates_day_first() -> None:
    """``14/06/22, 11:05 am`` late in the file proves d/m/y: ``01/06/22`` is 1 June."""
    text = ambiguous(120, "{a:02}/{b:02}/22, 2:27 pm - Amy: hi\n")
    text = "01/06/22, 2:27 pm - Amy: hi\n" + text + "14/06/22, 11:05 am - Bo: 好\n"
    messages = quiet(text)
    assert (messages[0].time, messages[-1].time) == ("2022-06-01T14:27:00", "2022-06-14T11:05:00")


def test_an_unproven_file_warns_once_by_name_and_keeps_every_time() -> None:
    """No date above 12: one DateOrderWarning naming the file, the documented default
    (d/m/y without an English AM/PM), a time and the raw stamp on every message."""
    with pytest.warns(DateOrderWarning, match=r"^chat\.txt: .*day/month/year") as caught:
        messages = run(ambiguous(30, "{a}/{b}/23, 10:00 - Amy: hi\n"))
    assert len(caught) == 1
    assert messages[1].time == "2023-01-02T10:00:00"
    assert all(m.time is not None and m.time_raw for m in messages)


def test_a_day_above_12_does_not_prove_the_order_while_the_year_could_come_first() -> None:
    """``23/11/05`` on two days is 23 November 2005 or 2005-11-23 read the other way: the
    file warns that the two-digit year's place is unproven (it used to be read d/m/y
    silently) and keeps the order the value above 12 allows, with a time on each message."""
    text = "23/11/05, 10:00 - Amy: hi\n23/11/05, 10:05 - Bo: 好\n24/11/05, 09:00 - Amy: ok\n"
    with pytest.warns(DateOrderWarning, match=r"two-digit year comes first or last") as caught:
        messages = run(text)
    assert len(caught) == 1
    assert [m.time for m in messages] == [
        "2005-11-23T10:00:00", "2005-11-23T10:05:00", "2005-11-24T09:00:00"
    ]  # fmt: skip
    proven = text + "25/11/05, 09:00 - Bo: a\n"  # the first field changes again: d/m/y
    assert quiet(proven)[-1].time == "2005-11-25T09:00:00"


def test_an_unproven_english_am_pm_file_defaults_to_month_first() -> None:
    """The default for an English 12-hour clock is the US order, m/d/y."""
    with pytest.warns(DateOrderWarning, match="month/day/year"):
        messages = run("1/2/23, 9:00 PM - Amy: hi\n1/3/23, 9:01 PM - Bo: yo\n")
    assert messages[0].time == "2023-01-02T21:00:00"


def test_a_header_the_file_order_cannot_read_is_read_the_other_way() -> None:
    """Two phones' exports joined (both orders proven): each header still has a time."""
    text = "13/2/23, 10:00 - Amy: hi\n2/14/23, 10:00 - Bo: 好\n"
    with pytest.warns(DateOrderWarning):
        messages = run(text)
    assert [m.time for m in messages] == ["2023-02-13T10:00:00", "2023-02-14T10:00:00"]


def test_two_digit_years_first_are_proven_by_the_day_changing() -> None:
    """``yy-mm-dd``: the last field changes day after day, the first (the year) does not."""
    days = ["21-03-25", "21-03-26", "21-03-29", "21-04-02"]
    messages = quiet("".join(f"[{day} 09:05] A: x\n" for day in days))
    assert [m.time for m in messages][::3] == ["2021-03-25T09:05:00", "2021-04-02T09:05:00"]


def test_day_first_two_digit_years_are_not_taken_for_years_first() -> None:
    """``dd-mm-yy`` days change and the year does not: day first."""
    messages = quiet("[25-03-21 09:05] A: x\n[26-03-21 09:05] B: y\n[29-03-21 09:05] A: z\n")
    assert messages[0].time == "2021-03-25T09:05:00"


def test_read_ahead_is_bounded() -> None:
    """Without proof, reading ahead stops at the line bound; the rest stays unread."""
    rows = iter(split_lines(ambiguous(50, "{a}/{b}/23, 10:00 - Amy: hi\n")))
    ahead = read_order(rows, whatsapp.dates, max_lines=10)
    assert (len(ahead.lines), ahead.proven, next(rows)[0]) == (10, False, 11)


@pytest.mark.parametrize(
    ("dates", "order", "proven"),
    [
        ([(13, 1, 23)], "dmy", False),  # 13 Jan 2023, or 2013-01-23: the year's place is open
        ([(13, 1, 23), (14, 1, 23), (15, 1, 23)], "dmy", True),  # the first field changes
        ([(13, 1, 2023)], "dmy", True),
        ([(1, 13, 23)], "mdy", True),  # no month 13: not y/m/d, so the year is last
        ([(13, 1, 23), (1, 13, 23)], "dmy", False),  # both proven: neither
        ([(2023, 1, 5)], "dmy", True),  # 4-digit years first need no order
        ([(1, 2, 2023), (2, 2, 2023)], "dmy", False),
    ],
)
def test_date_evidence(dates: list[tuple[int, int, int]], order: str, proven: bool) -> None:
    """The order a set of dates proves, and the default when they prove none."""
    evidence = DateEvidence()
    for triple in dates:
        evidence.add(triple)
    assert (evidence.order(), evidence.proven()) == (order, proven)


# --- header variants --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "speaker", "time"),
    [
        ("2022/12/14, 13:34. - A: hi", "A", "2022-12-14T13:34:00"),
        ("[3/18/2565 BE, 14:56:01] A: hi", "A", "2022-03-18T14:56:01"),
        ("[3/18/R4, 14:56:01] A: hi", "A", "2022-03-18T14:56:01"),
        ("[١٨\u200f/٣\u200f/٢٠٢٢، ٢:٥٦:٠٠\u00a0م] A: hi", "A", "2022-03-18T14:56:00"),
        ("[14:56:01, 3/18/22] A: hi", "A", "2022-03-18T14:56:01"),
        ("13/01/2021, 9:15 in the morning - A: hi", "A", "2021-01-13T09:15:00"),
        ("13/01/2021, 9:15 in the evening - A: hi", "A", "2021-01-13T21:15:00"),
        ("7/13/16, 4:56:55 PM: A: hi", "A", "2016-07-13T16:56:55"),
        ("Mar 5, 2023, 8:11 PM - A: hi", "A", "2023-03-05T20:11:00"),
        ("Mar 5, 8:11 PM - A: hi", "A", None),  # no year: time_raw only
        ("2021. 3. 25. 오후 9:05 - A: hi", "A", "2021-03-25T21:05:00"),
        ("\u200e[13/01/2023, 22:15:03] A: \u200ehi", "A", "2023-01-13T22:15:03"),
    ],
)
def test_header_variants(line: str, speaker: str, time: str | None) -> None:
    """Each locale's header shape gives the speaker and the time (issue 11's list)."""
    (message,) = quiet(line + "\n")
    assert (message.speaker, message.time, message.text) == (speaker, time, "hi")
    assert message.time_raw is not None


# --- localized app lines ----------------------------------------------------------------

PHRASES = [
    (lang, kind, phrase)
    for lang, rows in _whatsapp_locale.PHRASES.items()
    for kind, phrases, _ in rows
    for phrase in phrases
]


def test_the_main_ui_languages_are_covered() -> None:
    """Media omitted, deleted messages and missed calls in at least 14 main UI languages."""
    main = {"en", "es", "pt", "hi", "id", "ar", "ru", "de", "fr", "it", "tr", "zh-Hans",
            "zh-Hant", "ja", "ko", "vi"}  # fmt: skip
    covered = {lang for lang, kind, _ in PHRASES if kind == "attachment"}
    covered &= {lang for lang, kind, _ in PHRASES if kind == "system"}
    assert covered >= main


@pytest.mark.parametrize(("lang", "kind", "phrase"), PHRASES)
def test_localized_app_lines_keep_their_speaker(lang: str, kind: str, phrase: str) -> None:
    """Each phrase, after an iOS U+200E or not, is the speaker's attachment or system line."""
    body = phrase.replace("%s", "IMG-20230101-WA0001.jpg")
    for text in (body, "\u200e" + body):
        assert whatsapp.body_of(f"Dmitry S: {text}") == (kind, "Dmitry S", body), lang


def test_a_sentence_around_a_phrase_is_text() -> None:
    """A phrase inside a longer message is the person's text."""
    assert whatsapp.body_of("Amy: the image omitted yesterday was mine")[0] == "text"
    assert whatsapp.body_of("Amy: 我說 照片已忽略 了嗎")[0] == "text"


# --- pastes -----------------------------------------------------------------------------

PASTE = (
    "3/4/23, 8:01 PM - Grace: 我到了\n3/4/23, 8:05 PM - Grace added Tom\n21:10\tTom\t晚餐吃什麼？\n"
    "王小明：我請客\nBreaking news: the MRT is delayed\n"
)


def test_a_system_line_takes_no_continuation_and_another_apps_line_is_its_own() -> None:
    """In a paste, the LINE line is Tom's message and the lines after it are not the
    system line's text; a ``王小明：`` line is no app header, so it is text."""
    messages = run(PASTE)
    assert [(m.line, m.end_line, m.kind, m.speaker) for m in messages] == [
        (1, 1, "text", "Grace"),
        (2, 2, "system", None),
        (3, 3, "text", "Tom"),
        (4, 5, "text", None),
    ]
    assert messages[3].text == "王小明：我請客\nBreaking news: the MRT is delayed"


def test_another_apps_line_after_a_persons_message_is_its_own() -> None:
    """A LINE ``time<TAB>name<TAB>text`` line does not continue a WhatsApp message."""
    messages = quiet("13/4/2023, 20:01 - Grace: 菜單\n還有甜點\n21:10\tTom\t好\n")
    assert [(m.line, m.speaker, m.text) for m in messages] == [
        (1, "Grace", "菜單\n還有甜點"),
        (3, "Tom", "好"),
    ]


def test_name_lines_and_times_in_text_still_continue_a_message() -> None:
    """``王小明：…`` and a line with a time in it continue a person's message."""
    messages = quiet("13/4/2023, 20:01 - Grace: 菜單\n王小明：我請客\nMeet at 21:10 ok\n")
    assert [m.text for m in messages] == ["菜單\n王小明：我請客\nMeet at 21:10 ok"]


def test_an_unknown_body_without_a_name_keeps_its_continuations() -> None:
    """A body with no ``Name:`` that is no known event keeps the lines after it."""
    messages = quiet("13/4/2023, 20:01 - :odd name: hello\nsecond line\n")
    assert [(m.kind, m.text) for m in messages] == [("system", ":odd name: hello\nsecond line")]


# --- nothing lost over generated exports ------------------------------------------------

Shape = Callable[[dt.datetime], str]


def _h12(moment: dt.datetime) -> tuple[int, str]:
    return (moment.hour % 12 or 12), ("AM" if moment.hour < 12 else "PM")


def _flexible(moment: dt.datetime) -> str:
    hour = moment.hour
    period = ("at night" if hour < 6 or hour >= 21 else "in the morning" if hour < 12
              else "in the afternoon" if hour < 18 else "in the evening")  # fmt: skip
    return f"{moment:%d/%m/%Y}, {hour % 12 or 12}:{moment:%M} {period} - "


def _arabic(moment: dt.datetime) -> str:
    hour, ampm = _h12(moment)
    digits = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    stamp = f"{moment.day}\u200f/{moment.month}\u200f/{moment.year}، {hour}:{moment:%M:%S}"
    return f"[{stamp.translate(digits)}\u00a0{'ص' if ampm == 'AM' else 'م'}] "


def _clock12(moment: dt.datetime, space: str = " ") -> str:
    hour, ampm = _h12(moment)
    return f"{hour}:{moment:%M}{space}{ampm}"


def _korean(moment: dt.datetime) -> str:
    period = "오전" if moment.hour < 12 else "오후"
    return f"{moment.year}. {moment.month}. {moment.day}. {period} {_h12(moment)[0]}:{moment:%M} - "


SHAPES: dict[str, tuple[Shape, bool]] = {  # name -> (header before "Name: ", has seconds)
    "android-us": (lambda m: f"{m.month}/{m.day}/{m:%y}, {_clock12(m, chr(0x202F))} - ", False),
    "android-dmy": (lambda m: f"{m:%d/%m/%Y, %H:%M} - ", False),
    "dotted": (lambda m: f"{m.year}/{m.month}/{m.day}, {m:%H:%M}. - ", False),
    "flexible": (_flexible, False),
    "ios-old": (lambda m: f"{m.month}/{m.day}/{m:%y}, {_h12(m)[0]}:{m:%M:%S} {_h12(m)[1]}: ", True),
    "buddhist": (lambda m: f"[{m.month}/{m.day}/{m.year + 543} BE, {m:%H:%M:%S}] ", True),
    "reiwa": (lambda m: f"\u200e[{m.month}/{m.day}/R{m.year - 2018}, {m:%H:%M:%S}] ", True),
    "arabic": (_arabic, True),
    "vietnamese": (lambda m: f"[{m:%H:%M:%S}, {m.month}/{m.day}/{m:%y}] ", True),
    "month-name": (lambda m: f"{m:%b} {m.day}, {m.year}, {_clock12(m)} - ", False),
    "year-first": (lambda m: f"[{m:%y-%m-%d %H:%M}] ", False),
    "korean": (_korean, False),
}  # fmt: skip

TEXT = st.text(st.sampled_from("abc xyz 你好世界 ,.!?éñ"), min_size=1, max_size=20).filter(
    lambda t: t.strip() != ""
)
NAMES = st.sampled_from(["Amy", "王小明", "Dmitry S", "~\u202fJo"])
MESSAGE: st.SearchStrategy[tuple[str, str, list[str]]] = (
    st.one_of(  # a person's text with continuation lines, or an app line alone
        st.tuples(NAMES, TEXT, st.lists(TEXT, max_size=2)),
        st.tuples(
            NAMES, st.sampled_from([p.replace("%s", "a.jpg") for _, _, p in PHRASES]), st.just([])
        ),
    )
)


def _proves_year_first(moments: list[dt.datetime]) -> bool:
    """Whether ``yy-mm-dd`` dates prove their year comes first (else they read d/m/y)."""
    evidence = DateEvidence()
    for moment in moments:
        evidence.add((moment.year % 100, moment.month, moment.day))
    return evidence.settled() == "ymd"


@settings(max_examples=200, deadline=None)
@given(
    shape=st.sampled_from(sorted(SHAPES)),
    start=st.datetimes(min_value=dt.datetime(2019, 5, 1), max_value=dt.datetime(2029, 12, 1)),
    steps=st.lists(st.integers(min_value=0, max_value=3 * 86400), min_size=1, max_size=12),
    messages=st.lists(MESSAGE, min_size=12, max_size=12),
)
def test_generated_exports_lose_nothing_and_keep_speakers_and_times(
    shape: str, start: dt.datetime, steps: list[int], messages: list[tuple[str, str, list[str]]]
) -> None:
    """Any export in any new shape: every line in one message, one message per header,
    each with its speaker and a time; the right time whenever the dates prove the order."""
    header, seconds = SHAPES[shape]
    moments, lines = [start.replace(microsecond=0)], []
    for step in steps[1:]:
        moments.append(moments[-1] + dt.timedelta(seconds=step))
    for moment, (speaker, body, more) in zip(moments, messages, strict=False):
        lines.append(f"{header(moment)}{speaker}: {body}")
        lines.extend(more)
    rows = list(enumerate(lines, start=1))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parsed = list(parse(rows, source="g.txt", format="whatsapp"))
    assert_lossless(rows, parsed)
    assert [m.speaker for m in parsed] == [s.removeprefix("~\u202f") for s, _, _ in
                                           messages[: len(moments)]]  # fmt: skip
    assert all(m.time is not None for m in parsed)
    year_first_unproven = shape == "year-first" and not _proves_year_first(moments)
    if not caught and not year_first_unproven:  # proven: every time is the one written
        expected = [(m if seconds else m.replace(second=0)).isoformat() for m in moments]
        assert [m.time for m in parsed] == expected


def test_a_date_only_year_first_can_read_proves_the_year_first() -> None:
    """``29-02-01`` cannot be 29 February 2001 (no leap year), nor a month 29: only
    2029-02-01 reads it, so the year comes first, with no warning (Hypothesis found the
    file reading it d/m/y, a date of no calendar, and leaving the messages without time)."""
    text = "".join(f"[29-02-01 00:0{k}] Amy: ?\n" for k in range(3))
    assert [m.time for m in quiet(text)] == [f"2029-02-01T00:0{k}:00" for k in range(3)]
