"""What the CLI tests share: the shape of one clean error (docs/errors.md)."""
from __future__ import annotations

from pathlib import Path

__all__ = ["assert_error"]


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
