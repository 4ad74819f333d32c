"""``clustergraph site``: generate the static explorer website."""

from __future__ import annotations

import time
from pathlib import Path

import click

from clustergraph.commands.options import data_file_option

__all__ = ["command"]


@click.command(name="site")
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Folder to write the site into (created if needed).",
)
@data_file_option("read")
@click.option(
    "--source",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The white-paper text the graph was built from (default: the bundled one).",
)
def command(out: Path, data: Path | None, source: Path | None) -> None:
    """Generate the static explorer website from the graph into OUT."""
    from clustergraph.site import generate_site

    started = time.perf_counter()
    report = generate_site(out, data=data, source=source)
    for warning in report.warnings:
        click.echo(f"clustergraph: warning: {warning}", err=True)
    click.echo(report.summary(), nl=False)
    click.echo(f"generated in {time.perf_counter() - started:.2f} s", err=True)
