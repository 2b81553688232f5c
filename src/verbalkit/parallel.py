"""Analyse (and score) calls on every core: worker processes, sharded by call, input order kept.

:func:`analyze_parallel` is :func:`~verbalkit.analysis.analyze_many` (and, given a scorecard,
:func:`~verbalkit.scoring.engine.score_many`) spread over ``jobs`` worker processes:

- **Sharded by call.** Each worker analyses whole calls, a few at a time; spaCy's own
  ``n_process`` is not used (it ships every Doc between processes, which costs far more than
  tagging a short utterance).
- **One pipeline per worker.** A worker builds the pipeline of each language once, when it
  starts (for the languages seen at the head of the input) or at its first call of another
  language (:func:`verbalkit.pipeline.build.get_nlp` caches per process), and keeps it.
- **This process works too.** ``jobs`` cores take ``jobs - 1`` workers: whenever the workers
  are busy and nothing has come back, the calling process analyses the next call itself
  (one start-up less, and nothing to pickle for its calls). Workers send their results
  from a thread, so a busy parent never holds up their next call.
- **Input order, same results.** Results come back in input order and are the very objects
  the one-process run makes (pydantic models pickle exactly); read failures pass through in
  place, and an error inside a worker is a :class:`~verbalkit.schema.Failure` for its call,
  exactly as in :func:`~verbalkit.analysis.analyze_many`.
- **Bounded.** Only a bounded window of calls is read ahead of the slowest one in flight,
  so memory stays flat however many calls stream through.
- **A dying worker does not stop the run.** The call it was working on becomes a Failure
  (``the worker process analysing it died (killed by SIGKILL)``), the calls it had not started
  go to the other workers, and a new worker takes its place. Workers that keep dying before
  finishing anything end the run with a :class:`WorkerError`.
- **Ctrl-C** interrupts the caller only: workers ignore SIGINT (no traceback from each), and
  are stopped when the stream is closed, interrupted or garbage-collected. They are daemon
  processes and also stop when the parent dies (their task pipe closes).

How workers start. On Linux, when this process runs no other Python thread (the command
line, a script), a worker is **forked** once this process has built its own pipeline: it
starts at once with the pipeline, the rule packs and the models already in memory, and the
run pays no second start-up (about 1.3 s of CPU per worker: imports and pipeline). Anywhere
else (macOS, Windows, a notebook kernel, a caller running threads such as a progress bar or
a Dask client) workers are **spawned**: a fresh interpreter that imports and builds
everything itself, because forking a process whose other threads may hold a lock can
deadlock the child. The choice is made for each worker as it starts (a worker that replaces
a dead one is spawned if threads run by then), ``VERBALKIT_START_METHOD=spawn`` (or
``fork``) forces one, and both give the same results. A forked worker closes every pipe end
it inherited but its own two, so a worker still sees its parent die (its task pipe closes).
Workers are plain children of the caller either way (exit codes, CPU accounting).
"""

from __future__ import annotations

import contextlib
import functools
import os
import queue
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any, overload

from verbalkit.errors import VerbalkitError
from verbalkit.io.reader import Unbuilt
from verbalkit.schema import AnalysedCall, Failure, Transcript

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkProcess, SpawnProcess

    from verbalkit.limits import Limits
    from verbalkit.scoring.models import ScoredCall
    from verbalkit.scoring.scorecard import Scorecard

#: An input of fewer words than this (all of it read ahead) is analysed in this process:
#: starting a worker (a new interpreter, importing spaCy, building the pipeline: about 1.5 s
#: of CPU) would cost more than it saves. About three seconds of work on one core;
#: ``verbalkit analyze one-call.json`` never waits for workers.
SMALL_INPUT_WORDS = 50_000

#: Calls sent to a worker in one message.
DEFAULT_CHUNK = 4

#: Messages (chunks) a worker holds at once: the one it works on and the next, so that it
#: never waits for the parent between chunks.
PREFETCH = 2

#: Workers that die one after another, with no call finished in between, end the run.
MAX_DEATHS_IN_A_ROW = 3

#: Seconds a worker is given to exit after the last chunk before it is terminated.
EXIT_GRACE_S = 5.0


class WorkerError(VerbalkitError):
    """The worker processes cannot do the job (they fail to start, or keep dying)."""


def default_jobs() -> int:
    """The number of cores this process may use (its CPU affinity), at least 1."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if count is not None:
        return max(1, count() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


@overload
def analyze_parallel(
    transcripts: Iterable[Transcript | Unbuilt | Failure],
    *,
    jobs: int | None = None,
    packs: tuple[str, ...] = (),
    limits: Limits | None = None,
    scorecard: None = None,
    chunk: int = DEFAULT_CHUNK,
    pool_min_words: int | None = None,
    redact: bool = False,
) -> Iterator[AnalysedCall | Failure]: ...


@overload
def analyze_parallel(
    transcripts: Iterable[Transcript | Unbuilt | Failure],
    *,
    jobs: int | None = None,
    packs: tuple[str, ...] = (),
    limits: Limits | None = None,
    scorecard: Scorecard,
    chunk: int = DEFAULT_CHUNK,
    pool_min_words: int | None = None,
    redact: bool = False,
) -> Iterator[ScoredCall | Failure]: ...


def analyze_parallel(
    transcripts: Iterable[Transcript | Unbuilt | Failure],
    *,
    jobs: int | None = None,
    packs: tuple[str, ...] = (),
    limits: Limits | None = None,
    scorecard: Scorecard | None = None,
    chunk: int = DEFAULT_CHUNK,
    pool_min_words: int | None = None,
    redact: bool = False,
) -> Iterator[AnalysedCall | ScoredCall | Failure]:
    """Analyse a stream of calls in ``jobs`` worker processes; yield results in input order.

    Args:
        transcripts: Transcripts and read failures, as :func:`verbalkit.read_many` yields
            them; read lazily, a bounded window ahead of the results.
        jobs: Worker processes; default all cores this process may use
            (:func:`default_jobs`). ``1`` runs in this process, with no pool.
        packs: Rule-pack folders that extend the built-in ones.
        limits: Input limits (:class:`~verbalkit.limits.Limits`).
        scorecard: Also score each call against this scorecard (``load_scorecard()`` for
            the built-in one): yields :class:`~verbalkit.scoring.models.ScoredCall` instead
            of :class:`~verbalkit.schema.AnalysedCall`.
        chunk: Calls sent to a worker per message.
        redact: Mask personal data in every result (in the workers, before scoring), as
            :func:`verbalkit.analyze` does with ``redact=True``.
        pool_min_words: An input of fewer words in all (a single call included) is analysed
            in this process, without starting workers; default :data:`SMALL_INPUT_WORDS`.

    Yields:
        One result or :class:`~verbalkit.schema.Failure` per input item, in input order,
        equal to what ``analyze_many`` (then ``score_many``) yields in one process.

    Raises:
        WorkerError: the workers cannot start, or keep dying before finishing any call.
    """
    config = _Config(packs=tuple(packs), limits=limits, scorecard=scorecard, redact=redact)
    return _start(transcripts, jobs, chunk, pool_min_words, config)


def _start(
    transcripts: Iterable[Transcript | Unbuilt | Failure],
    jobs: int | None,
    chunk: int,
    pool_min_words: int | None,
    config: _Config,
) -> Iterator[Any]:
    """Check the arguments at once (not at the first ``next``), then stream."""
    if jobs is None:
        jobs = default_jobs()
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if chunk < 1:
        raise ValueError(f"chunk must be at least 1, not {chunk}")
    min_words = SMALL_INPUT_WORDS if pool_min_words is None else pool_min_words
    return _stream(iter(transcripts), jobs, chunk, min_words, config)


def _stream(
    items: Iterator[Transcript | Unbuilt | Failure],
    jobs: int,
    chunk: int,
    min_words: int,
    config: _Config,
) -> Iterator[Any]:
    # Read ahead until the input is known to be worth a pool: at least two calls and
    # ``min_words`` words. A smaller input is analysed here, without starting workers.
    head: list[Transcript | Unbuilt | Failure] = []
    n_calls = n_words = 0
    small = True
    if jobs > 1:
        for item in items:
            head.append(item)
            if isinstance(item, Transcript | Unbuilt):
                n_calls += 1
                n_words += item.n_words
                if n_calls >= 2 and n_words >= min_words:
                    small = False
                    break
    if small:
        yield from config.run(chain(head, items))
        return
    warm = tuple(dict.fromkeys(_language(t) for t in head if not isinstance(t, Failure)))
    config.warm = tuple(lang for lang in warm if lang is not None)
    pool = _Pool(jobs, chunk, config)
    try:
        yield from pool.run(chain(head, items))
    finally:
        pool.close()


@dataclass
class _Config:
    """What every worker needs; sent once, when it starts."""

    packs: tuple[str, ...] = ()
    limits: Limits | None = None
    scorecard: Scorecard | None = None
    warm: tuple[str, ...] = field(default_factory=tuple)
    redact: bool = False
    then: Callable[[Any], Any] | None = None

    def run(self, items: Iterable[Transcript | Unbuilt | Failure]) -> Iterator[Any]:
        """What the one-process run yields for ``items``."""
        from verbalkit.analysis import analyze_many

        done: Iterator[Any] = analyze_many(
            _built(items), packs=self.packs, limits=self.limits, redact=self.redact
        )
        if self.scorecard is not None:
            from verbalkit.scoring.engine import score_many

            done = score_many(done, self.scorecard)
        if self.then is not None:
            return _then(done, self.then)
        return done

    def prepare(self) -> None:
        """Import the analysis and build the pipelines of the ``warm`` languages."""
        from verbalkit.pipeline.build import get_nlp

        if self.scorecard is not None:
            import verbalkit.scoring.engine  # noqa: F401
        for lang in self.warm:
            # A broken pack or unknown language fails here as it would for each call in one
            # process: there it becomes a Failure per call, so here it must not stop the worker.
            with contextlib.suppress(Exception):
                get_nlp(lang, self.packs)


@dataclass(frozen=True, slots=True)
class Encoded:
    """An analysed call already written out as text (in the worker that analysed it): what
    :func:`encode_parallel` yields instead of the call, so the parent process neither
    rebuilds the call's models nor serialises it again."""

    call_id: str
    source: str | None
    warnings: list[str]
    text: str


def _language(item: Transcript | Unbuilt) -> str | None:
    """The language of a call, if known before it is built (declared, or by option)."""
    if isinstance(item, Transcript):
        return item.language
    if item.opts.language is not None:
        return item.opts.language
    return item.raw.language if item.raw.language in ("sv", "en") else None


def _built(
    items: Iterable[Transcript | Unbuilt | Failure],
) -> Iterator[Transcript | Failure]:
    for item in items:
        yield item.build() if isinstance(item, Unbuilt) else item


def _then(items: Iterable[Any], then: Callable[[Any], Any]) -> Iterator[Any]:
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        try:
            yield then(item)
        except Exception as err:  # that call's failure, not the batch's
            yield Failure.unexpected(item.source or item.call_id, err, call_id=item.call_id)


def _encode_one(encode: Callable[[AnalysedCall], str], call: AnalysedCall) -> Encoded:
    return Encoded(call.call_id, call.source, list(call.warnings), encode(call))


def map_parallel(
    transcripts: Iterable[Transcript | Unbuilt | Failure],
    then: Callable[[Any], Any],
    *,
    jobs: int | None = None,
    packs: tuple[str, ...] = (),
    limits: Limits | None = None,
    scorecard: Scorecard | None = None,
    redact: bool = False,
    chunk: int = DEFAULT_CHUNK,
    pool_min_words: int | None = None,
) -> Iterator[Any]:
    """:func:`analyze_parallel`, with ``then`` applied to each result (the analysed call,
    or the scored call given a ``scorecard``) in the worker that made it, so that only what
    ``then`` returns travels back. ``then`` must be importable by name (a module-level
    function or a ``functools.partial`` of one). Yields ``then(result)`` in input order, the
    same as a one-process run; failures as they come, and an error in ``then`` is that
    call's :class:`~verbalkit.schema.Failure`."""
    config = _Config(
        packs=tuple(packs), limits=limits, scorecard=scorecard, redact=redact, then=then
    )
    return _start(transcripts, jobs, chunk, pool_min_words, config)


def encode_parallel(
    transcripts: Iterable[Transcript | Unbuilt | Failure],
    encode: Callable[[AnalysedCall], str],
    *,
    jobs: int | None = None,
    packs: tuple[str, ...] = (),
    limits: Limits | None = None,
    redact: bool = False,
    chunk: int = DEFAULT_CHUNK,
    pool_min_words: int | None = None,
) -> Iterator[Encoded | Failure]:
    """:func:`analyze_parallel`, with each analysed call turned into text by ``encode`` in
    the worker that analysed it (``encode`` must be importable by name: a module-level
    function or a ``functools.partial`` of one). Same order, same texts as
    ``encode(call)`` for each call of a one-process run; failures as they come."""
    return map_parallel(
        transcripts,
        functools.partial(_encode_one, encode),
        jobs=jobs,
        packs=packs,
        limits=limits,
        redact=redact,
        chunk=chunk,
        pool_min_words=pool_min_words,
    )


# -- the worker process --------------------------------------------------------------


def _worker_main(
    tasks: Connection,
    results: Connection,
    config: _Config,
    inherited: tuple[Connection, ...] = (),
) -> None:
    """A worker: read chunks of ``(seq, transcript)``, send ``("result", seq, item)`` each.

    ``inherited``: the pipe ends a forked worker got from its parent and does not use (the
    parent's ends of its own pipes, other workers' pipes); closed first, so that the parent's
    death closes this worker's task pipe.
    """
    for conn in inherited:
        with contextlib.suppress(OSError):
            conn.close()
    # Ctrl-C in a terminal reaches the whole process group; the parent decides what stops.
    if hasattr(signal, "SIGINT"):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        config.prepare()
    except BaseException as err:
        with contextlib.suppress(Exception):
            results.send(("init-error", f"{type(err).__name__}: {err}"))
        return
    # Read tasks on a thread, so that the parent's sends never wait on this worker's own
    # (possibly blocked) sends of results: the two pipes cannot deadlock each other.
    inbox: queue.SimpleQueue[list[tuple[int, Transcript | Unbuilt]] | None] = queue.SimpleQueue()
    threading.Thread(target=_read_tasks, args=(tasks, inbox), daemon=True).start()
    # Send results on another thread: while the parent is busy (it analyses calls too), a
    # full pipe holds up the sending, not the next call.
    outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    gone = threading.Event()
    sender = threading.Thread(target=_send_results, args=(results, outbox, gone), daemon=True)
    sender.start()
    while (task := inbox.get()) is not None and not gone.is_set():
        for seq, transcript in task:
            result = next(config.run([transcript]))
            try:
                message = _pickle(("result", seq, result))
            except Exception as err:  # the result did not pickle: that call's failure
                path = transcript.source or transcript.call_id
                failure = Failure.unexpected(path, err, call_id=transcript.call_id)
                message = _pickle(("result", seq, failure))
            outbox.put(message)
    outbox.put(None)
    sender.join()


def _pickle(message: tuple[Any, ...]) -> bytes:
    from multiprocessing.reduction import ForkingPickler

    return bytes(ForkingPickler.dumps(message))


def _send_results(
    results: Connection, outbox: queue.SimpleQueue[bytes | None], gone: threading.Event
) -> None:
    while (message := outbox.get()) is not None:
        try:
            results.send_bytes(message)
        except (OSError, EOFError):  # the parent is gone
            gone.set()
            return


def _read_tasks(
    tasks: Connection, inbox: queue.SimpleQueue[list[tuple[int, Transcript | Unbuilt]] | None]
) -> None:
    while True:
        try:
            task = tasks.recv()
        except Exception:  # the parent closed the pipe, died, or was stopped mid-message
            task = None
        inbox.put(task)
        if task is None:
            return


# -- the parent's side ---------------------------------------------------------------


@dataclass
class _Worker:
    process: SpawnProcess | ForkProcess
    tasks: Connection
    results: Connection
    held: deque[list[tuple[int, Transcript | Unbuilt]]] = field(default_factory=deque)
    """Chunks sent and not finished, oldest first; the worker works on ``held[0]``."""
    done_in_front: int = 0
    """Calls of ``held[0]`` already answered."""

    def take(self, seq: int) -> None:
        front = self.held[0]
        expected = front[self.done_in_front][0]
        if seq != expected:  # pragma: no cover - a broken invariant, not an input problem
            raise RuntimeError(f"worker answered call #{seq}, expected #{expected}")
        self.done_in_front += 1
        if self.done_in_front == len(front):
            self.held.popleft()
            self.done_in_front = 0

    def unfinished(self) -> list[tuple[int, Transcript | Unbuilt]]:
        """The calls sent and not answered, in order; the first is the one being worked on."""
        calls = [c for task in self.held for c in task]
        return calls[self.done_in_front :]


class _Pool:
    def __init__(self, jobs: int, chunk: int, config: _Config) -> None:
        self.jobs = jobs
        # This process is one of the ``jobs``: between reading and collecting it analyses
        # calls itself, so ``jobs`` cores need ``jobs - 1`` workers (one start-up less, and
        # no pickling for its own calls).
        self.n_workers = max(1, jobs - 1)
        self.chunk = chunk
        self.config = config
        self.workers: list[_Worker] = []
        # Calls read and not yet yielded are at most this many: memory stays flat.
        self.window = max(4 * jobs * PREFETCH * chunk, 16)
        self.deaths_in_a_row = 0
        self.finished = False

    def _start_worker(self) -> _Worker:
        import multiprocessing

        method = start_method()
        if method == "fork":
            # Build here first: the worker is born with this process's pipelines.
            self.config.prepare()
        ctx: Any = multiprocessing.get_context(method)  # a fork or spawn context
        task_r, task_w = ctx.Pipe(duplex=False)
        result_r, result_w = ctx.Pipe(duplex=False)
        inherited: tuple[Connection, ...] = ()
        if method == "fork":
            inherited = (task_w, result_r)
            inherited += tuple(c for w in self.workers for c in (w.tasks, w.results))
        process = ctx.Process(
            target=_worker_main,
            args=(task_r, result_w, self.config, inherited),
            name=f"verbalkit-worker-{len(self.workers) + 1}",
            daemon=True,
        )
        with _sigint_ignored():
            process.start()
        task_r.close()
        result_w.close()
        worker = _Worker(process, task_w, result_r)
        self.workers.append(worker)
        return worker

    def run(
        self, items: Iterator[Transcript | Unbuilt | Failure]
    ) -> Iterator[AnalysedCall | ScoredCall | Failure]:
        from multiprocessing.connection import wait

        done: dict[int, AnalysedCall | ScoredCall | Failure] = {}
        pending: deque[tuple[int, Transcript | Unbuilt]] = deque()  # read, not sent to a worker
        n_read = n_yielded = 0
        exhausted = False
        want = self.jobs * PREFETCH * self.chunk  # enough to keep every worker busy
        while True:
            while not exhausted and len(pending) < want and n_read - n_yielded < self.window:
                item = next(items, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, Failure):
                    done[n_read] = item
                    n_read += 1
                else:
                    pending.append((n_read, item))
                    n_read += 1
            self._dispatch(pending, exhausted)
            while n_yielded in done:
                yield done.pop(n_yielded)
                n_yielded += 1
            if exhausted and n_yielded == n_read:
                self.finished = True
                return
            if not exhausted and len(pending) < want and n_read - n_yielded < self.window:
                continue  # results were handed out: there is room to read more
            waitables: list[Any] = [w.results for w in self.workers]
            waitables += [w.process.sentinel for w in self.workers]
            if pending and self.jobs > 1:
                ready = wait(waitables, timeout=0)
                if not ready:  # the workers are busy and nothing is back: take a call here
                    seq, item = pending.popleft()
                    done[seq] = next(self.config.run([item]))
                    continue
            else:
                if not any(w.held for w in self.workers):  # pragma: no cover - broken invariant
                    raise RuntimeError(f"call #{n_yielded} is neither done, queued nor in a worker")
                ready = wait(waitables)
            self._collect(ready, done, pending)

    def _dispatch(self, pending: deque[tuple[int, Transcript | Unbuilt]], exhausted: bool) -> None:
        """Send chunks to workers with room, starting workers up to ``jobs``."""
        while pending:
            room = [w for w in self.workers if len(w.held) < PREFETCH]
            idle = [w for w in room if not w.held]
            if idle:
                worker = idle[0]
            elif len(self.workers) < self.n_workers:
                worker = self._start_worker()
            elif room:
                worker = room[0]
            else:
                return
            size = self.chunk
            if exhausted:  # the tail: spread it over the workers
                slots = self.n_workers * PREFETCH + 1
                size = max(1, min(self.chunk, -(-len(pending) // slots)))
            task = [pending.popleft() for _ in range(min(size, len(pending)))]
            worker.held.append(task)
            worker.tasks.send(task)

    def _collect(
        self,
        ready: list[Any],
        done: dict[int, AnalysedCall | ScoredCall | Failure],
        pending: deque[tuple[int, Transcript | Unbuilt]],
    ) -> None:
        for worker in list(self.workers):
            if worker.results not in ready and worker.process.sentinel not in ready:
                continue
            alive = True
            try:
                while worker.results.poll():
                    self._receive(worker, worker.results.recv(), done)
            except (EOFError, OSError):
                alive = False
            if not alive or not worker.process.is_alive():
                self._bury(worker, done, pending)

    def _receive(
        self,
        worker: _Worker,
        message: tuple[Any, ...],
        done: dict[int, AnalysedCall | ScoredCall | Failure],
    ) -> None:
        if message[0] == "init-error":
            raise WorkerError(f"a worker process could not start: {message[1]}")
        _, seq, result = message
        worker.take(seq)
        done[seq] = result
        self.deaths_in_a_row = 0

    def _bury(
        self,
        worker: _Worker,
        done: dict[int, AnalysedCall | ScoredCall | Failure],
        pending: deque[tuple[int, Transcript | Unbuilt]],
    ) -> None:
        """A worker died: its current call fails, its other calls go back to the queue."""
        worker.process.join(1.0)
        if worker.process.is_alive():  # its pipe broke, yet it runs: stop it
            worker.process.terminate()
            worker.process.join(EXIT_GRACE_S)
        how = _exit_reason(worker.process.exitcode)
        self.workers.remove(worker)
        _close(worker)
        unfinished = worker.unfinished()
        if unfinished:
            seq, transcript = unfinished[0]
            done[seq] = Failure(
                path=transcript.source or transcript.call_id,
                message=f"call {transcript.call_id}: the worker process analysing it died "
                f"({how}); the other calls go on",
                call_id=transcript.call_id,
            )
            pending.extendleft(reversed(unfinished[1:]))
        self.deaths_in_a_row += 1
        if self.deaths_in_a_row >= MAX_DEATHS_IN_A_ROW:
            raise WorkerError(
                f"worker processes keep dying ({self.deaths_in_a_row} in a row without "
                f"finishing a call; the last {how}); stopping"
            )

    def close(self) -> None:
        """Stop every worker: a clean exit when the run finished, else terminate at once."""
        if self.finished:
            for worker in self.workers:
                with contextlib.suppress(OSError):
                    worker.tasks.send(None)
        for worker in self.workers:
            if self.finished:
                worker.process.join(EXIT_GRACE_S)
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(EXIT_GRACE_S)
            if worker.process.is_alive():  # pragma: no cover - SIGTERM is not ignored
                worker.process.kill()
                worker.process.join()
            _close(worker)
        self.workers.clear()


def _close(worker: _Worker) -> None:
    for conn in (worker.tasks, worker.results):
        with contextlib.suppress(OSError):
            conn.close()
    with contextlib.suppress(ValueError):
        worker.process.close()


def start_method() -> str:
    """How the next worker starts: ``fork`` on Linux when only this thread runs, else
    ``spawn`` (see the module's docstring); ``VERBALKIT_START_METHOD`` overrides."""
    import multiprocessing

    forced = os.environ.get("VERBALKIT_START_METHOD", "").strip().lower()
    if forced in ("fork", "spawn"):
        if forced in multiprocessing.get_all_start_methods():
            return forced
        return "spawn"
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "it did not exit"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}"
    return f"exit code {code}"


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore SIGINT while a worker is started, so that it starts ignoring it.

    An ignored signal stays ignored across ``exec``, so the new interpreter cannot be
    interrupted (and print a traceback) before its own code runs. Only the main thread can
    change signal handlers; elsewhere this does nothing. A Ctrl-C in these few milliseconds
    is lost.
    """
    if not hasattr(signal, "SIGINT") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
