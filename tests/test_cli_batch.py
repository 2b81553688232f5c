"""A batch that never dies: atomic output, Ctrl-C, faults in one call, no network."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import verbalkit.analysis
from verbalkit.cli import app
from verbalkit.schema import AnalysedCall, Transcript

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"

runner = CliRunner()


@pytest.fixture
def calls(tmp_path: Path) -> Path:
    """A folder with three readable calls (two Swedish, one English) and one broken file."""
    folder = tmp_path / "calls"
    folder.mkdir()
    for name in ("sv-matkasse.json", "sv-faktura.csv", "en-broadband.txt"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    (folder / "zz-broken.json").write_text('{"call_id": "x", "utterances": [', encoding="utf-8")
    return folder


def _json_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_output_replaced_only_when_the_run_finishes(calls: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"call_id": "yesterday"}\n', encoding="utf-8")
    out.chmod(0o644)
    result = runner.invoke(app, ["analyze", str(calls), "--json", "-o", str(out)])
    assert result.exit_code == 1  # the broken file failed...
    assert "zz-broken.json" in result.stderr
    assert "Traceback" not in result.output
    # ...and the three good calls replaced yesterday's results, with the file's permissions.
    assert sorted(str(c["call_id"]) for c in _json_lines(out)) == [
        "en-broadband",
        "sv-faktura",
        "sv-matkasse",
    ]
    assert out.stat().st_mode & 0o777 == 0o644
    assert "3 calls analysed, 1 failed; wrote" in result.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_no_output_file_when_nothing_was_analysed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    new = tmp_path / "new.jsonl"
    result = runner.invoke(app, ["analyze", str(bad), "--json", "-o", str(new)])
    assert result.exit_code == 1
    assert not new.exists()
    assert "0 calls analysed, 1 failed; nothing written" in result.stderr

    kept = tmp_path / "kept.jsonl"
    kept.write_text('{"call_id": "yesterday"}\n', encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(bad), "--json", "-o", str(kept)])
    assert result.exit_code == 1
    assert kept.read_text(encoding="utf-8") == '{"call_id": "yesterday"}\n'


def test_ctrl_c_keeps_previous_results_and_says_where_the_partial_file_is(
    calls: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = verbalkit.analysis.analyze
    seen: list[str] = []

    def interrupted(transcript: Transcript, **kwargs: object) -> AnalysedCall:
        seen.append(transcript.call_id)
        if len(seen) == 3:
            raise KeyboardInterrupt
        return real(transcript, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(verbalkit.analysis, "analyze", interrupted)
    out = tmp_path / "out.jsonl"
    out.write_text('{"call_id": "yesterday"}\n', encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(calls), "--json", "-o", str(out)])
    assert result.exit_code == 130
    assert out.read_text(encoding="utf-8") == '{"call_id": "yesterday"}\n'
    partial = tmp_path / "out.jsonl.partial"
    assert [c["call_id"] for c in _json_lines(partial)] == seen[:2]
    assert "interrupted: 2 calls analysed, 0 failed" in result.stderr
    assert str(partial) in result.stderr
    assert "Traceback" not in result.output


def test_fault_in_one_call_is_that_calls_failure(
    calls: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in a component (here: an IndexError for one call's text) loses only that call."""
    from verbalkit.pipeline.components.sentences import SentenceSplitter

    real = SentenceSplitter.__call__

    def faulty(self: SentenceSplitter, doc):  # type: ignore[no-untyped-def]
        if "Faktura" in doc.text or "faktura" in doc.text:
            raise IndexError("list index out of range")
        return real(self, doc)

    monkeypatch.setattr(SentenceSplitter, "__call__", faulty)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["analyze", str(calls), "--json", "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2  # the broken file and the faulty call
    fault = next(line for line in errors if "sv-faktura" in line)
    assert "unexpected error (IndexError: list index out of range)" in fault
    assert "Traceback" not in result.output
    assert sorted(str(c["call_id"]) for c in _json_lines(out)) == ["en-broadband", "sv-matkasse"]

    debug = runner.invoke(app, ["analyze", str(calls / "sv-faktura.csv"), "--json", "--debug"])
    assert debug.exit_code == 1
    assert "Traceback (most recent call last)" in debug.stderr
    assert "in faulty" in debug.stderr


def test_unreadable_file_on_the_command_line_is_one_error(
    calls: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """click's readable check used to refuse the whole command line with a usage error."""
    denied = calls / "sv-faktura.csv"
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode, **kw: False if Path(p) == denied else real_access(p, mode)
    )
    good = calls / "sv-matkasse.json"
    result = runner.invoke(app, ["validate", str(denied), str(good)])
    assert result.exit_code != 2, result.output
    assert "sv-matkasse" in result.stdout


def test_validate_reports_nothing_read_as_a_failure(tmp_path: Path) -> None:
    header_only = tmp_path / "empty.csv"
    header_only.write_text("call_id,speaker,start,end,text\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(header_only)])
    assert result.exit_code == 1
    assert "empty.csv" in result.stderr or "no calls found" in result.stdout


def test_validate_ctrl_c_says_how_far_it_got(monkeypatch: pytest.MonkeyPatch) -> None:
    import verbalkit.io

    def stream(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        yield verbalkit.io.read(EXAMPLES / "sv-matkasse.json")
        raise KeyboardInterrupt

    monkeypatch.setattr(verbalkit.io, "read_many", stream)
    result = runner.invoke(app, ["validate", str(EXAMPLES)])
    assert result.exit_code == 130
    assert "interrupted: 1 calls read, 0 failed" in result.stderr


def test_output_to_a_missing_folder_is_one_error(calls: Path, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "out.jsonl"
    result = runner.invoke(app, ["analyze", str(calls), "--json", "-o", str(out)])
    assert result.exit_code == 1
    assert "no-such-folder" in result.stderr
    assert "Traceback" not in result.output


# Run in a fresh interpreter: the audit hook cannot be removed, and the pipeline must be built
# inside the guarded process (spaCy and its lookups are where a download could hide).
NETWORK_GUARD = textwrap.dedent(
    """
    import sys

    attempts = []
    # Audit events that mean reaching out: connecting, resolving names, sending. Binding to
    # loopback is not (urllib3, imported by spaCy, probes IPv6 support by binding to ::1).
    OUTWARD = {
        "socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
        "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg",
        "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect",
    }

    def guard(event, args):
        outward = event in OUTWARD
        if event == "socket.bind":
            address = args[1][0] if isinstance(args[1], tuple) else args[1]
            outward = address not in ("::1", "127.0.0.1", "localhost")
        if outward:
            attempts.append((event, repr(args)[:200]))
            raise PermissionError(f"network blocked by the test: {event}")

    sys.addaudithook(guard)
    from verbalkit.cli import app

    try:
        app(sys.argv[1:], standalone_mode=False)
    finally:
        for event, args in attempts:
            print(f"NETWORK ATTEMPT: {event} {args}", file=sys.stderr)
        sys.stderr.flush()
        if attempts:
            sys.exit(99)
    """
)


def test_full_run_makes_no_network_connection(tmp_path: Path) -> None:
    """The main job, reports and all (matplotlib, Jinja2, Parquet), never connects out."""
    out = tmp_path / "scored"
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "MPLCONFIGDIR": str(tmp_path / "mpl"),
    }
    proc = subprocess.run(
        [sys.executable, "-c", NETWORK_GUARD, "score", str(EXAMPLES), "--out", str(out), "-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert "NETWORK ATTEMPT" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, proc.stderr
    transcripts = {".json", ".jsonl", ".csv", ".txt", ".vtt", ".srt"}
    n_examples = len([p for p in EXAMPLES.iterdir() if p.suffix in transcripts])
    assert len(_json_lines(out / "results.jsonl")) == n_examples
    assert (out / "report.html").is_file()


def test_network_guard_catches_a_connection(tmp_path: Path) -> None:
    """The guard itself works: a script that connects is caught (so the test above can fail)."""
    script = NETWORK_GUARD.replace(
        "from verbalkit.cli import app",
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 80), timeout=0.1)\n"
        "except OSError:\n"
        "    pass\n"
        "from verbalkit.cli import app",
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, "--version"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 99
    assert "NETWORK ATTEMPT: socket." in proc.stderr
