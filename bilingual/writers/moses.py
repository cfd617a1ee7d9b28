"""Moses-style parallel text: ``OUT.en`` and ``OUT.zh``, line ``n`` of one translating
line ``n`` of the other.

Line breaks inside a text become spaces; units with an empty side are skipped (a
sentence without a translation is useless for MT training). Both files are written to
temporary siblings and moved into place at the end, so a failure leaves no half pair.
"""

from __future__ import annotations

from collections.abc import Iterable

from bilingual.options import Options
from bilingual.output import Target
from bilingual.records import Record
from bilingual.writers import Writer
from bilingual.writers._units import one_line, units


def write_moses(records: Iterable[Record], target: Target, options: Options) -> int:
    """Write ``OUT.en`` / ``OUT.zh`` beside the target's path; return the number of line pairs.

    >>> import tempfile
    >>> from pathlib import Path
    >>> from bilingual.records import Message, Pair
    >>> rec = Record(Message("d", 1, "x"), pairs=(Pair("Hi\\nall", "你好", 1.0),
    ...                                          Pair("", "再見", 0.0)))
    >>> with tempfile.TemporaryDirectory() as d:
    ...     n = write_moses([rec], Target(str(Path(d, "out"))), Options())
    ...     n, Path(d, "out.en").read_text(), Path(d, "out.zh").read_text()
    (1, 'Hi all\\n', '你好\\n')
    """
    n = 0
    with target.open(".en") as en, target.open(".zh") as zh:
        for u in units(
            records, unit=options.unit, min_score=options.min_score, clean=options.clean
        ):
            if u.en.strip() and u.zh.strip():
                en.write(one_line(u.en) + "\n")
                zh.write(one_line(u.zh) + "\n")
                n += 1
    return n


WRITER = Writer("moses", write_moses, "OUT.en and OUT.zh, line n translating line n.")
