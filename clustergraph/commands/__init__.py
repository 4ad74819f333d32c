"""One module per CLI command: ``DESCRIPTION``, ``configure(parser)`` and ``run(args)``."""
