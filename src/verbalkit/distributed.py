"""Score calls on a Dask cluster, or inside any other engine that maps a function over records.

Needs the ``dask`` extra (``pip install 'verbalkit[dask]'``); nothing here imports Dask until
it is used, and ``import verbalkit`` never does.

- :func:`score_records` is the unit of work: an iterable of transcripts (models, dicts or JSON
  strings) in, one JSON-safe dict per call out, in order. It is what a Dask partition, a Spark
  ``mapInPandas`` batch or a plain ``multiprocessing`` task runs.
- :func:`read_bag` and :func:`score_bag` build a :class:`dask.bag.Bag` of transcript records
  and map :func:`score_records` over its partitions.
- :func:`score_on_dask` is the ``verbalkit score --engine dask`` path: it streams calls to a
  cluster (a :class:`distributed.LocalCluster`, or a running scheduler), a bounded number of
  chunks in flight, and yields :class:`~verbalkit.scoring.models.ScoredCall` and
  :class:`~verbalkit.schema.Failure` back in input order.

Every worker process builds each language's pipeline once and keeps it
(:func:`verbalkit.pipeline.build.get_nlp` caches per process), so the work is sharded by call
and the pipeline cost is paid once per process, not per task. A worker process with several
threads runs one call at a time (the pipeline is shared by its threads), so give workers one
thread each (``nthreads=1``) and as many processes as cores.

Records (the JSON-safe shapes a bag holds):

- a transcript: :meth:`Transcript.to_dict() <verbalkit.schema.Transcript.to_dict>`;
- a scored call: :meth:`ScoredCall.to_dict() <verbalkit.scoring.models.ScoredCall.to_dict>`;
- a failure: ``{"failure": True, "path": …, "message": …, "call_id": …, "traceback": …}``.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from verbalkit.errors import VerbalkitError
from verbalkit.parallel import WorkerError, _sigint_ignored, default_jobs
from verbalkit.schema import Failure, Transcript

if TYPE_CHECKING:
    import dask.bag

    from verbalkit.limits import Limits
    from verbalkit.scoring.models import ScoredCall
    from verbalkit.scoring.scorecard import Scorecard

#: Calls per Dask task in :func:`score_on_dask`.
DEFAULT_CHUNK = 16

#: Calls per partition of :func:`read_bag` when ``npartitions`` is not given.
PARTITION_SIZE = 100

# One call at a time per process: the pipelines of a process are shared by its threads.
_PIPELINE_LOCK = threading.Lock()


def _require_dask() -> tuple[Any, Any]:
    """``dask.bag`` and ``distributed``, typed loosely (much of their API is unannotated)."""
    import importlib

    try:
        return importlib.import_module("dask.bag"), importlib.import_module("distributed")
    except ImportError as err:
        raise VerbalkitError(
            f"the Dask engine needs dask and distributed ({err}); "
            "install them with: pip install 'verbalkit[dask]'"
        ) from None


# -- records -------------------------------------------------------------------------


def to_record(item: Transcript | ScoredCall | Failure) -> dict[str, Any]:
    """The JSON-safe record of a transcript, a scored call or a failure."""
    if isinstance(item, Failure):
        return {"failure": True, **item.to_dict(), "traceback": item.traceback}
    return item.to_dict()


def from_record(record: dict[str, Any]) -> ScoredCall | Failure:
    """The scored call or failure a record of :func:`score_records` holds."""
    from verbalkit.scoring.models import ScoredCall

    if record.get("failure"):
        fields = {k: v for k, v in record.items() if k != "failure"}
        return Failure.model_validate(fields)
    return ScoredCall.model_validate(record)


def _as_input(record: Transcript | Failure | dict[str, Any] | str | bytes) -> Transcript | Failure:
    """A transcript (or a failure to pass on) from a model, a record or a JSON string."""
    if isinstance(record, Transcript | Failure):
        return record
    data: Any = record
    try:
        if isinstance(record, str | bytes):
            data = json.loads(record)
        if not isinstance(data, dict):
            raise ValueError(f"a record is a JSON object, not {type(data).__name__}")
        if data.get("failure"):
            return Failure.model_validate({k: v for k, v in data.items() if k != "failure"})
        return Transcript.model_validate(data)
    except ValueError as err:  # pydantic's ValidationError and json's errors are ValueErrors
        call_id = data.get("call_id") if isinstance(data, dict) else None
        problem = " ".join(str(err).split())[:300]
        return Failure(
            path=str(call_id or "<record>"),
            message=f"not a transcript record: {problem}",
            call_id=str(call_id) if call_id is not None else None,
        )


@functools.cache
def _default_scorecard() -> Scorecard:
    from verbalkit.scoring.scorecard import load_scorecard

    return load_scorecard()


def _score_items(
    items: Iterable[Transcript | Failure],
    scorecard: Scorecard | None,
    packs: tuple[str, ...],
    limits: Limits | None,
    redact: bool = False,
) -> list[ScoredCall | Failure]:
    """What the one-process run makes of ``items``: analysed, scored, failures in place."""
    from verbalkit.analysis import analyze_many
    from verbalkit.scoring.engine import score_many

    card = scorecard if scorecard is not None else _default_scorecard()
    with _PIPELINE_LOCK:
        analysed = analyze_many(items, packs=packs, limits=limits, redact=redact)
        return list(score_many(analysed, card))


def score_records(
    records: Iterable[Transcript | Failure | dict[str, Any] | str | bytes],
    scorecard: Scorecard | None = None,
    packs: Iterable[str] = (),
    limits: Limits | None = None,
    redact: bool = False,
) -> list[dict[str, Any]]:
    """Analyse and score transcripts; one JSON-safe record per input, in order.

    Args:
        records: Transcripts as models, records (``Transcript.to_dict()``) or JSON strings
            of them; failure records pass through.
        scorecard: The scorecard; default the built-in LUSTFULL card.
        packs: Rule-pack folders (they must exist where this runs).
        limits: Input limits.
        redact: Mask personal data before scoring (``verbalkit.analyze(..., redact=True)``).

    Returns:
        ``ScoredCall.to_dict()`` per call, or a failure record (``{"failure": True, …}``)
        for a record that is not a transcript or a call that could not be analysed. Equal
        to what ``verbalkit score`` computes for the same calls in one process.
    """
    items = [_as_input(r) for r in records]
    return [to_record(s) for s in _score_items(items, scorecard, tuple(packs), limits, redact)]


# -- Dask bags -----------------------------------------------------------------------


def read_bag(
    paths: str | Path | Iterable[str | Path],
    *,
    npartitions: int | None = None,
    **read_options: Any,
) -> dask.bag.Bag:
    """Read transcripts here and put their records into a Dask bag.

    Files are read (and validated) in this process with :func:`verbalkit.read_many`, so they
    need not be visible to the workers; files or calls that cannot be read are failure
    records in their place.

    Args:
        paths: Files or folders, as for :func:`verbalkit.read_many`.
        npartitions: Partitions of the bag; default one per 100 calls.
        **read_options: Passed to :func:`verbalkit.read_many` (``format``, ``language``,
            ``agent_speaker``, ``limits`` …).
    """
    db, _ = _require_dask()
    from verbalkit.io import read_many

    records = [to_record(item) for item in read_many(paths, **read_options)]
    if npartitions is None:
        npartitions = max(1, -(-len(records) // PARTITION_SIZE))
    bag: dask.bag.Bag = db.from_sequence(records, npartitions=npartitions)
    return bag


def score_bag(
    bag: dask.bag.Bag,
    scorecard: Scorecard | None = None,
    packs: Iterable[str] = (),
    limits: Limits | None = None,
    redact: bool = False,
) -> dask.bag.Bag:
    """Map :func:`score_records` over a bag of transcripts: a bag of scored records.

    ``bag`` holds transcripts as models, records or JSON strings (``read_bag``, or
    ``dask.bag.read_text("calls-*.jsonl")``); the result holds one record per element in the
    same order: ``ScoredCall.to_dict()`` or a failure record (:func:`from_record` turns either
    back into a model). Each worker process builds the pipeline once and keeps it.
    """
    _require_dask()
    scored: dask.bag.Bag = bag.map_partitions(
        score_records, scorecard, tuple(packs), limits, redact
    )  # type: ignore[no-untyped-call]
    return scored


# -- the `verbalkit score --engine dask` stream -----------------------------------------


def _score_chunk(
    transcripts: list[Transcript],
    scorecard: Scorecard | None,
    packs: tuple[str, ...],
    limits: Limits | None,
    redact: bool = False,
) -> list[ScoredCall | Failure]:
    """One Dask task: score a few calls (the models travel pickled, both ways)."""
    return _score_items(transcripts, scorecard, packs, limits, redact)


def score_on_dask(
    transcripts: Iterable[Transcript | Failure],
    *,
    scheduler: str | None = None,
    jobs: int | None = None,
    scorecard: Scorecard | None = None,
    packs: tuple[str, ...] = (),
    limits: Limits | None = None,
    chunk: int = DEFAULT_CHUNK,
    redact: bool = False,
) -> Iterator[ScoredCall | Failure]:
    """Score a stream of calls on a Dask cluster; yield results in input order.

    Args:
        transcripts: Transcripts and read failures (:func:`verbalkit.read_many`); read a
            bounded window ahead, failures pass through in place.
        scheduler: Address of a running scheduler (``tcp://host:8786``); default a
            :class:`distributed.LocalCluster` of ``jobs`` single-threaded worker processes,
            closed at the end.
        jobs: Workers of the local cluster; default all cores.
        scorecard, packs, limits, redact: As for :func:`score_records`.
        chunk: Calls per task.

    The cluster is reached when iteration starts, and the client (and a local cluster) are
    closed when it ends, fails or is interrupted.

    Raises:
        VerbalkitError: Dask is not installed (here, at once).
        WorkerError: the scheduler cannot be reached, or a task fails other than by its
            worker dying (a call whose worker keeps dying becomes a Failure).
    """
    _require_dask()
    if chunk < 1:
        raise ValueError(f"chunk must be at least 1, not {chunk}")
    return _stream(
        iter(transcripts), scheduler, jobs, scorecard, tuple(packs), limits, chunk, redact
    )


def _stream(
    items: Iterator[Transcript | Failure],
    scheduler: str | None,
    jobs: int | None,
    scorecard: Scorecard | None,
    packs: tuple[str, ...],
    limits: Limits | None,
    chunk: int,
    redact: bool = False,
) -> Iterator[ScoredCall | Failure]:
    _, distributed = _require_dask()
    cluster: Any = None
    try:
        if scheduler is None:
            # The workers are started ignoring SIGINT (an ignored signal stays ignored in a
            # new process): a Ctrl-C in the terminal reaches the whole process group, and
            # only this process should act on it (and close the cluster), not each worker
            # with a traceback. A Ctrl-C while the cluster starts is lost.
            with _sigint_ignored():
                cluster = distributed.LocalCluster(
                    n_workers=jobs or default_jobs(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=":0",  # no fixed port: no clash with a running cluster
                    # Closing on Ctrl-C cancels running tasks, which workers log as warnings.
                    silence_logs=logging.ERROR,
                )
            client = distributed.Client(cluster, set_as_default=False)
        else:
            client = distributed.Client(scheduler, set_as_default=False)
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise WorkerError(f"cannot reach {where}: {err}") from None
    try:
        if cluster is not None:
            # Workers that replace dead ones ignore SIGINT too, once started.
            client.register_plugin(_ignore_sigint_plugin(distributed), name="verbalkit-sigint")
        slots = max(1, sum(client.nthreads().values()))
        # Chunks in flight: two per worker thread keeps them busy; memory stays bounded.
        in_flight: deque[tuple[list[Transcript | Failure], Any]] = deque()
        limit = 2 * slots
        batch: list[Transcript | Failure] = []

        def submit() -> None:
            if batch:
                task = client.submit(
                    _score_chunk, list(batch), scorecard, packs, limits, redact, pure=False
                )
                in_flight.append((list(batch), task))
                batch.clear()

        for item in items:
            if isinstance(item, Failure):
                submit()
                in_flight.append(([item], None))
            else:
                batch.append(item)
                if len(batch) >= chunk:
                    submit()
            while len(in_flight) > limit:
                yield from _results(*in_flight.popleft())
        submit()
        while in_flight:
            yield from _results(*in_flight.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _ignore_sigint_plugin(distributed: Any) -> Any:
    """A worker plugin that makes a worker process of our local cluster ignore SIGINT."""

    class IgnoreSigint(distributed.WorkerPlugin):  # type: ignore[misc]
        def setup(self, worker: Any) -> None:
            import signal
            import threading

            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)

    return IgnoreSigint()


def _results(calls: list[Transcript | Failure], task: Any) -> list[ScoredCall | Failure]:
    """The results of one chunk, waiting for them; a chunk whose worker died fails."""
    from distributed import KilledWorker

    if task is None:  # a read failure, passed on in place
        return [c for c in calls if isinstance(c, Failure)]
    try:
        results: list[ScoredCall | Failure] = task.result()
    except KilledWorker as err:
        return [
            Failure(
                path=c.source or c.call_id,
                message=f"call {c.call_id}: the Dask workers scoring it died ({err}); "
                "the other calls go on",
                call_id=c.call_id,
            )
            for c in calls
            if isinstance(c, Transcript)
        ]
    except Exception as err:
        raise WorkerError(f"a Dask task failed: {type(err).__name__}: {err}") from err
    return results
