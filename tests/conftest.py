"""Shared fixtures: the repository root and the team's ../shared folder (optional)."""

from __future__ import annotations

import atexit
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a failure there is reproducible); locally each
# run draws new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The lexicon cache of a test run (doctests and subprocesses included: this file loads
# before any test is collected) lives in a temporary folder, never in the user's home.
_CACHE = tempfile.TemporaryDirectory(prefix="bilingual-test-cache-")
os.environ["BILINGUAL_CACHE_DIR"] = _CACHE.name
atexit.register(_CACHE.cleanup)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The ../shared folder beside the repository; tests using it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
