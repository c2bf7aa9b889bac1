"""One module per ``lineage`` subcommand, named after it. Each defines ``HELP`` (its line in
``lineage --help``), ``register(subparsers)``, which adds its parser and sets ``func`` to a
callable ``(args) -> int`` (the exit code), and that callable. ``lineage.cli.main`` finds the
modules here, so adding a command touches no shared file.

Start-up speed: ``lineage --help`` imports every module here, so their top level imports only
the standard library's light parts and ``lineage.errors``. ``register`` imports the modules
its choices and defaults come from and the command imports the ones that do the work, both
inside the function (``lineage.cli.main`` calls ``register`` only for the command that runs;
``tests/test_startup.py``)."""
