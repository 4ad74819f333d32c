"""Value types of the gazetteer: a division (``Region``) and a place name found in text (``Mention``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["LEVEL_RANK", "Level", "Mention", "Region"]

Level = Literal["province", "prefecture", "county"]

#: Higher divisions first: a bare name prefers a province or prefecture over a same-named county.
LEVEL_RANK: dict[str, int] = {"province": 0, "prefecture": 1, "county": 2}


@dataclass(frozen=True, slots=True)
class Region:
    """One GB/T 2260 division as shipped in cpca's table.

    ``parent_code`` is the nearest real division above (a district of 北京 has parent 110000, not
    the 110100 "市辖区" placeholder); ``lon``/``lat`` are ``None`` where the table has no point.
    """

    code6: str
    code12: str
    name: str
    short_name: str
    level: Level
    parent_code: str | None
    lon: float | None
    lat: float | None

    @property
    def province_code(self) -> str:
        """``xx0000`` of the province-level division containing this one."""
        return f"{self.code6[:2]}0000"

    @property
    def names(self) -> tuple[str, ...]:
        """Official name, then the short name when it differs."""
        if self.short_name != self.name:
            return (self.name, self.short_name)
        return (self.name,)


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name in a text: ``text[start:end] == surface`` names ``region``.

    ``candidates`` are all divisions the surface can name (best first); ``by_short_name`` tells
    whether the surface was the short name (宁波) rather than the official name (宁波市).
    """

    start: int
    end: int
    region: Region
    surface: str
    candidates: tuple[Region, ...] = field(default=(), compare=False)
    by_short_name: bool = False
