"""The data-quality checks behind :mod:`clustergraph.extract.quality`, one module per job.

* :mod:`.model` – the ``Finding`` record and helpers the checks share;
* :mod:`.text_patterns` – patterns found on the clean text alone (counts, shares, sums, duplicates);
* :mod:`.graph_checks` – stated numbers against what earlier rules recorded in the graph;
* :mod:`.document_checks` – names of cases and documents, garbled passages, text findings as
  ``Finding`` records with raw evidence;
* :mod:`.audit` – reading findings back and rendering them (``clustergraph audit``).
"""
