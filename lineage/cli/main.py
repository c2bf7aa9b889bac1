"""Entry point of ``lineage`` (and of the top-level ``cli.py``).

Every failure a user can cause ends here as one line on stderr, ``lineage: FILE: REASON`` (or
``lineage: REASON``), and exit code 2; never a traceback (docs/errors.md)."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from lineage import __version__
from lineage.cli import commands
from lineage.cli.options import engine_scope
from lineage.errors import LineageError

# typing.TYPE_CHECKING without importing typing (5 ms of every start-up, `lineage --help` included).
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import NoReturn

__all__ = ["build_parser", "chosen_command", "main", "subcommands"]


class _Parser(argparse.ArgumentParser):
    """argparse prints the whole usage block before a usage error; the toolkit's rule is one
    line, so the error names the option and points to ``--help`` instead. Subparsers inherit
    this class (``add_subparsers`` uses the parent's type)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"lineage: {message} (see '{self.prog} --help')\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``lineage`` parser. With ``command``, only that subcommand gets its options (the
    others get their name and one line of help, enough for ``lineage --help`` and for argparse
    to recognise them): a command's options may name choices from the modules that do its
    work, and a run should import those of the one command it runs, not of all of them."""
    parser = _Parser(
        prog="lineage",
        description="Show how the text of a UN resolution changed between versions and across documents.",
    )
    parser.add_argument("--version", action="version", version=f"lineage {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in command_names():
        module = importlib.import_module(f"{commands.__name__}.{name}")
        if command is None or name == command:
            module.register(sub)
        else:
            sub.add_parser(name, help=module.HELP)
    return parser


def command_names() -> list[str]:
    """The modules of :mod:`lineage.cli.commands`, sorted (``pkgutil.iter_modules`` would do,
    but it imports ``inspect``, a third of the start-up time of ``lineage --help``)."""
    names = set()
    for folder in commands.__path__:
        for entry in os.scandir(folder):
            stem, dot, ext = entry.name.partition(".")
            if ext == "py" and stem.isidentifier() and not stem.startswith("_"):
                names.add(stem)
    return sorted(names)


def chosen_command(argv: Sequence[str]) -> str:
    """The subcommand ``argv`` asks for: its first word that is not an option (the top-level
    parser has no option that takes a value), or "" when there is none."""
    return next((arg for arg in argv if not arg.startswith("-")), "")


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommands' parsers by name (for messages and the generated CLI reference)."""
    for action in parser._actions:  # argparse has no public way to list subcommands
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _silence_stdout() -> None:
    """After the reader of a pipe went away (``lineage ... | head``), point stdout at
    /dev/null so that the interpreter's final flush does not print 'Exception ignored'."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (captured in tests): nothing will flush it


def _one_line(text: str) -> str:
    """An error message as one inert line: messages quote servers, PDFs and file names,
    which may hold terminal escapes or newlines (the one place every error passes)."""
    # imported here: `lineage --help` and every run without an error need not load it
    from lineage.report.escape import escape_terminal

    return escape_terminal(text).replace("\n", "\\n")


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(chosen_command(argv))
    args, extra = parser.parse_known_args(argv)
    if extra:
        # argparse reports arguments left over by a subcommand from the top-level parser,
        # whose hint would be 'lineage --help'; the subcommand's own help is the useful one.
        command = subcommands(parser).get(getattr(args, "command", None) or "", parser)
        command.error(f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "func", None):
        print(f"lineage: no command given; choose one of {', '.join(sorted(subcommands(parser)))} "
              "(see 'lineage --help')", file=sys.stderr)
        return 2
    try:
        with engine_scope(args):
            code = int(args.func(args) or 0)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here for short outputs
        return code
    except LineageError as exc:
        print(f"lineage: {_one_line(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("lineage: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `lineage ... | head` closed the pipe: not an error worth a traceback.
        _silence_stdout()
        return 0
    except OSError as exc:
        # Last resort for an OS error that no library code turned into a typed error (a full
        # disk, a file that vanished mid-run): one line naming the file, not a traceback.
        # os.replace(tmp, target) reports both names; the user knows the target.
        name = exc.filename2 or exc.filename
        reason = exc.strerror or str(exc)
        print(_one_line(f"lineage: {name}: {reason}" if name else f"lineage: {reason}"), file=sys.stderr)
        return 2
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start]
        if 0xD800 <= ord(bad) <= 0xDFFF:
            # A lone surrogate: no encoding holds it, so PYTHONUTF8 would not help. It comes
            # from bytes that were not UTF-8 (a file name, a surrogateescape'd argument).
            print(f"lineage: the output holds a lone surrogate {bad!r}, which no encoding can "
                  "write; an input (or its file name) holds bytes that are not UTF-8", file=sys.stderr)
            return 2
        # stdout's encoding cannot hold the text (e.g. PYTHONIOENCODING=ascii or a Latin-1
        # locale); the documents are Chinese, so say how to get UTF-8.
        print(f"lineage: the output encoding {exc.encoding} cannot hold {bad!r}; "
              "set PYTHONUTF8=1 or use a UTF-8 locale", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
