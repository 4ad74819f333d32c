"""Read a source document and its metadata sidecar into what the graph needs to describe it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from clustergraph.errors import InputError
from clustergraph.graph.writer import SourceInfo

__all__ = ["LoadedSource", "load_source", "sidecar_path"]


@dataclass(frozen=True)
class LoadedSource:
    """The decoded text of a source file and its description."""

    text: str
    info: SourceInfo


def sidecar_path(path: Path) -> Path:
    """``foo.txt`` → ``foo.meta.json`` (title, publisher, date, language, note)."""
    return path.with_name(path.stem + ".meta.json")


def load_source(path: str | Path, encoding: str | None = None) -> LoadedSource:
    """Read ``path`` (UTF-8 or GB18030/GBK, detected or given) with its optional sidecar.

    :raises InputError: missing, empty, binary or undecodable files, or a bad sidecar.
    """
    from clustergraph.text import SourceError, decode_bytes

    source = Path(path)
    if not source.exists():
        raise InputError(f"{source}: no such file; give the path of a white-paper text file")
    if not source.is_file():
        raise InputError(f"{source}: not a regular file")
    data = source.read_bytes()
    try:
        text = decode_bytes(data, encoding)
    except SourceError as error:
        raise InputError(f"{source.name}: {error}") from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; try utf-8 or gb18030") from None
    meta = _read_sidecar(sidecar_path(source))
    digest = hashlib.sha256(data).hexdigest()
    expected = meta.get("sha256")
    if expected and expected != digest:
        meta = {}  # the sidecar describes another version of the file: do not trust its metadata
    info = SourceInfo(
        file_name=source.name,
        sha256=digest,
        byte_size=len(data),
        char_count=len(text),
        title=meta.get("title"),
        title_en=meta.get("title_en"),
        publisher=meta.get("publisher"),
        issued=meta.get("issued"),
        language=meta.get("language", "zh"),
        note=meta.get("note"),
    )
    return LoadedSource(text=text, info=info)


def _read_sidecar(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(
            f"{path.name}: metadata sidecar is not valid UTF-8 JSON ({error})"
        ) from None
    if not isinstance(meta, dict):
        raise InputError(f"{path.name}: metadata sidecar must be a JSON object")
    return {str(k): str(v) for k, v in meta.items() if isinstance(v, str | int)}
