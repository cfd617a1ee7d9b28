"""TSV with a header row ``en  zh  score  id``: one pair per row, an empty side left empty.

Tabs and line breaks inside a text become spaces (a translator's spreadsheet reads it
as is; no quoting or escape sequences to undo).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from bilingual.records import Record
from bilingual.writers._units import Unit, one_line, units

HEADER = ("en", "zh", "score", "id")


def write_tsv(
    records: Iterable[Record], out: TextIO, *, unit: Unit = "sentence", min_score: float = 0.0
) -> int:
    """Write the records' pairs as TSV rows to ``out``; return the number of rows.

    >>> import io
    >>> from bilingual.records import Message, Pair
    >>> buf = io.StringIO()
    >>> write_tsv([Record(Message("d", 1, "x"), pairs=(Pair("a\\tb", "甲", 0.5),))], buf)
    1
    >>> buf.getvalue()
    'en\\tzh\\tscore\\tid\\na b\\t甲\\t0.5\\td:1\\n'
    """
    out.write("\t".join(HEADER) + "\n")
    n = 0
    for u in units(records, unit=unit, min_score=min_score):
        out.write(f"{one_line(u.en)}\t{one_line(u.zh)}\t{u.score}\t{one_line(u.id)}\n")
        n += 1
    return n
