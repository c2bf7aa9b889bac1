"""Run one PDF extraction in a child process with a memory ceiling and a time limit per page
(docs/security.md, "PDF"). pdfium is C++: a malformed page could make it loop, allocate
without bound or crash, and no Python code can interrupt it. In a forked child the parent
stays in control: it kills a child whose page takes longer than the limit, and reports a
child that died (out of memory, a crash) as one clear error instead of dying with it.

The child reports each page as it starts, so the time limit is per page, and sends back the
Document (or the typed error) pickled through a pipe. Where ``os.fork`` does not exist the
extraction runs in-process (the byte-level limits of ``limits.prescan`` still apply).
"""
from __future__ import annotations

import os
import pickle
import resource
import select
import signal
import struct
import time
import traceback
from pathlib import Path
from typing import Any, Callable, TypeVar

from lineage.errors import LineageError, PdfError, PdfLimitError
from lineage.read.pdf.limits import LIMITS, Limits

__all__ = ["can_isolate", "run_isolated"]

T = TypeVar("T")
_HEAD = struct.Struct("!cI")  # kind (P: page started, R: result), number or payload length


def can_isolate() -> bool:
    return hasattr(os, "fork")


def _vm_size() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _child(fn: Callable[[Callable[[int], None]], T], wfd: int, limits: Limits) -> None:
    """In the child: never returns (os._exit), whatever happens."""
    code = 0
    try:
        # The ceiling counts from what the child already maps (the interpreter and libraries
        # it shares with the parent), so the limit is what reading the PDF may add.
        if limits.memory_bytes:
            _limit_memory(_vm_size() + limits.memory_bytes)
        signal.signal(signal.SIGINT, signal.SIG_DFL)

        def progress(page: int) -> None:
            os.write(wfd, _HEAD.pack(b"P", page))

        try:
            result: object = ("ok", fn(progress))
        except LineageError as exc:
            result = ("error", type(exc), exc.reason, exc.path)
        except MemoryError:
            result = ("memory",)
        except Exception as exc:  # noqa: BLE001 - a bug: the parent names it in one line
            result = ("crash", _describe(exc))
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        os.write(wfd, _HEAD.pack(b"R", len(payload)))
        view = memoryview(payload)
        while view:
            view = view[os.write(wfd, view):]
    except BaseException:  # noqa: BLE001 - the parent reports a child that sent no result
        code = 70
    finally:
        os._exit(code)


def _limit_memory(ceiling: int) -> None:
    """Lower the address-space limit to ``ceiling``, never raise it: a process started under a
    lower limit (``ulimit -v``, a container, a fuzzing harness) keeps it, and a soft limit
    above the hard one would make setrlimit fail and every extraction with it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    for inherited in (soft, hard):
        if inherited != resource.RLIM_INFINITY:
            ceiling = min(ceiling, inherited)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _describe(exc: BaseException) -> str:
    """``ValueError: reason (at module.py:123)``: where an unexpected exception was raised,
    in one line, so that a report of it can be traced without a traceback."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}"[:300] + where


def run_isolated(fn: Callable[[Callable[[int], None]], T], path: Path, limits: Limits = LIMITS) -> T:
    """``fn(progress)`` in a child process; ``progress(page)`` is called by ``fn`` as each
    page starts. Returns what ``fn`` returned; raises the LineageError it raised, or a
    PdfLimitError/PdfError when the child was stopped or died."""
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        _child(fn, wfd, limits)
    os.close(wfd)
    page = 0
    buf = bytearray()
    result: tuple[Any, ...] | None = None  # what the child pickled (see _child)
    deadline = time.monotonic() + limits.page_seconds
    try:
        while True:
            wait = deadline - time.monotonic()
            ready = select.select([rfd], [], [], max(0.0, wait))[0] if wait > 0 else []
            if not ready:
                _kill(pid)
                what = f"page {page}" if page else "opening the PDF"
                raise PdfLimitError(f"{what} took longer than {limits.page_seconds:g} s "
                                    "(limit: time per page)", path)
            chunk = os.read(rfd, 1 << 20)
            if not chunk:
                break
            buf += chunk
            while len(buf) >= _HEAD.size:
                kind, n = _HEAD.unpack_from(buf)
                if kind == b"P":
                    del buf[:_HEAD.size]
                    page = n
                    deadline = time.monotonic() + limits.page_seconds
                elif len(buf) >= _HEAD.size + n:
                    result = pickle.loads(bytes(buf[_HEAD.size:_HEAD.size + n]))
                    del buf[:_HEAD.size + n]
                else:
                    break
    except BaseException:
        _kill(pid)  # a time limit, Ctrl-C: the child must not outlive the command
        _reap(pid)
        raise
    finally:
        os.close(rfd)
    status = _reap(pid)
    if result is None:
        where = f"page {page}" if page else "opening the PDF"
        if os.WIFSIGNALED(status):
            sig = signal.Signals(os.WTERMSIG(status)).name
            raise PdfLimitError(f"{where}: the PDF library stopped ({sig}): the page is malformed or needs more "
                                f"than {limits.memory_bytes >> 20} MiB (limit: memory per extraction)", path)
        raise PdfError(f"{where}: extraction failed in its child process (exit {os.WEXITSTATUS(status)})", path)
    kind = result[0]
    if kind == "ok":
        return result[1]
    if kind == "crash":
        where = f"page {page}" if page else "opening the PDF"
        raise PdfError(f"{where}: internal error while reading the PDF ({result[1]}); please report it "
                       f"with the PDF", path)
    if kind == "memory":
        raise PdfLimitError(f"page {page}: needs more than {limits.memory_bytes >> 20} MiB "
                            "(limit: memory per extraction)", path)
    _, cls, reason, epath = result
    raise cls(reason, epath)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _reap(pid: int) -> int:
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except InterruptedError:
            continue
        except ChildProcessError:
            return 0
