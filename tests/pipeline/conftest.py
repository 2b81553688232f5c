"""Fixtures for the pipeline tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from verbalkit.pipeline.model import disabled


@pytest.fixture(autouse=True)
def _rules_alone(request: pytest.FixtureRequest) -> Iterator[None]:
    """The ``test_rules_*`` modules test the rule packs, sentence by sentence: they run
    with the trained component off. The component is tested in ``test_model.py`` and the
    two together are measured on held-back data (``benchmarks/accuracy.md``)."""
    if request.module.__name__.rsplit(".", 1)[-1].startswith("test_rules_"):
        with disabled():
            yield
    else:
        yield
