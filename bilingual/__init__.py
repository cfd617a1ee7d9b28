"""bilingual: split mixed English/Chinese message dumps into clean per-language records.

>>> import bilingual
>>> [(s.lang, s.text) for s in bilingual.split("Hello! 你好！")]
[('en', 'Hello!'), ('zh', '你好！')]
"""

from __future__ import annotations

from bilingual.convert import convert, to_simplified
from bilingual.errors import BilingualError, ConfigError, InputError
from bilingual.options import Options
from bilingual.pipeline import process, process_file, split
from bilingual.records import Message, Pair, Record, Segment, SentencePair

__version__ = "0.1.0"

__all__ = [
    "BilingualError",
    "ConfigError",
    "InputError",
    "Message",
    "Options",
    "Pair",
    "Record",
    "Segment",
    "SentencePair",
    "__version__",
    "convert",
    "process",
    "process_file",
    "split",
    "to_simplified",
]
