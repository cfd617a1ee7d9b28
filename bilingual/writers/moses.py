"""Moses-style parallel text: ``OUT.en`` and ``OUT.zh``, line ``n`` of one translating
line ``n`` of the other.

Line breaks inside a text become spaces; units with an empty side are skipped (a
sentence without a translation is useless for MT training). Both files are written to
temporary siblings and moved into place at the end, so a failure leaves no half pair.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from bilingual.output import atomic_output
from bilingual.records import Record
from bilingual.writers._units import Unit, one_line, units


def write_moses(
    records: Iterable[Record],
    out: str | os.PathLike[str],
    *,
    unit: Unit = "sentence",
    min_score: float = 0.0,
) -> int:
    """Write ``out.en`` / ``out.zh``; return the number of line pairs.

    >>> import tempfile
    >>> from bilingual.records import Message, Pair
    >>> with tempfile.TemporaryDirectory() as d:
    ...     n = write_moses([Record(Message("d", 1, "x"), pairs=(Pair("Hi\\nall", "你好", 1.0),
    ...                      Pair("", "再見", 0.0)))], Path(d, "out"))
    ...     n, Path(d, "out.en").read_text(), Path(d, "out.zh").read_text()
    (1, 'Hi all\\n', '你好\\n')
    """
    base = Path(out)
    n = 0
    with (
        atomic_output(str(base.with_name(base.name + ".en"))) as en,
        atomic_output(str(base.with_name(base.name + ".zh"))) as zh,
    ):
        for u in units(records, unit=unit, min_score=min_score):
            if u.en.strip() and u.zh.strip():
                en.write(one_line(u.en) + "\n")
                zh.write(one_line(u.zh) + "\n")
                n += 1
    return n
