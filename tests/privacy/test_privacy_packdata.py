"""The context word lists (``contexts:`` in models/{sv,en}/privacy.yaml) are pack data: a copy
of the packs with a list extended, named by ``$VERBALKIT_PRIVACY_PACKS``, changes what is
found, and the built-in packs stay as they are."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from verbalkit.pipeline.packs import builtin_root
from verbalkit.privacy import load_lexicon
from verbalkit.privacy.lexicon import PACKS_ENV, lexicon_path, read_lexicon

#: (list, language, word added, utterance, kind, what of that kind is found with the built-in
#: packs or None, the same with the word added)
CASES = [
    # a new media word: the utterance is about media, a name with no person cue is a performer
    (
        "media_words",
        "en",
        "podcasts",
        "Any podcasts by Jason Isbell?",
        "name",
        "Jason Isbell",
        None,
    ),
    (
        "media_words",
        "sv",
        "poddar",
        "Finns det poddar med Lisa Ekdahl?",
        "name",
        "Lisa Ekdahl",
        None,
    ),
    # a new kin word: someone the caller knows stays a person in a media frame
    (
        "kin_words",
        "en",
        "godchild",
        "Can you post the tickets to my godchild, Tessa Morgan, at tessa.m@example.com?",
        "name",
        None,
        "Tessa Morgan",
    ),
    (
        "kin_words",
        "sv",
        "gudbarn",
        "Mitt gudbarn, Jonas Bäck, har bokat matchen.",
        "name",
        None,
        "Jonas Bäck",
    ),
    # a new facility word: a name before it is the facility's
    (
        "facility_words",
        "en",
        "spaceport",
        "We'll pick you up at John Wayne Spaceport.",
        "name",
        "John Wayne Spaceport",
        None,
    ),
    # a new venue word: a number said as the venue's is no person's
    (
        "venue_words",
        "en",
        "florist",
        "The florist is on 415-555-0199.",
        "phone",
        "415-555-0199",
        None,
    ),
    (
        "venue_words",
        "sv",
        "blomsterhandeln",
        "Blomsterhandeln nås på 08-555 332 10.",
        "phone",
        "08-555 332 10",
        None,
    ),
]

_RUN = """
import json, sys
import verbalkit
out = [[[p.kind, p.text] for p in verbalkit.find_personal_data(t, l)]
       for l, t in json.loads(sys.stdin.read())]
print(json.dumps(out))
"""


def _found(texts: list[tuple[str, str]], packs: Path | None) -> list[list[list[str]]]:
    """What a fresh process finds (kind and text), with the built-in packs or the ones under
    ``packs``."""
    env = {k: v for k, v in os.environ.items() if k != PACKS_ENV}
    if packs is not None:
        env[PACKS_ENV] = str(packs)
    done = subprocess.run(
        [sys.executable, "-c", _RUN],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: list[list[list[str]]] = json.loads(done.stdout)
    return result


def _extended_packs(tmp_path: Path) -> Path:
    """A copy of the built-in sv and en packs with each case's word added to its list."""
    root = tmp_path / "packs"
    for lang in ("sv", "en"):
        shutil.copytree(builtin_root() / lang, root / lang)
    for key, lang, word, *_ in CASES:
        path = root / lang / "privacy.yaml"
        text = path.read_text(encoding="utf-8")
        head = f"\n  {key}: ["
        assert text.count(head) == 1, (lang, key)
        path.write_text(text.replace(head, f"{head}{word}, "), encoding="utf-8")
    return root


def test_extending_a_context_list_changes_what_is_found(tmp_path: Path) -> None:
    texts = [(case[1], case[3]) for case in CASES]
    builtin = _found(texts, None)
    extended = _found(texts, _extended_packs(tmp_path))
    for (key, lang, word, text, kind, before, after), got_before, got_after in zip(
        CASES, builtin, extended, strict=True
    ):
        assert [t for k, t in got_before if k == kind] == ([before] if before else []), (lang, text)
        assert [t for k, t in got_after if k == kind] == ([after] if after else []), (
            key,
            word,
            text,
        )


def test_packs_folder_is_read_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _extended_packs(tmp_path)
    assert lexicon_path("en") == builtin_root() / "en" / "privacy.yaml"
    monkeypatch.setenv(PACKS_ENV, str(root))
    assert lexicon_path("en") == root / "en" / "privacy.yaml"
    lex = read_lexicon(lexicon_path("en"))
    assert lex.contexts.media_words[0] == "podcasts"
    assert "godchild" in lex.contexts.kin_words
    # the built-in pack is unchanged
    builtin = read_lexicon(builtin_root() / "en" / "privacy.yaml")
    assert "podcasts" not in builtin.contexts.media_words


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_context_list_is_in_both_packs(lang: str) -> None:
    """Each pack spells out every context list (an empty list where a language has none)."""
    raw = (builtin_root() / lang / "privacy.yaml").read_text(encoding="utf-8")
    ctx = load_lexicon(lang).contexts
    for key in type(ctx).model_fields:
        assert f"\n  {key}: [" in raw, key
    assert ctx.media_words and ctx.kin_words and ctx.facility_words
