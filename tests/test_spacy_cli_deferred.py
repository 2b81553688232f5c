"""`import verbalkit` keeps spaCy's command line unimported until something uses it
(`verbalkit._spacycli`, issue 11): a verbalkit run never loads it, and spaCy's own API
(``spacy.info``, ``spacy.cli.*``, ``import spacy.cli.x``) still works as usual afterwards.
Each check runs in a fresh interpreter, where verbalkit is imported before spaCy."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_an_analysis_never_imports_spacys_command_line() -> None:
    out = run(
        """
        import sys
        import verbalkit
        call = verbalkit.read("examples/en-card-blocked.json")
        result = verbalkit.analyze(call)
        assert result.utterances
        print(sorted(m for m in sys.modules if m.startswith("spacy.cli.")), "typer" in sys.modules)
        """
    )
    assert out == "['spacy.cli.info'] False"


def test_spacys_command_line_works_when_asked_for() -> None:
    out = run(
        """
        import verbalkit
        import spacy
        assert spacy.info()["spacy_version"] == spacy.__version__
        print(spacy.cli.download.__module__, callable(spacy.cli.info))
        from spacy.cli import init_config
        print(init_config.__module__)
        """
    )
    assert out.splitlines() == ["spacy.cli.download True", "spacy.cli.init_config"]


def test_a_submodule_import_and_spacy_imported_first_are_left_alone() -> None:
    out = run(
        """
        import verbalkit
        import spacy.cli.download as download
        import spacy
        print(download.__name__, spacy.cli.package.__module__)
        """
    )
    assert out == "spacy.cli.download spacy.cli.package"
    out = run(
        """
        import sys
        import spacy
        import verbalkit
        print(type(sys.modules["spacy.cli"]).__name__)
        """
    )
    assert out == "module"
