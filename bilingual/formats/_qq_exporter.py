"""QQChatExporter's ``.txt`` output (shuakami/qq-chat-exporter, V4 and V5).

A bracketed banner and a ``QQ聊天记录导出文件`` block (``聊天名称:``, ``聊天类型:``,
``消息总数:``, ``时间范围:``), then one block per message, two blank lines apart::

    [群主] Alice:
    时间: 2024-01-01 00:01:40
    内容: Anyone seen the build break?
    第二行
    资源: 1 个文件
      - image: screenshot.png

The ``Name:`` line (a ``[title]`` before the name is a group title) and the ``时间:`` line
are the header; the text starts after ``内容: `` (a ``内容:`` line with nothing after it is
kept whole) and runs to the next header. The exporter's non-default ``[N]`` number and
``类型:`` lines are not recognised: they stay text, so that a header is never more than the
two lines the nothing-lost proof allows. The ``资源:`` / ``  - image:`` / ``提及:`` /
``回复:`` lines are metadata, not text: they become a message of their own (``attachment``
for resources, else ``system``) with the same speaker and time. The banner and the
``导出完成`` footer are ``system`` messages, so no line is lost.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, pairwise

import regex

from bilingual.decode import Line
from bilingual.formats._clock import SP
from bilingual.formats._draft import Draft, stamped
from bilingual.formats._placeholders import placeholder_kind
from bilingual.records import Message

SENDER = regex.compile(r"^(?:\[[^\]\n]{1,30}\]\s)?(?P<name>\S.*?):\s*$")
TIME = regex.compile(
    rf"""^时间:{SP}*(?P<stamp>(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){SP}+
    (?P<ap_pre>(?!))?(?P<H>\d{{1,2}}):(?P<M>\d{{2}}):(?P<S>\d{{2}})(?P<ap_post>(?!))?)\s*$""",
    regex.X,
)
CONTENT = regex.compile(r"^内容:(?: ?)")
META = regex.compile(r"^(?:资源:\s*\d+\s*个文件|提及:|回复:)")
RULE = regex.compile(r"^={16,}\s*$")
_FOOTER = regex.compile(r"^\s*导出完成")
_BANNER = regex.compile(r"^\s*(?:\[QQChatExporter\b|QQ聊天记录导出文件\s*$)")


def is_banner(text: str) -> bool:
    """True for the first line of QQChatExporter's banner, or its title line.

    >>> is_banner("[QQChatExporter V5 / https://github.com/shuakami/qq-chat-exporter]")
    True
    """
    return _BANNER.match(text) is not None


def is_header(text: str, following: str) -> bool:
    """True for a ``Name:`` line followed by a ``时间:`` line: a message header.

    >>> is_header("[群主] Alice:", "时间: 2024-01-01 00:01:40"), is_header("Alice:", "hi")
    (True, False)
    """
    return SENDER.match(text) is not None and TIME.match(following) is not None


def header_count(sample: Sequence[Line]) -> int:
    """How many ``Name:`` lines in ``sample`` are followed by a ``时间:`` line.

    >>> header_count([(1, "Alice:"), (2, "时间: 2024-01-01 00:01:40"), (3, "内容: hi")])
    1
    """
    return sum(1 for a, b in pairwise(sample) if is_header(a[1], b[1]))


class Phase(enum.Enum):
    """Where in a block the reader is."""

    HEADER = "header"  # after ``Name:``, before ``内容:``
    BODY = "body"  # the message text
    META = "meta"  # resources, mentions, reply
    OTHER = "other"  # banner or footer


def parse(lines: Iterable[Line], *, source: str, name: str) -> Iterator[Message]:
    """Yield the messages of a QQChatExporter text file.

    >>> rows = list(enumerate(["[QQChatExporter V5]", "", "[管理员] Alice:",
    ...     "时间: 2024-01-01 00:01:40", "内容: build 壞了", "资源: 1 个文件",
    ...     "  - image: a.png"], start=1))
    >>> [(m.kind, m.speaker, m.time, m.line, m.text) for m in parse(rows, source="x", name="qq")]
    [('system', None, None, 1, '[QQChatExporter V5]'), \
('text', 'Alice', '2024-01-01T00:01:40', 3, 'build 壞了'), \
('attachment', 'Alice', '2024-01-01T00:01:40', 6, '资源: 1 个文件\\n  - image: a.png')]
    """
    reader = _Reader(source, name)
    for (number, text), (_, following) in pairwise(chain(lines, [(0, "")])):
        yield from reader.feed(number, text, following)
    yield from reader.close()


class _Reader:
    """Folds lines (each with the line after it) into messages, one block at a time."""

    def __init__(self, source: str, name: str) -> None:
        self.source, self.name = source, name
        self.draft: Draft | None = None
        self.phase = Phase.OTHER

    def feed(self, number: int, text: str, following: str) -> Iterator[Message]:
        """Take one line; yield the message it closes, if any."""
        sender = SENDER.match(text) if TIME.match(following) else None
        if sender is not None:
            yield from self.close()
            self.draft = Draft(
                self.source, number, self.name, speaker=sender["name"], settle=_settle
            )
            self.phase = Phase.HEADER
        elif self.phase is Phase.HEADER and self.draft is not None:
            self._header_line(number, text)
        elif self.phase in (Phase.BODY, Phase.META) and META.match(text):
            if self.phase is Phase.BODY:
                yield from self._open_meta(number, text)
            else:
                self._add(number, text)
        elif RULE.match(text) and _FOOTER.match(following):
            yield from self.close()
            self.draft = Draft(
                self.source, number, self.name, kind="system", body=[text], settle=_settle
            )
            self.phase = Phase.OTHER
        else:
            self._add(number, text)
        if self.draft is not None:
            yield from self.draft.take()

    def _header_line(self, number: int, text: str) -> None:
        """The ``时间:`` line, then ``内容:``, of the block being read (anything else is text)."""
        assert self.draft is not None
        if (match := TIME.match(text)) and self.draft.time_raw is None:
            timed = stamped(match, source=self.source, line=self.draft.line, format=self.name,
                            day=(int(match["y"]), int(match["m"]), int(match["d"])))  # fmt: skip
            self.draft.time, self.draft.time_raw = timed.time, timed.time_raw
        elif (match := CONTENT.match(text)) and text[match.end() :].strip():
            self.draft.add(number, text[match.end() :])
            self.phase = Phase.BODY
        else:
            self.draft.add(number, text)
            self.phase = Phase.BODY
        if self.draft.end_line < number and text.strip():
            self.draft.end_line = number

    def _open_meta(self, number: int, text: str) -> Iterator[Message]:
        """Close the message and open its metadata block (resources, mentions, reply)."""
        assert self.draft is not None
        parent = self.draft
        yield from self.close()
        kind = "attachment" if text.startswith("资源") else "system"
        self.draft = Draft(self.source, number, self.name, speaker=parent.speaker,
                           time=parent.time, time_raw=parent.time_raw, kind=kind,
                           body=[text], settle=_settle)  # fmt: skip
        self.phase = Phase.META

    def _add(self, number: int, text: str) -> None:
        """A line that continues the current message (or starts the banner)."""
        if self.draft is None:
            if text.strip():
                self.draft = Draft(
                    self.source, number, self.name, kind="system", body=[text], settle=_settle
                )
            return
        self.draft.add(number, text)

    def close(self) -> Iterator[Message]:
        """Yield the message being read, if any, with its kind decided."""
        if self.draft is None:
            return
        draft, self.draft = self.draft, None
        self.phase = Phase.OTHER
        yield draft.finish()


def _settle(draft: Draft) -> None:
    """Decide a draft's kind from its text (:attr:`Draft.settle`): QQ's own notice, a
    media placeholder, or text."""
    text = "\n".join(draft.body).strip()
    if draft.kind == "text" and text == "[系统消息]":
        draft.kind, draft.speaker = "system", None
    elif draft.kind == "text":
        draft.kind = placeholder_kind(text) or "text"
