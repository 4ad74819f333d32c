"""The query layer: canned SPARQL queries with typed parameters, run embedded or remotely.

Modules, each with one job: ``catalogue`` (the ``queries/*.rq`` files and their headers), ``params``
(typed, injection-safe parameter values), ``sparqltext`` (just enough SPARQL lexing to find the
projection and the WHERE brace), ``results`` (one normalised result shape), ``engine`` (embedded
pyoxigraph or a remote endpoint), ``formats`` (table, CSV, TSV, JSON), ``runner`` (what the
``query`` command does), ``server`` and ``publish`` (local Oxigraph server, Graph Store upload).

Nothing here imports rdflib: ``clustergraph query`` must start fast.
"""
