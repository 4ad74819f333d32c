"""Bytes → text for Chinese sources: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.

A byte-order mark is removed, so every offset in the text layer indexes the decoded text without
it. Anything that is not usable Chinese text fails early with a :class:`SourceError` whose message
says what to do.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from clustergraph.text.errors import SourceError
from clustergraph.text.normalize import is_cjk, is_cjk_like

__all__ = ["SourceText", "decode_bytes", "read_source"]

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
MAX_CONTROL_RATIO = 0.02  # more control characters than this: a binary file
MIN_CJK_SHARE = 0.6  # of the non-ASCII characters, for a guessed (non-UTF-8) decoding
_OTHER_CHINESE = ("big5", "cp950", "big5hkscs", "hz")
_FIX = "convert it to UTF-8 (iconv -f GB18030 -t UTF-8) or name its encoding"


@dataclass(frozen=True, slots=True)
class SourceText:
    """A decoded source file: its text (BOM removed) and how it was decoded."""

    path: str
    text: str
    encoding: str
    bom: bool


def _plausible(text: str) -> bool:
    """Does a guessed decoding look like Chinese (mostly CJK among non-ASCII characters)?"""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return True
    return sum(map(is_cjk_like, wide)) >= MIN_CJK_SHARE * len(wide)


def _explicit(data: bytes, encoding: str, name: str) -> tuple[str, str, bool]:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise SourceError(f"{name}: unknown encoding {encoding!r}; use utf-8 or gb18030") from None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{name} is not valid {encoding} (byte {error.start}); "
            "check the encoding, or omit it to detect UTF-8/GB18030"
        ) from None
    bom = text.startswith("\ufeff")
    return (text[1:] if bom else text), codec, bom


def _detect(data: bytes, name: str) -> tuple[str, str, bool]:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8", True
        except UnicodeDecodeError as error:
            raise SourceError(
                f"{name} has a UTF-8 BOM but invalid UTF-8 at byte {error.start + 3}; {_FIX}"
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", True
        except UnicodeDecodeError:
            raise SourceError(f"{name} has a UTF-16 BOM but is not UTF-16; {_FIX}") from None
    if b"\x00" in data:
        raise SourceError(f"{name} looks binary (NUL bytes); give a plain-text (.txt) export")
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible(text):
        return text, "gb18030", False
    return _guess(data, name)


def _guess(data: bytes, name: str) -> tuple[str, str, bool]:
    """Last resort: charset-normalizer's pick among the other Chinese codecs, if it reads as
    Chinese (an unrestricted guess happily reads random bytes as BOM-less UTF-16).
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_OTHER_CHINESE)).best()
    if best is not None:
        text = str(best)
        if any(map(is_cjk, text)) and _plausible(text):
            return text, best.encoding, False
    raise SourceError(f"{name} is neither UTF-8 nor GB18030 text; {_FIX}")


def _check(text: str, name: str) -> None:
    if not text.strip():
        raise SourceError(f"{name} contains only whitespace; give the white paper's text")
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_RATIO * len(text):
        raise SourceError(
            f"{name} looks binary ({controls} control characters); give a plain-text (.txt) export"
        )
    if not any(map(is_cjk, text)):
        raise SourceError(
            f"{name} has no Chinese characters; give a Chinese white paper, "
            "or name the right encoding"
        )


def _decode(data: bytes, encoding: str | None, name: str) -> tuple[str, str, bool]:
    if not data:
        raise SourceError(f"{name} is empty (0 bytes); give the white paper's text file")
    decoded = _explicit(data, encoding, name) if encoding else _detect(data, name)
    _check(decoded[0], name)
    return decoded


def decode_bytes(data: bytes, encoding: str | None = None, *, name: str = "input") -> str:
    """Decode a source: ``encoding`` if given, else UTF-8 (BOM optional), UTF-16 (BOM), GB18030.

    :raises SourceError: empty, whitespace-only, binary, undecodable or non-Chinese input.
    """
    return _decode(data, encoding, name)[0]


def read_source(path: str | Path, encoding: str | None = None) -> SourceText:
    """Read and decode a source file (see :func:`decode_bytes`).

    :raises SourceError: also for a missing path or a directory.
    """
    source = Path(path)
    if not source.exists():
        raise SourceError(f"{source}: no such file; check the path")
    if not source.is_file():
        raise SourceError(f"{source}: not a regular file; give the path of a text file")
    text, used, bom = _decode(source.read_bytes(), encoding, source.name)
    return SourceText(str(source), text, used, bom)
