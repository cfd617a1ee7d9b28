"""What ``benchmarks/fuzz.py`` found, one minimal input each, and a smoke run of the fuzzer.

Each bug is ``xfail(strict=True)``: the run that fixes one fails here until the mark is
removed. The smoke test runs the fuzzer's generators and invariant checks on a few inputs
with a fixed seed, so that the harness itself keeps working.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest

import bilingual
from bilingual import Options, writers
from bilingual.errors import BilingualError
from bilingual.output import Target
from bilingual.records import Message, Record, Segment

FUZZ = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"


def _load_fuzz() -> ModuleType:
    """benchmarks/fuzz.py as a module (benchmarks is not a package)."""
    spec = importlib.util.spec_from_file_location("_fuzz", FUZZ)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["_fuzz"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()


def _run(data: bytes, options: Options | None = None) -> list[Record]:
    """Every record of ``data``; a BilingualError is an accepted refusal."""
    try:
        return list(bilingual.process_file(io.BytesIO(data), options or Options(), source="f"))
    except BilingualError:
        return []


@pytest.mark.xfail(
    strict=True, raises=RecursionError, reason="fuzz: JSON nested past the recursion limit crashes"
)
def test_deeply_nested_telegram_json_is_an_input_error() -> None:
    """``json.loads`` in ``_telegram_json._check`` raises RecursionError, not InputError."""
    _run(b'{"messages":' + b"[" * 5000)


@pytest.mark.xfail(
    strict=True, raises=RecursionError, reason="fuzz: a message text nested 400 lists deep crashes"
)
def test_a_deeply_nested_message_text_is_read() -> None:
    """``_telegram_json.text_of`` recurses once per level: valid JSON, RecursionError."""
    text = b"[" * 400 + b'"x"' + b"]" * 400
    records = _run(b'{"messages": [{"type": "message", "text": ' + text + b"}]}")
    assert [r.message.text for r in records] == ["x"]


#: A Telegram JSON export whose text escapes a lone surrogate (valid JSON, not valid UTF-8).
SURROGATE = b'{"messages": [{"type": "message", "text": "\\u4e09\\udcbc"}]}'


@pytest.mark.xfail(
    strict=True, raises=UnicodeEncodeError, reason="fuzz: a lone surrogate from JSON crashes OpenCC"
)
def test_a_lone_surrogate_is_simplified() -> None:
    """``convert.simplify_segments`` -> ``opencc.convert`` raises UnicodeEncodeError."""
    _run(SURROGATE, Options(simplify="tw2s"))


@pytest.mark.xfail(
    strict=True, raises=UnicodeEncodeError, reason="fuzz: a lone surrogate from JSON crashes dedup"
)
def test_a_lone_surrogate_is_deduplicated() -> None:
    """``dedup.dedup_key`` -> ``convert.fold`` (OpenCC) raises UnicodeEncodeError."""
    _run(SURROGATE, Options(dedup=True))


@pytest.mark.xfail(
    strict=True,
    raises=UnicodeEncodeError,
    reason="fuzz: a lone surrogate cannot be written as UTF-8",
)
def test_a_lone_surrogate_is_written_to_a_file(tmp_path: Path) -> None:
    """``writers.jsonl._write_rows`` writes it to a UTF-8 file: UnicodeEncodeError (the
    CLI exits 1 with a traceback)."""
    records = _run(SURROGATE)
    writers.write(records, "jsonl", Target(str(tmp_path / "out.jsonl")), Options())


@pytest.mark.xfail(strict=True, raises=ValueError, reason="fuzz: a Unicode 16 digit in a pair")
def test_a_digit_python_cannot_read_is_aligned() -> None:
    """``align._arabic``: the ``regex`` module's ``\\d`` (Unicode 16) matches U+116E0, a
    Myanmar Extended-C digit, which Python 3.11's ``float`` (Unicode 14) cannot read."""
    (record,) = bilingual.process(["Hi \U000116e0 你好"])
    assert record.message.text == "Hi \U000116e0 你好"


def test_the_checker_catches_broken_records() -> None:
    """Wrong offsets and a letter outside every segment are both reported."""
    message = Message("f", 1, "Hi 你好")
    wrong = Record(message, (Segment(0, 2, "en", "Latn", "Hx"),))
    uncovered = Record(message, (Segment(0, 2, "en", "Latn", "Hi"),))
    assert [inv for inv, _ in fuzz.check_segments(wrong)] == ["offsets"]
    assert [inv for inv, _ in fuzz.check_segments(uncovered)] == ["coverage"]
    later = Record(Message("f", 3, "a", end_line=4))
    assert [inv for inv, _ in fuzz.check_lines([later, later], json_input=False)] == ["lines"]


def test_generation_is_deterministic() -> None:
    """Input ``i`` of a seed is the same bytes every time; the seed changes them."""
    first = [fuzz.generate(3, i).data for i in range(30)]
    assert first == [fuzz.generate(3, i).data for i in range(30)]
    assert first != [fuzz.generate(4, i).data for i in range(30)]


#: The failures the smoke run may meet: the known bugs above.
KNOWN = {"crash process ValueError align.py:_arabic",
         "crash process RecursionError _telegram_json.py:_check",
         "crash process RecursionError _telegram_json.py:text_of",
         "crash process RecursionError _telegram_json.py:<genexpr>"}  # fmt: skip


def test_smoke_run(tmp_path: Path) -> None:
    """200 generated inputs of every kind through the checker: nothing but known bugs.

    The few very long inputs are generated but not run, to keep this under a few seconds.
    """
    kinds: set[str] = set()
    found: set[str] = set()
    for index in range(200):
        case = fuzz.generate(11, index)
        kinds.add(case.kind)
        if len(case.data) > 20_000:
            continue
        outcome = fuzz.check(case.data, ["default"], tmp_path, determinism=index % 10 == 0)
        found |= {f.signature for f in outcome.failures if f.invariant != "slow"}
    assert kinds == set(fuzz.KINDS)
    assert found <= KNOWN
