"""Keep ``import spacy`` from importing spaCy's command line until something uses it.

``spacy/__init__.py`` imports ``spacy.cli.info`` for ``spacy.info``, and with it the whole
``spacy.cli`` package: typer, weasel, requests, httpx, jinja2 and every spaCy command. That
is about 0.3 s of the 1.2 s ``import spacy`` costs, in every ``verbalkit`` command and in
every ``--jobs`` worker, and verbalkit never runs a spaCy command.

:func:`defer` (called when verbalkit is imported, before spaCy is) puts two placeholders in
``sys.modules``: ``spacy.cli`` and ``spacy.cli.info``. They stay empty until something asks
them for a name (``spacy.cli.download``, ``from spacy.cli import train``, ``spacy.info()``);
then the real ``spacy.cli`` is imported, replaces them, and answers. Submodules import as
usual (``import spacy.cli.download``). Nothing changes for a process that imported spaCy
before verbalkit, or for a spaCy whose files are not laid out as expected.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_CLI = "spacy.cli"
_INFO = "spacy.cli.info"


class _Placeholder(types.ModuleType):
    """A module that imports the real ``spacy.cli`` when asked for any public name."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system probing (``__path__``, ``__file__``)
            raise AttributeError(name)
        real = _load()
        target = real if self.__name__ == _CLI else sys.modules[_INFO]
        return getattr(target, name)


def _load() -> types.ModuleType:
    """Replace the placeholders by the real ``spacy.cli`` (imported now) and return it."""
    for name in (_CLI, _INFO):
        if isinstance(sys.modules.get(name), _Placeholder):
            del sys.modules[name]
    real = importlib.import_module(_CLI)
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = real  # type: ignore[attr-defined]
    return real


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: imports the real command line, then runs its ``info``."""
    return _load().info(*args, **kwargs)


class _AttachCli(importlib.abc.MetaPathFinder):
    """Finds ``spacy`` once, to give the module its ``cli`` attribute when it is imported
    (the import system binds a submodule to its parent only when it imports it itself)."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: types.ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec("spacy")
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        exec_module = loader.exec_module

        def exec_and_attach(module: types.ModuleType) -> None:
            exec_module(module)
            if "cli" not in vars(module) and isinstance(sys.modules.get(_CLI), _Placeholder):
                module.cli = sys.modules[_CLI]  # type: ignore[attr-defined]

        loader.exec_module = exec_and_attach  # type: ignore[method-assign]
        return spec


def defer() -> None:
    """Install the placeholders, unless spaCy is already imported or laid out differently."""
    if "spacy" in sys.modules or _CLI in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("spacy")
    except (ImportError, ValueError):
        return
    if spec is None or spec.origin is None:
        return
    cli_dir = Path(spec.origin).parent / "cli"
    if not (cli_dir / "__init__.py").is_file() or not (cli_dir / "info.py").is_file():
        return
    cli = _Placeholder(_CLI)
    cli.__path__ = [str(cli_dir)]
    cli.__package__ = _CLI
    info = _Placeholder(_INFO)
    info.__package__ = _CLI
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules[_CLI] = cli
    sys.modules[_INFO] = info
    sys.meta_path.insert(0, _AttachCli())
