"""What ``benchmarks/fuzz.py`` found, one minimal input each, and a smoke run of the fuzzer.

Each was a crash (an exception other than ``BilingualError``) and is now a test of the
behaviour the fix gives. The smoke test runs the fuzzer's generators and invariant checks
on a few inputs with a fixed seed, so that the harness itself keeps working.
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
from bilingual.errors import BilingualError, InputError
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


def test_deeply_nested_telegram_json_is_an_input_error() -> None:
    """JSON nested past what ``json`` can read is an InputError naming the file, not a
    RecursionError."""
    data = b'{"messages":' + b"[" * 5000
    with pytest.raises(InputError, match=r"^f:1: Telegram JSON nested too deeply"):
        list(bilingual.process_file(io.BytesIO(data), Options(), source="f"))


def test_a_deeply_nested_message_text_is_read() -> None:
    """A message text in lists 400 deep is read (``text_of`` does not recurse)."""
    text = b"[" * 400 + b'"x"' + b"]" * 400
    records = _run(b'{"messages": [{"type": "message", "text": ' + text + b"}]}")
    assert [r.message.text for r in records] == ["x"]


#: A Telegram JSON export whose text escapes a lone surrogate (valid JSON, not valid UTF-8).
SURROGATE = b'{"messages": [{"type": "message", "text": "\\u4e09\\udcbc"}]}'


def test_a_lone_surrogate_is_simplified() -> None:
    """A lone surrogate becomes U+FFFD when read, so OpenCC can convert the text."""
    (record,) = _run(SURROGATE, Options(simplify="tw2s"))
    assert record.message.text == "三\ufffd"
    assert [s.simplified for s in record.segments if s.lang == "zh"] == ["三\ufffd"]


def test_a_lone_surrogate_is_deduplicated() -> None:
    """Dedup (which folds with OpenCC) reads the same text."""
    assert [r.count for r in _run(SURROGATE * 1, Options(dedup=True))] == [1]


def test_a_lone_surrogate_is_written_to_a_file(tmp_path: Path) -> None:
    """The JSONL file is valid UTF-8 with U+FFFD where the surrogate was."""
    out = tmp_path / "out.jsonl"
    assert writers.write(_run(SURROGATE), "jsonl", Target(str(out)), Options()) == 1
    assert '"text": "三\ufffd"' in out.read_text("utf-8")


def test_a_digit_python_cannot_read_is_aligned() -> None:
    """``align._arabic``: the ``regex`` module's ``\\d`` (Unicode 16) matches U+116E0, a
    Myanmar Extended-C digit, which Python 3.11's ``float`` (Unicode 14) cannot read: the
    number is left out of the anchors and the pair is still scored. (The number goes with
    ``Hi``, the sentence that has not ended: issue 9's boundary rule.)"""
    (record,) = bilingual.process(["Hi \U000116e0 你好"])
    assert [(p.en, p.zh) for p in record.pairs] == [("Hi \U000116e0", "你好")]


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


def test_smoke_run(tmp_path: Path) -> None:
    """200 generated inputs of every kind through the checker: no invariant fails.

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
    assert found == set()


def test_a_long_bracketed_line_is_not_taken_for_a_wechat_csv_header() -> None:
    """Found by the fuzzer: a first line of 130,000 ``[`` and a comma crashed the CSV
    header check (``_csv.Error: field larger than field limit``); it is plain text."""
    line = "[" * 133_000 + ",x"
    (record,) = bilingual.process([line])
    assert (record.message.format, record.message.text) == ("plain", line)


def test_a_csv_field_over_the_csv_limit_is_an_input_error() -> None:
    """A WeChat exporter CSV row with a field longer than csv's limit is a clear error
    naming the file and line, not a traceback."""
    header = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime"
    row = '1,9,文本,0,刘洋,,"' + "好" * 140_000 + '",,2024/10/4 11:42'
    with pytest.raises(InputError) as caught:
        list(bilingual.process([header, row], Options(format="wechat"), source="w.csv"))
    assert str(caught.value) == (
        "w.csv:2: unreadable CSV row: field larger than field limit (131072)"
    )


def test_telegram_json_with_a_number_of_ten_thousand_digits_is_an_input_error() -> None:
    """Found by the fuzzer: ``json.loads`` refuses an integer of more than 4,300 digits
    with a ValueError (not a JSONDecodeError), which crashed the Telegram JSON check."""
    document = '{"messages": [{"from": "Amy", "text": "hi", "id": ' + "1" * 10_000 + "}]}"
    with pytest.raises(InputError) as caught:
        list(bilingual.process([document], Options(format="telegram"), source="t.json"))
    assert str(caught.value) == (
        "t.json:1: invalid Telegram JSON (Exceeds the limit (4300 digits) for integer string"
        " conversion)"
    )


def test_a_wechat_content_cell_with_a_huge_number_is_its_own_text() -> None:
    """The same refusal in an exporter CSV's JSON ``content`` cell: the cell is kept as text."""
    header = "id,MsgSvrID,type_name,is_sender,talker,room_name,content,CreateTime"
    cell = '{"msg": ' + "1" * 10_000 + "}"
    (record,) = bilingual.process(
        [header, f"1,9,文本,0,刘洋,,{cell},2024/10/4 11:42"], Options(format="wechat")
    )
    assert (record.message.speaker, record.message.text) == ("刘洋", cell)


def test_a_line_with_a_bare_carriage_return_is_not_a_csv_header() -> None:
    """Found by hypothesis in CI: ``,\\r0`` made csv raise inside the WeChat header check."""
    (record,) = bilingual.process([",\r0"])
    assert record.message.text == ",\r0"


def test_a_roman_numeral_before_a_term_glued_to_han_is_segmented() -> None:
    """``segment._glue_terms``: ``Ⅻ`` (U+216B) is Latin script but no ``\\p{L}``, so the
    Latin run ``Ⅻ K`` had no letter before its glued tail ``K`` and an assertion failed
    (fuzz seed 1007). The run's last Latin character now ends its head, and the one-word
    head joins the Chinese sentence its tail went to."""
    (record,) = bilingual.process(["\u216b\u00a0K到"])
    assert [(s.lang, s.start, s.end) for s in record.segments] == [("zh", 0, 4)]


def test_a_line_of_hashtags_and_quoted_han_without_spaces_is_segmented() -> None:
    """Seed 1019 (GB18030 export, one line of ``#iPhone「對」`` with no space) took 28 s:
    each bracket read the rest of the line to see whether it stood alone. Now it reads
    one character on each side (``benchmarks/adversarial.py`` has the pattern at size)."""
    text = "#iPhone「對」" * 3
    got = [(s.lang, text[s.start : s.end]) for s in bilingual.split(text)]
    assert got == [("hashtag", "#iPhone"), ("zh", "「對」")] * 3
