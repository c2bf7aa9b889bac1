"""Developer tools that are not part of the installed ``lineage`` package (run with ``python -m``)."""
