"""Language hooks: the context rules that patterns alone cannot express.

Each module (``sv.py``, ``en.py``) defines ``refine(doc, pack) -> None``, run after the
pattern rules, question typing and jargon of an agent utterance, and ``GENERATED_RULE_IDS``,
the rule ids its tags carry besides the pack's own, and ``RETYPES_QUESTIONS = True`` when
it removes every question tag and types the questions itself. It may add or remove tags using
:mod:`verbalkit.pipeline.components.common`, and reads the previous customer turn from
``doc._.vk_prev``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from spacy.tokens import Doc

from verbalkit.pipeline.packs import RulePack

Refiner = Callable[[Doc, RulePack], None]


def retypes_questions(lang: str) -> bool:
    """Whether the hook of ``lang`` removes every question tag and types the questions again.

    Such a hook declares ``RETYPES_QUESTIONS = True``; the question component then leaves
    the work to it (its tags would be removed unread).
    """
    try:
        module = importlib.import_module(f"verbalkit.pipeline.lang.{lang}")
    except ModuleNotFoundError:
        return False
    return bool(getattr(module, "RETYPES_QUESTIONS", False)) and hasattr(module, "refine")


def refiner(lang: str) -> Refiner | None:
    """The ``refine`` hook of a language, or None."""
    try:
        module = importlib.import_module(f"verbalkit.pipeline.lang.{lang}")
    except ModuleNotFoundError:
        return None
    hook: Refiner | None = getattr(module, "refine", None)
    return hook
