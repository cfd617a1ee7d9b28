"""WeChat text: copied chats, exporter TXT, ``Name: message`` lines and forwarded records.

Recognised headers, each starting a message:

* ``Name 2023-01-05 10:15:03`` or ``Name 2023/01/05 3:08 PM`` (desktop copy, exporters) and
  ``2023-01-05 10:15:03 Name`` (WeChatMsg), the text on the following lines; a
  timestamp-first line with no text under it is a system line (``... 撤回了一条消息``);
* ``Name:`` alone on a line after a blank line (Windows copy), the text below;
* ``Name: message`` / ``王小明：message`` when the label is a speaker by
  :func:`~bilingual.formats._speaker.annotate` (name-shaped, or recurring);
* a merged-forward title (``A和B的聊天记录``, ``群聊的聊天记录``): a ``system`` message, and
  the ``name: text`` lines up to the next blank line are ``forwarded`` messages.

Any other line continues the message above it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import regex

from bilingual.decode import Line
from bilingual.formats._clock import EN_AP, SP, ZH_AP
from bilingual.formats._draft import Draft, stamped
from bilingual.formats._registry import Format
from bilingual.formats._score import hit_score, nonblank
from bilingual.formats._speaker import annotate, candidate
from bilingual.records import Message

NAME = "wechat"

_STAMP = rf"""(?P<stamp>(?P<y>\d{{4}})[-/](?P<m>\d{{1,2}})[-/](?P<d>\d{{1,2}}){SP}+
    (?:(?P<ap_pre>{ZH_AP}){SP}?)?(?P<H>\d{{1,2}}):(?P<M>\d{{2}})(?::(?P<S>\d{{2}}))?
    (?:{SP}?(?P<ap_post>{EN_AP}))?)"""
STAMP_AFTER = regex.compile(rf"^(?P<name>\S.{{0,39}}?){SP}+{_STAMP}\s*$", regex.X)
STAMP_FIRST = regex.compile(rf"^{_STAMP}{SP}+(?P<name>\S.*?)\s*$", regex.X)
NAME_ONLY = regex.compile(r"^(?P<name>[^\s:：][^:：]{0,39}?)\s?[:：]\s*$")
RECORD = regex.compile(
    r"""^(?:.{1,40}?和.{1,40}?的聊天记录|.{1,40}?與.{1,40}?的聊天記錄|.{1,40}?与.{1,40}?的聊天记录
    |群聊的聊天记录|群組的聊天記錄|群聊的聊天記錄|Chat\ History\ for\ .{1,80})\s*$""",
    regex.X,
)
_SYSTEM = regex.compile(
    r"撤回了一条消息|撤回了一條訊息|拍了拍|加入了群聊|邀请|邀請|以上是打招呼|你已添加"
)


def _stamped(number: int, match: regex.Match[str], source: str) -> Draft:
    """A draft for a stamped header line: its speaker and time."""
    day = (int(match["y"]), int(match["m"]), int(match["d"]))
    return stamped(match, source=source, line=number, format=NAME, day=day, speaker=match["name"])


def _finish(draft: Draft, stamp_first: bool) -> Message:
    """Close a draft; a timestamp-first header with no text under it is a system line."""
    empty = not any(line.strip() for line in draft.body)
    if stamp_first and (empty or _SYSTEM.search(draft.speaker or "")):
        draft.body.insert(0, draft.speaker or "")
        draft.speaker, draft.kind = None, "system"
    return draft.finish()


def parse(lines: Iterable[Line], *, source: str) -> Iterator[Message]:
    """Yield WeChat messages with speakers, times and forwarded records flagged.

    >>> rows = [(1, "陈小明 2023-01-05 10:15:03"), (2, "今天开会吗？meeting at 4"), (3, ""),
    ...         (4, "王小明：好的 OK"), (5, "Breaking news: 颱風來了")]
    >>> [(m.speaker, m.time, m.text) for m in parse(rows, source="x")]
    [('陈小明', '2023-01-05T10:15:03', '今天开会吗？meeting at 4'), \
('王小明', None, '好的 OK\\nBreaking news: 颱風來了')]
    """
    draft: Draft | None = None
    stamp_first = in_record = False
    after_blank = True
    known: set[str] = set()
    for (number, text), label in annotate(lines, loose=True):
        if not text.strip():
            in_record, after_blank = False, True
            if draft is not None:
                draft.add(number, text)
            continue
        starts = after_blank or draft is None
        after_blank = False
        first = STAMP_FIRST.match(text)
        stamp = first or STAMP_AFTER.match(text)
        alone = NAME_ONLY.match(text) if starts else None
        inner = candidate(text, loose=True) if in_record else None
        new: Draft | None = None
        if RECORD.match(text):
            new = Draft(source, number, NAME, kind="system", forwarded=True, body=[text])
            in_record = True
        elif stamp and (starts or stamp["name"] in known):
            new = _stamped(number, stamp, source)
        elif alone and candidate(f"{alone['name']}: x", loose=True):
            new = Draft(source, number, NAME, speaker=alone["name"])
        elif inner or (label and not in_record):
            found = inner or label
            assert found is not None
            new = Draft(source, number, NAME, speaker=found.label, forwarded=in_record,
                        body=[text[found.body_start :]])  # fmt: skip
        if new is None:
            if draft is None:
                draft, stamp_first = Draft(source, number, NAME, body=[text]), False
            else:
                draft.add(number, text)
            continue
        if draft is not None:
            yield _finish(draft, stamp_first)
        draft, stamp_first = new, bool(first) and new.time_raw is not None
        if new.speaker:
            known.add(new.speaker)
    if draft is not None:
        yield _finish(draft, stamp_first)


def score(sample: Sequence[Line]) -> float:
    """How much ``sample`` looks like WeChat text (0 to 1).

    >>> score([(1, "陈小明 2023-01-05 10:15:03"), (2, "hi"), (3, ""),
    ...        (4, "Amy 2023-01-05 10:16:00"), (5, "好")])
    1.0
    """
    hits = 0
    blank = True
    for _, text in sample:
        if text.strip():
            stamped = STAMP_FIRST.match(text) or STAMP_AFTER.match(text)
            hits += bool(RECORD.match(text) or (blank and (stamped or NAME_ONLY.match(text))))
        blank = not text.strip()
    return hit_score(hits, len(nonblank(sample)), weight=2)


FORMAT = Format(
    name=NAME,
    parse=parse,
    description="WeChat: copied chats, exporter TXT and forwarded chat records",
    detect=score,
)
