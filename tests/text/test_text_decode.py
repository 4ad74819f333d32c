"""Decoding: UTF-8 with or without BOM, GB18030 by detection, and one-line errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from clustergraph.text import SourceError, decode_bytes, parse_document, read_source

SAMPLE = "案例一：浙江宁波磁性材料集群\n\n一是强化创新。二是加强合作。\n"


def test_utf8_plain_and_bom_stripped() -> None:
    assert decode_bytes(SAMPLE.encode("utf-8")) == SAMPLE
    text = decode_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert text == SAMPLE  # offsets index the text without the BOM
    assert parse_document(text).root.children[0].start == 0


def test_gb18030_detected() -> None:
    data = SAMPLE.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data) == SAMPLE


def test_utf16_with_bom() -> None:
    assert decode_bytes(SAMPLE.encode("utf-16")) == SAMPLE


def test_explicit_encoding() -> None:
    assert decode_bytes(SAMPLE.encode("gbk"), "gbk") == SAMPLE
    with pytest.raises(SourceError, match="not valid utf-8"):
        decode_bytes(SAMPLE.encode("gb18030"), "utf-8")
    with pytest.raises(SourceError, match="unknown encoding"):
        decode_bytes(SAMPLE.encode("utf-8"), "no-such-codec")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "only whitespace"),
        (b"\x00\x01PK\x03\x04\x00\x00binary", "binary"),
        ("集群\x01\x02\x03\x04\x05\x06".encode(), "binary"),
        (b"\x80\xff\x80\xff\x81\x30\xff" * 8, "neither UTF-8 nor GB18030"),
        (b"plain ASCII text, no Chinese at all\n", "no Chinese"),
    ],
    ids=["empty", "whitespace", "nul-bytes", "control-chars", "undecodable", "no-cjk"],
)
def test_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(SourceError, match=message) as caught:
        decode_bytes(data, name="sample.txt")
    text = str(caught.value)
    assert "\n" not in text and text.startswith("sample.txt")
    assert isinstance(caught.value, ValueError)


def test_read_source(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(SAMPLE.encode("gb18030"))
    source = read_source(path)
    assert (source.text, source.encoding, source.bom) == (SAMPLE, "gb18030", False)
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(SourceError, match="not a regular file"):
        read_source(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(SourceError, match="empty"):
        read_source(tmp_path / "empty.txt")
