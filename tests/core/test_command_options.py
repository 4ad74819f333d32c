"""The argparse options shared by several commands (clustergraph/commands/options.py)."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from clustergraph.cli import command_parser
from clustergraph.commands.options import (
    DEFAULT_GRAPH_HELP,
    add_data_file_option,
    add_data_source_option,
    add_endpoint_option,
    add_timeout_option,
)


def parser_of(command_name: str) -> argparse.ArgumentParser:
    """A fresh parser of ``clustergraph COMMAND_NAME``, as the CLI builds it."""
    module = importlib.import_module(f"clustergraph.commands.{command_name}")
    return command_parser(command_name, module)


def option(command_name: str, name: str) -> argparse.Action:
    """The option NAME (e.g. "data") of ``clustergraph COMMAND_NAME``."""
    found = [a for a in parser_of(command_name)._actions if a.dest == name]
    assert len(found) == 1, found
    assert found[0].option_strings == [f"--{name}"]
    return found[0]


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
    assert data.metavar == "FILE"
    assert data.type is not None
    assert data.type("g.ttl") == Path("g.ttl")
    with pytest.raises(argparse.ArgumentTypeError, match="is a directory"):
        data.type(str(Path(__file__).parent))  # a folder where a file is due


@pytest.mark.parametrize("command_name", ["network", "viz"])
def test_data_source_option_takes_a_file_or_url(command_name: str) -> None:
    data = option(command_name, "data")
    assert data.metavar == "FILE|URL"
    assert data.type is None  # a plain string: a file or a URL
    assert data.help == "RDF file or SPARQL endpoint (default: the bundled kg/clustergraph.ttl)."


def test_endpoint_and_timeout_keep_their_per_command_settings() -> None:
    assert option("query", "endpoint").required is False
    assert option("publish", "endpoint").required is True
    assert option("query", "timeout").default == 30.0
    assert option("publish", "timeout").default == 60.0
    assert option("query", "timeout").help == (
        "Seconds to wait for an endpoint.  [default: 30.0; x>=0.1]"
    )
    assert option("publish", "timeout").help == "[default: 60.0; x>=0.1]"


def probe() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="probe", allow_abbrev=False)
    add_data_file_option(parser, "probe")
    add_endpoint_option(parser, "A service.", required=True)
    add_timeout_option(parser, 5.0)
    return parser


def parse(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """(exit code, stderr) of parsing ARGS with probe(); 0 and "data|endpoint|timeout" if it parses."""
    try:
        ns = probe().parse_args(args)
    except SystemExit as exited:
        return int(exited.code or 0), capsys.readouterr().err
    return 0, f"{ns.data}|{ns.endpoint}|{ns.timeout}"


def test_options_parse_and_check_their_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    graph = tmp_path / "g.ttl"
    graph.write_text("", encoding="utf-8")
    ok = parse(["--endpoint", "http://127.0.0.1:1/q", "--data", str(graph)], capsys)
    assert ok == (0, f"{graph}|http://127.0.0.1:1/q|5.0")
    assert parse(["--endpoint", "u", "--timeout", "0.5"], capsys) == (0, "None|u|0.5")
    code, err = parse(["--endpoint", "u", "--data", str(tmp_path)], capsys)
    assert code == 2
    assert "is a directory" in err
    code, err = parse([], capsys)
    assert code == 2
    assert "--endpoint" in err
    code, err = parse(["--endpoint", "u", "--timeout", "0"], capsys)
    assert code == 2
    assert "x>=0.1" in err


def test_a_shared_option_is_a_fresh_parameter_per_command() -> None:
    first, second = probe(), probe()
    assert not {id(a) for a in first._actions} & {id(a) for a in second._actions}
    network, viz = option("network", "data"), option("viz", "data")
    assert network is not viz
    assert add_data_source_option is not None


def test_options_module_imports_only_the_standard_library() -> None:
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import clustergraph.commands.options\n"
        "new = sorted(set(sys.modules) - before)\n"
        "print(' '.join(new))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(result.stdout.split())
    heavy = {m for m in loaded if m.split(".")[0] in {"click", "rdflib", "networkx", "pyoxigraph"}}
    assert heavy == set()
    ours = {m for m in loaded if m.split(".")[0] == "clustergraph"}
    assert ours == {"clustergraph", "clustergraph.commands", "clustergraph.commands.options"}
