"""AtomicOutput: the target is replaced whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from verbalkit.report.output import AtomicOutput, OutputError


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_target_untouched_until_the_end(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with AtomicOutput(target) as out:
        out.write("new 1\n")
        assert target.read_text(encoding="utf-8") == "old\n"  # still yesterday's results
        out.write("new 2\n")
    assert target.read_text(encoding="utf-8") == "new 1\nnew 2\n"
    assert out.outcome == "written"
    assert _leftovers(tmp_path) == []


def test_nothing_written_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with AtomicOutput(target) as out:
        pass
    assert out.outcome == "nothing"
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_interrupt_keeps_a_partial_file_beside_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    out = AtomicOutput(target)
    with pytest.raises(KeyboardInterrupt), out:
        out.write("done 1\n")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old\n"
    assert out.outcome == "partial"
    assert out.partial_path == tmp_path / "out.jsonl.partial"
    assert out.partial_path.read_text(encoding="utf-8") == "done 1\n"
    assert _leftovers(tmp_path) == []


def test_an_error_removes_the_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    out = AtomicOutput(target)
    with pytest.raises(RuntimeError), out:
        out.write("x\n")
        raise RuntimeError("disk on fire")
    assert out.outcome == "failed"
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_undecodable_file_names_do_not_fail_the_write(tmp_path: Path) -> None:
    """A call id taken from a file name with bad bytes holds a lone surrogate (surrogateescape)."""
    target = tmp_path / "out.jsonl"
    with AtomicOutput(target) as out:
        out.write('{"call_id": "bad\udcff"}\n')
    assert target.read_text(encoding="utf-8") == '{"call_id": "bad\\udcff"}\n'


@pytest.mark.parametrize("where", ["missing/out.jsonl", "."])
def test_unusable_targets_are_clear_errors(tmp_path: Path, where: str) -> None:
    with (
        pytest.raises(OutputError, match=r"out\.jsonl|is a folder"),
        AtomicOutput(tmp_path / where),
    ):
        pass
