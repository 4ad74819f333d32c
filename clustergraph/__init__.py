"""clustergraph: an open knowledge graph of China's advanced manufacturing clusters.

The package is laid out as the pipeline runs: ``text`` (decode, normalise, parse) → ``extract``
(rules that turn document nodes into facts) → ``graph`` (RDF writing, serialisation) →
``validate`` (SHACL) → ``query`` / ``network`` / ``site`` (ways to use the graph).
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
