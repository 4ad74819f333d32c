"""RDF side of the pipeline: namespaces, IRI minting, the evidence-aware writer, serialisation."""
