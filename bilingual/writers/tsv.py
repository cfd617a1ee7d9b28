"""TSV with a header row ``en  zh  score  id``: one pair per row, an empty side left empty.

Tabs and line breaks inside a text become spaces (a translator's spreadsheet reads it
as is; no quoting or escape sequences to undo).
"""

from __future__ import annotations

from collections.abc import Iterable

from bilingual.options import Options
from bilingual.output import Target
from bilingual.records import Record
from bilingual.writers import Writer
from bilingual.writers._units import one_line, units

HEADER = ("en", "zh", "score", "id")


def write_tsv(records: Iterable[Record], target: Target, options: Options) -> int:
    """Write the records' pairs as TSV rows; return the number of rows.

    >>> import io
    >>> from bilingual.records import Message, Pair
    >>> buf = io.StringIO()
    >>> rec = Record(Message("d", 1, "x"), pairs=(Pair("a\\tb", "甲", 0.5),))
    >>> write_tsv([rec], Target(stream=buf), Options())
    1
    >>> buf.getvalue()
    'en\\tzh\\tscore\\tid\\na b\\t甲\\t0.5\\td:1\\n'
    """
    n = 0
    with target.open() as out:
        out.write("\t".join(HEADER) + "\n")
        for u in units(
            records, unit=options.unit, min_score=options.min_score, clean=options.clean
        ):
            out.write(f"{one_line(u.en)}\t{one_line(u.zh)}\t{u.score}\t{one_line(u.id)}\n")
            n += 1
    return n


WRITER = Writer("tsv", write_tsv, "A table: en, zh, score, id (one unit per row).")
