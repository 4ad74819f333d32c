"""Short names of administrative divisions (宁波市 → 宁波, 广西壮族自治区 → 广西).

Short names are how running text names places; they are derived by general rules from the
official name, never from a list of places: strip one administrative suffix, and after an
``自治…`` suffix also strip the ethnic names (朝鲜族, 维吾尔 …) that precede it. A stem shorter than
two characters is no short name (城区, 赵县 keep their full names).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["GENERIC_SUFFIXES", "short_name", "stem_length"]

# Longest first; the 自治 suffixes also trigger ethnic-name stripping.
_AUTONOMOUS_SUFFIXES: tuple[str, ...] = ("自治区", "自治州", "自治县", "自治旗")
GENERIC_SUFFIXES: tuple[str, ...] = (
    "特别行政区",
    *_AUTONOMOUS_SUFFIXES,
    "联合旗",
    "地区",
    "林区",
    "特区",
    "新区",
    "矿区",
    "省",
    "市",
    "盟",
    "县",
    "区",
    "旗",
)
_MIN_STEM = 2


_SUFFIX = re.compile("(?:" + "|".join(GENERIC_SUFFIXES) + ")$")


@lru_cache(maxsize=4)
def _ethnic_pattern(ethnic_names: tuple[str, ...]) -> re.Pattern[str] | None:
    if not ethnic_names:
        return None
    ordered = sorted(ethnic_names, key=lambda n: (-len(n), n))
    return re.compile("(?:" + "|".join(map(re.escape, ordered)) + ")$")


def _strip_ethnic(stem: str, ethnic_names: tuple[str, ...]) -> str:
    """Remove trailing ethnic names (with or without 族) while two characters remain."""
    pattern = _ethnic_pattern(ethnic_names)
    while pattern is not None:
        match = pattern.search(stem)
        if match is None or match.start() < _MIN_STEM:
            break
        stem = stem[: match.start()]
    return stem


def short_name(name: str, ethnic_names: tuple[str, ...] = ()) -> str:
    """The short name of an official division name, or the name itself when none is safe.

    :param name: official name, e.g. ``"新疆维吾尔自治区"``.
    :param ethnic_names: ethnic-group names, both ``"维吾尔族"`` and ``"维吾尔"``.
    """
    match = _SUFFIX.search(name, 1)  # from 1: the stem is never empty
    if match is None:
        return name
    stem = name[: match.start()]
    if match.group() in _AUTONOMOUS_SUFFIXES:
        stem = _strip_ethnic(stem, ethnic_names)
    return stem if len(stem) >= _MIN_STEM else name


def stem_length(name: str) -> int:
    """Length of ``name`` without its administrative suffix (城区 → 1): generic names are short."""
    match = _SUFFIX.search(name, 1)
    return match.start() if match is not None else len(name)
