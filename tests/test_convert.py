"""OpenCC conversion through the project's own functions."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest

from bilingual import ConfigError, convert, split, to_simplified
from bilingual.convert import ALL_CONFIGS, SIMPLIFY_CONFIGS
from bilingual.options import DEFAULT_SIMPLIFY


def test_opencc_own_test_cases(shared: Path) -> None:
    """Every case of OpenCC's test suite passes through ``bilingual.convert``."""
    raw = (shared / "data/opencc-testcases/head/testcases.json").read_text("utf-8")
    cases = json.loads(re.sub(r",(\s*[}\]])", r"\1", raw))["cases"]  # a trailing comma
    checks = [(c["input"], cfg, out) for c in cases for cfg, out in c["expected"].items()]
    failures = [(i, cfg) for i, cfg, out in checks if convert(i, cfg) != out]
    assert len(checks) == 543
    assert failures == []


def test_default_config_is_the_best_measured(shared: Path) -> None:
    """On Tatoeba's Traditional (2021) vs Simplified (2022) sentences tw2s beats t2s."""
    path = shared / "data/tatoeba-cmn-manythings/derived/zh_changed_between_versions.tsv"
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()[1:]]
    traditional = "\n".join(r[3] for r in rows)
    simplified = [r[4] for r in rows]

    def matched(config: str) -> float:
        out = to_simplified(traditional, config).split("\n")
        return sum(a == b for a, b in zip(out, simplified, strict=True)) / len(rows)

    scores = {config: matched(config) for config in ("tw2s", "t2s")}
    assert max(scores, key=scores.__getitem__) == DEFAULT_SIMPLIFY
    assert scores["tw2s"] == pytest.approx(0.968, abs=0.002)
    assert scores["t2s"] == pytest.approx(0.950, abs=0.002)


@pytest.mark.parametrize("config", SIMPLIFY_CONFIGS)
def test_every_simplifying_config_is_accepted(config: str) -> None:
    """All five configs that produce Simplified Chinese work with to_simplified."""
    assert to_simplified("軟體與網路", config) in {"软体与网路", "软件与网络"}


def test_non_simplifying_config_is_rejected_with_the_valid_names() -> None:
    """s2t is an OpenCC config, but not one that simplifies."""
    with pytest.raises(ConfigError, match="tw2s, t2s, tw2sp, hk2s, hk2sp"):
        to_simplified("中文", "s2t")


def test_unknown_config_lists_all_names() -> None:
    """A typo gets the list of every OpenCC config."""
    with pytest.raises(ConfigError, match="'t2z' is not an OpenCC config") as info:
        convert("中文", "t2z")
    assert all(name in str(info.value) for name in ALL_CONFIGS)


def test_simplify_keeps_the_original() -> None:
    """Conversion adds ``simplified`` to Chinese segments and leaves ``text`` as written."""
    en, zh = split("No backdoors 沒有後門", simplify="t2s")
    assert (zh.text, zh.simplified) == ("沒有後門", "没有后门")
    assert en.simplified is None


def test_script_tables_come_back_from_the_cache_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first process builds the tables from OpenCC and stores them; the next reads
    the same sets back without building (the build loads two more OpenCC configs)."""
    module = importlib.import_module("bilingual.convert")  # `convert` is the function
    monkeypatch.setenv("BILINGUAL_CACHE_DIR", str(tmp_path))
    fresh = module._build_script_tables()
    module.script_tables.cache_clear()
    try:
        assert module.script_tables() == fresh
        assert [p.name[:8] for p in tmp_path.iterdir()] == ["scripts-"]

        def fail() -> None:
            raise AssertionError("built although the cache holds the tables")

        monkeypatch.setattr(module, "_build_script_tables", fail)
        module.script_tables.cache_clear()
        traditional, simplified = module.script_tables()
        assert (traditional, simplified) == fresh
        assert "國" in traditional
        assert "国" in simplified
    finally:
        module.script_tables.cache_clear()
