"""``clustergraph viz``: an offline interactive HTML page, or a PNG/SVG picture, of a network."""

from __future__ import annotations

from pathlib import Path

import click

from clustergraph.commands.options import data_source_option

__all__ = ["command"]


@click.command(name="viz")
@click.argument("projection", required=False)
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="FILE.html (interactive, offline), FILE.png or FILE.svg.",
)
@data_source_option
@click.option(
    "--labels",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    help="PNG/SVG: label this many of the most central nodes.",
)
def command(projection: str | None, out: Path, data: str | None, labels: int) -> None:
    """Draw PROJECTION (default cluster-institution-region; 'map' draws a map) into OUT."""
    from clustergraph.network.run import viz_output

    click.echo(viz_output(projection, out, data=data, labels=labels), nl=False)
