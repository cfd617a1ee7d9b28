"""Scoring English/Chinese pairs: does one text translate the other?

The length model is calibrated on the Tatoeba English–Mandarin pairs (29,155 pairs of
the 2022 release): the log of (Chinese letters and digits / English non-space
characters) has mean -1.093 and standard deviation 0.254.
"""

from __future__ import annotations

import math

import regex

LOG_RATIO_MEAN = -1.093
LOG_RATIO_SD = 0.254

_EN_CHARS = regex.compile(r"\S")
_ZH_CHARS = regex.compile(r"[\p{L}\p{N}]")


def length_score(en: str, zh: str) -> float:
    """How plausible the two lengths are for a translation pair, in [0, 1].

    >>> length_score("I like tea.", "我喜欢茶。")
    0.857
    >>> length_score("I like tea.", "我喜欢茶，也喜欢咖啡，还喜欢果汁和牛奶。")
    0.003
    """
    n_en = len(_EN_CHARS.findall(en))
    n_zh = len(_ZH_CHARS.findall(zh))
    if not n_en or not n_zh:
        return 0.0
    z = (math.log(n_zh / n_en) - LOG_RATIO_MEAN) / LOG_RATIO_SD
    return round(math.exp(-z * z / 8), 3)


def score_pair(en: str, zh: str) -> float:
    """The confidence, in [0, 1], that ``zh`` translates ``en``.

    >>> score_pair("Good morning!", "早上好！")
    0.846
    """
    return length_score(en, zh)
