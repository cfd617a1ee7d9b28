"""Where the tests find real exports written by other projects.

They are not in this repository: the files come from other projects' repositories
(``tests/REAL_DATA.md`` names each one's source, commit and licence), and this project
commits none of them. A tests-only folder holds them, one subfolder per app
(``whatsapp-exports/``, ``line/``, ``telegram/``, ``qq/``, ``wechat/``): the first of
``$BILINGUAL_REAL_DATA`` and ``../shared/data`` that has the subfolder. The tests that
read them skip, saying so, when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def real_dir(app: str) -> Path:
    """The folder of real ``app`` exports (it may not exist: see :func:`needs`)."""
    bases = [_SHARED_DATA]
    if env := os.environ.get("BILINGUAL_REAL_DATA"):
        bases.insert(0, Path(env))
    for base in bases:
        if (base / app).is_dir():
            return base / app
    return bases[0] / app


def needs(app: str) -> pytest.MarkDecorator:
    """Skip a test (or, as ``pytestmark``, a module) when the real ``app`` exports are absent."""
    return pytest.mark.skipif(
        not real_dir(app).is_dir(),
        reason=f"real {app} files absent: set BILINGUAL_REAL_DATA (see tests/REAL_DATA.md)",
    )
