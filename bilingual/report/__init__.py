"""``bilingual report``: one self-contained HTML page showing a dump at a glance.

Who writes, in which language, when, and which translations were found: the summary of
:mod:`bilingual.stats` (the same one computation) and the report's own aggregates
(:mod:`bilingual.report.aggregate`), gathered in one streaming pass, then rendered by
:mod:`bilingual.report.html` with inline SVG charts (:mod:`bilingual.report.svg`).

>>> from bilingual.pipeline import process
>>> from bilingual.stats import Sources
>>> report = gather(process(["Amy: Good morning! 早安！", "Bo: hi"]), row_limit=5, threshold=0.5)
>>> page = render_html(report, Sources(), title="chat", signature="bilingual test")
>>> page.startswith("<!DOCTYPE html>"), "Amy" in page, "//" in page
(True, True, False)
>>> sorted(to_json(report, Sources(), "sig")["report"])[:3]
['cut_lines', 'days', 'pair_threshold']
"""

from __future__ import annotations

from typing import Any

from bilingual.report.aggregate import Report, gather
from bilingual.report.html import render_html
from bilingual.stats import Sources, summary

__all__ = ["Report", "gather", "render_html", "to_json"]


def to_json(report: Report, sources: Sources, signature: str) -> dict[str, Any]:
    """The ``stats --json`` document with the report's aggregates under ``report``."""
    return {**summary(report.stats, sources, signature), "report": report.extras()}
