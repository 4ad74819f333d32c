"""Compound place abbreviations: one character per place (深广, 广深佛莞, 通扬泰, 永武缙).

Each character is the first or second character of a short name (深圳 → 深, 无锡 → 锡, 南通 → 通),
or the official one-character abbreviation of a province-level division (渝 → 重庆, 川 → 四川,
湘 → 湖南: 成渝, 川渝), which counts as tier 0 whenever that province is in scope and no place of
the context has the character in its own short name.
Candidates are searched only near the context, in tiers:

0. a context place itself;  1. inside a context place;  2. a sibling under the same prefecture;
3. in the province of a context place.

The expansion minimises, in order: the sum of tiers, the sum of levels (higher divisions first),
minus the number of pairs sharing a prefecture (places named together are usually neighbours),
the sum of character positions (first character preferred), then codes. An expansion may not
repeat a place or contain a province-level division together with a place inside it (so 广深佛莞
next to 广东 is 广州 … not 广东 …; a city and its own county, 金华 + 义乌 = 金义, is allowed). Without context, or when a character has no candidate, there is no answer.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from clustergraph.gazetteer.model import LEVEL_RANK, Region

if TYPE_CHECKING:
    from clustergraph.gazetteer.core import Gazetteer

__all__ = ["CITY_ABBREVIATIONS", "PROVINCE_ABBREVIATIONS", "expand_abbreviation"]

_MAX_TOKEN = 8

#: official one-character abbreviations (简称) of the province-level divisions → GB/T 2260 code
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "京": "110000",
    "津": "120000",
    "冀": "130000",
    "晋": "140000",
    "蒙": "150000",
    "辽": "210000",
    "吉": "220000",
    "黑": "230000",
    "沪": "310000",
    "苏": "320000",
    "浙": "330000",
    "皖": "340000",
    "闽": "350000",
    "赣": "360000",
    "鲁": "370000",
    "豫": "410000",
    "鄂": "420000",
    "湘": "430000",
    "粤": "440000",
    "桂": "450000",
    "琼": "460000",
    "渝": "500000",
    "川": "510000",
    "贵": "520000",
    "云": "530000",
    "藏": "540000",
    "陕": "610000",
    "甘": "620000",
    "青": "630000",
    "宁": "640000",
    "新": "650000",
}


#: customary one-character abbreviations of cities that are not a character of their name
#: (宁镇扬 = 南京, 镇江, 扬州; 甬 = 宁波; 蓉 = 成都; 穗 = 广州): candidates like a name character
CITY_ABBREVIATIONS: dict[str, str] = {
    "宁": "320100",  # 南京
    "甬": "330200",  # 宁波
    "榕": "350100",  # 福州
    "鹭": "350200",  # 厦门
    "穗": "440100",  # 广州
    "鹏": "440300",  # 深圳
    "邕": "450100",  # 南宁
    "蓉": "510100",  # 成都
    "筑": "520100",  # 贵阳
    "并": "140100",  # 太原
}


def _is_han(char: str) -> bool:
    return unicodedata.category(char) == "Lo" and "CJK" in unicodedata.name(char, "")


class _Context:
    def __init__(self, gazetteer: Gazetteer, context: Sequence[Region]) -> None:
        self.gazetteer = gazetteer
        self.codes = {r.code6 for r in context}
        self.provinces = {r.province_code for r in context}
        self.prefectures = set()
        for region in context:
            if region.level == "prefecture":
                self.prefectures.add(region.code6)
            elif region.parent_code and not region.parent_code.endswith("0000"):
                self.prefectures.add(region.parent_code)

    def tier(self, region: Region) -> int | None:
        if region.code6 in self.codes:
            return 0
        ancestors = {a.code6 for a in self.gazetteer.ancestors(region.code6)}
        if ancestors & self.codes:
            return 1
        if region.parent_code in self.prefectures:
            return 2
        if region.province_code in self.provinces:
            return 3
        return None


def _valid(choice: Sequence[Region], gazetteer: Gazetteer) -> bool:
    codes = [r.code6 for r in choice]
    if len(set(codes)) != len(codes):
        return False
    provinces = {r.code6 for r in choice if r.level == "province"}
    return not any(
        a.code6 in provinces for region in choice for a in gazetteer.ancestors(region.code6)
    )


def _cohesion(choice: Sequence[Region]) -> int:
    return sum(
        1
        for a, b in itertools.combinations(choice, 2)
        if a.parent_code is not None
        and a.parent_code == b.parent_code
        and not a.parent_code.endswith("0000")
    )


def _candidates(gazetteer: Gazetteer, char: str) -> list[tuple[int, Region, bool]]:
    """Divisions ``char`` may stand for: ``(position, region, is the province's 简称)``."""
    code = PROVINCE_ABBREVIATIONS.get(char)
    found = [
        (position, region, region.code6 == code) for position, region in gazetteer.by_char(char)
    ]
    province = gazetteer.by_code(code) if code else None
    if province is not None and all(region.code6 != code for _, region, _ in found):
        found.append((0, province, True))
    city = gazetteer.by_code(CITY_ABBREVIATIONS[char]) if char in CITY_ABBREVIATIONS else None
    if city is not None and all(region.code6 != city.code6 for _, region, _ in found):
        found.append((0, city, False))
    return found


def expand_abbreviation(
    gazetteer: Gazetteer, token: str, context: Sequence[Region]
) -> list[Region] | None:
    """The places a compound abbreviation stands for, in token order, or ``None``.

    :param token: e.g. ``"广深佛莞"`` (2–8 Han characters).
    :param context: places mentioned nearby (same title, sentence or case), most relevant first.
    """
    token = unicodedata.normalize("NFKC", token).strip()
    if not context or not 2 <= len(token) <= _MAX_TOKEN or not all(map(_is_han, token)):
        return None
    scope = _Context(gazetteer, context)
    width = 6 if len(token) <= 4 else 3
    options: list[list[tuple[int, int, int, Region]]] = []
    for char in token:
        candidates = [
            (scope.tier(region), position, region, official)
            for position, region, official in _candidates(gazetteer, char)
        ]
        # an official 简称 of a province in scope means that province (川渝: 四川, 重庆), unless
        # a place named nearby has the character in its own name (湘 next to 湘潭 is 湘潭)
        promote = not any(tier == 0 and not official for tier, _, _, official in candidates)
        ranked = [
            (0 if official and promote else tier, LEVEL_RANK[region.level], position, region)
            for tier, position, region, official in candidates
            if tier is not None
        ]
        if not ranked:
            return None
        ranked.sort(key=lambda item: (item[0], item[1], item[2], item[3].code6))
        options.append(ranked[:width])
    best: tuple[tuple[int, int, int, int, tuple[str, ...]], list[Region]] | None = None
    for combo in itertools.product(*options):
        choice = [item[3] for item in combo]
        if not _valid(choice, gazetteer):
            continue
        key = (
            sum(item[0] for item in combo),
            sum(item[1] for item in combo),
            -_cohesion(choice),
            sum(item[2] for item in combo),
            tuple(r.code6 for r in choice),
        )
        if best is None or key < best[0]:
            best = (key, choice)
    return None if best is None else best[1]
