"""Read the GB/T 2260 division table that ships inside the ``cpca`` package.

The package itself is never imported (it pulls in pandas and pkg_resources at import time): its
folder is found with ``importlib.util.find_spec``, which does not execute ``cpca/__init__.py``.
Level and parent come from the code structure: ``xx0000`` province, ``xxyy00`` prefecture, anything
else county-level. Statistical placeholders (市辖区, 县, 省直辖县级行政区划 …) are not divisions:
they are dropped and their children hang directly under the province (北京's districts, 仙桃).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path

from clustergraph.errors import InputError
from clustergraph.gazetteer.model import Level, Region
from clustergraph.gazetteer.names import short_name

__all__ = [
    "NON_MAINLAND_PROVINCE_PREFIXES",
    "PLACEHOLDER_NAMES",
    "cpca_resource",
    "cpca_version",
    "load_regions",
    "table_sha256",
    "table_size",
]

#: GB/T 2260 names of statistical groupings that are not administrative divisions.
PLACEHOLDER_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
#: GB/T 2260 province prefixes of 台湾 (71), 香港 (81) and 澳门 (82): outside the 31 of the mainland.
NON_MAINLAND_PROVINCE_PREFIXES = frozenset({"71", "81", "82"})


def cpca_resource(name: str) -> Path:
    """Path of ``cpca/resources/{name}`` without importing cpca."""
    spec = importlib.util.find_spec("cpca")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / "resources" / name
        if path.is_file():
            return path
    raise InputError(f"cpca resource {name!r} not found: is the 'cpca' package installed?")


def cpca_version() -> str:
    """Installed cpca version (the gazetteer's edition), ``"unknown"`` if metadata is missing."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cpca")
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def table_sha256() -> str:
    """SHA-256 of the division table, so the graph records exactly which table it used."""
    return hashlib.sha256(cpca_resource("adcodes.csv").read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def table_size() -> tuple[int, int]:
    """``(bytes, characters)`` of the division table."""
    data = cpca_resource("adcodes.csv").read_bytes()
    return len(data), len(data.decode("utf-8"))


@lru_cache(maxsize=1)
def _ethnic_names() -> tuple[str, ...]:
    """Ethnic-group names (with and without 族, bare forms of 2+ chars), longest first."""
    path = cpca_resource("56_nations.csv")
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if not name:
            continue
        names.add(name)
        bare = name.removesuffix("族")
        if len(bare) >= 2:
            names.add(bare)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _level(code6: str) -> Level:
    if code6.endswith("0000"):
        return "province"
    if code6.endswith("00"):
        return "prefecture"
    return "county"


def _coordinate(text: str) -> float | None:
    text = text.strip()
    return float(text) if text else None


@lru_cache(maxsize=1)
def load_regions() -> tuple[Region, ...]:
    """All divisions of the table, sorted by code (placeholders removed)."""
    path = cpca_resource("adcodes.csv")
    ethnic = _ethnic_names()
    rows: list[tuple[str, str, str, float | None, float | None]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if header[:4] != ["adcode", "name", "longitude", "latitude"]:
            raise InputError(f"{path}: unexpected header {header!r}")
        for code12, name, lon, lat, *_ in reader:
            if len(code12) != 12 or not code12.isdigit():
                raise InputError(f"{path}: bad adcode {code12!r}")
            if name in PLACEHOLDER_NAMES:
                continue
            rows.append((code12[:6], code12, name.strip(), _coordinate(lon), _coordinate(lat)))
    real = {code6 for code6, *_ in rows}
    regions: list[Region] = []
    for code6, code12, name, lon, lat in sorted(rows):
        level = _level(code6)
        parent: str | None = None
        if level == "prefecture":
            parent = f"{code6[:2]}0000"
        elif level == "county":
            prefecture = f"{code6[:4]}00"
            parent = prefecture if prefecture in real else f"{code6[:2]}0000"
        regions.append(
            Region(
                code6=code6,
                code12=code12,
                name=name,
                short_name=short_name(name, ethnic),
                level=level,
                parent_code=parent,
                lon=lon,
                lat=lat,
            )
        )
    return tuple(regions)
