"""Start-up: `lineage --help` and parsing a command import only what the command needs
(issue 11: a CLI called once per file in a script pays its imports every time). Speed itself is
measured in benchmarks/speed_targets.py, not asserted here."""
from __future__ import annotations

import os
import subprocess
import sys

from lineage.cli.main import build_parser, chosen_command, command_names, subcommands
from support.paths import REPO

# The libraries and toolkit modules that cost most to import (PDF engines, Chinese
# conversion and segmentation, tables, network, the HTML renderer, the PDF reader).
HEAVY = ("pdfplumber", "pypdfium2", "opencc", "jieba", "tabulate", "http.client", "ssl",
         "lineage.report.html", "lineage.read.pdf")


def _modules_after(*argv: str) -> set[str]:
    """The modules loaded by a fresh interpreter that runs `lineage ARGV`."""
    code = ("import sys\n"
            "from lineage.cli.main import main\n"
            "try:\n"
            f"    main({list(argv)!r})\n"
            "except SystemExit:\n"
            "    pass\n"
            "sys.stdout = sys.__stdout__\n"
            "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=True, timeout=120)
    return set(done.stderr.split())


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_help_imports_none_of_the_heavy_modules():
    modules = _modules_after("--help")
    assert "lineage.cli.commands.diff" in modules  # the check ran the real parser
    assert _heavy(modules) == []


def test_a_command_parser_imports_only_that_commands_choices():
    # `graph` lists its formats from the graph renderer: no PDF engine, HTML, network, tables
    # or word segmentation (the corpus reader it needs brings the reading stage with it).
    modules = _modules_after("graph", "--help")
    assert "lineage.trace.graph_render" in modules
    unused = ("pdfplumber", "pypdfium2", "jieba", "tabulate", "http.client", "ssl", "lineage.report.html")
    assert [m for m in _heavy(modules) if m.split(".")[0] in unused or m in unused] == []
    assert "lineage.trace.blame" not in modules and "lineage.cli.app" not in modules


def test_a_graph_whose_links_are_all_written_imports_no_measure_builder_or_picture():
    # The bundled corpus links each resolution to its draft in the manifest, and its texts
    # have no masthead notes: nothing to compare (the reuse measures and the normaliser), no
    # masthead phrase to read, no index to build (the worker pool), no picture to draw.
    modules = _modules_after("graph", "--corpus", str(REPO / "corpora"))
    assert "lineage.trace.inferred" in modules and "lineage.corpus.freshness" in modules
    unused = ("lineage.compare", "lineage.normalize", "lineage.read.masthead", "lineage.corpus.index",
              "lineage.trace.svg", "lineage.report", "multiprocessing", "concurrent.futures")
    assert sorted(m for m in modules if m.startswith(unused)) == []


def test_a_chinese_diff_of_two_corpus_texts_imports_only_what_it_uses():
    # The reading, normalising, comparing and terminal-report stages; not tabulate or wcwidth
    # (the report's tables hold ASCII, ids and dashes), not jieba (a compact dictionary), not
    # the PDF, Word, Markdown or plain-text readers (corpus texts have their own), not the
    # corpus manifest (TOML: only --also needs it), the history records or the bridge report.
    texts = REPO / "corpora" / "texts"
    modules = _modules_after("diff", str(texts / "WSIS+20_outcome_draft-reconstructed.zh.txt"),
                             str(texts / "A-RES-80-173.zh.txt"))
    assert {"lineage.compare.documents", "lineage.report.terminal", "lineage.read.textformat", "opencc"} <= modules
    unused = ("tabulate", "wcwidth", "jieba", "pdfplumber", "pypdfium2", "lxml", "http.client", "ssl",
              "importlib.metadata", "tomllib", "lineage.read.pdf", "lineage.read.docx", "lineage.read.markdown",
              "lineage.read.plaintext", "lineage.read.masthead", "lineage.corpus", "lineage.trace",
              "lineage.model.history", "lineage.report.bridge", "lineage.report.versions")
    assert sorted(m for m in modules if any(m == u or m.startswith(u + ".") for u in unused)) == []


def test_the_chosen_command_is_the_first_word_that_is_not_an_option():
    assert chosen_command(["diff", "a.txt", "b.txt"]) == "diff"
    assert chosen_command(["--version"]) == ""
    assert chosen_command([]) == ""
    assert chosen_command(["-h", "graph"]) == "graph"


def test_only_the_chosen_command_gets_its_options():
    parser = build_parser("graph")
    parsers = subcommands(parser)
    assert sorted(parsers) == command_names()
    assert "--all-links" in parsers["graph"].format_help()
    assert "--fail-on-change" not in parsers["diff"].format_help()
    # the full parser (for the CLI reference) has every command's options
    assert "--fail-on-change" in subcommands(build_parser())["diff"].format_help()


def test_every_command_module_is_found():
    names = command_names()
    assert {"add", "blame", "corpus", "diff", "extract", "graph", "history", "show", "topic"} <= set(names)
    assert all(not n.startswith("_") for n in names)


def test_a_stub_command_still_runs_with_its_own_options(run_cli, tmp_path):
    # the parser of `lineage --help` lists graph as a stub; running graph builds it fully
    code, out, err = run_cli("graph", "--format", "json", "--corpus", str(REPO / "corpora"))
    assert code == 0, err
    assert out.lstrip().startswith("{")
