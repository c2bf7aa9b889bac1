"""Run one PDF extraction in a child process with a memory ceiling and a time limit per page
(docs/security.md, "PDF"). pdfium is C++: a malformed page could make it loop, allocate
without bound or crash, and no Python code can interrupt it. In a forked child the parent
stays in control: it kills a child whose page takes longer than the limit, and reports a
child that died (out of memory, a crash) as one clear error instead of dying with it.

The child reports each page as it starts, so the time limit is per page, and sends back the
Document (or the typed error) pickled through a pipe. A long PDF can be read by several
children at once, each reading a share of its pages under the same limits
(:func:`run_isolated_all`). Where ``os.fork`` does not exist the extraction runs in-process
(the byte-level limits of ``limits.prescan`` still apply).
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
from operator import attrgetter
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

from lineage.errors import LineageError, PdfError, PdfLimitError
from lineage.read.pdf.limits import LIMITS, Limits

__all__ = ["Job", "can_isolate", "run_isolated", "run_isolated_all", "run_isolated_each"]

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
    return run_isolated_all([fn], path, limits)[0]


class _Child:
    """A child at work, as the parent sees it: the PDF it reads, what it has sent so far, the
    page it is on and the time by which that page must be done."""

    __slots__ = ("pid", "fd", "path", "buf", "page", "deadline", "result", "done", "status", "stopped")

    def __init__(self, pid: int, fd: int, path: Path, deadline: float) -> None:
        self.pid, self.fd, self.path, self.deadline = pid, fd, path, deadline
        self.buf = bytearray()
        self.page = 0
        self.result: tuple[Any, ...] | None = None  # what the child pickled (see _child)
        self.done = False
        self.status = 0  # as waitpid gave it
        self.stopped: PdfLimitError | None = None  # stopped for taking too long over a page

    def take(self, chunk: bytes, page_seconds: float) -> None:
        """Read the messages of ``chunk`` (with what is left over from the last one)."""
        buf = self.buf
        buf += chunk
        while len(buf) >= _HEAD.size:
            kind, n = _HEAD.unpack_from(buf)
            if kind == b"P":
                del buf[:_HEAD.size]
                self.page = n
                self.deadline = time.monotonic() + page_seconds
            elif len(buf) >= _HEAD.size + n:
                self.result = pickle.loads(bytes(buf[_HEAD.size:_HEAD.size + n]))
                del buf[:_HEAD.size + n]
            else:
                break

    def error(self, limits: Limits) -> LineageError | None:
        """The error the child ended with (None: it sent a result)."""
        if self.stopped is not None:
            return self.stopped
        where = f"page {self.page}" if self.page else "opening the PDF"
        result = self.result
        if result is None:
            if os.WIFSIGNALED(self.status):
                sig = signal.Signals(os.WTERMSIG(self.status)).name
                return PdfLimitError(f"{where}: the PDF library stopped ({sig}): the page is malformed or needs "
                                     f"more than {limits.memory_bytes >> 20} MiB (limit: memory per extraction)",
                                     self.path)
            return PdfError(f"{where}: extraction failed in its child process (exit "
                            f"{os.WEXITSTATUS(self.status)})", self.path)
        kind = result[0]
        if kind == "ok":
            return None
        if kind == "crash":
            return PdfError(f"{where}: internal error while reading the PDF ({result[1]}); please report it "
                            f"with the PDF", self.path)
        if kind == "memory":
            return PdfLimitError(f"page {self.page}: needs more than {limits.memory_bytes >> 20} MiB "
                                 "(limit: memory per extraction)", self.path)
        _, cls, reason, epath = result
        error: LineageError = cls(reason, epath)
        return error


Job = tuple[Callable[[Callable[[int], None]], Any], Path]


def _run(jobs: Sequence[Job], limits: Limits, at_once: int, stop_all: bool) -> list[_Child]:
    """Each job ``(fn, path)`` in a child process, at most ``at_once`` at a time (the next
    starts as one ends), until all have ended; how each ended is in its record. A page over
    the time limit stops its child, or with ``stop_all`` every child and raises."""
    pending = list(reversed(jobs))
    children: list[_Child] = []
    working: list[_Child] = []
    try:
        while pending or working:
            while pending and len(working) < at_once:
                fn, path = pending.pop()
                rfd, wfd = os.pipe()
                pid = os.fork()
                if pid == 0:
                    os.close(rfd)
                    _child(fn, wfd, limits)
                os.close(wfd)
                child = _Child(pid, rfd, path, time.monotonic() + limits.page_seconds)
                children.append(child)
                working.append(child)
            late = min(working, key=_DEADLINE)
            wait = late.deadline - time.monotonic()
            ready = select.select([c.fd for c in working], [], [], max(0.0, wait))[0] if wait > 0 else []
            if not ready:
                what = f"page {late.page}" if late.page else "opening the PDF"
                error = PdfLimitError(f"{what} took longer than {limits.page_seconds:g} s "
                                      "(limit: time per page)", late.path)
                if stop_all:
                    raise error
                _kill(late.pid)
                _reap(late.pid)
                os.close(late.fd)
                late.stopped, late.done = error, True
                working.remove(late)
                continue
            for child in working:
                if child.fd not in ready:
                    continue
                chunk = os.read(child.fd, 1 << 20)
                if chunk:
                    child.take(chunk, limits.page_seconds)
                else:
                    child.done = True
                    os.close(child.fd)
                    child.status = _reap(child.pid)
            working = [c for c in working if not c.done]
    except BaseException:
        for c in working:
            _kill(c.pid)  # a time limit, Ctrl-C: no child may outlive the command
            _reap(c.pid)
            os.close(c.fd)
        raise
    return children


def run_isolated_all(fns: Sequence[Callable[[Callable[[int], None]], T]], path: Path,
                     limits: Limits = LIMITS) -> list[T]:
    """Each ``fn(progress)`` of ``fns`` in a child process of its own, all at once (the pages
    of one PDF shared out among the cores), each with the memory ceiling and the time limit
    per page. Returns what each returned, in order. When some fail, the error is that of the
    one that was on the earliest page (the first error a reading in one process would have
    met); when a page takes too long, every child is stopped at once."""
    children = _run([(fn, path) for fn in fns], limits, len(fns), stop_all=True)
    failed = [(c.page, k) for k, c in enumerate(children) if c.error(limits) is not None]
    if failed:
        raise children[min(failed)[1]].error(limits)  # type: ignore[misc]  # not None: in failed
    return [c.result[1] for c in children]  # type: ignore[index]  # every result is ("ok", value) here


def run_isolated_each(jobs: Sequence[Job], limits: Limits = LIMITS, at_once: int = 1) -> list[Any]:
    """Each job ``(fn, path)`` in a child process of its own, ``at_once`` at a time (several
    PDFs read side by side). Returns, in order, what each ``fn`` returned or the
    :class:`~lineage.errors.LineageError` it ended with (a page over the time limit stops
    that job only)."""
    children = _run(jobs, limits, max(1, at_once), stop_all=False)
    out: list[Any] = []
    for child in children:
        error = child.error(limits)
        out.append(child.result[1] if error is None else error)  # type: ignore[index]  # a result when no error
    return out


_DEADLINE = attrgetter("deadline")


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
