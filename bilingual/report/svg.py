"""Hand-written inline SVG charts: a few dozen elements each, no dependency, no script.

Every chart is a ``<svg>`` string with a ``viewBox`` (it scales with the page), colours
from CSS classes the page defines (``en``, ``zh-Hant``, ``zh-Hans``, ``other``, light
and dark), and a ``<title>`` per mark so a browser shows the numbers on hover. Numbers
are written with fixed precision: the same data gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from bilingual.stats import BUCKETS

#: Weekday labels of the heatmap rows, Monday first (ISO 8601).
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FONT = 12


def _n(x: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros.

    >>> _n(3.0), _n(2.25), _n(-0.04)
    ('3', '2.2', '0')
    """
    text = f"{x:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


#: A rectangle: x, y, width, height.
Box = tuple[float, float, float, float]


def _rect(box: Box, cls: str, title: str, extra: str = "") -> str:
    x, y, w, h = box
    return (
        f'<rect class="{cls}" x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}"'
        f"{extra}><title>{escape(title)}</title></rect>"
    )


def _baseline(left: int, top: int, plot_w: int, plot_h: int, peak: int) -> list[str]:
    """A column chart's x axis and its two y labels: ``peak`` at the top, 0 at the axis."""
    return [
        f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" '
        f'y2="{top + plot_h}"/>',
        _text(left - 4, top + _FONT, str(peak), "end"),
        _text(left - 4, top + plot_h, "0", "end"),
    ]


def _text(x: float, y: float, label: str, anchor: str = "start") -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}">{escape(label)}</text>'


def _svg(chart_id: str, width: float, height: float, label: str, body: list[str]) -> str:
    return (
        f'<svg id="{chart_id}" class="chart" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" '
        f'role="img" aria-label="{escape(label)}" font-size="{_FONT}">{"".join(body)}</svg>'
    )


def mix_bar(counts: Mapping[str, int], label: str) -> str:
    """A 100%-stacked bar of one speaker's segments per language bucket.

    >>> bar = mix_bar({"en": 3, "zh-Hant": 1, "zh-Hans": 0, "other": 0}, "Amy")
    >>> bar.count("<rect"), 'width="75"' in bar
    (2, True)
    """
    total = sum(counts.get(b, 0) for b in BUCKETS)
    body: list[str] = []
    x = 0.0
    for b in BUCKETS:
        n = counts.get(b, 0)
        if n:
            w = 100 * n / total
            body.append(_rect((x, 0, w, 10), b, f"{label}: {b} {n} ({100 * n / total:.0f}%)"))
            x += w
    if not body:
        body.append(_rect((0, 0, 100, 10), "none", f"{label}: no language segments"))
    return (
        f'<svg class="mix" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
        f'aria-label="{escape(label)} language mix">'
        f"{''.join(body)}</svg>"
    )


def stacked_columns(
    chart_id: str, periods: Sequence[tuple[str, Mapping[str, int]]], unit: str
) -> str:
    """Segments per period stacked by language bucket, periods left to right.

    >>> svg = stacked_columns("a", [("2023-01-02", {"en": 2}), ("2023-01-03", {"zh-Hant": 1})],
    ...                       "day")
    >>> svg.count('class="en"'), svg.count('class="zh-Hant"')
    (1, 1)
    """
    left, top, plot_w, plot_h = 60, 10, 760, 180
    peak = max((sum(c.values()) for _, c in periods), default=0) or 1
    step = plot_w / max(len(periods), 1)
    body = _baseline(left, top, plot_w, plot_h, peak)
    for i, (period, counts) in enumerate(periods):
        y: float = top + plot_h
        for b in BUCKETS:
            n = counts.get(b, 0)
            if n:
                h = plot_h * n / peak
                y -= h
                body.append(_rect((left + i * step, y, step * 0.9, h), b, f"{period}: {b} {n}"))
    ends = {0: "start", len(periods) // 2: "middle", len(periods) - 1: "end"} if periods else {}
    for i, anchor in sorted(ends.items()):
        x = left + (i + (0.9 if anchor == "end" else 0 if anchor == "start" else 0.45)) * step
        body.append(_text(x, top + plot_h + 16, periods[i][0], anchor))
    return _svg(chart_id, left + plot_w + 20, top + plot_h + 24,
                f"language segments per {unit}", body)  # fmt: skip


def heatmap(chart_id: str, grid: Sequence[Sequence[int]]) -> str:
    """Messages per weekday (rows, Monday first) and hour (columns), darker for more.

    >>> svg = heatmap("h", [[0] * 24 for _ in range(6)] + [[0] * 23 + [4]])
    >>> svg.count("<rect"), 'fill-opacity="1"' in svg
    (168, True)
    """
    left, top, cell_w, cell_h = 36, 18, 30, 22
    peak = max((max(row) for row in grid), default=0) or 1
    body = [_text(left + h * cell_w + cell_w / 2, top - 6, f"{h:02d}", "middle")
            for h in range(0, 24, 3)]  # fmt: skip
    for w, row in enumerate(grid):
        y = top + w * cell_h
        body.append(_text(left - 6, y + cell_h * 0.7, WEEKDAYS[w], "end"))
        for h, n in enumerate(row):
            shade = f' fill-opacity="{_n(0.12 + 0.88 * n / peak)}"' if n else ""
            cls = "heat" if n else "cold"
            title = f"{WEEKDAYS[w]} {h:02d}:00-{h:02d}:59: {n} messages"
            body.append(_rect((left + h * cell_w, y, cell_w - 2, cell_h - 2), cls, title, shade))
    return _svg(chart_id, left + 24 * cell_w + 4, top + 7 * cell_h + 4,
                "messages per weekday and hour", body)  # fmt: skip


def histogram(chart_id: str, bins: Sequence[int], threshold: float) -> str:
    """Pairs per score bin from 0 to 1, with the cross-line threshold marked.

    >>> svg = histogram("s", [0, 0, 0, 0, 0, 1, 0, 0, 2, 5], 0.5)
    >>> svg.count('class="bin"'), 'class="threshold"' in svg
    (3, True)
    """
    left, top, plot_w, plot_h = 60, 28, 500, 150
    peak = max(bins, default=0) or 1
    step = plot_w / max(len(bins), 1)
    body = _baseline(left, top, plot_w, plot_h, peak)
    for i, n in enumerate(bins):
        lo, hi = i / len(bins), (i + 1) / len(bins)
        if n:
            h = plot_h * n / peak
            body.append(_rect((left + i * step + 1, top + plot_h - h, step - 2, h), "bin",
                              f"score {lo:.1f}-{hi:.1f}: {n} pairs"))  # fmt: skip
        body.append(_text(left + i * step, top + plot_h + 16, f"{lo:.1f}", "middle"))
    body.append(_text(left + plot_w, top + plot_h + 16, "1.0", "middle"))
    x = left + plot_w * threshold
    body.append(
        f'<line class="threshold" x1="{_n(x)}" y1="{top - 6}" x2="{_n(x)}" y2="{top + plot_h}">'
        f"<title>cross-line threshold {threshold}</title></line>"
    )
    body.append(_text(x + 4, top - 10, f"threshold {threshold}"))
    return _svg(chart_id, left + plot_w + 30, top + plot_h + 24, "pairs per score", body)
