"""Outputs are written atomically: a failure leaves the old file untouched and no temp files."""

from __future__ import annotations

from pathlib import Path

import pytest

from clustergraph.fileio import atomic_write_bytes, atomic_write_text


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.ttl"
    atomic_write_text(target, "一")
    atomic_write_text(target, "二")
    assert target.read_text(encoding="utf-8") == "二"
    assert [p.name for p in target.parent.iterdir()] == ["out.ttl"]


def test_failure_keeps_old_content(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        target = atomic_write_text(tmp_path / "page.html", "<p>")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644
