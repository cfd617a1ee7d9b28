"""bilingual: split mixed English/Chinese message dumps into clean per-language records."""

__version__ = "0.1.0"
