"""The on-disk cache of indexed stores: same answers as an in-memory load, never stale, safe to
race, bounded, and never in the way (a cache that cannot be written is simply not used)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest

from clustergraph.cache import CACHE_ENV
from clustergraph.errors import InputError
from clustergraph.query import engine, storecache
from clustergraph.query.catalogue import load_all
from clustergraph.query.params import bind_parameters
from tests.query.conftest import BUILT, FIXTURE, built_graph_reason

TURTLE = pyoxigraph.RdfFormat.TURTLE
ASK_LABEL = "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty cache folder; the in-process store memo is cleared around the test."""
    root = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(root))
    monkeypatch.setattr(engine, "DISK_CACHE_MIN_BYTES", 0)  # the test graphs are small
    engine._STORES.clear()
    yield root / "stores"
    engine._STORES.clear()


def _entries(stores: Path) -> list[str]:
    return sorted(p.name for p in stores.iterdir()) if stores.is_dir() else []


def _graph(path: Path, label: str) -> Path:
    path.write_text(
        f'<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "{label}" .\n'
    )
    return path


def test_a_miss_builds_one_entry_and_a_hit_reuses_it(cache: Path, monkeypatch: pytest.MonkeyPatch):
    store = storecache.cached_store(FIXTURE, TURTLE)
    assert store is not None
    (entry,) = _entries(cache)
    assert entry.startswith(storecache.entry_name(FIXTURE, TURTLE))

    def no_rebuild(*args: object) -> None:
        raise AssertionError("a cached entry was rebuilt")

    monkeypatch.setattr(storecache, "_build", no_rebuild)
    again = storecache.cached_store(FIXTURE, TURTLE)
    assert again is not None
    assert len(again) == len(store) > 0
    assert _entries(cache) == [entry]


def test_an_edited_file_is_never_answered_from_the_old_store(cache: Path, tmp_path: Path):
    graph = _graph(tmp_path / "g.ttl", "before")
    first = engine.EmbeddedEngine(graph, disk_cache=True).run(ASK_LABEL)
    assert first.values("label") == ["before"]
    stat = graph.stat()
    _graph(graph, "after!")  # same size, and the same mtime below
    os.utime(graph, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    engine._STORES.clear()
    second = engine.EmbeddedEngine(graph, disk_cache=True).run(ASK_LABEL)
    assert second.values("label") == ["after!"]
    assert len(_entries(cache)) == 2


def test_small_files_are_parsed_into_memory_not_cached(
    cache: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(engine, "DISK_CACHE_MIN_BYTES", FIXTURE.stat().st_size + 1)
    table = engine.EmbeddedEngine(FIXTURE, disk_cache=True).run(ASK_LABEL)
    assert len(table) > 0
    assert _entries(cache) == []
    engine._STORES.clear()
    monkeypatch.setattr(engine, "DISK_CACHE_MIN_BYTES", FIXTURE.stat().st_size)
    cached = engine.EmbeddedEngine(FIXTURE, disk_cache=True).run(ASK_LABEL)
    assert sorted(cached.values("label")) == sorted(table.values("label"))
    assert len(_entries(cache)) == 1


@pytest.mark.parametrize("value", ["off", "0", "none", ""])
def test_the_cache_can_be_switched_off(value: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(CACHE_ENV, value)
    assert storecache.cache_dir() is None
    assert storecache.cached_store(FIXTURE, TURTLE) is None


def test_default_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert storecache.cache_dir() == tmp_path / "clustergraph" / "stores"


def test_an_unwritable_cache_falls_back_to_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    monkeypatch.setattr(engine, "DISK_CACHE_MIN_BYTES", 0)
    engine._STORES.clear()
    assert storecache.cached_store(FIXTURE, TURTLE) is None
    table = engine.EmbeddedEngine(FIXTURE, disk_cache=True).run(ASK_LABEL)
    assert len(table) > 0
    engine._STORES.clear()


def test_a_bad_file_is_an_input_error_and_leaves_nothing_behind(cache: Path, tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://example.org/a> <http://example.org/b> .\n")
    with pytest.raises(InputError, match="bad.ttl: not valid"):
        engine.load_store(bad, disk_cache=True)
    assert _entries(cache) == []


def test_the_cache_keeps_only_the_most_recently_used_entries(cache: Path, tmp_path: Path):
    graphs = [_graph(tmp_path / f"g{i}.ttl", f"label {i}") for i in range(storecache.KEEP + 2)]
    for graph in graphs:
        assert storecache.cached_store(graph, TURTLE) is not None
    names = _entries(cache)
    assert len(names) == storecache.KEEP
    newest = {storecache.entry_name(g, TURTLE) for g in graphs[-storecache.KEEP :]}
    assert set(names) == newest


def test_an_abandoned_build_folder_is_cleaned_up(cache: Path, tmp_path: Path):
    cache.mkdir(parents=True)
    abandoned = cache / ".building-crashed"
    abandoned.mkdir()
    running = cache / ".building-running"
    running.mkdir()
    old = abandoned.stat().st_mtime - 2 * 24 * 3600
    os.utime(abandoned, (old, old))
    assert storecache.cached_store(_graph(tmp_path / "g.ttl", "x"), TURTLE) is not None
    assert not abandoned.exists()
    assert running.exists()  # may belong to a build in progress elsewhere


def test_processes_racing_to_build_the_same_entry_all_succeed(cache: Path, tmp_path: Path):
    script = (
        "import sys, pyoxigraph\n"
        "from pathlib import Path\n"
        "from clustergraph.query.storecache import cached_store\n"
        "store = cached_store(Path(sys.argv[1]), pyoxigraph.RdfFormat.TURTLE)\n"
        "print(len(store))\n"
    )
    env = {**os.environ, CACHE_ENV: str(cache.parent)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(FIXTURE)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * 4, outputs
    assert len({out for out, _ in outputs}) == 1
    assert _entries(cache) == [storecache.entry_name(FIXTURE, TURTLE)]


@pytest.mark.skipif(built_graph_reason() is not None, reason=str(built_graph_reason()))
def test_every_canned_query_answers_the_same_from_the_cached_store(cache: Path):
    memory = engine.EmbeddedEngine(engine.load_store(BUILT))
    engine._STORES.clear()
    cached = engine.EmbeddedEngine(BUILT, disk_cache=True)
    assert _entries(cache), "the cached store was not used"
    for query in load_all():
        bindings = bind_parameters(query, dict(query.expect.params))
        assert cached.run(query.text, bindings) == memory.run(query.text, bindings), query.name
