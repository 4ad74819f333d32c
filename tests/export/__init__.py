"""Tests of the standard exports (Turtle, N-Triples, JSON-LD, CSV + CSVW) and the DCAT/VoID description."""
