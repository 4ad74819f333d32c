"""Shared fixtures for the rule tests: a test module names its rules and its fixture file,

    RULES = (clusters, institutions)      # run in this order
    FIXTURE = "cases_toolbox.txt"         # under tests/extract/fixtures/

and gets them run once per module on the fixture (``fixture_ctx``, ``fixture_graph``) and on the
white paper (``paper``, ``paper_graph``). A module that needs something else defines its own
fixture of the same name.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from clustergraph.extract.context import ExtractionContext
from tests.conftest import SOURCE
from tests.extract._helpers import extract, fixture_text


@pytest.fixture(scope="module")
def fixture_ctx(request: pytest.FixtureRequest) -> ExtractionContext:
    """The module's ``FIXTURE`` with its ``RULES`` run on it."""
    return extract(fixture_text(request.module.FIXTURE), *request.module.RULES)


@pytest.fixture(scope="module")
def paper(request: pytest.FixtureRequest) -> ExtractionContext:
    """The white paper with the module's ``RULES`` run on it."""
    return extract(SOURCE, *request.module.RULES)


@pytest.fixture(scope="module")
def fixture_graph(fixture_ctx: ExtractionContext) -> Graph:
    return fixture_ctx.writer.graph


@pytest.fixture(scope="module")
def paper_graph(paper: ExtractionContext) -> Graph:
    return paper.writer.graph
