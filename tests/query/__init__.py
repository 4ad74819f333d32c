"""Tests of the query layer (canned queries, parameters, engines, formats, server, CLI)."""
