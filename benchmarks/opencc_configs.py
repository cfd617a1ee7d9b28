"""Which OpenCC config best turns Tatoeba's Traditional sentences into its Simplified ones.

    python benchmarks/opencc_configs.py

Reads ../shared/data/tatoeba-cmn-manythings/derived/zh_changed_between_versions.tsv: the
sentences whose Chinese changed between the 2021 release (44% Traditional) and the 2022
release (Simplified). For each config that converts to Simplified, prints the share of
sentences whose conversion equals the 2022 text exactly, and the conversion speed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bilingual.convert import SIMPLIFY_CONFIGS, to_simplified

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared/data/tatoeba-cmn-manythings/derived/zh_changed_between_versions.tsv"
)


def main() -> None:
    if not DATA.is_file():
        sys.exit(f"needs {DATA}")
    rows = [line.split("\t") for line in DATA.read_text("utf-8").splitlines()[1:]]
    old = "\n".join(r[3] for r in rows)
    new = [r[4] for r in rows]
    print(f"{len(rows)} sentences changed between releases")
    for config in SIMPLIFY_CONFIGS:
        start = time.perf_counter()
        out = to_simplified(old, config).split("\n")
        seconds = time.perf_counter() - start
        hits = sum(a == b for a, b in zip(out, new, strict=True))
        rate = len(old.encode()) / 1e6 / seconds
        print(f"{config:6} {hits / len(rows):7.2%} exact   {rate:7.1f} MB/s")


if __name__ == "__main__":
    main()
