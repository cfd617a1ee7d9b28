"""Fuzz the library (in-process) and the CLI (now and then) with generated inputs.

    PYTHONPATH=. python benchmarks/fuzz.py --n 100000 --jobs 2 --seed 1
    PYTHONPATH=. python benchmarks/fuzz.py --replay /tmp/fuzz-found/crash-....min.bin

Inputs come from three seeded generators (input ``i`` of seed ``s`` is always the same):

- ``bytes``: random bytes with NULs, invalid UTF-8, BOMs, CR/LF/U+2028 mixes;
- ``export``: exports of every supported format built from their header templates
  (WhatsApp Android/iOS, LINE, Telegram copied text and JSON, WeChat, transcripts, plain
  text, pastes of several), then mutated (truncated, lines swapped, invalid bytes, very
  long lines, fullwidth Latin, emoji, combining marks, RTL, kana, Hangul, U+200E, ...);
- ``encoded``: generated exports in UTF-16 (with or without BOM), UTF-32, GB18030, Big5.

Each input goes through ``process_file`` under the default options and two more option
sets (taken in turn: ``simplify``, ``dedup``, ``errors=replace``, each registered format
forced), then through every registered writer. The invariants checked:

- ``crash``: only :class:`~bilingual.errors.BilingualError` may be raised;
- ``offsets``: ``text[start:end] == segment.text``, segments ordered and disjoint;
- ``coverage``: no letter or digit of a text message lies outside its segments;
- ``determinism``: the same input twice gives the same JSONL;
- ``lines``: ``line <= end_line``, messages in line order (not for Telegram JSON);
- ``jsonl``: one row per ``\\n``, each a JSON object; ``writers``: all output encodable
  as UTF-8, TMX is XML, TSV rows have four fields, Moses sides have as many lines, each
  as many units as counted;
- ``slow``: one option set on one input takes more than 2 s of CPU per 10 KB (at least 1 s);
- ``cli``: every ``--cli-every`` inputs, ``python -m bilingual split`` exits 0, 2, 3 or 4,
  and leaves an output file exactly when it exits 0.

The first input failing each distinct way is minimised (lines, then characters) and saved
with its report under ``--save``.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import math
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import FrameType

import regex

import bilingual
from bilingual import formats, writers
from bilingual.decode import read_lines
from bilingual.errors import BilingualError
from bilingual.options import Options
from bilingual.output import Target
from bilingual.records import Record

KINDS = ("bytes", "export", "encoded")
INVARIANTS = ("crash", "offsets", "coverage", "determinism", "lines", "jsonl", "writers",
              "slow", "cli")  # fmt: skip
#: Seconds one option set may take on an input of ``n`` bytes: 2 s per 10 KB, at least 1 s.
SLOW_PER_BYTE = 2.0 / 10_000
SLOW_FLOOR = 1.0
#: Seconds after which one option set on one input is abandoned as hung.
HANG_SECONDS = 60
#: Exit codes ``bilingual split`` may give on any input.
CLI_CODES = frozenset({0, 2, 3, 4})
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")


# --- option sets -------------------------------------------------------------------------


def option_sets() -> dict[str, Options]:
    """Every option set by name: ``default`` first, then the ones taken in turn."""
    sets = {
        "default": Options(),
        "tw2s": Options(simplify="tw2s"),
        "dedup": Options(dedup=True),
        "replace": Options(errors="replace"),
    }
    sets.update({f"format={name}": Options(format=name) for name in formats.names()})
    return sets


OPTION_SETS = option_sets()
_ROTATION = tuple(name for name in OPTION_SETS if name != "default")


def options_for(index: int, per_input: int = 1) -> list[str]:
    """The option sets input ``index`` runs: ``default`` and the next ``per_input`` in turn."""
    picked = [_ROTATION[(index * per_input + k) % len(_ROTATION)] for k in range(per_input)]
    return ["default", *picked]


# --- text pieces -------------------------------------------------------------------------

EN_WORDS = ("hello world meeting tomorrow OK thanks see you the report is done iPhone "
            "laptop Good morning! Why? Because. Typhoon warning at 9 PM, I'm late. "
            "U.S. Dr. e.g. don't 3.5% $20 4pm").split()  # fmt: skip
ZH_WORDS = ("你好 謝謝 明天見 會議 颱風 報告 沒問題 幾點 小籠包 天氣 你好 谢谢 明天见 会议 "
            "台风 没问题 早上好 我們 開會 好的 收到 。 ， ！ ？ 「對」 （笑） 、 …… 2023年 "
            "下午 三點").split()  # fmt: skip
EXOTIC = (
    "ＡＢＣｄｅｆ１２３", "ｈｔｔｐ：／／", "😀", "👍🏽", "👨\u200d👩\u200d👧", "🇹🇼", "e\u0301",
    "a\u0308\u0323", "\u0301", "مرحبا", "שלום", "\u202e", "\u202c", "カタカナ", "ひらがな",
    "ー", "한국어", "\u200e", "\u200f", "\u200b", "\u200d", "\ufeff", "\u3000", "\u00a0",
    "\u202f", "\u2028", "\u2029", "\x00", "\x0b", "\x0c", "\x1c", "\x85", "\t", "٣", "Ⅻ",
    "²", "½", "𠀋", "\U000e0001", "\ufffd", "\uffff", "Привет", "ß", "İ", "ﬁ", "\u0345",
    "https://example.com/路?q=1", "www.x.org", "a@b.co", "@bob", "#tag", "http://", "<", ">",
    "&", '"', '""', "「", "」", ":", "：", "\\", "{", "}", "[", "]",
)  # fmt: skip
PUNCT = tuple("，。！？、：；「」（）,.!?:;()\"'-–—…·~/|[]<>@#%&*+=")
LRM = "\u200e"
LINE_ENDINGS = ("\n", "\n", "\n", "\r\n", "\r", "\u2028", "\n\n")


def random_char(rng: random.Random) -> str:
    """One random code point (any plane, surrogates and controls included)."""
    span = rng.choice((0x80, 0x800, 0x3400, 0x10000, 0x110000))
    return chr(rng.randrange(span))


def random_piece(rng: random.Random) -> str:
    """A word, a Chinese word, an exotic piece, punctuation or a random character."""
    pool = rng.random()
    if pool < 0.35:
        return rng.choice(EN_WORDS)
    if pool < 0.7:
        return rng.choice(ZH_WORDS)
    if pool < 0.85:
        return rng.choice(EXOTIC)
    if pool < 0.95:
        return rng.choice(PUNCT)
    return random_char(rng)


def random_text(rng: random.Random, most: int = 12) -> str:
    """A short message text: random pieces, joined by spaces or not."""
    pieces = [random_piece(rng) for _ in range(rng.randint(1, most))]
    glue = rng.choice((" ", "", " ", rng.choice(("  ", "\u3000", "\t"))))
    return glue.join(pieces)


def random_name(rng: random.Random) -> str:
    """A speaker's name as chat apps write them."""
    return rng.choice(("Amy", "Bo", "Emily Carter", "黃志明", "王小明", "陳大文", "~\u202fJo",
                       "\u202a+852 9123 4567\u202c", "Q", "A", "GT", "Dr. Lee", "李老師",
                       "amy_w", "A: B", "賴教授", random_text(rng, 2)))  # fmt: skip


# --- timestamps --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Stamp:
    """A random date and time, sometimes impossible (month 13, hour 25)."""

    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int

    @staticmethod
    def draw(rng: random.Random) -> Stamp:
        """A mostly valid date and time."""
        odd = rng.random() < 0.05
        return Stamp(
            rng.choice((0, 99, 9999)) if odd else rng.randint(2000, 2030),
            rng.choice((0, 13, 99)) if odd else rng.randint(1, 12),
            rng.choice((0, 32, 99)) if odd else rng.randint(1, 31),
            rng.choice((24, 25, 99)) if odd else rng.randint(0, 23),
            rng.choice((60, 99)) if odd else rng.randint(0, 59),
            rng.randint(0, 59),
        )

    def date(self, rng: random.Random, orders: str = "dmy mdy ymd") -> str:
        """The date in one of ``orders``, with ``/``, ``.`` or ``-``, 2- or 4-digit year."""
        order = rng.choice(orders.split())
        sep = rng.choice("/.-")
        year = self.year % 100 if rng.random() < 0.5 and order != "ymd" else self.year
        fields = {"d": self.day, "m": self.month, "y": year}
        pad = rng.random() < 0.5
        return sep.join(f"{fields[c]:02d}" if pad else str(fields[c]) for c in order)

    def time(self, rng: random.Random, *, seconds: bool = False) -> str:
        """The time on a 24h clock, a 12h clock with AM/PM, or with 上午/下午 before it."""
        tail = f":{self.second:02d}" if seconds else ""
        clock = rng.randrange(3)
        if clock == 0:
            return f"{self.hour:02d}:{self.minute:02d}{tail}"
        hour12 = self.hour % 12 or 12
        if clock == 1:
            space = rng.choice((" ", "\u202f", ""))
            ap = rng.choice(("AM", "PM", "am", "p.m.", "a. m."))
            return f"{hour12}:{self.minute:02d}{tail}{space}{ap}"
        ap = rng.choice(("上午", "下午", "凌晨", "中午", "晚上", "午後"))
        return f"{ap}{hour12}:{self.minute:02d}{tail}"


# --- format templates --------------------------------------------------------------------


def whatsapp(rng: random.Random, n: int) -> list[str]:
    """A WhatsApp export: Android ``date, time - Name: text`` or iOS ``[date, time] Name: text``."""
    ios = rng.random() < 0.5
    orders = rng.choice(("dmy", "mdy", "ymd", "dmy mdy"))
    lines: list[str] = []
    for _ in range(n):
        stamp = Stamp.draw(rng)
        when = f"{stamp.date(rng, orders)}, {stamp.time(rng, seconds=ios)}"
        head = f"{rng.choice(('', LRM))}[{when}] " if ios else f"{when} - "
        lines.append(head + whatsapp_body(rng))
        lines.extend(random_text(rng) for _ in range(rng.choice((0, 0, 0, 1, 2))))
    return lines


def whatsapp_body(rng: random.Random) -> str:
    """What follows a WhatsApp header: a message, an attachment or an app event."""
    name = random_name(rng)
    return rng.choice((
        f"{name}: {random_text(rng)}", f"{name}: {random_text(rng)}",
        f"{name}: \u200e{rng.choice(('image omitted', 'Missed voice call', random_text(rng)))}",
        f"{name}: <Media omitted>", f"{name}: IMG-2023.jpg (file attached)",
        f"{name} added {random_name(rng)}", "Messages and calls are end-to-end encrypted.",
        f"{name}: <attached: 0001-PHOTO.jpg>", f"{name}:", f"{name}: ", random_text(rng),
    ))  # fmt: skip


def line_export(rng: random.Random, n: int) -> list[str]:
    """A LINE export: title, saved-on line, date lines, tab-separated and quoted messages."""
    name = random_name(rng)
    title = rng.choice((f"\ufeff[LINE] 與{name}的聊天記錄", f"[LINE] Chat history with {name}",
                        random_text(rng)))  # fmt: skip
    saved = rng.choice(("儲存日期：2023/03/02 21:40", "Saved on: 2023/04/10 08:00", ""))
    lines = [title, saved]
    for _ in range(n):
        stamp = Stamp.draw(rng)
        if rng.random() < 0.2:
            lines.append(line_date(rng, stamp))
        lines.extend(line_message(rng, stamp))
    return lines


def line_date(rng: random.Random, stamp: Stamp) -> str:
    """A LINE date line in one of its shapes."""
    ymd = f"{stamp.year}/{stamp.month:02d}/{stamp.day:02d}"
    return rng.choice((f"{ymd}（三）", f"{ymd}(Wed)", f"{ymd} 週四", f"{ymd}",
                       f"Sun, {stamp.month:02d}/{stamp.day:02d}/{stamp.year}",
                       f"Mon, {stamp.day}/{stamp.month}/{stamp.year}", ""))  # fmt: skip


def line_message(rng: random.Random, stamp: Stamp) -> list[str]:
    """One LINE message: ``time<TAB>name<TAB>text``, a system line, or a quoted block."""
    time_ = stamp.time(rng)
    name = random_name(rng)
    shape = rng.randrange(5)
    if shape == 0:
        return [f"{time_}\t\t{random_text(rng)}"]
    if shape == 1:
        inner = [random_text(rng) for _ in range(rng.randint(0, 3))]
        close = rng.choice(('"', "", '""'))
        return [f'{time_}\t{name}\t"{random_text(rng)}', *inner, f"{random_text(rng)}{close}"]
    if shape == 2:
        return [f"{time_}\t{name}\t{rng.choice(('[貼圖]', '[Sticker]', '☎ 通話時間2:31'))}"]
    return [f"{time_}\t{name}\t{random_text(rng)}"]


def telegram_copy(rng: random.Random, n: int) -> list[str]:
    """Copied Telegram Desktop text: ``Name, [05.01.23 10:15]`` headers, forwarded markers."""
    lines: list[str] = []
    for _ in range(n):
        stamp = Stamp.draw(rng)
        when = rng.choice((
            f"{stamp.date(rng)} {stamp.time(rng)}",
            f"{stamp.year}年{stamp.month}月{stamp.day}日 {stamp.time(rng, seconds=True)}",
        ))  # fmt: skip
        lines.append(f"{random_name(rng)}, [{when}]")
        if rng.random() < 0.2:
            lines.append(rng.choice(("[Forwarded from HKO 天文台]", "轉發自：中央氣象局", "")))
        lines.extend(random_text(rng) for _ in range(rng.randint(0, 3)))
        lines.append(rng.choice(("", "", random_text(rng))))
    return lines


def odd_json(rng: random.Random, depth: int = 0) -> object:
    """A JSON value Telegram would not write: numbers, nulls, lists, objects, nesting."""
    shape = rng.randrange(9 if depth < 3 else 5)
    simple: list[object] = [None, rng.choice((0, -1, 1.5, 10**30)), rng.random() < 0.5,
                            random_text(rng), ""]  # fmt: skip
    if shape < len(simple):
        return simple[shape]
    if shape == 5:
        return [odd_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if shape == 6:
        return {"type": rng.choice(("link", "bold", "plain")), "text": odd_json(rng, depth + 1)}
    if shape == 7:
        return {rng.choice(("text", "href", "messages")): odd_json(rng, depth + 1)}
    return f"{DEEP}{rng.choice((5, 50, 400, 900, 1500, 100_000))}"


#: Stands for a list nested that deep (``json.dumps`` cannot write it); see :func:`deepen`.
DEEP = "<deep>"
_DEEP = regex.compile(rf'"{DEEP}(\d+)"')


def deepen(document: str) -> str:
    """Replace each deep-list placeholder by a list nested that many levels deep.

    >>> deepen('{"text": "<deep>2"}')
    '{"text": [["deep"]]}'
    """
    return _DEEP.sub(lambda m: "[" * int(m[1]) + '"deep"' + "]" * int(m[1]), document)


def telegram_message(rng: random.Random, number: int) -> dict[str, object]:
    """One message object of a Telegram JSON export, its values sometimes odd."""
    stamp = Stamp.draw(rng)
    iso = (f"{stamp.year:04d}-{stamp.month:02d}-{stamp.day:02d}T"
           f"{stamp.hour:02d}:{stamp.minute:02d}:{stamp.second:02d}")  # fmt: skip
    odd = rng.random() < 0.3
    parts = [random_text(rng), {"type": "link", "text": "https://x.org"}, random_text(rng)]
    text = odd_json(rng) if odd else rng.choice((random_text(rng), parts))
    message: dict[str, object] = {
        "id": number,
        "type": rng.choice(("message", "message", "service", "odd")),
        "date": odd_json(rng) if odd and rng.random() < 0.5 else iso,
        "from": odd_json(rng) if odd and rng.random() < 0.5 else random_name(rng),
        "text": text,
    }
    for key in ("photo", "forwarded_from", "sticker_emoji"):
        if rng.random() < 0.1:
            message[key] = odd_json(rng)
    return message


def telegram_json(rng: random.Random, n: int) -> list[str]:
    """A Telegram Desktop JSON export (one chat, or the whole account), its lines."""
    messages: list[object] = [telegram_message(rng, i) for i in range(n)]
    if rng.random() < 0.05:
        messages.insert(rng.randint(0, len(messages)), odd_json(rng))
    chat: dict[str, object] = {"name": random_text(rng, 3), "type": "private_group",
                               "id": 4455667788, "messages": messages}  # fmt: skip
    doc: object = chat
    if rng.random() < 0.2:
        doc = {"about": "export", "chats": {"list": [chat, {"messages": []}]}}
    indent = rng.choice((None, 1, 2))
    return deepen(json.dumps(doc, ensure_ascii=rng.random() < 0.5, indent=indent)).split("\n")


def wechat(rng: random.Random, n: int) -> list[str]:
    """WeChat text: stamped headers either way round, ``Name:`` lines, forwarded records."""
    lines: list[str] = []
    for _ in range(n):
        stamp = Stamp.draw(rng)
        ymd = f"{stamp.year}-{stamp.month:02d}-{stamp.day:02d}"
        name = random_name(rng)
        shape = rng.randrange(5)
        if shape == 0:
            lines.append(f"{name} {ymd} {stamp.time(rng, seconds=True)}")
        elif shape == 1:
            lines.append(f"{ymd} {stamp.time(rng, seconds=True)} {name}")
        elif shape == 2:
            lines.extend(("", f"{name}{rng.choice((':', '：'))}"))
        elif shape == 3:
            lines.append(rng.choice((f"{name}和{random_name(rng)}的聊天记录", "群聊的聊天记录")))
            lines.append(f"{name}: {random_text(rng)}")
        lines.extend(random_text(rng) for _ in range(rng.randint(0, 2)))
        lines.append(rng.choice(("", f"{name}：{random_text(rng)}", "[图片]", "拍了拍")))
    return lines


def transcript(rng: random.Random, n: int) -> list[str]:
    """An interview or Q&A: ``Speaker: text`` lines, editorial labels, prose."""
    labels = ("Q", "A", "問", "答", "GT", "Hammond", "王毅", "Editor's Note", "Update", "快訊",
              "老闆說", random_name(rng))  # fmt: skip
    return [
        f"{rng.choice(labels)}{rng.choice((':', '：', ' :'))} {random_text(rng)}"
        if rng.random() < 0.8
        else random_text(rng)
        for _ in range(n)
    ]


def plain(rng: random.Random, n: int) -> list[str]:
    """Plain text: one message per line."""
    return [random_text(rng, 20) for _ in range(n)]


FORMATS: dict[str, Callable[[random.Random, int], list[str]]] = {
    "whatsapp": whatsapp,
    "line": line_export,
    "telegram": telegram_copy,
    "telegram-json": telegram_json,
    "wechat": wechat,
    "transcript": transcript,
    "plain": plain,
}


def mixed(rng: random.Random, n: int) -> list[str]:
    """A paste from several apps: lines of two or three formats interleaved."""
    makers = rng.sample([f for name, f in FORMATS.items() if name != "telegram-json"], 2)
    pools = [maker(rng, max(1, n // 2)) for maker in makers]
    lines: list[str] = []
    while any(pools):
        pool = rng.choice([p for p in pools if p])
        lines.append(pool.pop(0))
    return lines


# --- mutations ---------------------------------------------------------------------------


def long_line(rng: random.Random) -> str:
    """A very long line (up to ~10^5 characters) of one repeated piece or random pieces."""
    size = rng.choice((1_000, 10_000, 100_000))
    unit = rng.choice(("a", "好", "word ", "好 ", "1", "http://", "@", ". ", "。", "a.", "\u200e",
                       "e\u0301", "Ａ", "-", ":", random_text(rng, 3)))  # fmt: skip
    if rng.random() < 0.2:
        return "".join(random_piece(rng) for _ in range(size // 4))[:size]
    return (unit * (size // len(unit) + 1))[:size]


def mutate_lines(rng: random.Random, lines: list[str]) -> list[str]:
    """Zero to three line-level mutations: truncate, swap, drop, repeat, inject, lengthen."""
    lines = list(lines)
    for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
        if not lines:
            break
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        action = rng.randrange(8)
        if action == 0:
            lines = lines[: rng.randint(1, len(lines))]
            lines[-1] = lines[-1][: rng.randint(0, len(lines[-1]))]
        elif action == 1:
            lines[i], lines[j] = lines[j], lines[i]
        elif action == 2:
            del lines[i]
        elif action == 3:
            lines.insert(i, lines[j])
        elif action in (4, 5):
            at = rng.randint(0, len(lines[i]))
            lines[i] = lines[i][:at] + random_piece(rng) + lines[i][at:]
        elif action == 6 and rng.random() < 0.3:
            lines[i] = long_line(rng)
        else:
            lines.insert(i, "")
    return lines


INVALID_BYTES = (b"\xff", b"\xc3", b"\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe4\xb8",
                 b"\x00", b"\xfe\xff", b"\xef\xbb\xbf", b"\r", b"\xa4")  # fmt: skip
BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    """Sometimes: invalid bytes injected, a BOM put first, the end cut off."""
    if rng.random() < 0.15:
        for _ in range(rng.randint(1, 3)):
            at = rng.randint(0, len(data))
            data = data[:at] + rng.choice(INVALID_BYTES) + data[at:]
    if rng.random() < 0.05:
        data = rng.choice(BOMS) + data
    if rng.random() < 0.05:
        data = data[: rng.randint(0, len(data))]
    return data


def join_lines(rng: random.Random, lines: Sequence[str]) -> str:
    """The lines joined by LF, or sometimes a mix of CRLF, CR and U+2028."""
    if rng.random() < 0.8:
        return "\n".join(lines) + rng.choice(("\n", ""))
    return "".join(line + rng.choice(LINE_ENDINGS) for line in lines)


# --- generators --------------------------------------------------------------------------


def export_text(rng: random.Random) -> str:
    """A generated export of a random format, line-mutated."""
    name = rng.choice((*FORMATS, "mixed"))
    maker = mixed if name == "mixed" else FORMATS[name]
    lines = maker(rng, rng.choice((1, 2, 3, 5, 10, 30)))
    return join_lines(rng, mutate_lines(rng, lines))


def gen_export(rng: random.Random) -> bytes:
    """A generated export as UTF-8 (lone surrogates kept as invalid bytes), byte-mutated."""
    return mutate_bytes(rng, export_text(rng).encode("utf-8", "surrogatepass"))


def gen_encoded(rng: random.Random) -> bytes:
    """A generated export in UTF-16/32 (BOM or not), GB18030 or Big5."""
    codec = rng.choice(("utf-16-le", "utf-16-le", "utf-16-be", "utf-16", "utf-32-le",
                        "gb18030", "gb18030", "big5", "big5", "cp950"))  # fmt: skip
    text = export_text(rng)
    data = text.encode(codec, "replace")
    if codec.startswith("utf-16-") and rng.random() < 0.5:
        data = "\ufeff".encode(codec) + data
    if rng.random() < 0.05:  # the 64 KiB head ends inside a character
        data = b"a" * (65536 - 1) + data
    if rng.random() < 0.05:
        data = data[: rng.randint(0, len(data))]
    return data


def gen_bytes(rng: random.Random) -> bytes:
    """Random bytes: noise, NULs, invalid UTF-8, BOMs, line breaks and bits of text."""
    parts: list[bytes] = []
    for _ in range(rng.randint(0, 60)):
        pick = rng.randrange(6)
        if pick == 0:
            parts.append(rng.randbytes(rng.randint(1, 16)))
        elif pick == 1:
            parts.append(rng.choice(INVALID_BYTES + BOMS))
        elif pick == 2:
            parts.append(rng.choice((b"\n", b"\r\n", b"\r", "\u2028".encode(), b"\x00\n")))
        else:
            parts.append(random_piece(rng).encode("utf-8", "surrogatepass"))
    if rng.random() < 0.02:
        parts.insert(0, b"x" * 65530)
    return b"".join(parts)


GENERATORS: dict[str, Callable[[random.Random], bytes]] = {
    "bytes": gen_bytes,
    "export": gen_export,
    "encoded": gen_encoded,
}


@dataclasses.dataclass(frozen=True)
class Case:
    """One generated input: its index, generator and bytes."""

    index: int
    kind: str
    data: bytes


def generate(seed: int, index: int, kind: str = "all") -> Case:
    """Input ``index`` of ``seed``: the same bytes on every run and machine."""
    rng = random.Random(f"{seed}:{index}")
    if kind == "all":
        kind = rng.choices(KINDS, weights=(2, 6, 2))[0]
    return Case(index, kind, GENERATORS[kind](rng))


# --- invariants --------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Failure:
    """A broken invariant: which, under which option set, a signature and the details."""

    invariant: str
    option: str
    signature: str
    detail: str


class Hung(BaseException):
    """Raised by the alarm when one option set runs for more than HANG_SECONDS."""


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hung


def crash_failure(exc: BaseException, option: str, where: str) -> Failure:
    """A failure for an unexpected exception, signed by its type and innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "bilingual" in f.filename] or frames
    last = ours[-1] if ours else None
    place = f"{Path(last.filename).name}:{last.name}" if last else "?"
    lines = traceback.format_exception(exc)
    detail = "".join(lines[-6:])
    return Failure("crash", option, f"crash {where} {type(exc).__name__} {place}", detail)


def check_segments(record: Record) -> Iterator[tuple[str, str]]:
    """Offsets exact, segments ordered and disjoint, no letter or digit outside them."""
    text = record.message.text
    position = 0
    for s in record.segments:
        if not (position <= s.start < s.end <= len(text)) or text[s.start : s.end] != s.text:
            yield "offsets", f"{record.id}: segment {s.start}:{s.end} {s.text!r} of {text!r}"
            return
        yield from _uncovered(record, position, s.start)
        position = s.end
    yield from _uncovered(record, position, len(text))


def _uncovered(record: Record, start: int, end: int) -> Iterator[tuple[str, str]]:
    """A letter or digit of a text message between ``start`` and ``end``."""
    if record.message.kind != "text":
        return
    text = record.message.text
    if found := _LETTER_OR_DIGIT.search(text, start, end):
        yield "coverage", f"{record.id}: {found.group()!r} at {found.start()} outside {text!r}"


def check_lines(records: Sequence[Record], *, json_input: bool) -> Iterator[tuple[str, str]]:
    """``line <= end_line``; for line formats, messages follow each other without overlap
    (the parts of a long line, numbered in order, share it)."""
    previous: Record | None = None
    for record in records:
        m = record.message
        if not 1 <= m.line <= m.end_line:
            yield "lines", f"{record.id}: line {m.line} end_line {m.end_line}"
        if previous is not None and not json_input:
            before = previous.message
            next_part = m.part is not None and m.part == (before.part or 0) + 1
            if next_part and before.line == m.line:
                pass  # the parts of one long line share it
            elif not before.line < m.line or not before.end_line < m.line:
                yield "lines", f"{previous.id}..{before.end_line} then {record.id}..{m.end_line}"
        previous = record


def is_json_input(data: bytes, options: Options) -> bool:
    """True when the input's first non-blank line starts with ``{`` (a Telegram JSON export)."""
    try:
        for _, text in read_lines(io.BytesIO(data), source="f", encoding=options.encoding,
                                  errors=options.errors):  # fmt: skip
            if text.strip():
                return text.lstrip("\ufeff \t").startswith("{")
    except BilingualError:
        pass
    return False


def check_jsonl(text: str, count: int) -> Iterator[tuple[str, str]]:
    """One row per ``\\n``, each a JSON object, as many as the writer counted."""
    rows = text.split("\n")
    if rows[-1] != "":
        yield "jsonl", f"no final newline: {rows[-1][:200]!r}"
    rows = rows[:-1]
    if len(rows) != count:
        yield "jsonl", f"{len(rows)} rows for {count} written"
    for row in rows:
        try:
            if not isinstance(json.loads(row), dict):
                yield "jsonl", f"not an object: {row[:200]!r}"
        except ValueError as exc:
            yield "jsonl", f"{exc}: {row[:200]!r}"
            return


def check_tmx(text: str, count: int) -> Iterator[tuple[str, str]]:
    """Well-formed XML with one ``<tu>`` per unit counted."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        yield "writers", f"tmx: {exc}"
        return
    if len(root.findall("body/tu")) != count:
        yield "writers", f"tmx: {len(root.findall('body/tu'))} <tu> for {count} written"


def check_tsv(text: str, count: int) -> Iterator[tuple[str, str]]:
    """A header and one row per unit, four tab-separated fields on each."""
    rows = text.split("\n")[:-1]
    if len(rows) != count + 1:
        yield "writers", f"tsv: {len(rows)} rows for {count} written and a header"
    for row in rows:
        if row.count("\t") != 3:
            yield "writers", f"tsv: {row.count(chr(9)) + 1} fields in {row[:200]!r}"
            return


def check_moses(base: Path, count: int) -> Iterator[tuple[str, str]]:
    """``OUT.en`` and ``OUT.zh`` each with one line per unit counted."""
    sides = [Path(f"{base}.{lang}").read_text(encoding="utf-8") for lang in ("en", "zh")]
    lengths = [side.count("\n") for side in sides]
    if lengths != [count, count]:
        yield "writers", f"moses: {lengths} lines for {count} written"


def write_all(
    records: Sequence[Record], options: Options, option: str, workdir: Path
) -> tuple[list[Failure], str | None]:
    """Every writer on ``records``; their failures and the JSONL text."""
    failures: list[Failure] = []
    jsonl: str | None = None
    for name in writers.names():
        problems, text = _write_one(records, name, options, workdir)
        if isinstance(problems, BaseException):
            failures.append(crash_failure(problems, option, f"write:{name}"))
            continue
        failures += [Failure(inv, option, f"{inv} {name}", d) for inv, d in problems]
        if name == "jsonl":
            jsonl = text
    return failures, jsonl


_CHECKS: dict[str, Callable[[str, int], Iterator[tuple[str, str]]]] = {
    "jsonl": check_jsonl,
    "tmx": check_tmx,
    "tsv": check_tsv,
}


def _write_one(
    records: Sequence[Record], name: str, options: Options, workdir: Path
) -> tuple[list[tuple[str, str]] | Exception, str]:
    """One writer into memory (Moses into ``workdir``); its problems and its text."""
    buffer = io.StringIO()
    base = workdir / "out"
    target = Target(str(base)) if name == "moses" else Target(stream=buffer)
    try:
        count = writers.write(records, name, target, options)
    except BilingualError:
        return [], ""
    except Exception as exc:
        return exc, ""
    text = buffer.getvalue()
    if not _utf8(text):
        return [("writers", f"{name}: output cannot be written as UTF-8 (a lone surrogate)")], ""
    if name == "moses":
        return list(check_moses(base, count)), ""
    check = _CHECKS.get(name)
    return (list(check(text, count)) if check else []), text


def _utf8(text: str) -> bool:
    """True when ``text`` can be written to a UTF-8 file (no lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def run_records(data: bytes, options: Options) -> list[Record]:
    """The records of ``data`` under ``options``, all consumed."""
    return list(bilingual.process_file(io.BytesIO(data), options, source="f"))


def check_option(data: bytes, option: str, workdir: Path) -> tuple[list[Failure], str | None]:
    """Run one option set on ``data``; its failures and its JSONL (None if it was refused)."""
    options = OPTION_SETS[option]
    try:
        records = run_records(data, options)
    except BilingualError:
        return [], None
    except Exception as exc:
        return [crash_failure(exc, option, "process")], None
    json_input = any(r.message.format == "telegram" for r in records) and is_json_input(
        data, options
    )
    found = [*check_lines(records, json_input=json_input)]
    for record in records:
        found += check_segments(record)
    failures = [Failure(inv, option, f"{inv} {option}", d) for inv, d in found]
    written, jsonl = write_all(records, options, option, workdir)
    failures += written
    if option == "default":
        for layout in ("segments", "pairs"):
            written, _ = write_all(records, options.with_(layout=layout), option, workdir)
            failures += [f for f in written if f.invariant != "writers"]
    return failures, jsonl


@dataclasses.dataclass
class Outcome:
    """What checking one input found: failures and the slowest option set's time."""

    failures: list[Failure]
    seconds: float = 0.0
    slowest: str = ""
    refused: bool = False


def slow_limit(size: int) -> float:
    """Seconds one option set may take on ``size`` bytes."""
    return max(SLOW_FLOOR, SLOW_PER_BYTE * size)


def check(
    data: bytes, options: Iterable[str], workdir: Path, *, determinism: bool = True
) -> Outcome:
    """Every invariant on ``data`` under each named option set (``default`` twice when
    checking ``determinism``)."""
    outcome = Outcome([])
    if signal.getsignal(signal.SIGALRM) is not _alarm:
        signal.signal(signal.SIGALRM, _alarm)
    for option in options:
        start = time.process_time()  # CPU time: the machine may be loaded (the hang alarm is wall)
        signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
        try:
            failures, jsonl = check_option(data, option, workdir)
            if option == "default":
                outcome.refused = jsonl is None
                if determinism:
                    failures += check_determinism(data, jsonl, workdir)
        except Hung:
            failures = [Failure("slow", option, f"hang {option}", f">{HANG_SECONDS} s")]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seconds = time.process_time() - start
        if seconds > slow_limit(len(data)) and not any(f.invariant == "slow" for f in failures):
            failures.append(Failure("slow", option, f"slow {option}", f"{seconds:.2f} s"))
        if seconds > outcome.seconds:
            outcome.seconds, outcome.slowest = seconds, option
        outcome.failures += failures
    return outcome


def check_determinism(data: bytes, first: str | None, workdir: Path) -> list[Failure]:
    """The default option set again: the same JSONL (or refused again)."""
    try:
        again = run_records(data, OPTION_SETS["default"])
    except BilingualError:
        again = None
    except Exception as exc:
        return [crash_failure(exc, "default", "process")]
    second = None
    if again is not None:
        buffer = io.StringIO()
        writers.write(again, "jsonl", Target(stream=buffer), OPTION_SETS["default"])
        second = buffer.getvalue()
    if second == first:
        return []
    return [Failure("determinism", "default", "determinism default",
                    f"first {(first or '')[:300]!r}\nsecond {(second or '')[:300]!r}")]  # fmt: skip


# --- the CLI -----------------------------------------------------------------------------


def check_cli(data: bytes, workdir: Path) -> list[Failure]:
    """``python -m bilingual split FILE -o OUT``: a known exit code, OUT only on success."""
    source, out = workdir / "in.txt", workdir / "cli-out.jsonl"
    source.write_bytes(data)
    out.unlink(missing_ok=True)
    command = [sys.executable, "-m", "bilingual", "split", str(source), "-o", str(out)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        return [Failure("cli", "cli", "cli timeout", "split ran over 300 s")]
    leftovers = [p.name for p in workdir.iterdir() if p.name.endswith(".tmp")]
    stderr = done.stderr.decode("utf-8", "replace")[-600:]
    problem = None
    if done.returncode not in CLI_CODES:
        problem = f"exit {done.returncode}"
    elif (done.returncode == 0) != out.exists():
        problem = f"exit {done.returncode} and output {'present' if out.exists() else 'absent'}"
    elif leftovers:
        problem = f"temporary files left: {leftovers}"
    if problem is None:
        return []
    return [Failure("cli", "cli", f"cli {problem.split(':')[0]}", f"{problem}\n{stderr}")]


# --- workers -----------------------------------------------------------------------------

_WORKDIR: Path | None = None
#: An input that loads everything the pipeline loads lazily (langdetect, the dictionary).
WARM_UP = (
    "12/31/22, 10:15 PM - Kevin: Happy new year! 新年快樂！\n"
    "12/31/22, 10:16 PM - Kevin: Bonjour tout le monde, comment allez-vous aujourd'hui?\n"
    "12/31/22, 10:17 PM - Amy: I had 小籠包 today. 我昨天用iPhone拍了照片。\n"
    "12/31/22, 10:18 PM - Amy: The meeting is at four. 會議在四點。\n"
).encode()


def init_worker() -> None:
    """Give the worker its own scratch directory and warm up OpenCC and the models."""
    global _WORKDIR  # noqa: PLW0603 - one scratch directory per worker process
    scratch = "/dev/shm" if os.path.isdir("/dev/shm") else None  # Moses writes files
    _WORKDIR = Path(tempfile.mkdtemp(prefix="fuzz-", dir=scratch))
    signal.signal(signal.SIGALRM, _alarm)
    check(WARM_UP, OPTION_SETS, _WORKDIR)


def workdir() -> Path:
    """This process's scratch directory (made on first use)."""
    if _WORKDIR is None:
        init_worker()
    assert _WORKDIR is not None
    return _WORKDIR


@dataclasses.dataclass
class Result:
    """What a worker reports about one input (its bytes only when something failed)."""

    index: int
    kind: str
    size: int
    seconds: float
    slowest: str
    refused: bool
    failures: list[Failure]
    data: bytes = b""
    cli: bool = False


Job = tuple[int, int, str, int]


def work(job: Job) -> Result:
    """Generate input ``index`` and check it (and, every ``cli_every`` inputs, the CLI)."""
    seed, index, kind, cli_every = job
    case = generate(seed, index, kind)
    outcome = check(case.data, options_for(index), workdir(), determinism=index % 4 == 0)
    cli = cli_every > 0 and index % cli_every == 0
    if cli:
        outcome.failures += check_cli(case.data, workdir())
    data = case.data if outcome.failures else b""
    return Result(index, case.kind, len(case.data), outcome.seconds, outcome.slowest,
                  outcome.refused, outcome.failures, data, cli)  # fmt: skip


# --- minimising --------------------------------------------------------------------------


def fails(data: bytes, failure: Failure) -> bool:
    """True when ``data`` still fails the way ``failure`` did."""
    if failure.invariant == "cli":
        return any(f.signature == failure.signature for f in check_cli(data, workdir()))
    options = ["default"] if failure.option in ("default", "cli") else [failure.option]
    outcome = check(data, options, workdir())
    return any(f.signature == failure.signature for f in outcome.failures)


def ddmin(units: list[bytes], test: Callable[[bytes], bool], deadline: float) -> list[bytes]:
    """Drop chunks of ``units`` (halving their size) while ``test`` holds on what is left."""
    parts = 2
    while len(units) >= 2 and time.monotonic() < deadline:
        size = math.ceil(len(units) / parts)
        for start in range(0, len(units), size):
            candidate = units[:start] + units[start + size :]
            if test(b"".join(candidate)):
                units, parts = candidate, max(parts - 1, 2)
                break
        else:
            if parts >= len(units):
                break
            parts = min(len(units), parts * 2)
    return units


def minimise(data: bytes, failure: Failure, seconds: float = 120.0) -> bytes:
    """A smaller input failing the same way: lines dropped, then characters (or bytes)."""
    if failure.invariant == "slow":
        return data  # every probe would take the time limit; kept as found
    deadline = time.monotonic() + seconds
    lines = ddmin(data.splitlines(keepends=True), lambda d: fails(d, failure), deadline)
    data = b"".join(lines)
    chars = [c.encode("utf-8", "surrogateescape")
             for c in data.decode("utf-8", "surrogateescape")]  # fmt: skip
    return b"".join(ddmin(chars, lambda d: fails(d, failure), deadline))


# --- the run -----------------------------------------------------------------------------


@dataclasses.dataclass
class Summary:
    """Counts over a run: inputs, kinds, failing inputs per invariant, first failures."""

    inputs: int = 0
    cli_runs: int = 0
    refused: int = 0
    kinds: Counter[str] = dataclasses.field(default_factory=Counter)
    per_invariant: Counter[str] = dataclasses.field(default_factory=Counter)
    per_signature: Counter[str] = dataclasses.field(default_factory=Counter)
    first: dict[str, tuple[Failure, Result]] = dataclasses.field(default_factory=dict)
    slowest: list[Result] = dataclasses.field(default_factory=list)

    def add(self, result: Result) -> None:
        """Count one input's result."""
        self.inputs += 1
        self.cli_runs += result.cli
        self.refused += result.refused
        self.kinds[result.kind] += 1
        self.per_invariant.update({f.invariant for f in result.failures})
        for failure in result.failures:
            self.per_signature[failure.signature] += 1
            self.first.setdefault(failure.signature, (failure, result))
        self.slowest = sorted([*self.slowest, result], key=lambda r: -r.seconds)[:8]


def slug(signature: str) -> str:
    """A file name for a failure signature."""
    return regex.sub(r"[^A-Za-z0-9=._-]+", "-", signature).strip("-")[:120]


def save(summary: Summary, directory: Path, minimise_seconds: float) -> None:
    """Minimise the first input of each distinct failure and write it with its report."""
    directory.mkdir(parents=True, exist_ok=True)
    for signature, (failure, result) in sorted(summary.first.items()):
        small = minimise(result.data, failure, minimise_seconds)
        name = slug(signature)
        (directory / f"{name}.raw.bin").write_bytes(result.data)
        (directory / f"{name}.min.bin").write_bytes(small)
        report = (
            f"signature: {signature}\ninput: #{result.index} ({result.kind}, "
            f"{result.size} bytes)\noption set: {failure.option}\n"
            f"minimal input ({len(small)} bytes): {small!r}\n\n{failure.detail}\n"
        )
        (directory / f"{name}.txt").write_text(report, encoding="utf-8")
        print(f"saved {directory / name}.min.bin ({len(small)} bytes): {small[:200]!r}")


def report(summary: Summary, seconds: float) -> None:
    """Print the run's summary."""
    rate = summary.inputs / seconds if seconds else 0.0
    print(f"\n{summary.inputs} inputs in {seconds:.0f} s ({rate:.0f}/s), "
          f"{summary.cli_runs} CLI runs; kinds {dict(summary.kinds)}; "
          f"refused (BilingualError) under default options: {summary.refused}")  # fmt: skip
    print("failing inputs per invariant:")
    for invariant in INVARIANTS:
        print(f"  {invariant:12} {summary.per_invariant[invariant]}")
    print("distinct failures:")
    for signature, count in summary.per_signature.most_common():
        failure, result = summary.first[signature]
        tail = failure.detail.strip().splitlines()[-1][:160] if failure.detail.strip() else ""
        print(f"  {count:6}  {signature}  (first #{result.index}: {tail})")
    print("slowest inputs:")
    for r in summary.slowest:
        print(f"  #{r.index} {r.kind} {r.size} bytes: {r.seconds:.2f} s ({r.slowest})")


def jobs_of(args: argparse.Namespace) -> Iterator[Job]:
    """The jobs of the run, in index order."""
    for index in range(args.start, args.start + args.n):
        yield args.seed, index, args.kind, args.cli_every


def run(args: argparse.Namespace) -> Summary:
    """Check ``args.n`` inputs on ``args.jobs`` processes, printing progress."""
    summary = Summary()
    start = last = time.monotonic()
    context = multiprocessing.get_context("fork")
    with context.Pool(args.jobs, initializer=init_worker) as pool:
        try:
            for result in pool.imap_unordered(work, jobs_of(args), chunksize=20):
                summary.add(result)
                now = time.monotonic()
                if now - last > args.progress:
                    last = now
                    bad = sum(summary.per_invariant.values())
                    print(f"{summary.inputs}/{args.n} inputs, {now - start:.0f} s, "
                          f"{summary.inputs / (now - start):.0f}/s, failing: {bad}",
                          file=sys.stderr, flush=True)  # fmt: skip
        except KeyboardInterrupt:  # stop early, still report and save what was found
            pool.terminate()
    return summary


def replay(path: Path) -> int:
    """Check one saved input under every option set and print what fails."""
    init_worker()
    outcome = check(path.read_bytes(), OPTION_SETS, workdir())
    outcome.failures += check_cli(path.read_bytes(), workdir())
    for failure in outcome.failures:
        print(f"{failure.signature}\n{failure.detail}\n")
    print(f"{len(outcome.failures)} failures, slowest option set {outcome.slowest} "
          f"({outcome.seconds:.2f} s)")  # fmt: skip
    return 1 if outcome.failures else 0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=10_000, help="inputs to run")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0, help="index of the first input")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--kind", choices=("all", *KINDS), default="all")
    parser.add_argument("--cli-every", type=int, default=1000, help="0: never run the CLI")
    parser.add_argument("--save", type=Path, default=Path("/tmp/fuzz-found"))
    parser.add_argument("--minimise-seconds", type=float, default=120.0)
    parser.add_argument("--progress", type=float, default=30.0, help="seconds between reports")
    parser.add_argument("--replay", type=Path, help="check one saved input and exit")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the fuzzer; exit 1 when any invariant failed."""
    args = parse_args(argv)
    if args.replay is not None:
        return replay(args.replay)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    started = time.monotonic()
    summary = run(args)
    report(summary, time.monotonic() - started)
    if summary.first:
        init_worker()
        save(summary, args.save, args.minimise_seconds)
    return 1 if summary.first else 0


if __name__ == "__main__":
    sys.exit(main())
