"""LINE for Windows/Mac "Save chat" exports: ``16:10 NAME text``, separated by spaces.

The PC app writes no tabs and no quotes: a message is its time, the sender's display
name and the text, one space apart, and the lines after it without a time are its
continuation. A display name can hold spaces (``John Smith``), so where the name ends
is decided by evidence across the file (:class:`Names`):

1. a name the export spells out elsewhere wins, the longest first: the title of a
   one-to-one chat (``[LINE] Chat history with John Smith``), the actor of an event line
   (``John Smith unsent a message``, ``吳佩珊已收回訊息``), and the sender of a line whose
   whole text is a placeholder or a call (``John Smith Stickers``, ``A ☎ 不在着信``);
2. otherwise the name starts as the line's first word and grows by the line's next word
   while the run so far starts at least two header lines and one same next word follows
   it in more than half of them (inside a name the next word repeats: ``John`` is
   followed by ``Smith``; after a name the texts differ).

A speaker never takes the whole line: at least one word is left as the text. Known
limits: two senders who share a first word and never send a sticker, photo or call
line are split after that first word when neither sends most of its lines; a sender
who starts most messages with the same word (and never sends a sticker) gets it as part
of the name. The evidence is gathered ahead of the parser in windows of :data:`WINDOW`
lines, so memory stays bounded and a name's first lines already see the lines after.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import regex

from bilingual.decode import Line
from bilingual.formats._clock import ZH_AP

#: Lines read ahead (and counted as evidence) before they are parsed.
WINDOW = 2000
#: The most words a display name is taken to have.
MAX_NAME_WORDS = 4
#: A run of words must start this many header lines before it can grow.
MIN_RECUR = 2

SPACED = regex.compile(
    rf"""^(?P<stamp>(?:(?P<ap_pre>{ZH_AP})\s?)?(?P<H>\d{{1,2}}):(?P<M>\d{{2}})
    (?:\ (?P<ap_post>[AP]M|[ap]m|[ap]\.m\.))?)\ (?P<rest>\S.*)$""",
    regex.X,
)
#: How app events that name their actor first end, in each UI language (en, zh-TW,
#: zh-CN, ja); the actor is what comes before (an English one and a space).
EVENT_ENDINGS = (
    " unsent a message", " unsent a message.", " joined the group", " joined the group.",
    " left the group", " left the group.",
    "已收回訊息", "已加入群組", "已離開群組",
    "撤回了一条消息", "已加入该群", "已退群", "退出了群组",
    "がメッセージの送信を取り消しました", "がグループに参加しました", "がグループを退会しました",
)  # fmt: skip
#: Placeholders for a photo, sticker, video, ... in each UI language: the phone export
#: writes them in brackets (``[貼圖]``, ``[スタンプ]``); the PC export as bare words
#: (``圖片``, ``Stickers``), or in brackets too (LINE PC 7.x: ``[スタンプ]``).
_MEDIA = regex.compile(
    r"""(?:Photos?|Stickers?|Videos?|Files?|Audio|Voice\ messages?|Albums?|Gifts?|Location
    |Contacts?|圖片|照片|貼圖|影片|檔案|語音訊息|相簿|禮物|聯絡資訊|位置
    |图片|贴图|视频|文件|语音信息|相册|礼物
    |写真|画像|スタンプ|動画|ファイル|ボイスメッセージ|プレゼント|アルバム|位置情報|連絡先)""",
    regex.X,
)
_TITLE_NAME = regex.compile(
    r"^\ufeff?(?:\[LINE\] ?)?(?:Chat history with (?P<en>.+?)|與(?P<tw>.+?)的聊天記錄"
    r"|与(?P<cn>.+?)的聊天记录|(?P<ja>.+?)とのトーク履歴)\s*$"
)


def title_name(text: str) -> str | None:
    """The other person's name in a one-to-one chat's title line, or None.

    >>> title_name("[LINE] Chat history with John Smith"), title_name("[LINE] 與吳佩珊的聊天記錄")
    ('John Smith', '吳佩珊')
    >>> title_name("[LINE] Chat history in Hiking Club") is None
    True
    """
    match = _TITLE_NAME.match(text)
    if match is None:
        return None
    return next(value for value in match.groups() if value)


def attachment(text: str, *, bare: bool) -> bool:
    """True when a message's text is a media placeholder; ``bare``: brackets optional.

    >>> attachment("[貼圖]", bare=False), attachment("貼圖", bare=False)
    (True, False)
    >>> attachment("Photos", bare=True), attachment("Photos of the trip", bare=True)
    (True, False)
    """
    inner = text[1:-1] if text.startswith("[") and text.endswith("]") else None
    if inner is None and bare:
        inner = text
    return inner is not None and _MEDIA.fullmatch(inner) is not None


def sender_of_placeholder(rest: str) -> str | None:
    """The name before a placeholder or a call that is a PC line's whole text, or None.

    >>> sender_of_placeholder("Mary Ann Lee Stickers"), sender_of_placeholder("A ☎ 不在着信")
    ('Mary Ann Lee', 'A')
    >>> sender_of_placeholder("Amy Photos of the trip") is None
    True
    """
    name, _, last = rest.rpartition(" ")
    if name and attachment(last, bare=True):
        return name
    head, call, _ = rest.partition(" ☎")
    return head if call and head else None


def event_actor(text: str) -> str | None:
    """The actor of an app event line (unsent, joined, left), or None.

    >>> event_actor("John Smith unsent a message"), event_actor("吳佩珊已收回訊息")
    ('John Smith', '吳佩珊')
    >>> event_actor("Bがメッセージの送信を取り消しました"), event_actor("see you")
    ('B', None)
    """
    for ending in EVENT_ENDINGS:
        if text.endswith(ending):
            actor = text[: -len(ending)]
            return actor if actor.strip() == actor and actor else None
    return None


class Names:
    """Evidence for where display names end: counts of leading word runs, known names.

    >>> names = Names()
    >>> for rest in ["John Smith hi", "John Smith ok", "Amy hello", "Amy 好", "John Smith yes"]:
    ...     names.add(rest)
    >>> names.split("John Smith see you"), names.split("Amy hello there"), names.split("Bo hi")
    (('John Smith', 'see you'), ('Amy', 'hello there'), ('Bo', 'hi'))
    >>> names.add("Amy Chen Stickers"); names.split("Amy Chen hi")
    ('Amy Chen', 'hi')
    """

    __slots__ = ("_best_next", "_counts", "_known")

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._best_next: dict[str, int] = {}
        self._known: set[str] = set()

    def know(self, name: str) -> None:
        """Take ``name`` as a display name (from a title or an event line)."""
        self._known.add(name)

    def add(self, rest: str) -> None:
        """Count the leading word runs of a header line's ``rest`` (name and text)."""
        if actor := event_actor(rest) or sender_of_placeholder(rest):
            self.know(actor)
        words = rest.split(" ")
        run = words[0]
        for k in range(1, min(MAX_NAME_WORDS, len(words) - 1) + 1):
            if k > 1:
                parent, run = run, f"{run} {words[k - 1]}"
                self._counts[run] += 1
                self._best_next[parent] = max(self._best_next.get(parent, 0), self._counts[run])
            else:
                self._counts[run] += 1

    def split(self, rest: str) -> tuple[str, str]:
        """The speaker and the text of a header line's ``rest`` (which has a space)."""
        runs = _runs(rest)
        known = [run for run in runs if run in self._known]
        name = known[-1] if known else self._grown(runs)
        return name, rest[len(name) + 1 :]

    def _grown(self, runs: list[str]) -> str:
        """The first run, grown while it recurs and one next word mostly follows it."""
        name = runs[0]
        for run in runs[1:]:
            count = self._counts[name]
            if count < MIN_RECUR or 2 * self._best_next.get(name, 0) <= count:
                break
            name = run
        return name


def _runs(rest: str) -> list[str]:
    """The candidate names of ``rest``: its leading word runs, never all of it.

    >>> _runs("John Smith see you")
    ['John', 'John Smith', 'John Smith see']
    """
    words = rest.split(" ")
    limit = min(MAX_NAME_WORDS, len(words) - 1)
    return [" ".join(words[:k]) for k in range(1, limit + 1)]


def gather(lines: Iterable[Line], names: Names, *, window: int = WINDOW) -> Iterator[Line]:
    """Yield ``lines`` unchanged, each window of them only after ``names`` has counted it.

    >>> names = Names()
    >>> rows = gather([(1, "10:00 Al Bo hi"), (2, "10:01 Al Bo ok"), (3, "x")], names)
    >>> next(rows), names.split("Al Bo yes")
    ((1, '10:00 Al Bo hi'), ('Al Bo', 'yes'))
    """
    held: list[Line] = []
    titled = False  # the first non-blank line has been looked at as a title
    for line in lines:
        held.append(line)
        if not titled and line[1].strip():
            titled = True
            if name := title_name(line[1]):
                names.know(name)
        if len(held) >= window:
            yield from _counted(held, names)
            held = []
    yield from _counted(held, names)


def _counted(held: list[Line], names: Names) -> list[Line]:
    """Count the header lines of one window; give the window back."""
    for _, text in held:
        if match := SPACED.match(text):
            names.add(match["rest"])
    return held
