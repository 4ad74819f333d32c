"""Bad input ends in one clear line and exit 2; nothing is written. A truncated text still builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SOURCE, run_cli


def _case(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


CASES = {
    "empty": b"",
    "whitespace": b"  \n\n \t\n",
    "binary": bytes(range(256)) * 8,
    "undecodable": "集群".encode() + b"\xff\xfe\xfa\x80" * 50,
    "no-structure": "这是一段没有任何章节结构的中文文字。它只是普通的句子。".encode() * 20,
    "latin-only": b"just some english text without any structure\n" * 20,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_one_line_exit_2_no_output(tmp_path: Path, name: str) -> None:
    source = _case(tmp_path, f"{name}.txt", CASES[name])
    out = tmp_path / "out.ttl"
    proc = run_cli("build", str(source), "-o", str(out))
    assert proc.returncode == 2, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("clustergraph: error:"), proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{name}.txt"]


def test_missing_file(tmp_path: Path) -> None:
    proc = run_cli("build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out.ttl"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "no such file" in proc.stderr


def test_gb18030_copy_builds_same_facts(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    source = _case(tmp_path, "gbk.txt", text.encode("gb18030"))
    proc = run_cli("build", str(source), "-o", str(tmp_path / "out.ttl"))
    assert proc.returncode == 0, proc.stderr
    proc2 = run_cli("build", str(source), "--encoding", "gb18030", "-o", str(tmp_path / "o2.ttl"))
    assert proc2.returncode == 0, proc2.stderr
    assert (tmp_path / "out.ttl").read_bytes() == (tmp_path / "o2.ttl").read_bytes()


def test_truncated_document_builds_with_warning(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    source = _case(tmp_path, "third.txt", text[: len(text) // 3].encode("utf-8"))
    out = tmp_path / "out.ttl"
    proc = run_cli("build", str(source), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "warning" in proc.stderr
    assert out.stat().st_size > 1000
