"""``bilingual report``: the HTML page's content, self-containment, escaping, determinism,
the JSON shared with ``stats``, and the page as headless Chromium renders it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from bilingual.cli import app, normalize_argv
from bilingual.records import Message, Pair, Record
from bilingual.report.aggregate import MAX_PERIODS, Pairs, gather, periods
from bilingual.report.html import warnings
from bilingual.stats import Sources

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
WHATSAPP = sorted((ROOT / "tests" / "fixtures" / "formats").glob("whatsapp-*.txt"))
MIXED = ROOT.parent / "shared" / "samples" / "mixed-dump.txt"
CHROMIUM = shutil.which("chromium")


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, normalize_argv(list(args)))
    return result.exit_code, result.stdout, result.stderr


def _report(tmp_path: Path, *inputs: Path, name: str = "r.html") -> str:
    out = tmp_path / name
    code, _, err = _cli("report", *map(str, inputs), "-o", str(out))
    assert code == 0, err
    return out.read_text("utf-8")


class _Page(HTMLParser):
    """The parts of a report the tests read: every tag with its attributes, the style
    text, and each table row's ``td`` texts with the section it is in."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self.rows: list[tuple[str, str, list[str]]] = []  # section id, row class, cells
        self.items: dict[str, int] = Counter()  # list id -> <li> count
        self.text: list[str] = []
        self._section = self._row_class = ""
        self._cells: list[str] | None = None
        self._lists: list[str] = []
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag == "section":
            self._section = found.get("id") or ""
        elif tag == "tr":
            self._row_class, self._cells = found.get("class") or "", []
        elif tag == "td" and self._cells is not None:
            self._cells.append("")
        elif tag in {"ol", "ul"}:
            self._lists.append(found.get("id") or "")
        elif tag == "li" and self._lists:
            self.items[self._lists[-1]] += 1
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self._cells is not None:
            self.rows.append((self._section, self._row_class, self._cells))
            self._cells = None
        elif tag in {"ol", "ul"} and self._lists:
            self._lists.pop()
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        self.text.append(data)
        if self._cells:
            self._cells[-1] += data

    def table(self, section: str, row_class: str = "") -> list[list[str]]:
        """The body rows of a section's tables (of a class, when given)."""
        return [
            cells
            for sec, cls, cells in self.rows
            if sec == section and (not row_class or cls == row_class) and cells
        ]


def _golden_records(dump: Path) -> list[dict[str, Any]]:
    lines = dump.with_suffix(".expected.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _mix_by_hand(records: list[dict[str, Any]]) -> dict[str, tuple[int, ...]]:
    """Messages and en / zh-Hant / zh-Hans / other segments per speaker, from JSONL rows."""
    out: dict[str, list[int]] = {}
    for row in records:
        speaker = row["speaker"] if row["speaker"] is not None else "(no speaker)"
        counts = out.setdefault(str(speaker), [0, 0, 0, 0, 0])
        counts[0] += 1
        for seg in row["segments"]:
            if seg["lang"] in {"url", "email", "mention", "hashtag"}:
                continue
            if seg["lang"] == "en":
                counts[1] += 1
            elif seg["lang"] == "zh" and seg.get("script") == "Hant":
                counts[2] += 1
            elif seg["lang"] == "zh":
                counts[3] += 1
            else:
                counts[4] += 1
    return {k: tuple(v) for k, v in out.items()}


def _speaker_rows(page: _Page) -> dict[str, tuple[int, ...]]:
    """Speaker -> (messages, en, zh-Hant, zh-Hans, other) as the page shows them."""
    rows = page.table("speakers", "speaker")
    return {cells[0]: tuple(int(c) for c in (cells[1], *cells[3:])) for cells in rows}


# --- content ----------------------------------------------------------------------------


@pytest.mark.parametrize("dump", EXAMPLES, ids=[d.stem for d in EXAMPLES])
def test_speakers_and_language_mix_equal_the_records(tmp_path: Path, dump: Path) -> None:
    """Each speaker's messages and segments per language on the page are those of the
    example's golden records, counted here from the JSONL."""
    page = _Page(_report(tmp_path, dump))
    assert _speaker_rows(page) == _mix_by_hand(_golden_records(dump))


@pytest.mark.parametrize("dump", EXAMPLES, ids=[d.stem for d in EXAMPLES])
def test_pairs_count_equals_the_records(tmp_path: Path, dump: Path) -> None:
    """The page states the records' number of pairs and lists each (at most 20 here)."""
    pairs = sum(len(r["pairs"]) for r in _golden_records(dump))
    page = _Page(_report(tmp_path, dump))
    text = "".join(page.text)
    assert f"{pairs} pairs." in text
    assert pairs <= 20
    assert page.items.get("pairs-best", 0) == pairs


def test_first_rows_are_the_first_messages(tmp_path: Path) -> None:
    """``--rows N`` shows the first N messages, line numbers in order."""
    dump = ROOT / "examples" / "headlines.txt"
    out = tmp_path / "r.html"
    assert _cli("report", str(dump), "--rows", "3", "-o", str(out))[0] == 0
    rows = _Page(out.read_text("utf-8")).table("records")
    expected = [str(r["line"]) for r in _golden_records(dump)[:3]]
    assert [cells[0] for cells in rows] == expected


# --- self-contained, escaped, deterministic ---------------------------------------------

_URL = re.compile(r"url\s*\(|@import", re.IGNORECASE)


def test_page_names_no_resource(tmp_path: Path) -> None:
    """No tag has a src or href, the CSS has no url() or @import, and a CSP forbids any
    request: the page opens offline."""
    page = _Page(_report(tmp_path, *EXAMPLES, *WHATSAPP))
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert name not in {"src", "href", "srcset", "action", "data", "poster"}, tag
            assert not _URL.search(value or ""), (tag, name)
    assert not any(_URL.search(style) for style in page.styles)
    csp = [a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert {t for t, _ in page.tags}.isdisjoint({"script", "link", "img", "iframe", "a"})


HOSTILE = (
    "1/2/23, 9:00 AM - <img src=x onerror=alert(1)>: <script>alert('hi')</script> & 你好\n"
    "1/2/23, 9:01 AM - Bo: </td></tr></table><a href='https://evil.example'>x</a>\n"
)


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    """Markup in a message or a speaker name is shown as text, never parsed as tags."""
    dump = tmp_path / "hostile.txt"
    dump.write_text(HOSTILE, "utf-8")
    html = _report(tmp_path, dump)
    page = _Page(html)
    assert {t for t, _ in page.tags}.isdisjoint({"script", "img", "a"})
    text = "".join(page.text)
    assert "<script>alert('hi')</script> & 你好" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "&lt;script&gt;" in html


def test_same_input_same_bytes(tmp_path: Path) -> None:
    """Two runs over the same inputs write byte-identical pages, with or without workers."""
    inputs = [str(p) for p in (*EXAMPLES, *WHATSAPP)]
    first = _report(tmp_path, *map(Path, inputs), name="a.html")
    assert first == _report(tmp_path, *map(Path, inputs), name="b.html")
    out = tmp_path / "c.html"
    assert _cli("report", *inputs, "-j", "2", "-o", str(out))[0] == 0
    assert out.read_text("utf-8") == first


def test_json_is_the_stats_summary_plus_aggregates(tmp_path: Path) -> None:
    """``report --json`` holds exactly ``stats --json`` and a ``report`` key beside it."""
    inputs = [str(p) for p in (*EXAMPLES, *WHATSAPP)]
    code, stats_out, _ = _cli("stats", *inputs, "--json")
    assert code == 0
    out = tmp_path / "r.json"
    assert _cli("report", *inputs, "--json", "-o", str(out))[0] == 0
    got = json.loads(out.read_text("utf-8"))
    extras = got.pop("report")
    assert got == json.loads(stats_out)
    assert sum(d["messages"] for d in extras["days"]) == sum(map(sum, extras["weekday_hour"]))
    assert sum(extras["pairs"]["histogram"]) == got["pairs"]


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    """``-o`` naming an input is a usage error and leaves the input as it was."""
    dump = tmp_path / "d.txt"
    dump.write_text("Hi 你好\n", "utf-8")
    code, _, err = _cli("report", str(dump), "-o", str(dump))
    assert code == 2
    assert "is also an input" in err
    assert dump.read_text("utf-8") == "Hi 你好\n"


def test_keep_going_reports_a_bad_input_and_writes_the_rest(tmp_path: Path) -> None:
    """With --keep-going an undecodable input is named, the page shows the other, exit 3."""
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("1/2/23, 9:00 AM - Amy: Hello 你好\n", "utf-8")
    bad.write_bytes(b"ok\n\xff\xfe\xfa broken\n" * 3)
    out = tmp_path / "r.html"
    code, _, err = _cli("report", str(bad), str(good), "--keep-going", "-o", str(out))
    assert code == 3
    assert "bad.txt" in err
    assert "Amy" in _speaker_rows(_Page(out.read_text("utf-8")))


def test_undecodable_bytes_are_a_warning(tmp_path: Path) -> None:
    """With --errors replace the count of replaced bytes is among the warnings."""
    dump = tmp_path / "d.txt"
    dump.write_bytes("Hi 你好\n".encode() + b"\xff\n")
    out = tmp_path / "r.html"
    assert _cli("report", str(dump), "--errors", "replace", "-o", str(out))[0] == 0
    page = _Page(out.read_text("utf-8"))
    assert f"{dump}: 1 undecodable byte sequences replaced with U+FFFD" in page.text


def test_undecided_date_order_is_a_warning(tmp_path: Path) -> None:
    """A WhatsApp file whose dates never prove day/month order gets the format's warning
    on the page, in the JSON and on stderr."""
    dump = tmp_path / "d.txt"
    dump.write_text("1/2/23, 9:00 AM - Amy: Hello 你好\n1/3/23, 9:05 AM - Bo: Bye 再見\n", "utf-8")
    out = tmp_path / "r.html"
    code, _, err = _cli("report", str(dump), "-o", str(out))
    assert code == 0
    (warning,) = [w for w in _Page(out.read_text("utf-8")).text if "no date proves" in w]
    assert warning.startswith(f"{dump}: no date proves whether the day or the month")
    assert f"warning: {warning}" in err
    assert _cli("report", str(dump), "--json", "-o", str(out))[0] == 0
    assert json.loads(out.read_text("utf-8"))["date_order_warnings"] == [warning]


def test_a_cut_line_is_one_message_and_a_warning() -> None:
    """The parts of a line too long to read whole count as one message, one cut line."""
    parts = [Record(Message("x", 1, "t", part=n, time="2023-01-02T09:00:00")) for n in (1, 2, 3)]
    report = gather([*parts, Record(Message("x", 2, "u"))], row_limit=0, threshold=0.5)
    assert (report.stats.messages, report.cut) == (2, 1)
    assert report.activity.grid[(0, 9)] == 1
    assert "1 lines too long to read whole were cut into parts" in warnings(Sources(), report)


# --- streaming aggregates -----------------------------------------------------------------


def _records(scores: list[float]) -> list[Record]:
    return [Record(Message("x", i, "t"), pairs=(Pair("a", "b", s),)) for i, s in enumerate(scores)]


@given(st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.5, 0.9, 1.0]), max_size=60))
def test_best_and_worst_are_a_sort_of_all_pairs(scores: list[float]) -> None:
    """The kept pairs equal the first 20 of all pairs sorted by score (earlier first on
    ties), both ways, whatever the order they arrive in."""
    kept = Pairs()
    for record in _records(scores):
        kept.add(record)
    order = range(len(scores))
    best = sorted(order, key=lambda i: (-scores[i], i))[:20]
    worst = sorted(order, key=lambda i: (scores[i], i))[:20]
    assert [p.record_id for p in kept.best()] == [f"x:{i}" for i in best]
    assert [p.record_id for p in kept.worst()] == [f"x:{i}" for i in worst]
    assert sum(kept.histogram) == len(scores)


def test_gather_keeps_only_the_first_rows() -> None:
    """Memory stays flat: a long run keeps N rows and 20 + 20 pairs, whatever its length."""
    report = gather(iter(_records([0.5] * 5000)), row_limit=7, threshold=0.5)
    assert [r.message.line for r in report.rows] == list(range(7))
    assert len(report.pairs.best()) == len(report.pairs.worst()) == 20
    assert report.stats.pairs == 5000


@given(st.lists(st.dates(), min_size=1, max_size=30))
def test_periods_keep_every_count_in_order(days: list[object]) -> None:
    """Activity periods are consecutive, at most MAX_PERIODS, and sum to the day counts."""
    counts = Counter(d.isoformat() for d in days)  # type: ignore[attr-defined]
    unit, rows = periods({day: Counter(en=n) for day, n in counts.items()})
    assert 1 <= len(rows) <= MAX_PERIODS
    assert sum(c["en"] for _, c in rows) == len(days)
    labels = [label for label, _ in rows]
    assert labels == sorted(set(labels))
    assert unit in {"day", "week", "month", "year"}


# --- the acceptance on the team's sample --------------------------------------------------


def test_mixed_dump_shows_speakers_pairs_and_mix(tmp_path: Path) -> None:
    """On ../shared/samples/mixed-dump.txt the page shows GT and Hammond with the counts
    ``split`` gives, both headline pairs with their sentence alignment, and the mix."""
    if not MIXED.is_file():
        pytest.skip("../shared/samples/mixed-dump.txt is not present")
    code, out, _ = _cli("split", str(MIXED))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    page = _Page(_report(tmp_path, MIXED))
    shown = _speaker_rows(page)
    expected = _mix_by_hand(records)
    assert {"GT", "Hammond"} <= shown.keys()
    assert shown == expected
    pairs = [p for r in records for p in r["pairs"]]
    assert len(pairs) == 2
    assert page.items["pairs-best"] == 2
    cells = {c for row in page.table("pairs") for c in row}
    for pair in pairs:
        for sentence in pair["sentences"]:
            assert {sentence["en"], sentence["zh"]} <= cells


# --- headless Chromium ------------------------------------------------------------------

_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--enable-logging=stderr", "--v=0",
)  # fmt: skip


def _chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium): no browser test")
    return subprocess.run(
        [CHROMIUM, *_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
        env={**os.environ, "HOME": str(profile)},
    )


def _console_problems(stderr: str) -> list[str]:
    """Console messages and refused loads in Chromium's log."""
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Refused to" in line]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A report of the examples and the WhatsApp fixtures, its DOM and log as rendered."""
    tmp = tmp_path_factory.mktemp("chromium")
    html = tmp / "report.html"
    code, _, err = _cli("report", *map(str, (*EXAMPLES, *WHATSAPP)), "-o", str(html))
    assert code == 0, err
    done = _chromium(html, tmp / "profile", "--dump-dom")
    return html, done.stdout, done.stderr


def test_chromium_renders_every_chart(rendered: tuple[Path, str, str]) -> None:
    """After rendering, the DOM holds the activity chart, the heatmap, the score
    histogram and one mix bar per speaker row, and the console is silent."""
    _, dom, log = rendered
    page = _Page(dom)
    ids = {a.get("id") for t, a in page.tags if t == "svg"}
    assert {"chart-activity", "chart-heatmap", "chart-scores"} <= ids
    mix_bars = [a for t, a in page.tags if t == "svg" and a.get("class") == "mix"]
    assert len(mix_bars) == len(page.table("speakers", "speaker")) > 5
    heat = [a for t, a in page.tags if t == "rect" and a.get("class") in {"heat", "cold"}]
    assert len(heat) == 7 * 24
    assert _console_problems(log) == []


def test_chromium_screenshot_is_taken(rendered: tuple[Path, str, str], tmp_path: Path) -> None:
    """A screenshot of the page at laptop width is a PNG of that width."""
    html, _, _ = rendered
    shot = tmp_path / "shot.png"
    _chromium(html, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1280


def test_chromium_log_shows_a_refused_request(tmp_path: Path) -> None:
    """The console check can fail: a page with our policy and an image from the network
    gets a refusal in the log (so silence above means no request was attempted)."""
    html = tmp_path / "bad.html"
    html.write_text(
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\"></head>"
        '<body><img src="http://192.0.2.1/x.png"></body></html>',
        "utf-8",
    )
    done = _chromium(html, tmp_path / "profile", "--dump-dom")
    assert _console_problems(done.stderr) != []
