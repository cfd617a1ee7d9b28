"""Acceptance on the user's own dumps in ../shared/samples (skipped without them)."""

from __future__ import annotations

from pathlib import Path

from bilingual import Options, Record, process
from bilingual.options import DEFAULT_OPTIONS


def records(path: Path, options: Options = DEFAULT_OPTIONS) -> list[Record]:
    with path.open(encoding="utf-8") as lines:
        return list(process(lines, options, source=path.name))


def langs(record: Record) -> list[str]:
    return [s.lang for s in record.segments]


def test_mixed_dump_headlines(shared: Path) -> None:
    """Lines 1 and 44 give en + zh (Hant) and a pair; line 1 also a URL; nothing else is zh."""
    found = {
        r.message.line: r
        for r in records(shared / "samples/mixed-dump.txt", Options(simplify="tw2s"))
    }
    assert langs(found[1]) == ["en", "zh", "url"]
    assert langs(found[44]) == ["en", "zh"]
    zh = found[1].segments[1]
    assert zh.script == "Hant"
    assert zh.text.startswith("美國對")
    assert zh.text.endswith("沒有後門")
    assert zh.simplified is not None
    assert zh.simplified.startswith("美国对西北工业大学千次网攻? ")
    assert found[1].segments[2].text.startswith("https://rumble.com/v1izgav-1000s")
    assert found[44].segments[1].script == "Hant"
    assert len(found[1].pairs) == len(found[44].pairs) == 1
    assert found[1].pairs[0].zh == zh.text
    with_zh = sorted(n for n, r in found.items() if "zh" in langs(r))
    assert with_zh == [1, 44]


def test_articles_only_signatories_are_chinese(shared: Path) -> None:
    """Only lines 321 and 337 of articles-en.txt carry (Simplified) Chinese."""
    found = records(shared / "samples/articles-en.txt")
    zh = [(r.message.line, s.text, s.script) for r in found for s in r.segments if s.lang == "zh"]
    assert zh == [(321, "北京春晖博爱公益基金会", "Hans"), (337, "感谢!", "Hans")]


def test_samples_lose_nothing(shared: Path) -> None:
    """Every non-blank line is a message, and every letter and digit is in a segment."""
    for name in ("mixed-dump.txt", "articles-en.txt"):
        path = shared / "samples" / name
        lines = path.read_text("utf-8").splitlines()
        found = records(path)
        assert [r.message.line for r in found] == [
            n for n, line in enumerate(lines, start=1) if line.strip()
        ]
        for r in found:
            covered = "".join(s.text for s in r.segments)
            assert sum(c.isalnum() for c in covered) == sum(c.isalnum() for c in r.message.text)
