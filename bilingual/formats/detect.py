"""Which format is this file? Decided by weighing the evidence in its first lines.

Every registered format with a ``detect`` function scores the first :data:`PREFIX` lines,
and every format with a single-line reader (WhatsApp, LINE) counts the lines it reads as
its own timestamped headers. Each becomes :class:`Evidence`: the share of the sample's
non-blank lines the format's headers explain, *strong* for an app's timestamped headers
(``app_headers``), *weak* for other formats' (a bare ``Name:`` label, which quoted
dialogue and headlines have too), which weigh :data:`WEAK_WEIGHT` as much. Then
ordered rules decide, on all the evidence at once (never on the first line that matches):

1. :func:`mixed_paste`: headers of more than one app, none of them holding
   :data:`DOMINANT` of the strong evidence: a paste from several chats (``mixed``);
2. :func:`best_format`: the format with the most weighed evidence, ties going to the
   format registered first;
3. ``plain``.

A single header counts only as the first non-blank line (a pasted message, maybe with its
continuation lines) or beside another app's headers: one line with a full WhatsApp or LINE
header is a chat message, while one such line in the middle of an article is not evidence.
:func:`sniff` reads the prefix from a stream and hands back the whole stream, so detection
never reads the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice

from bilingual.decode import Line
from bilingual.formats import mixed, plain
from bilingual.formats._registry import Format, formats
from bilingual.formats._score import share_of

#: Lines read before deciding.
PREFIX = 200
#: ... unless these many characters come first (a file of long lines).
PREFIX_CHARS = 1 << 20
#: What a weak header (a bare ``Name:`` label) weighs against a timestamped app header:
#: ten labels count as much as one header, so a chat export whose first messages quote
#: a dialogue (``Me: "..."``, ``Vendor: ...``) stays a chat export, while a transcript
#: that quotes two chat lines among a hundred labelled turns stays a transcript.
WEAK_WEIGHT = 0.1
#: The share of the strong evidence one app must hold for the file to be its export: below
#: it, headers of several apps make a ``mixed`` paste; above it, a stray line shaped like
#: another app's header is only a message that looks like one.
DOMINANT = 0.8
# Both set by hand (issue 11) and checked on 480 WhatsApp and LINE exports other projects
# wrote (whatstk, chat-miner, whats_json, line2json): every one the parsers read is
# detected as its app, including the one main's detection read as a transcript.


@dataclass(frozen=True, slots=True)
class Detection:
    """A detected format, its confidence in [0, 1] and how many lines were looked at."""

    format: str
    confidence: float
    lines: int

    def to_dict(self) -> dict[str, object]:
        """The detection as a JSON-ready dict."""
        return {"format": self.format, "confidence": self.confidence, "lines": self.lines}


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a sample says for one format.

    ``share`` is the share of the sample's non-blank lines the format's headers explain
    (0 to 1); ``strong`` says they are an app's timestamped headers.

    >>> Evidence("whatsapp", 0.4, strong=True).weight, round(Evidence("transcript", 0.8).weight, 3)
    (0.4, 0.08)
    """

    format: str
    share: float
    strong: bool = False

    @property
    def weight(self) -> float:
        """The share, weighed by how strong a header of this format is."""
        return self.share * (1.0 if self.strong else WEAK_WEIGHT)


#: A verdict: a format name and its confidence, or None when the rule does not apply.
Verdict = tuple[str, float] | None


def scores(sample: Sequence[Line]) -> list[tuple[Format, float]]:
    """Each detectable format with its score for ``sample``, in registration order.

    >>> [(f.name, s) for f, s in scores([(1, "Q: 為什麼？"), (2, "A: Because.")]) if s]
    [('transcript', 1.0)]
    """
    return [(fmt, fmt.detect(sample)) for fmt in formats() if fmt.detect is not None]


@dataclass(frozen=True, slots=True)
class Stamped:
    """Lines a format's single-line reader reads as timestamped headers, in a sample."""

    hits: int
    lines: int
    first: bool

    def share(self, *, chat: bool) -> float:
        """The share of lines they explain. Two headers are evidence anywhere; one only as
        the first line (a pasted message) or in a ``chat`` (other apps' headers are there).

        >>> lone, first = Stamped(1, 4, first=False), Stamped(1, 4, first=True)
        >>> lone.share(chat=False), first.share(chat=False), lone.share(chat=True)
        (0.0, 0.25, 0.25)
        """
        if self.hits >= 2 or (self.hits and (self.first or chat)):
            return self.hits / self.lines
        return 0.0


def stamped(fmt: Format, sample: Sequence[Line]) -> Stamped:
    """The sample's lines that ``fmt``'s single-line reader reads as timestamped headers.

    >>> from bilingual.formats import get
    >>> stamped(get("line"), [(1, "Prose."), (2, "21:10\\tTom\\t晚餐吃什麼？"), (3, "")])
    Stamped(hits=1, lines=2, first=False)
    """
    if fmt.single_line is None:
        return Stamped(0, 0, first=False)
    read, _ = fmt.single_line(iter(sample))
    found = [
        message is not None and message.time_raw is not None
        for message in (read(number, text, source="") for number, text in sample if text.strip())
    ]
    return Stamped(sum(found), len(found), first=bool(found and found[0]))


def weigh(sample: Sequence[Line]) -> list[Evidence]:
    """The evidence for each format the sample has any for, in registration order.

    A lone header of one app counts when another app's headers stand on their own:

    >>> [(e.format, round(e.share, 2), e.strong) for e in weigh(
    ...     [(1, "3/4/23, 8:01 PM - Grace: 我到了"), (2, "21:10\\tTom\\t晚餐"), (3, "Hi")])]
    [('whatsapp', 0.33, True), ('line', 0.33, True)]
    >>> weigh([(1, "Hi"), (2, "3/4/23, 8:01 PM - Grace: 我到了"), (3, "21:10\\tTom\\t晚餐")])
    []
    """
    scored = [(fmt, share_of(score), stamped(fmt, sample)) for fmt, score in scores(sample)]
    alone = {
        fmt.name
        for fmt, share, lines in scored
        if fmt.app_headers and max(share, lines.share(chat=False)) > 0
    }
    found = []
    for fmt, scored_share, lines in scored:
        share = max(scored_share, lines.share(chat=bool(alone - {fmt.name})))
        if share > 0:
            found.append(Evidence(fmt.name, share, strong=fmt.app_headers))
    return found


def mixed_paste(evidence: Sequence[Evidence]) -> Verdict:
    """Headers of several apps, none dominant: ``mixed``, surer the more lines they explain.

    >>> mixed_paste([Evidence("whatsapp", 0.4, True), Evidence("line", 0.2, True)])
    ('mixed', 0.8)
    >>> mixed_paste([Evidence("whatsapp", 0.9, True), Evidence("line", 0.01, True)])
    """
    strong = [e.share for e in evidence if e.strong]
    if len(strong) < 2 or max(strong) >= DOMINANT * sum(strong):
        return None
    return mixed.NAME, 0.5 + 0.5 * min(1.0, sum(strong))


def best_format(evidence: Sequence[Evidence]) -> Verdict:
    """The format with the most weighed evidence, as confident as its headers explain the
    sample: 0.5 plus half their share, a timestamped header counting for its line and the
    next (chat messages often run on), as ``weight=2`` does in
    :func:`~bilingual.formats._score.hit_score`.

    >>> best_format([Evidence("whatsapp", 0.4, True), Evidence("transcript", 1.0)])
    ('whatsapp', 0.9)
    >>> best_format([Evidence("transcript", 0.5)]), best_format([])
    (('transcript', 0.75), None)
    """
    if not evidence:
        return None
    best = max(evidence, key=lambda e: e.weight)  # the first of equals: registration order
    return best.format, 0.5 + 0.5 * min(1.0, best.share * (2 if best.strong else 1))


def plain_text(evidence: Sequence[Evidence]) -> Verdict:
    """No format has evidence: ``plain``, with full confidence.

    >>> plain_text([])
    ('plain', 1.0)
    """
    return plain.NAME, 1.0 - max((e.weight for e in evidence), default=0.0)


#: The rules, in order: the first verdict decides.
RULES: tuple[Callable[[Sequence[Evidence]], Verdict], ...] = (mixed_paste, best_format, plain_text)


def detect(sample: Sequence[Line]) -> Detection:
    """Detect the format of a file from its first lines.

    >>> detect([(1, "12/31/22, 10:15 PM - Amy: hi"), (2, "12/31/22, 10:16 PM - Bo: 好")])
    Detection(format='whatsapp', confidence=1.0, lines=2)
    >>> detect([(1, "12/31/22, 10:15 PM - Kevin Chou: Happy new year! 新年快樂！")]).format
    'whatsapp'
    >>> detect([(1, "Just a headline: nothing else")])
    Detection(format='plain', confidence=1.0, lines=1)
    >>> detect([(1, "1/5/23, 3:07 PM - Amy: hi"), (2, "1/5/23, 3:08 PM - Bo: yo"),
    ...         (3, "2023/01/06（五）"), (4, "09:15\\tBo\\t早安")]).format
    'mixed'
    """
    evidence = weigh(sample)
    for rule in RULES:
        if (verdict := rule(evidence)) is not None:
            name, confidence = verdict
            return Detection(name, round(confidence, 3), len(sample))
    raise AssertionError("plain_text always gives a verdict")  # pragma: no cover


def sniff(lines: Iterable[Line], *, prefix: int = PREFIX) -> tuple[Detection, Iterator[Line]]:
    """Detect from the first ``prefix`` lines, or fewer if they hold :data:`PREFIX_CHARS`
    characters; return the detection and all the lines.

    >>> found, rest = sniff(iter([(1, "Q: 為什麼？"), (2, "A: Because."), (3, "end")]))
    >>> found.format, [n for n, _ in rest]
    ('transcript', [1, 2, 3])
    """
    stream = iter(lines)
    head: list[Line] = []
    size = 0
    for line in islice(stream, prefix):
        head.append(line)
        size += len(line[1])
        if size >= PREFIX_CHARS:
            break
    return detect(head), chain(head, stream)
