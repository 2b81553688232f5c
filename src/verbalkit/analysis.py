"""Analysis: tag utterances with the spaCy pipeline and detect call-level patterns.

(Being built: the functions below are the stable contract.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from verbalkit.schema import Tag


def tag_many(
    items: Iterable[tuple[str, str | None]],
    lang: str,
    *,
    role: str = "agent",
    packs: tuple[str, ...] = (),
    batch_size: int = 256,
) -> Iterator[list[Tag]]:
    """Tag many utterances of one language; ``items`` are ``(text, previous_customer_text)``.

    Yields one list of tags per item, in order.
    """
    raise NotImplementedError
