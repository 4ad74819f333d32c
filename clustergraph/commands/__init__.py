"""One module per CLI command; each defines ``command`` and calls one library function."""
