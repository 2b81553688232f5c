"""Rule packs: the only code that reads pack files and knows where ``models/`` is.

A pack is a folder::

    pack.yaml          name, language, version (semver), optional description
    behaviours.jsonl   one rule per line: {"id", "label", "pattern", "confidence", "veto"?}
    jargon.tsv         term <TAB> plain-language suggestion (suggestion may be empty)
    lexicons/*.txt     one phrase per line (# comments allowed)

``pattern`` is a spaCy Matcher token pattern (a list of token dicts) or a phrase string
(matched on lower-cased tokens). ``veto: true`` rules remove tags of their label from the
sentence they match in (hard negatives such as "tack vare"). A user pack has the same shape
and extends the built-in one.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from verbalkit import _yaml
from verbalkit.errors import RulePackError
from verbalkit.vocab import SUPPORTED_LANGUAGES, Behaviour, Signal

#: Labels a rule may carry: behaviours, signals, and internal cue labels starting with "cue_".
KNOWN_LABELS = frozenset({b.value for b in Behaviour} | {s.value for s in Signal})


class Rule(BaseModel):
    """One pattern rule from ``behaviours.jsonl``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: str
    pattern: list[dict[str, Any]] | str
    confidence: float = Field(default=0.8, ge=0.0, le=1.0)
    veto: bool = False
    role: Literal["agent", "customer", "any"] = "agent"
    note: str = ""

    @field_validator("label")
    @classmethod
    def _known_label(cls, value: str) -> str:
        if value not in KNOWN_LABELS and not value.startswith("cue_"):
            raise ValueError(f"unknown behaviour {value!r}")
        return value


class RulePack(BaseModel):
    """A loaded rule pack (possibly several merged: built-in first, then user packs)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    language: str
    version: str
    rules: tuple[Rule, ...] = ()
    jargon: dict[str, str] = Field(default_factory=dict, description="term -> suggestion")
    lexicons: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    sources: tuple[str, ...] = ()
    _sets: dict[str, frozenset[str]] = PrivateAttr(default_factory=dict)

    @property
    def ident(self) -> str:
        """``name@version``, recorded in results."""
        return f"{self.name}@{self.version}"

    def lexicon(self, name: str) -> tuple[str, ...]:
        """Entries of ``lexicons/<name>.txt`` (empty if the pack has none)."""
        return self.lexicons.get(name, ())

    def lexicon_set(self, name: str) -> frozenset[str]:
        """Lower-cased entries of a lexicon, as a set (computed once per pack)."""
        found = self._sets.get(name)
        if found is None:
            found = frozenset(x.lower() for x in self.lexicon(name))
            self._sets[name] = found
        return found

    def merged(self, other: RulePack) -> RulePack:
        """This pack extended by ``other`` (same language); ``other`` wins on id clashes."""
        if other.language != self.language:
            raise RulePackError(
                Path(other.sources[0] if other.sources else other.name),
                f"pack language is {other.language!r}, expected {self.language!r}",
            )
        rules = {r.id: r for r in self.rules} | {r.id: r for r in other.rules}
        lex = dict(self.lexicons)
        for key, values in other.lexicons.items():
            lex[key] = tuple(dict.fromkeys(lex.get(key, ()) + values))
        return RulePack(
            name=f"{self.name}+{other.name}",
            language=self.language,
            version=self.version,
            rules=tuple(rules.values()),
            jargon=self.jargon | other.jargon,
            lexicons=lex,
            sources=self.sources + other.sources,
        )


def builtin_root() -> Path:
    """Folder holding the built-in packs (``models/`` in a checkout, package data in a wheel)."""
    try:
        root = Path(str(resources.files("verbalkit.models")))
    except ModuleNotFoundError:  # pragma: no cover - broken install
        root = Path(__file__).resolve().parents[3] / "models"
    return root


def _read_lines(path: Path) -> list[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise RulePackError(path, f"cannot read: {err}") from err
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1)]


def _load_rules(path: Path, language: str) -> tuple[Rule, ...]:
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    vocab = Vocab()
    rules: dict[str, Rule] = {}
    for n, line in _read_lines(path):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as err:
            raise RulePackError(path, f"not valid JSON: {err.msg}", where=str(n)) from err
        try:
            rule = Rule.model_validate(raw)
        except ValidationError as err:
            first = err.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            msg = first["msg"].removeprefix("Value error, ")
            raise RulePackError(path, f"{loc}: {msg}" if loc else msg, where=str(n)) from err
        if rule.id in rules:
            raise RulePackError(path, f"duplicate rule id {rule.id!r}", where=str(n))
        if not rule.id.startswith(f"{language}."):
            raise RulePackError(
                path, f"rule id {rule.id!r} must start with '{language}.'", where=str(n)
            )
        if isinstance(rule.pattern, list):
            try:
                Matcher(vocab, validate=True).add(rule.id, [rule.pattern])
            except Exception as err:  # spaCy raises ValueError/MatchPatternError subclasses
                raise RulePackError(path, f"invalid pattern: {err}", where=str(n)) from err
        elif not rule.pattern.strip():
            raise RulePackError(path, "empty phrase pattern", where=str(n))
        rules[rule.id] = rule
    return tuple(rules.values())


def _load_jargon(path: Path) -> dict[str, str]:
    terms: dict[str, str] = {}
    for n, line in _read_lines(path):
        if not line.strip() or line.startswith("#"):
            continue
        term, _, suggestion = line.partition("\t")
        if not term.strip():
            raise RulePackError(path, "empty term", where=str(n))
        terms[term.strip()] = suggestion.strip()
    return terms


def _load_lexicons(folder: Path) -> dict[str, tuple[str, ...]]:
    lex: dict[str, tuple[str, ...]] = {}
    if not folder.is_dir():
        return lex
    for path in sorted(folder.glob("*.txt")):
        entries = [
            line.strip()
            for _, line in _read_lines(path)
            if line.strip() and not line.startswith("#")
        ]
        lex[path.stem] = tuple(dict.fromkeys(entries))
    return lex


def read_pack(folder: Path) -> RulePack:
    """Read one pack folder (no merging)."""
    meta_path = folder / "pack.yaml"
    if not meta_path.is_file():
        raise RulePackError(folder, "not a rule pack: pack.yaml is missing")
    try:
        meta = _yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise RulePackError(meta_path, f"cannot read: {err}") from err
    for key in ("name", "language", "version"):
        if not isinstance(meta, dict) or key not in meta:
            raise RulePackError(meta_path, f"missing field {key!r}")
    language = str(meta["language"])
    rules_path = folder / "behaviours.jsonl"
    jargon_path = folder / "jargon.tsv"
    return RulePack(
        name=str(meta["name"]),
        language=language,
        version=str(meta["version"]),
        rules=_load_rules(rules_path, language) if rules_path.is_file() else (),
        jargon=_load_jargon(jargon_path) if jargon_path.is_file() else {},
        lexicons=_load_lexicons(folder / "lexicons"),
        sources=(str(folder),),
    )


@functools.cache
def load_pack(lang_or_path: str, extra: tuple[str, ...] = ()) -> RulePack:
    """Load the built-in pack for a language (or a pack folder), extended by ``extra`` folders.

    Args:
        lang_or_path: "sv", "en", or a path to a pack folder.
        extra: paths of user packs that extend it (same language).

    Raises:
        RulePackError: a pack file is invalid; the message names file and line.
    """
    if lang_or_path in SUPPORTED_LANGUAGES:
        pack = read_pack(builtin_root() / lang_or_path)
    else:
        pack = read_pack(Path(lang_or_path))
    for folder in extra:
        pack = pack.merged(read_pack(Path(folder)))
    return pack
