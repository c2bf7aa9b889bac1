"""Run the lineage command line from a checkout: ``python cli.py ...`` (same as ``lineage ...``)."""
from lineage.cli.main import main

raise SystemExit(main())
