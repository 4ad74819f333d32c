"""The ``clustergraph`` command: a thin click group whose commands live one per module.

Commands are imported only when invoked, so ``clustergraph --help`` and light commands start fast
(rdflib's SPARQL machinery alone costs ~250 ms to import).
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from clustergraph import __version__
from clustergraph.errors import ClusterGraphError

__all__ = ["cli", "main"]

#: command name → (module under clustergraph.commands, one-line help)
COMMANDS: dict[str, str] = {
    "build": "Build the graph from a white-paper text file, validate it, write Turtle.",
    "validate": "Validate a graph file against the SHACL shapes.",
    "audit": "Print the data-quality findings recorded in a graph.",
    "queries": "List the canned SPARQL queries.",
    "query": "Run a canned query or a SPARQL file, embedded or against an endpoint.",
    "serve": "Serve the graph read-only from a local Oxigraph SPARQL server.",
    "publish": "Upload the graph to a store via the SPARQL 1.1 Graph Store Protocol.",
    "export": "Export the graph as Turtle, N-Triples, JSON-LD or CSV tables.",
    "network": "Project the graph into a network and write GEXF, GraphML, JSON or metrics.",
    "viz": "Write an interactive, offline HTML picture of a network, or a PNG/SVG/map.",
    "site": "Generate the static explorer website.",
}


class LazyGroup(click.Group):
    """A group that imports ``clustergraph.commands.<name>`` when a command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Return the registered command names in a stable order."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import the module that holds the command, or say it is not available."""
        if cmd_name not in COMMANDS:
            return None
        module_name = f"clustergraph.commands.{cmd_name.replace('-', '_')}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            return _unavailable(cmd_name)
        return module.command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List commands with their static help, without importing their modules."""
        rows = [(name, COMMANDS[name]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _unavailable(name: str) -> click.Command:
    @click.command(name=name, help=COMMANDS[name])
    def stub() -> None:
        raise ClusterGraphError(f"the '{name}' command is not available in this version")

    return stub


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="clustergraph")
def cli() -> None:
    """clustergraph: the advanced-manufacturing-cluster knowledge graph toolkit.

    Exit codes: 0 success, 1 SHACL violations, 2 bad input/parameters/endpoint,
    3 internal error.
    """


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the group and turn project errors into one line + exit code."""
    try:
        cli.main(args=argv, prog_name="clustergraph", standalone_mode=False)
    except ClusterGraphError as error:
        click.echo(f"clustergraph: error: {error}", err=True)
        report = getattr(error, "report", "")
        if report:
            click.echo(report, err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        click.echo("clustergraph: aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(2 if error.exit_code == 1 else error.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as error:
        if os.environ.get("CLUSTERGRAPH_DEBUG"):
            raise
        click.echo(
            f"clustergraph: internal error: {type(error).__name__}: {error} "
            "(set CLUSTERGRAPH_DEBUG=1 for the traceback, and please report it)",
            err=True,
        )
        sys.exit(3)
    sys.exit(0)


if __name__ == "__main__":
    main()
