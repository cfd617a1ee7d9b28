"""The tuned-constants model: frozen, versioned, in line with the code that fits it."""

from __future__ import annotations

import dataclasses
import doctest
import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bilingual import align, crossline, label, segment
from bilingual.model import MODEL, LengthModel, Model, Weights
from bilingual.options import Options

CALIBRATE = Path(__file__).resolve().parents[1] / "benchmarks" / "calibrate.py"
TATOEBA = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "data"
    / "tatoeba-cmn-manythings"
    / "v2022-simplified"
    / "cmn.txt"
)


@pytest.fixture(scope="module")
def calibrate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_calibrate", CALIBRATE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and doctest look the module up by name
    spec.loader.exec_module(module)
    return module


def test_model_is_frozen() -> None:
    """Neither the model nor its weights can be changed in place."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        MODEL.cross_line_threshold = 0.4  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        MODEL.weights.bias = 0.0  # type: ignore[misc]


def test_model_is_hashable_and_compares_by_value() -> None:
    """Two models with the same numbers are equal; a changed copy is not."""
    assert Model() == MODEL
    assert hash(Model()) == hash(MODEL)
    assert dataclasses.replace(MODEL, skip_score=0.2) != MODEL


def test_signature_name() -> None:
    """The name that goes into the reproducibility signature."""
    assert (MODEL.name, MODEL.version) == ("tatoeba-2022", 3)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param({"log_ratio_sd": 0.0}, "log_ratio_sd must be positive", id="sd"),
        pytest.param({"skip_score": 0.0}, "skip_score must be in (0, 1]", id="skip"),
        pytest.param(
            {"bead_priors": (((1, 1), 1.5),)}, "bead prior (1, 1) must be in (0, 1]", id="prior"
        ),
    ],
)
def test_model_rejects_impossible_numbers(changes: dict[str, object], message: str) -> None:
    """A probability outside (0, 1] or a zero deviation is refused when the model is built."""
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Model(**changes)  # type: ignore[arg-type]


def test_modules_read_the_model() -> None:
    """The stages use the model's numbers, and the old public name stays importable."""
    assert crossline.DEFAULT_THRESHOLD == MODEL.cross_line_threshold == 0.45
    assert Options().pair_threshold == MODEL.cross_line_threshold
    assert crossline._HOPELESS_LENGTH == 0.144
    assert MODEL.plain_english_ratio == label._PLAIN_ENGLISH_RATIO
    assert segment._MAX_EMBEDDED_CJK == MODEL.max_embedded_cjk == 5
    assert segment._EDGE_WORD_HOST_RATIO == MODEL.edge_word_host_ratio == 1.5


def test_hopeless_length_is_the_length_score_at_that_ratio() -> None:
    """A Chinese side e times longer than the mean predicts scores exactly the cut-off."""
    en = "x" * 1000
    zh = "中" * round(1000 * math.exp(MODEL.log_ratio_mean + MODEL.hopeless_log_ratio))
    assert align.length_score(en, zh) == MODEL.hopeless_length


def test_bead_priors_cover_the_gale_church_shapes() -> None:
    """Every bead shape of the aligner appears once, 1-1 first (it wins ties)."""
    shapes = [shape for shape, _ in MODEL.bead_priors]
    assert shapes[0] == (1, 1)
    assert sorted(shapes) == [(0, 1), (1, 0), (1, 1), (1, 2), (2, 1), (2, 2)]


def test_calibrate_names_the_model_weights(calibrate: ModuleType) -> None:
    """calibrate.py fits one weight per field of Weights, in the same order."""
    assert tuple(f.name for f in dataclasses.fields(Weights)) == calibrate.WEIGHT_NAMES
    assert set(calibrate.HAND_SET) <= set(calibrate.WEIGHT_NAMES)


@pytest.mark.parametrize(
    ("en", "zh"),
    [
        ("I bought 3 apples.", "我買了三個蘋果。"),
        ("I bought 3 apples.", "火車晚點了。"),
        ("Are you OK?", "你還好嗎？"),
        ("Is Tom at home?", "湯姆在家。"),
        ("Visit https://x.com today, Tom!", "今天去 https://x.com 看看！"),
    ],
)
def test_calibrate_features_are_what_the_score_weighs(
    calibrate: ModuleType, en: str, zh: str
) -> None:
    """The model's weights over calibrate.py's features give the aligner's score."""
    weights = MODEL.weights.as_tuple()
    xs = calibrate.features(en, zh)
    assert len(xs) + 1 == len(weights)
    logit = weights[0]
    for w, x in zip(weights[1:], xs, strict=True):
        logit += w * x
    assert round(1 / (1 + math.exp(-logit)), 3) == align.sentence_score(en, zh)


def test_calibrate_prints_a_model_that_can_be_pasted(calibrate: ModuleType) -> None:
    """The printed ``Model(...)`` evaluates back to the model it was printed from."""
    length = LengthModel(mean=-1.0, floor=0.01, per_char=0.5)
    refitted = calibrate.refit(-1.2, 0.3, length, [-8.0, 7.0, 7.0, 0.5, -0.7, 2.0])
    assert refitted.weights.match == MODEL.weights.match  # hand-set, not fitted
    assert refitted.version == MODEL.version + 1
    source = calibrate.model_source(refitted)
    names = {"Model": Model, "Weights": Weights, "LengthModel": LengthModel}
    assert eval(source, names) == refitted


def test_calibrate_doctests(calibrate: ModuleType) -> None:
    """calibrate.py's own examples hold (the benchmarks are outside the doctest paths)."""
    result = doctest.testmod(calibrate, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert (result.failed, result.attempted) == (0, 4)


def test_length_model_is_tatoeba_2022(calibrate: ModuleType) -> None:
    """The length model's numbers are the ones calibrate.py measures on Tatoeba v2022."""
    if not TATOEBA.exists():
        pytest.skip("shared Tatoeba data not available")
    pairs = calibrate.load()
    mean, sd = calibrate.length_model(pairs)
    assert (round(mean, 3), round(sd, 3)) == (MODEL.log_ratio_mean, MODEL.log_ratio_sd)
    assert calibrate.short_length_model(pairs) == MODEL.length


def test_short_texts_vary_more_in_length() -> None:
    """The score's length model widens for short texts: a 4:4 sign pair is plausible
    (``Exit`` is short), the same ratio over 40 characters is not."""
    assert align._length_plausibility(4, 4) > 0.3 > align._length_plausibility(40, 40)
    assert MODEL.length.at(5)[1] > 2 * MODEL.length.at(500)[1]
