"""The report page: one self-contained HTML file, a small function per section.

No script, no link, no external resource: styles are inline, charts are inline SVG
(:mod:`bilingual.report.svg`), and a Content-Security-Policy of ``default-src 'none'``
makes the browser refuse any request the page might still make. Every text from the
dump is HTML-escaped. Light and dark follow ``prefers-color-scheme``; tables and charts
scroll sideways on a phone instead of shrinking past reading.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from bilingual.records import Pair, Record
from bilingual.report.aggregate import Report, ShownPair, periods
from bilingual.report.svg import heatmap, histogram, mix_bar, stacked_columns
from bilingual.stats import BUCKETS, NO_SPEAKER, Sources, Stats, bucket

#: At most this many speakers get a row; the rest are summed in one.
MAX_SPEAKERS = 50
#: Texts longer than this are cut in tables (the report is a glance, not the data).
MAX_TEXT = 400
#: A detection below this confidence is a warning: the file may have been misread (set
#: by hand: a coin flip between two formats).
LOW_CONFIDENCE = 0.5

_CSS = """
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1b1b;--muted:#666;--line:#ddd;--card:#f6f6f6;
--en:#0072b2;--zh-Hant:#d55e00;--zh-Hans:#e69f00;--other:#999;--heat:#0072b2;--warn:#a15c00}
@media (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#e8e8e8;--muted:#a0a0a0;
--line:#3a3a3a;--card:#222;--en:#56b4e9;--zh-Hant:#ff8a4c;--zh-Hans:#f0c24a;--other:#aaa;
--heat:#56b4e9;--warn:#f0c24a}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:12px;background:var(--bg);color:var(--fg);
font:15px/1.45 system-ui,sans-serif}
h1{font-size:1.5em;margin:.2em 0;overflow-wrap:anywhere}h2{font-size:1.2em;margin:1.6em 0 .4em;
border-bottom:1px solid var(--line)}
.muted,figcaption{color:var(--muted);font-size:.9em}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:3px 6px;border-bottom:1px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.text{min-width:16em;overflow-wrap:anywhere;white-space:pre-wrap}
.warn{color:var(--warn)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
figure{margin:.5em 0}
svg.chart{display:block}
svg.chart text{fill:currentColor}
svg.mix{width:100%;min-width:80px;height:14px;display:block}
.axis,.threshold{stroke:currentColor}.threshold{stroke-dasharray:4 3}
.en{fill:var(--en);background:var(--en)}.zh-Hant{fill:var(--zh-Hant);background:var(--zh-Hant)}
.zh-Hans{fill:var(--zh-Hans);background:var(--zh-Hans)}
.other{fill:var(--other);background:var(--other)}
.none,.cold{fill:var(--line)}.heat{fill:var(--heat)}.bin{fill:var(--en)}
.tag{display:inline-block;width:.7em;height:.7em;margin-right:2px}
.legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 .9em;
vertical-align:-.05em}
ol.pairs{padding-left:1.4em}ol.pairs>li{background:var(--card);margin:6px 0;padding:6px;
border-radius:4px}
""".replace("\n", "")
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _cut(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` escaped, at most ``limit`` characters of it, with the cut said.

    >>> _cut("<b>" * 3, 4)
    '&lt;b&gt;&lt;… (5 more characters)'
    """
    if len(text) <= limit:
        return _e(text)
    return f"{_e(text[:limit])}… ({len(text) - limit} more characters)"


def _zh_lang(script: str | None) -> str:
    """The ``lang`` tag of a Chinese text by its script (a font picks its glyphs by it).

    >>> _zh_lang("Hant"), _zh_lang("Hani")
    ('zh-Hant', 'zh-Hans')
    """
    return "zh-Hant" if script == "Hant" else "zh-Hans"


def _table(head: Sequence[str], rows: Iterable[str], cls: str = "") -> str:
    """A scrolling table; a heading starting with ``#`` is a number column."""
    cells = "".join(
        f'<th class="num">{_e(h[1:])}</th>' if h.startswith("#") else f"<th>{_e(h)}</th>"
        for h in head
    )
    return (
        f'<div class="scroll"><table class="{cls}"><thead><tr>{cells}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _legend() -> str:
    return '<p class="legend">' + "".join(f'<span class="{b}"></span>{b}' for b in BUCKETS) + "</p>"


def summary_section(stats: Stats, sources: Sources, report: Report) -> str:
    """Inputs with format, confidence and encoding; totals; date range; warnings."""
    detected = dict(sources.detections)
    rows = []
    for source in dict.fromkeys([*detected, *sources.decodings]):
        found, decoding = detected.get(source), sources.decodings.get(source)
        fmt = f"{found.format} ({found.confidence})" if found else "as asked"
        enc = (decoding.encoding + (" with BOM" if decoding.bom else "")) if decoding else "-"
        replaced = decoding.replaced if decoding else 0
        rows.append(f"<tr><td>{_e(source)}</td><td>{_e(fmt)}</td><td>{_e(enc)}</td>"
                    f'<td class="num">{replaced}</td></tr>')  # fmt: skip
    dates = (f"{stats.first_time} .. {stats.last_time}" if stats.first_time
             else "none (no message has a time)")  # fmt: skip
    facts = [
        ("files", str(len(rows))),
        ("formats", ", ".join(f"{name} ({n})" for name, n in stats.formats) or "-"),
        ("messages", str(stats.messages)),
        ("speakers", str(sum(s.speaker is not None for s in stats.speakers))),
        ("pairs", str(stats.pairs)),
        ("dates", dates),
    ]
    dl = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
    return (
        '<section id="summary"><h2>Summary</h2>'
        f'<dl class="facts">{dl}</dl>'
        + _table(["file", "format (confidence)", "encoding", "#undecodable bytes"], rows)
        + _warnings(sources, report)
        + "</section>"
    )


def warnings(sources: Sources, report: Report) -> list[str]:
    """What the run was unsure about or changed, one sentence each.

    >>> from bilingual.decode import Decoding
    >>> s = Sources()
    >>> s.decoded("a.txt", Decoding("utf-8", replaced=2))
    >>> warnings(s, Report(row_limit=0, threshold=0.5))
    ['a.txt: 2 undecodable byte sequences replaced with U+FFFD']
    """
    out = [f"{source}: {d.replaced} undecodable byte sequences replaced with U+FFFD"
           for source, d in sources.decodings.items() if d.replaced]  # fmt: skip
    out.extend(sources.date_orders)
    if report.cut:
        out.append(f"{report.cut} lines too long to read whole were cut into parts")
    out.extend(
        f"{source}: format detected with low confidence ({found.confidence})"
        for source, found in sources.detections
        if found.confidence < LOW_CONFIDENCE
    )
    return out


def _warnings(sources: Sources, report: Report) -> str:
    found = warnings(sources, report)
    if not found:
        return '<p class="muted" id="warnings">No warnings.</p>'
    items = "".join(f'<li class="warn">{_e(w)}</li>' for w in found)
    return f'<h3>Warnings</h3><ul id="warnings">{items}</ul>'


def speakers_section(stats: Stats) -> str:
    """One row per speaker: messages, a stacked bar of the language mix, the counts."""
    rows = []
    for s in stats.speakers[:MAX_SPEAKERS]:
        name = s.speaker if s.speaker is not None else NO_SPEAKER
        counts = dict(s.languages)
        cells = "".join(f'<td class="num">{counts[b]}</td>' for b in BUCKETS)
        rows.append(f'<tr class="speaker"><td>{_e(name)}</td><td class="num">{s.messages}</td>'
                    f"<td>{mix_bar(counts, name)}</td>{cells}</tr>")  # fmt: skip
    rest = stats.speakers[MAX_SPEAKERS:]
    if rest:
        more = sum(s.messages for s in rest)
        rows.append(f'<tr><td colspan="7" class="muted">{len(rest)} more speakers, '
                    f"{more} messages</td></tr>")  # fmt: skip
    head = ["speaker", "#messages", "language mix", *(f"#{b}" for b in BUCKETS)]
    return (
        '<section id="speakers"><h2>Speakers and language mix</h2>'
        '<p class="muted">Language segments per speaker (a message may hold several).</p>'
        + _legend()
        + _table(head, rows)
        + "</section>"
    )


def activity_section(report: Report) -> str:
    """Segments per day (or week, month, year) by language, and a weekday x hour heatmap."""
    unit, rows = periods(report.activity.days)
    if not rows:
        return ('<section id="activity"><h2>Activity</h2>'
                '<p class="muted">No message has a time.</p></section>')  # fmt: skip
    grid = report.activity.to_dict()["weekday_hour"]
    return (
        '<section id="activity"><h2>Activity</h2>'
        f'<figure>{_legend()}<div class="scroll">'
        f"{stacked_columns('chart-activity', rows, unit)}</div>"
        f"<figcaption>Language segments per {unit}, from the message times as written."
        "</figcaption></figure>"
        f'<figure><div class="scroll">{heatmap("chart-heatmap", grid)}</div>'
        "<figcaption>Messages per weekday and hour.</figcaption></figure></section>"
    )


def _alignment(pair: Pair) -> str:
    """A pair's sentence alignment as rows of score, English, Chinese."""
    lang = _zh_lang(pair.zh_script)
    sentences = pair.sentences or ()
    rows = [f'<tr><td class="num">{s.score:.3f}</td><td class="text">{_cut(s.en)}</td>'
            f'<td class="text" lang="{lang}">{_cut(s.zh)}</td></tr>'
            for s in sentences]  # fmt: skip
    if not rows:
        rows = [f'<tr><td class="num">{pair.score:.3f}</td><td class="text">{_cut(pair.en)}</td>'
                f'<td class="text" lang="{lang}">{_cut(pair.zh)}</td></tr>']  # fmt: skip
    return _table(["#score", "English", "Chinese"], rows, "align")


def _pair_list(list_id: str, title: str, shown: Sequence[ShownPair]) -> str:
    items = "".join(
        f'<li><div class="muted">score {s.pair.score:.3f} · {_e(s.record_id)}'
        f"{' (across lines)' if s.pair.en_id else ''}</div>{_alignment(s.pair)}</li>"
        for s in shown
    )
    return f'<h3>{_e(title)}</h3><ol class="pairs" id="{list_id}">{items}</ol>'


def pairs_section(stats: Stats, report: Report) -> str:
    """The pair count, the score histogram and the best and worst pairs, aligned."""
    threshold = report.threshold
    head = (
        '<section id="pairs"><h2>Pairs</h2>'
        f"<p>{stats.pairs} pairs. A message holding one English and one Chinese block is a "
        f"pair; neighbouring English and Chinese lines pair when their score reaches "
        f"{threshold}.</p>"
    )
    if not stats.pairs:
        return head + "</section>"
    pairs = report.pairs
    figure = (f'<figure><div class="scroll">{histogram("chart-scores", pairs.histogram, threshold)}'
              "</div><figcaption>Pairs per score.</figcaption></figure>")  # fmt: skip
    if stats.pairs <= pairs.shown:
        lists = _pair_list("pairs-best", f"All {stats.pairs} pairs, best first", pairs.best())
    else:
        lists = _pair_list("pairs-best", f"The {pairs.shown} best", pairs.best()) + _pair_list(
            "pairs-worst", f"The {pairs.shown} worst", pairs.worst()
        )
    return head + figure + lists + "</section>"


def _languages(record: Record) -> str:
    found = dict.fromkeys(bucket(s) for s in record.segments if s.is_language)
    return "".join(f'<span class="{b} tag" title="{b}"></span>' for b in found) + " ".join(found)


def rows_section(report: Report) -> str:
    """The first records as they were read, for a spot check (text cut when long)."""
    rows = [
        f'<tr><td class="num">{_e(r.message.line)}</td><td>{_e(r.message.source)}</td>'
        f"<td>{_e(r.message.speaker or '')}</td><td>{_e(r.message.time or '')}</td>"
        f"<td>{_e(r.message.kind)}</td><td>{_languages(r)}</td>"
        f'<td class="text">{_cut(r.message.text)}</td></tr>'
        for r in report.rows
    ]
    return (
        f'<section id="records"><h2>The first {len(rows)} messages</h2>'
        + _table(["#line", "file", "speaker", "time", "kind", "languages", "text"], rows)
        + "</section>"
    )


def render_html(report: Report, sources: Sources, *, title: str, signature: str) -> str:
    """The whole page."""
    stats = report.stats
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        f'<h1>{_e(title)}</h1><p class="muted">{_e(signature)}</p>'
        + summary_section(stats, sources, report)
        + speakers_section(stats)
        + activity_section(report)
        + pairs_section(stats, report)
        + rows_section(report)
        + "</body></html>\n"
    )
