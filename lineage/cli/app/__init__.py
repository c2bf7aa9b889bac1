"""The commands as library calls: each reads its files, runs the stages and renders the result.

This is the only place where reading, computing and rendering meet. The stages below never
read a file for a command or render its output; each ``lineage.cli.commands`` module parses
its arguments and calls one function here. Everything that can go wrong raises a typed
:mod:`lineage.errors` exception naming the file or the option.

One module per group of commands, so that a command imports only the stages it uses (the
trace commands' tables need tabulate, the corpus commands TOML writing; ``lineage show`` needs
neither):

- :mod:`lineage.cli.app.document`: ``lineage extract``, ``show``, ``normalize``
  (``extract_to_string``, ``show_document``, ``normalize_file``);
- :mod:`lineage.cli.app.diff`: ``lineage diff`` (``diff_files``; ``diff_documents`` for
  documents in hand);
- :mod:`lineage.cli.app.corpus`: ``lineage add`` (``add_file``) and ``lineage demo``
  (``run_demo`` with the pair ``find_bundled_pair`` picks);
- :mod:`lineage.cli.app.trace`: ``lineage graph``, ``history``, ``blame``, ``topic``
  (``show_graph``, ``show_history``, ``show_blame``, ``show_topic``).
"""
