"""``clustergraph serve``: a local, read-only Oxigraph SPARQL endpoint for the graph."""

from __future__ import annotations

from pathlib import Path

import click

from clustergraph.commands.options import data_file_option

__all__ = ["command"]


@click.command(name="serve")
@data_file_option("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True)
@click.option(
    "--location",
    type=click.Path(path_type=Path, file_okay=False),
    help="Oxigraph store directory to keep (default: a temporary one).",
)
@click.option("--allow-remote", is_flag=True, help="Allow binding a non-loopback address.")
def command(
    data: Path | None, host: str, port: int, location: Path | None, allow_remote: bool
) -> None:
    """Serve the graph read-only at http://HOST:PORT/query until interrupted."""
    from clustergraph.query.runner import default_data
    from clustergraph.query.server import serve

    serve(
        data or default_data(),
        host=host,
        port=port,
        location=location,
        allow_remote=allow_remote,
        echo=click.echo,
    )
