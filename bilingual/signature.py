"""The reproducibility signature of a run, in the manner of sacrebleu's.

Everything that decides the output beyond the input itself: the package version, the
OpenCC library (its tables tell Traditional from Simplified) and the config a run
converts with, the tuned model (:data:`bilingual.model.MODEL`) and the CC-CEDICT release
that alignment reads, and a line limit other than the default. ``--version`` prints it,
``stats --json`` and TMX headers carry it.
"""

from __future__ import annotations

import functools
from importlib import metadata

from bilingual import __version__
from bilingual.lexicon import dictionary_date
from bilingual.model import MODEL
from bilingual.options import DEFAULT_OPTIONS, Options


@functools.cache
def _opencc_version() -> str:
    return metadata.version("opencc")


def signature(options: Options = DEFAULT_OPTIONS) -> str:
    """``bilingual VERSION|opencc VERSION [CONFIG]|model NAME|cedict DATE`` for a run, and
    ``|line-limit N`` when the run cuts long lines at other than the default.

    >>> sig = signature(Options(simplify="tw2s")).split("|")
    >>> sig[0] == f"bilingual {__version__}", sig[1].startswith("opencc "), sig[1][-4:]
    (True, True, 'tw2s')
    >>> sig[2:3]
    ['model tatoeba-2022']
    >>> signature(Options(line_limit=5000)).split("|")[-1], len(sig)
    ('line-limit 5000', 4)
    """
    opencc = f"opencc {_opencc_version()}"
    if options.simplify is not None:
        opencc += f" {options.simplify}"
    parts = [f"bilingual {__version__}", opencc, f"model {MODEL.name}",
             f"cedict {dictionary_date() or 'none'}"]  # fmt: skip
    if options.line_limit != DEFAULT_OPTIONS.line_limit:  # it decides where long lines part
        parts.append(f"line-limit {options.line_limit}")
    return "|".join(parts)
