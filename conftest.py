"""Doctests of optional modules run only where their extra is installed."""

from __future__ import annotations

from importlib.util import find_spec

collect_ignore = [] if find_spec("dask") else ["bilingual/dask.py"]
