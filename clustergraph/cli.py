"""The ``clustergraph`` command: a thin argparse front end whose commands live one per module.

``clustergraph.commands.NAME`` defines ``DESCRIPTION``, ``configure(parser)`` and ``run(args)``;
it is imported only when NAME runs, so ``clustergraph --help`` and light commands start fast
(rdflib's SPARQL machinery alone costs ~250 ms to import, and even click costs ~10 ms).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from types import ModuleType

from clustergraph import __version__
from clustergraph.errors import ClusterGraphError

__all__ = ["COMMANDS", "main"]

#: command name → one-line help (shown by ``clustergraph --help`` without importing the command)
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

DESCRIPTION = """\
clustergraph: the advanced-manufacturing-cluster knowledge graph toolkit.

Exit codes: 0 success, 1 SHACL violations, 2 bad input/parameters/endpoint,
3 internal error."""


def _parser(
    prog: str, description: str, usage: str | None = None, epilog: str | None = None
) -> argparse.ArgumentParser:
    """A parser with the CLI's conventions: ``--help`` only, no abbreviated option names."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        add_help=False,
        allow_abbrev=False,
        usage=usage,
        epilog=epilog,
    )
    parser.add_argument("--help", action="help", help="Show this message and exit.")
    return parser


def top_parser() -> argparse.ArgumentParser:
    """The ``clustergraph`` parser: --version, --help, then COMMAND and its arguments untouched."""
    width = max(map(len, COMMANDS)) + 2
    listing = "\n".join(f"  {name.ljust(width)}{COMMANDS[name]}" for name in sorted(COMMANDS))
    parser = _parser(
        "clustergraph",
        DESCRIPTION,
        usage="%(prog)s [--version] [--help] COMMAND [ARGS]...",
        epilog=f"commands:\n{listing}",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"clustergraph, version {__version__}",
        help="Show the version and exit.",
    )
    parser.add_argument("command", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def command_parser(name: str, module: ModuleType) -> argparse.ArgumentParser:
    """The parser of ``clustergraph NAME``, with the arguments its module declares."""
    parser = _parser(f"clustergraph {name}", module.DESCRIPTION)
    module.configure(parser)
    return parser


def _load(name: str) -> ModuleType:
    """Import the module that holds command NAME, or say it is not available."""
    module_name = f"clustergraph.commands.{name.replace('-', '_')}"
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        raise ClusterGraphError(f"the '{name}' command is not available in this version") from None


def _run(argv: list[str]) -> None:
    """Parse ARGV, import the chosen command and run it."""
    top = top_parser()
    chosen = top.parse_args(argv)
    if chosen.command is None:
        top.print_help(sys.stderr)
        sys.exit(2)
    if chosen.command not in COMMANDS:
        top.error(f"No such command '{chosen.command}'.")
    module = _load(chosen.command)
    module.run(command_parser(chosen.command, module).parse_args(chosen.args))
    sys.stdout.flush()


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the exit flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> None:
    """Run a command and turn project errors into one line + exit code (raises SystemExit)."""
    try:
        _run(sys.argv[1:] if argv is None else list(argv))
    except ClusterGraphError as error:
        sys.stderr.write(f"clustergraph: error: {error}\n")
        report = getattr(error, "report", "")
        if report:
            sys.stderr.write(f"{report}\n")
        sys.stderr.flush()
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except Exception as error:
        if os.environ.get("CLUSTERGRAPH_DEBUG"):
            raise
        sys.stderr.write(
            f"clustergraph: internal error: {type(error).__name__}: {error} "
            "(set CLUSTERGRAPH_DEBUG=1 for the traceback, and please report it)\n"
        )
        sys.exit(3)
    sys.exit(0)


def console() -> None:
    """The ``clustergraph`` script: :func:`main`, then leave without interpreter teardown.

    Tearing the interpreter down (module dictionaries, the in-memory query store) costs 10–15 ms,
    a sixth of a whole canned query. By then every output file is written, renamed and closed
    (commands write atomically, temporary folders are context-managed) and nothing registers
    exit handlers, so the streams are flushed and the process leaves with the same exit code.
    """
    try:
        main()
        code: int = 0
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            code = done.code or 0
        else:  # sys.exit("message"), as argparse and Python do
            sys.stderr.write(f"{done.code}\n")
            code = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except OSError:
        code = code or 1
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    console()
