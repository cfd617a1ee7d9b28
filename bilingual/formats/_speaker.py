"""Is ``Label: text`` a speaker? Shape, a list of editorial labels, and recurrence.

A label is only a *candidate* when it has the shape of a name (``GT``, ``Hammond``,
``Mary Chen``, ``王毅``, ``陳先生``, ``Q``, ``問``); editorial labels (``Editor's Note``,
``Update``, ``快訊``, ``公告``) and reported speech (``老闆說：「...」``) never are.
A candidate becomes a speaker with evidence: it heads at least two lines within
:data:`WINDOW` lines either side (``Q``/``A`` style role labels count together); or it is
a :func:`person`'s name (one to three capitalised words, or two to four Han starting with
a common surname, holding no word of :data:`~bilingual.data.NON_PERSON_WORDS`), which is
a speaker even once (then ``Label.once`` is set: a comment copied into the text, as in a
forwarded thread); or, in a recognised chat format, it has the strict shape of a name.
The window keeps this streaming: at most ``2 * WINDOW + 1`` lines are held.

A line that is only a person's name, maybe with a note in brackets (``Johnson Choi
(father of a different Jonathan Choi)``), is an :func:`attribution` of the message below.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

from bilingual.data import (
    CHINESE_SURNAMES,
    EDITORIAL_LABEL_PATTERNS,
    EDITORIAL_LABELS,
    NON_PERSON_WORDS,
    NUMBERED_ROLES,
    REPORTING_VERBS,
    SPEAKER_ROLES,
)
from bilingual.decode import Line

#: Lines either side of a label within which it must recur to count as a speaker.
WINDOW = 200

_ROLE = "|".join(
    [
        *map(regex.escape, SPEAKER_ROLES),
        *(rf"{regex.escape(r)}\ ?\d{{1,2}}" for r in NUMBERED_ROLES),
    ]
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
    rf"(?ix)^(?:{'|'.join([*map(regex.escape, EDITORIAL_LABELS), *EDITORIAL_LABEL_PATTERNS])})$"
)
_REPORTED = regex.compile(rf"(?:{'|'.join(map(regex.escape, REPORTING_VERBS))})$")
_LETTER = regex.compile(r"\p{L}")
_WORD = r"(?:(?:\p{Lu}['’])?\p{Lu}\p{Ll}+(?:['’\-]\p{Lu}?\p{Ll}+)*|\p{Lu}\.)"
_PERSON = regex.compile(
    rf"^(?:(?=[^.]*\p{{Ll}}){_WORD}(?:\ {_WORD}){{0,2}}|(?P<han>\p{{Han}}{{2,4}}))$", regex.X
)
#: A name line, matched on the stripped line: a name, maybe a note in brackets.
_ATTRIBUTION = regex.compile(
    r"^(?P<name>[^\s()（）:：][^()（）:：\n]{0,40}?)(?:[ \t]*[(（][^()（）\n]{1,80}[)）])?$"
)
#: No name line is longer than this (a 40-character name, spaces, an 80-character note).
_ATTRIBUTION_MAX = 128


class Label(NamedTuple):
    """A speaker label found at the start of a line, and where the body text starts.

    ``once`` is set when the label is a speaker only as a person's name, not by recurring.
    """

    label: str
    body_start: int
    once: bool = False


def person(label: str) -> bool:
    """True for a person's name: one to three capitalised words (initials allowed), or two
    to four Han starting with a common surname (:data:`~bilingual.data.CHINESE_SURNAMES`),
    with no word that marks a label (:data:`~bilingual.data.NON_PERSON_WORDS`).

    >>> [person(n) for n in ("Michael", "Kenneth J. Hammond", "王小明", "Johnson Choi")]
    [True, True, True, True]
    >>> [person(n) for n in ("GT", "Taiwan CTI Video", "Weather Update", "公告", "颱風快訊",
    ...                      "Notice", "Monday", "a b", "Editor's Note", "結果", "王")]
    [False, False, False, False, False, False, False, False, False, False, False]
    """
    match = _PERSON.match(label.replace("’", "'"))
    if match is None:
        return False
    if match["han"]:
        surname = label[:1] in CHINESE_SURNAMES or label[:2] in CHINESE_SURNAMES
        return surname and not any(label.endswith(word) for word in NON_PERSON_WORDS)
    words = {word.lower().rstrip(".") for word in regex.split(r"[ '\-]", label)}
    return not (words & NON_PERSON_WORDS) and not _NOT_A_SPEAKER.match(label)


def attribution(text: str) -> str | None:
    """The person a line names when it is only a name, maybe with a note in brackets.

    A bare name needs two words (or Han): one capitalised word alone is a heading.

    >>> attribution("Johnson Choi (father of a different Jonathan Choi)"), attribution("王小明")
    ('Johnson Choi', '王小明')
    >>> attribution("Michael (a reader)"), attribution("Introduction"), attribution("Hi there")
    ('Michael', None, None)
    """
    line = text.strip()
    match = _ATTRIBUTION.match(line) if len(line) <= _ATTRIBUTION_MAX else None
    if match is None:
        return None
    name = match["name"]
    noted = match.end("name") < len(line)
    if not person(name) or not (noted or " " in name or not name.isascii()):
        return None
    return name


def candidate(text: str, *, loose: bool = False) -> Label | None:
    """The speaker-shaped label heading ``text``, if it is not an editorial label.

    >>> candidate("GT: Last year you said..."), candidate("王毅：我們的立場很清楚")
    (Label(label='GT', body_start=4, once=False), Label(label='王毅', body_start=3, once=False))
    >>> [candidate(t) for t in ("Editor's Note: x", "Taiwan CTI video: 1000s", "老闆說：「好」")]
    [None, None, None]
    >>> candidate("amy_w: hi"), candidate("amy_w: hi", loose=True)
    (None, Label(label='amy_w', body_start=7, once=False))
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

    >>> rows = [(1, "Note: hi"), (2, "GT: a"), (3, "XYZ: b"), (4, "GT: c"), (5, "Lee: d")]
    >>> [(lab.label, lab.once) if lab else None for _, lab in annotate(rows)]
    [None, ('GT', False), None, ('GT', False), ('Lee', True)]
    >>> [lab.label if lab else None for _, lab in annotate([(1, "Q: a"), (2, "A: b")])]
    ['Q', 'A']
    """
    ahead: deque[tuple[Line, Label | None]] = deque()
    behind: deque[Label | None] = deque()
    counts: Counter[str] = Counter()

    def emit() -> tuple[Line, Label | None]:
        line, label = ahead.popleft()
        accepted = None
        if label is not None and _evident(label.label, counts, loose):
            accepted = label
        elif label is not None and person(label.label):
            accepted = label._replace(once=True)
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
