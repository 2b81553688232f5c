"""Shared fixtures: where the shared data is, and pipelines built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    """``../shared/data`` beside the checkout, or $VERBALKIT_SHARED_DATA."""
    env = os.environ.get("VERBALKIT_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The shared data folder; tests that need it skip with a reason when it is absent."""
    path = shared_data()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set VERBALKIT_SHARED_DATA)")
    return path
