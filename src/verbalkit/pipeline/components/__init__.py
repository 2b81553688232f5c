"""verbalkit's spaCy components; importing this module registers their factories.

Each component reads the call context from Doc extensions (``doc._.vk_role``,
``doc._.vk_prev``) and writes spans to ``doc.spans["vk_behaviours"]`` (label = behaviour
or signal id, ``span.id_`` = rule id). Per-tag confidence and jargon suggestions live in
``doc._.vk_meta`` keyed by ``(start_char, end_char, label)``, because ``Span._`` values are
keyed by characters and two tags on the same characters would share one.
"""

from __future__ import annotations

from verbalkit.pipeline.components.behaviours import make_behaviours
from verbalkit.pipeline.components.jargon import make_jargon
from verbalkit.pipeline.components.questions import make_questions
from verbalkit.pipeline.components.sentences import make_sentences
from verbalkit.pipeline.components.signals import make_signals

__all__ = ["make_behaviours", "make_jargon", "make_questions", "make_sentences", "make_signals"]
