"""A local, read-only SPARQL endpoint: the ``oxigraph`` CLI (from PyPI) serving the graph.

``oxigraph load`` fills an on-disk store, ``oxigraph serve-read-only`` answers SPARQL 1.1 Protocol
queries at ``http://HOST:PORT/query`` and refuses updates. Loopback hosts only unless the caller
explicitly allows a remote bind.
"""

from __future__ import annotations

import ipaddress
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO, Self

from clustergraph.errors import ClusterGraphError, EndpointError, InputError

__all__ = ["LocalServer", "find_oxigraph", "is_loopback", "load_location", "serve"]

_LOOPBACK_NAMES = ("localhost", "ip6-localhost")


def find_oxigraph() -> str:
    """The ``oxigraph`` executable: next to this Python (the venv's bin/) or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ClusterGraphError("the 'oxigraph' command is not installed; run: pip install oxigraph")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def load_location(data: Path, location: Path) -> None:
    """Load ``data`` into the Oxigraph store directory ``location``.

    :raises InputError: a missing file or one oxigraph cannot parse.
    """
    if not data.is_file():
        raise InputError(f"{data}: no such graph file; build it with 'clustergraph build'")
    location.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [find_oxigraph(), "load", "--location", str(location), "--file", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        raise InputError(f"{data.name}: oxigraph could not load it ({lines[-1] if lines else ''})")


class LocalServer:
    """A running ``oxigraph serve-read-only`` process; use as a context manager.

    ``read_only=False`` runs ``oxigraph serve`` instead (updates and the Graph Store Protocol at
    ``/store``), which ``clustergraph serve`` never does; tests use it as a publish target.
    """

    def __init__(
        self, location: Path, host: str = "127.0.0.1", port: int = 7878, *, read_only: bool = True
    ) -> None:
        self.location = location
        self.host = host
        self.port = port
        self.read_only = read_only
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        """The SPARQL query endpoint URL."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/query"

    def start(self, timeout: float = 20.0) -> str:
        """Start the server and wait until it answers; return the query URL."""
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop(); a full pipe would block
        self.process = subprocess.Popen(
            [
                find_oxigraph(),
                "serve-read-only" if self.read_only else "serve",
                "--location",
                str(self.location),
                "--bind",
                f"{self.host}:{self.port}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        deadline = time.monotonic() + timeout
        probe = self.url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._log.seek(0)
                error = self._log.read().decode("utf-8", "replace")
                self.stop()
                lines = [line for line in error.splitlines() if line.strip()]
                raise EndpointError(
                    f"oxigraph server stopped at start ({lines[-1] if lines else 'no message'})"
                )
            try:
                with urllib.request.urlopen(probe, timeout=1) as response:  # noqa: S310 - http URL
                    if response.status == 200:
                        return self.url
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.05)
        self.stop()
        raise EndpointError(f"oxigraph server did not answer at {self.url} within {timeout:g} s")

    def stop(self) -> None:
        """Terminate the server process (and wait for it)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None
        self.process = None

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(
    data: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    location: Path | None = None,
    allow_remote: bool = False,
    echo: Callable[[str], None] = print,
) -> None:
    """Load ``data`` and serve it read-only until interrupted (Ctrl-C)."""
    if not is_loopback(host) and not allow_remote:
        raise InputError(
            f"refusing to serve on non-loopback host {host}; add --allow-remote to expose the graph"
        )
    with tempfile.TemporaryDirectory(prefix="clustergraph-store-") as scratch:
        store = location if location is not None else Path(scratch)
        load_location(data, store)
        server = LocalServer(store, host, port)
        previous = _stop_on_sigterm()
        try:
            server.start()
            echo(f"serving {data.name} read-only at {server.url} (Ctrl-C to stop)")
            assert server.process is not None
            server.process.wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.stop()  # also on SIGTERM: never leave an orphaned oxigraph behind
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def _stop_on_sigterm() -> signal.Handlers | Callable[..., object] | int | None:
    """Turn SIGTERM into KeyboardInterrupt so cleanup runs; return the previous handler."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: leave signals alone
        return None
