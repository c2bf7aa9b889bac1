"""One module per ``lineage`` subcommand. Each defines ``register(subparsers)``, which adds its
parser and sets ``func`` to a callable ``(args) -> int`` (the exit code). ``lineage.cli.main``
finds the modules here, so adding a command touches no shared file."""
