"""Find place names in clean text.

1. Segment: scan left to right, at each position take the longest official or short name
   (two characters at least); a match consumes its characters, so 浙江西部 yields 浙江, not 江西.
2. Resolve: a surface may name several divisions. Prefer, in order: a reading *qualified* by a
   reliable mention directly before it that is one of its ancestors (北京朝阳 → the district,
   温州乐清), the official name over the short one, the higher level (a bare 朝阳 is the city,
   河北 in 天津、河北 the province), a reading *supported* by a reliable mention within ``window``
   characters (the same place, its parent, or a sibling in its prefecture), then the lower code.
   Reliable mentions are official names and province- or prefecture-level places.
3. Strict mode drops county-level places named only by their short name that are neither
   qualified nor supported: short county names are often ordinary words or nicknames (新兴 in
   战略性新兴产业, 合作, 资源, 龙城, 东方, 江北 in 长江北岸).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from clustergraph.gazetteer.model import LEVEL_RANK, Mention, Region

if TYPE_CHECKING:
    from clustergraph.gazetteer.core import Gazetteer

__all__ = ["find_mentions"]


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    surface: str
    entries: tuple[tuple[Region, bool], ...]


def _segment(gazetteer: Gazetteer, text: str) -> list[_Match]:
    surfaces = gazetteer.surfaces()
    longest = gazetteer.max_surface_length
    matches: list[_Match] = []
    i, n = 0, len(text)
    while i < n:
        for length in range(min(longest, n - i), 1, -1):
            entries = surfaces.get(text[i : i + length])
            if entries:
                matches.append(_Match(i, i + length, text[i : i + length], entries))
                i += length
                break
        else:
            i += 1
    return matches


class _Lineage:
    """Ancestor codes per region, memoised for the support tests."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer
        self._cache: dict[str, frozenset[str]] = {}

    def of(self, region: Region) -> frozenset[str]:
        found = self._cache.get(region.code6)
        if found is None:
            found = frozenset(a.code6 for a in self._gazetteer.ancestors(region.code6))
            self._cache[region.code6] = found
        return found

    def tight(self, neighbour: Region, region: Region) -> bool:
        """``neighbour`` directly before ``region`` qualifies it (北京朝阳, 温州乐清)."""
        return neighbour.code6 in self.of(region)

    def near(self, neighbour: Region, region: Region) -> bool:
        """``neighbour`` nearby names the same place, its parent or a sibling in its prefecture."""
        if neighbour.code6 in (region.code6, region.parent_code):
            return True
        parent = region.parent_code
        return (
            parent is not None and parent == neighbour.parent_code and not parent.endswith("0000")
        )


@dataclass(frozen=True, slots=True)
class _Pick:
    rank: tuple[int, int, int, int, str]
    region: Region
    by_short: bool
    supported: bool


def _resolve(
    entries: tuple[tuple[Region, bool], ...],
    before: Sequence[Region],
    nearby: Sequence[Region],
    lineage: _Lineage,
) -> list[_Pick]:
    """Rank the readings of one surface: tight qualifier, official name, level, nearby support."""
    picks = []
    for region, by_short in entries:
        tight = any(lineage.tight(other, region) for other in before)
        near = any(lineage.near(other, region) for other in nearby)
        rank = (
            0 if tight else 1,
            int(by_short),
            LEVEL_RANK[region.level],
            0 if near else 1,
            region.code6,
        )
        picks.append(_Pick(rank, region, by_short, tight or near))
    picks.sort(key=lambda pick: pick.rank)
    return picks


def _reliable(pick: _Pick) -> bool:
    return not pick.by_short or pick.region.level != "county"


def find_mentions(
    gazetteer: Gazetteer, text: str, *, strict: bool = True, window: int = 1000
) -> list[Mention]:
    """Place-name mentions in ``text`` (offsets index ``text``), in text order.

    :param text: clean (NFKC) text; it is not normalised here so offsets stay exact.
    :param strict: drop unsupported county-level short names (see module docstring).
    :param window: how far (characters) a supporting mention may be.
    """
    if not text:
        return []
    matches = _segment(gazetteer, text)
    lineage = _Lineage(gazetteer)
    # Round 1: context-free readings decide which neighbours are reliable qualifiers.
    first = [_resolve(m.entries, (), (), lineage)[0] for m in matches]
    anchors = [
        (m.start, m.end, pick.region)
        for m, pick in zip(matches, first, strict=True)
        if _reliable(pick)
    ]
    mentions: list[Mention] = []
    for match in matches:
        before = [region for _, end, region in anchors if end == match.start]
        nearby = [
            region
            for start, end, region in anchors
            if (start, end) != (match.start, match.end)
            and start >= match.start - window
            and end <= match.end + window
        ]
        picks = _resolve(match.entries, before, nearby, lineage)
        best = picks[0]
        if strict and best.by_short and best.region.level == "county" and not best.supported:
            continue
        mentions.append(
            Mention(
                start=match.start,
                end=match.end,
                region=best.region,
                surface=match.surface,
                candidates=tuple(pick.region for pick in picks),
                by_short_name=best.by_short,
            )
        )
    return mentions
