"""The command group itself: help without heavy imports, unknown commands, version."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import run_cli


def test_help_lists_every_command() -> None:
    from clustergraph.cli import COMMANDS

    proc = run_cli("--help")
    assert proc.returncode == 0
    for name in COMMANDS:
        assert name in proc.stdout


def test_help_does_not_import_rdflib() -> None:
    code = (
        "import sys\nfrom clustergraph.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('rdflib' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "False"


def test_unknown_command_is_exit_2() -> None:
    proc = run_cli("frobnicate")
    assert proc.returncode == 2
    assert "No such command" in proc.stderr


def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0 and "0.1.0" in proc.stdout
