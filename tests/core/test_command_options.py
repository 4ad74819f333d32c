"""The click options shared by several commands (clustergraph/commands/options.py)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from clustergraph.commands.options import (
    DEFAULT_GRAPH_HELP,
    data_file_option,
    data_source_option,
    endpoint_option,
    timeout_option,
)


def option(command_name: str, name: str) -> click.Option:
    """The option NAME (e.g. "data") of ``clustergraph COMMAND_NAME``."""
    command = importlib.import_module(f"clustergraph.commands.{command_name}").command
    (found,) = [p for p in command.params if p.name == name]
    assert isinstance(found, click.Option)
    return found


@pytest.mark.parametrize(
    ("command_name", "help_text"),
    [
        ("query", "RDF file to query (default: the bundled kg/clustergraph.ttl)."),
        ("serve", "RDF file to serve (default: the bundled kg/clustergraph.ttl)."),
        ("publish", "RDF file to send (default: the bundled kg/clustergraph.ttl)."),
        ("site", "RDF file to read (default: the bundled kg/clustergraph.ttl)."),
    ],
    ids=["query", "serve", "publish", "site"],
)
def test_data_file_option_in_each_command(command_name: str, help_text: str) -> None:
    data = option(command_name, "data")
    assert data.help == help_text
    assert data.help.endswith(DEFAULT_GRAPH_HELP)
    assert isinstance(data.type, click.Path)
    assert data.type.dir_okay is False


@pytest.mark.parametrize("command_name", ["network", "viz"])
def test_data_source_option_takes_a_file_or_url(command_name: str) -> None:
    data = option(command_name, "data")
    assert data.metavar == "FILE|URL"
    assert data.type == click.STRING
    assert data.help == "RDF file or SPARQL endpoint (default: the bundled kg/clustergraph.ttl)."


def test_endpoint_and_timeout_keep_their_per_command_settings() -> None:
    assert option("query", "endpoint").required is False
    assert option("publish", "endpoint").required is True
    assert option("query", "timeout").default == 30.0
    assert option("publish", "timeout").default == 60.0
    assert option("query", "timeout").help == "Seconds to wait for an endpoint."
    assert option("publish", "timeout").help is None


def probe() -> click.Command:
    @click.command()
    @data_file_option("probe")
    @endpoint_option("A service.", required=True)
    @timeout_option(5.0)
    def command(data: Path | None, endpoint: str, timeout: float) -> None:
        click.echo(f"{data}|{endpoint}|{timeout}")

    return command


def test_options_parse_and_check_their_values(tmp_path: Path) -> None:
    runner = CliRunner()
    graph = tmp_path / "g.ttl"
    graph.write_text("", encoding="utf-8")
    ok = runner.invoke(probe(), ["--endpoint", "http://127.0.0.1:1/q", "--data", str(graph)])
    assert ok.exit_code == 0, ok.output
    assert ok.output == f"{graph}|http://127.0.0.1:1/q|5.0\n"
    default = runner.invoke(probe(), ["--endpoint", "u", "--timeout", "0.5"])
    assert default.output == "None|u|0.5\n"
    folder = runner.invoke(probe(), ["--endpoint", "u", "--data", str(tmp_path)])
    assert folder.exit_code == 2
    assert "is a directory" in folder.output
    missing = runner.invoke(probe(), [])
    assert missing.exit_code == 2
    assert "--endpoint" in missing.output
    too_short = runner.invoke(probe(), ["--endpoint", "u", "--timeout", "0"])
    assert too_short.exit_code == 2


def test_a_shared_option_is_a_fresh_parameter_per_command() -> None:
    first, second = probe(), probe()
    assert not {id(p) for p in first.params} & {id(p) for p in second.params}
    network, viz = option("network", "data"), option("viz", "data")
    assert network is not viz
    assert data_source_option is not None


def test_options_module_imports_only_click() -> None:
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import clustergraph.commands.options\n"
        "new = sorted(m for m in set(sys.modules) - before if m.split('.')[0] != 'click')\n"
        "print(' '.join(new))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(result.stdout.split())
    heavy = {m for m in loaded if m.split(".")[0] in {"rdflib", "networkx", "pyoxigraph"}}
    assert heavy == set()
    ours = {m for m in loaded if m.split(".")[0] == "clustergraph"}
    assert ours == {"clustergraph", "clustergraph.commands", "clustergraph.commands.options"}
