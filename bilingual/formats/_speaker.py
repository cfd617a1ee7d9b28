"""Is ``Label: text`` a speaker? Shape, a list of editorial labels, and recurrence.

A label is only a *candidate* when it has the shape of a name (``GT``, ``Hammond``,
``Mary Chen``, ``王毅``, ``陳先生``, ``Q``, ``問``); editorial labels (``Editor's Note``,
``Update``, ``快訊``, ``公告``) and reported speech (``老闆說：「...」``) never are.
A candidate becomes a speaker only with evidence: it heads at least two lines within
:data:`WINDOW` lines either side (``Q``/``A`` style role labels count together), or, in a
recognised chat format, it has the strict shape of a name. The window keeps this
streaming: at most ``2 * WINDOW + 1`` lines are held.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

from bilingual.decode import Line

#: Lines either side of a label within which it must recur to count as a speaker.
WINDOW = 200

_ROLE = (
    r"Q|A|問|答|问|记者|記者|主持人|Host|Interviewer|Interviewee"
    r"|Speaker\ ?\d{1,2}|發言人\ ?\d{1,2}|发言人\ ?\d{1,2}|说话人\ ?\d{1,2}"
)
_ROLE_RE = regex.compile(rf"(?:{_ROLE})", regex.X)
_STRICT = regex.compile(
    rf"""^[ \t\u3000]*
    (?P<label>{_ROLE}
      | \p{{Lu}}{{1,4}}
      | \p{{Lu}}[\p{{Ll}}.'’\-]{{0,20}}(?:\ \p{{Lu}}[\p{{Ll}}.'’\-]{{0,20}}){{0,2}}
      | \p{{Han}}{{1,4}}(?:先生|女士|小姐|教授|博士|老師|老师)?)
    [ \t]?[:：][ \t\u3000]*(?P<body>\S.*)$""",
    regex.X,
)
_LOOSE = regex.compile(
    r"""^[ \t\u3000]*
    (?P<label>[^\s:：，。！？!?,"“”「」\[\]()（）<>][^:：，。！？!?,"“”「」\t\[\]<>]{0,39}?)
    [ \t]?[:：][ \t\u3000]*(?P<body>\S.*)$""",
    regex.X,
)
_NOT_A_SPEAKER = regex.compile(
    r"""(?ix)^(?:
    editor'?s?\ note|note|notes|nb|ps|p\.s\.?|update|updated|correction|disclaimer|source|sources
    |photo|video|audio|image|caption|credit|read\ more|related|see\ also|tl;?dr|summary
    |warning|tip|reminder|announcement|breaking(?:\ news)?|exclusive|watch|listen|opinion
    |analysis|explainer|live|date|time|subject|re|fwd|fw|link|links|agenda|location|venue
    |(?:step|part|chapter|day)\ \d+
    |注|注意|備註|备注|編按|编按|編者按|编者按|來源|来源|圖|图|原標題|原标题|責任編輯|责任编辑
    |延伸閱讀|延伸阅读|更新|快訊|快讯|公告|通知|提醒|報名連結|报名链接|連結|链接|網址|网址
    |時間|时间|地點|地点|原因|結論|结论|重點|重点|標題|标题|主題|主题|附註|附注|按
    )$""",
)
_REPORTED = regex.compile(r"(?:說|说|表示|指出|稱|称|問道|问道|強調|强调|says|said|asks|asked)$")
_LETTER = regex.compile(r"\p{L}")


class Label(NamedTuple):
    """A speaker label found at the start of a line, and where the body text starts."""

    label: str
    body_start: int


def candidate(text: str, *, loose: bool = False) -> Label | None:
    """The speaker-shaped label heading ``text``, if it is not an editorial label.

    >>> candidate("GT: Last year you said..."), candidate("王毅：我們的立場很清楚")
    (Label(label='GT', body_start=4), Label(label='王毅', body_start=3))
    >>> [candidate(t) for t in ("Editor's Note: x", "Taiwan CTI video: 1000s", "老闆說：「好」")]
    [None, None, None]
    >>> candidate("amy_w: hi"), candidate("amy_w: hi", loose=True)
    (None, Label(label='amy_w', body_start=7))
    """
    match = (_LOOSE if loose else _STRICT).match(text)
    if match is None:
        return None
    label = match["label"].rstrip()
    if (
        _NOT_A_SPEAKER.match(label.replace("’", "'"))
        or _REPORTED.search(label)
        or not _LETTER.search(label)
        or len(label.split()) > 4
    ):
        return None
    return Label(label, match.start("body"))


def strict_shape(label: str) -> bool:
    """True for labels shaped like a name or a role, not just any short phrase.

    >>> strict_shape("Amy Wong"), strict_shape("Taiwan CTI video"), strict_shape("陳先生")
    (True, False, True)
    """
    return candidate(f"{label}: x") is not None


def annotate(
    lines: Iterable[Line], *, loose: bool = False, window: int = WINDOW
) -> Iterator[tuple[Line, Label | None]]:
    """Pair each line with its speaker label when the evidence holds, streaming.

    With ``loose`` (chat formats) any name-like label is a candidate and a strictly
    shaped one needs no recurrence; otherwise a label must recur within ``window``.

    >>> rows = [(1, "Note: hi"), (2, "GT: a"), (3, "Lee: b"), (4, "GT: c")]
    >>> [lab.label if lab else None for _, lab in annotate(rows)]
    [None, 'GT', None, 'GT']
    >>> [lab.label if lab else None for _, lab in annotate([(1, "Q: a"), (2, "A: b")])]
    ['Q', 'A']
    """
    ahead: deque[tuple[Line, Label | None]] = deque()
    behind: deque[Label | None] = deque()
    counts: Counter[str] = Counter()

    def emit() -> tuple[Line, Label | None]:
        line, label = ahead.popleft()
        accepted = label if label is not None and _evident(label.label, counts, loose) else None
        behind.append(label)
        if len(behind) > window:
            _forget(behind.popleft(), counts)
        return line, accepted

    for line in lines:
        label = candidate(line[1], loose=loose)
        ahead.append((line, label))
        if label is not None:
            counts[label.label] += 1
            if _ROLE_RE.fullmatch(label.label):
                counts["\0role"] += 1
        if len(ahead) > window:
            yield emit()
    while ahead:
        yield emit()


def _evident(label: str, counts: Counter[str], loose: bool) -> bool:
    if counts[label] >= 2:
        return True
    if _ROLE_RE.fullmatch(label) and counts["\0role"] >= 2:
        return True
    return loose and strict_shape(label)


def _forget(label: Label | None, counts: Counter[str]) -> None:
    if label is not None:
        counts[label.label] -= 1
        if _ROLE_RE.fullmatch(label.label):
            counts["\0role"] -= 1
