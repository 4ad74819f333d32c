"""The gazetteer: GB/T 2260 divisions indexed by code, official name, short name and character.

Loaded once per process (``Gazetteer.default()``); building the indexes takes a few milliseconds.
Name look-ups (official or short name, NFKC) keep only divisions inside ``within`` when it is
given, then prefer an exact official name, then the higher level (province, prefecture, county),
then the lower code, so answers are deterministic.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from clustergraph.gazetteer.model import LEVEL_RANK, Mention, Region
from clustergraph.gazetteer.names import stem_length
from clustergraph.gazetteer.table import NON_MAINLAND_PROVINCE_PREFIXES, load_regions

__all__ = ["Gazetteer", "normalise_code", "within_prefix"]


def normalise_code(code: str | int) -> str:
    """A 6-digit code from a 6- or 12-digit code (or int)."""
    text = str(code).strip()
    if len(text) == 12 and text.isdigit():
        return text[:6]
    if len(text) == 6 and text.isdigit():
        return text
    raise KeyError(f"not a GB/T 2260 code: {code!r}")


def within_prefix(within: str) -> str:
    """The code prefix a ``within`` argument stands for: ``330000`` → ``33``, ``330300`` → ``3303``."""
    prefix = str(within).strip()
    if len(prefix) == 12:
        prefix = prefix[:6]
    while len(prefix) > 2 and prefix.endswith("00"):
        prefix = prefix[:-2]
    return prefix


class Gazetteer:
    """Look-ups over the division table; see the module docstring for the preference order."""

    def __init__(self, regions: Iterable[Region]) -> None:
        self._regions: tuple[Region, ...] = tuple(sorted(regions, key=lambda r: r.code6))
        self._by_code: dict[str, Region] = {r.code6: r for r in self._regions}
        by_name: dict[str, list[Region]] = defaultdict(list)
        by_short: dict[str, list[Region]] = defaultdict(list)
        for region in self._regions:
            by_name[region.name].append(region)
            if region.short_name != region.name:
                by_short[region.short_name].append(region)
        self._by_name = dict(by_name)
        self._by_short = dict(by_short)
        self._by_char: dict[str, tuple[tuple[int, Region], ...]] | None = None
        self._surfaces: dict[str, tuple[tuple[Region, bool], ...]] | None = None
        self._max_surface = 0

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def default(cls) -> Gazetteer:
        """The process-wide gazetteer built from cpca's table (cached)."""
        return _default()

    # -- basic access ---------------------------------------------------------------------
    def __iter__(self) -> Iterator[Region]:
        return iter(self._regions)

    def __len__(self) -> int:
        return len(self._regions)

    def regions(self) -> tuple[Region, ...]:
        """Every division, sorted by code."""
        return self._regions

    def provinces(self) -> list[Region]:
        """The 31 province-level divisions of the mainland.

        台湾, 香港 and 澳门 are in the table (``lookup`` finds them) but not counted, as in the white
        paper's "全国31个省(自治区、直辖市)".
        """
        return [
            r
            for r in self._regions
            if r.level == "province" and r.code6[:2] not in NON_MAINLAND_PROVINCE_PREFIXES
        ]

    def by_code(self, code: str | int) -> Region | None:
        """The division with this 6- (or 12-) digit code, or ``None``."""
        try:
            return self._by_code.get(normalise_code(code))
        except KeyError:
            return None

    def ancestors(self, code: str | int) -> list[Region]:
        """Divisions above ``code``, nearest first (county → prefecture → province)."""
        region = self.by_code(code)
        chain: list[Region] = []
        while region is not None and region.parent_code is not None:
            region = self._by_code.get(region.parent_code)
            if region is not None:
                chain.append(region)
        return chain

    def province_of(self, code: str | int) -> Region | None:
        """The province-level division containing ``code`` (itself for a province)."""
        region = self.by_code(code)
        if region is None:
            return None
        return self._by_code.get(region.province_code)

    def children(self, code: str | int) -> list[Region]:
        """Divisions whose parent is ``code``."""
        code6 = normalise_code(code)
        return [r for r in self._regions if r.parent_code == code6]

    def is_within(self, region: Region, ancestor: Region) -> bool:
        """True if ``ancestor`` is ``region`` or one of its ancestors."""
        return region.code6 == ancestor.code6 or any(
            a.code6 == ancestor.code6 for a in self.ancestors(region.code6)
        )

    # -- names ----------------------------------------------------------------------------
    def candidates(self, name: str, within: str | None = None) -> list[Region]:
        """Every division ``name`` can denote, best first (see module docstring)."""
        key = unicodedata.normalize("NFKC", name).strip()
        full = self._by_name.get(key, ())
        short = self._by_short.get(key, ())
        found: dict[str, tuple[tuple[int, int, int, str], Region]] = {}
        prefix = within_prefix(within) if within else None
        for is_short, group in ((0, full), (1, short)):
            for region in group:
                outside = 0 if prefix is None or region.code6.startswith(prefix) else 1
                rank = (outside, is_short, LEVEL_RANK[region.level], region.code6)
                if region.code6 not in found or rank < found[region.code6][0]:
                    found[region.code6] = (rank, region)
        ordered = sorted(found.values(), key=lambda item: item[0])
        if prefix is not None:
            inside = [region for rank, region in ordered if rank[0] == 0]
            return inside
        return [region for _, region in ordered]

    def lookup(self, name: str, within: str | None = None) -> Region | None:
        """The division ``name`` (official or short) most likely denotes, or ``None``.

        :param name: e.g. ``"宁波"``, ``"宁波市"``, ``"重庆"``.
        :param within: a code or code prefix (``"33"``, ``"330000"``, ``"3303"``) the answer must
            lie in; used to pick between same-named divisions.
        """
        found = self.candidates(name, within)
        if not found:
            return None
        # An exact official name wins; otherwise the higher level (province > prefecture > county).
        key = unicodedata.normalize("NFKC", name).strip()
        exact = [r for r in found if r.name == key]
        pool = exact or found
        return min(pool, key=lambda r: (LEVEL_RANK[r.level], r.code6))

    def surfaces(self) -> dict[str, tuple[tuple[Region, bool], ...]]:
        """Names usable in text scanning → ``(region, by_short_name)`` pairs.

        Official names count unless they are generic words (a one-character stem plus 区: 城区,
        郊区, 矿区); short names need two characters.
        """
        if self._surfaces is None:
            table: dict[str, list[tuple[Region, bool]]] = defaultdict(list)
            for region in self._regions:
                if stem_length(region.name) >= 2 or not region.name.endswith("区"):
                    table[region.name].append((region, False))
                if region.short_name != region.name and len(region.short_name) >= 2:
                    table[region.short_name].append((region, True))
            self._surfaces = {k: tuple(v) for k, v in table.items()}
            self._max_surface = max(len(k) for k in self._surfaces)
        return self._surfaces

    @property
    def max_surface_length(self) -> int:
        """Length of the longest scannable name."""
        self.surfaces()
        return self._max_surface

    def by_char(self, char: str) -> tuple[tuple[int, Region], ...]:
        """Divisions whose short name has ``char`` as first (0) or second (1) character."""
        if self._by_char is None:
            table: dict[str, list[tuple[int, Region]]] = defaultdict(list)
            for region in self._regions:
                if len(region.short_name) >= 2:
                    for position, first_two in enumerate(region.short_name[:2]):
                        table[first_two].append((position, region))
            self._by_char = {k: tuple(v) for k, v in table.items()}
        return self._by_char.get(char, ())

    # -- text -----------------------------------------------------------------------------
    def find_mentions(self, text: str, *, strict: bool = True, window: int = 1000) -> list[Mention]:
        """Place names in ``text`` by longest match; see :func:`clustergraph.gazetteer.mentions`."""
        from clustergraph.gazetteer.mentions import find_mentions

        return find_mentions(self, text, strict=strict, window=window)

    def expand_abbreviation(self, token: str, context: Sequence[Region]) -> list[Region] | None:
        """Resolve a compound abbreviation (广深佛莞, 成德, 永武缙) against nearby places."""
        from clustergraph.gazetteer.abbreviations import expand_abbreviation

        return expand_abbreviation(self, token, context)


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return Gazetteer(load_regions())
