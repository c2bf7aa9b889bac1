"""What the CLI tests share: the shape of one clean error (docs/errors.md), and a CLI run in a
forked child that a test can kill at any instant (the corpus crash tests)."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

__all__ = ["assert_error", "fork_cli", "wait_exit"]


def assert_error(result: tuple[int, str, str], file: str | Path | None, reason: str | None = None,
                 code: int = 2) -> str:
    """One clean error: ``code``, no stdout, one stderr line naming ``file`` (when given)
    and containing ``reason`` (case-insensitive). Returns the line."""
    got, out, err = result
    assert got == code, (got, out, err)
    assert out == "", out
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    prefix = f"lineage: {file}: " if file is not None else "lineage: "
    assert err.startswith(prefix), err
    assert len(err) > len(prefix) + 3, err  # a reason follows
    if reason is not None:
        assert reason.lower() in err.lower(), err
    return err


def fork_cli(argv: list[str], before: Callable[[], None] | None = None) -> int:
    """A child process running ``lineage ARGV`` (output discarded; ``before`` runs first in
    the child, e.g. to slow a write down); returns its pid."""
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 99
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            if before is not None:
                before()
            from lineage.cli.main import main

            code = main(argv)
        except BaseException:
            code = 98
        finally:
            os._exit(code)
    return pid


def wait_exit(pid: int) -> int:
    """The exit code of child ``pid`` (negative: the signal that ended it)."""
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)
