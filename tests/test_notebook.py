"""The coach's notebook (examples/coach_comparison.ipynb) runs again from scratch.

The notebook and the example calls are copied into a temporary folder and executed there
with nbclient. The kernel is this interpreter: a kernel spec written into the temporary
folder points at ``sys.executable``, so the test never depends on a user-level Jupyter
kernel install.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import nbclient
import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
NOTEBOOK = EXAMPLES / "coach_comparison.ipynb"
AGENTS = ("a-sara", "a-mikael", "a-henrik")
KERNEL = "verbalkit-notebook-test"


def _execute(notebook: Path, workdir: Path, kernels: Path) -> Any:
    """Run ``notebook`` in ``workdir`` with this interpreter as the kernel; return it run."""
    spec_dir = kernels / KERNEL
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "verbalkit (test)",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(kernels)])
    km = KernelManager(kernel_name=KERNEL, kernel_spec_manager=specs)
    nb = nbformat.read(notebook, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        km=km,
        kernel_name=KERNEL,
        timeout=600,
        resources={"metadata": {"path": str(workdir)}},
    )
    client.execute()
    return nb


def _tagged(nb: Any, tag: str) -> Any:
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"one cell tagged {tag!r} expected, found {len(cells)}"
    return cells[0]


def _text(cell: Any) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        data = out.get("data", {})
        parts.append(data.get("text/plain", ""))
        parts.append(data.get("text/html", ""))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("notebook")
    workdir = root / "examples"
    shutil.copytree(EXAMPLES, workdir)
    return _execute(workdir / NOTEBOOK.name, workdir, root / "kernels")


def test_notebook_runs_without_errors(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code)
    errors = [o for c in code for o in c.outputs if o.get("output_type") == "error"]
    assert errors == [], [f"{e['ename']}: {e['evalue']}" for e in errors]


def test_comparison_table_names_the_three_agents(executed: Any) -> None:
    text = _text(_tagged(executed, "comparison"))
    for agent in AGENTS:
        assert agent in text
    assert "overall median" in text and "top recurring priority" in text


@pytest.mark.parametrize("tag", ["plot-agents", "plot-stages", "plot-behaviours"])
def test_plots_are_pngs(executed: Any, tag: str) -> None:
    outputs = _tagged(executed, tag).outputs
    assert any("image/png" in o.get("data", {}) for o in outputs), tag


def test_examples_reloaded_results_and_priorities_are_shown(executed: Any) -> None:
    text = "\n".join(_text(c) for c in executed.cells if c.cell_type == "code")
    assert "▶" in text  # results.examples(...) marks the moments
    assert "premature solution" in text  # a recurring priority as words
    assert "same overall scores as above: True" in text  # load_results after verbalkit score
    assert "exit code: 0" in text


def test_saved_notebook_has_its_outputs() -> None:
    """The committed notebook was executed and saved: every code cell ran, plots are PNGs."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code)
    assert not [o for c in code for o in c.outputs if o.get("output_type") == "error"]
    pngs = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(pngs) >= 3
