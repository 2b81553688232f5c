"""Text that once crashed or stalled the pipeline: each case is tagged, and tags fit the text.

Issue 8: one agent line of the SGD corpus ("… balance is $1,003.30.") raised StopIteration
inside the English hook and stopped a 17,000-call batch. Every guarded edge case of the
hooks and components has a row here, in both languages.
"""

from __future__ import annotations

import dataclasses

import pytest

from verbalkit.analysis import tag
from verbalkit.pipeline.build import get_nlp
from verbalkit.pipeline.components.sentences import SentenceSplitter, set_sent_starts
from verbalkit.pipeline.lang import en, sv
from verbalkit.pipeline.packs import load_pack
from verbalkit.schema import Tag


def check_contract(text: str, tags: list[Tag]) -> None:
    for t in tags:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert 0.0 <= t.confidence <= 1.0


# (language, agent text, previous customer turn)
EDGE_CASES: list[tuple[str, str, str | None]] = [
    # issue 8: a subordinate clause whose only comma is inside a number
    ("en", "After the transfer your balance is $1,003.30.", None),
    ("en", "After the transfer … balance is $1,003.30.", "How much is left?"),
    ("en", "When it's 1,000 is that ok?", None),
    ("en", "if 2,500,000,000 then", None),
    ("en", "once 1,5", None),
    # a subordinate clause that ends in its comma
    ("en", "When you're ready,", None),
    ("en", "when ,", None),
    # punctuation and nothing else
    ("en", ",", None),
    ("en", "?", None),
    ("en", "... ? ! ;", None),
    ("sv", ",", None),
    ("sv", "?!", None),
    ("sv", "…;…", None),
    # one word, or a cue with nothing after it
    ("en", "so", "I was charged twice."),
    ("en", "sorry", None),
    ("en", "right?", None),
    ("en", "So,", "My router keeps restarting."),
    ("sv", "så", "Routern startar om hela tiden."),
    ("sv", "Så,", "Routern startar om hela tiden."),
    ("sv", "eller hur", None),
    ("sv", "du måste", None),
    ("sv", "du måste ha", None),
    ("sv", "måste du", None),
    ("sv", "som måste", None),
    ("sv", "ringer", None),
    ("sv", "hör", None),
    ("sv", "okej", "Jag har väntat i tre veckor."),
    # white space and invisible characters around the words
    ("en", "  \n\t  ", None),
    ("sv", "\u200b\u200b", None),
    ("en", "\u200bWhat happened?\u200b", None),
    ("sv", "\u202eVad hände sen?\u202c", None),
    ("en", "e\u0301\u0301\u0301?", None),
    ("sv", "\x00\x1f\x7f", None),
    # a cue at the very end of the utterance
    ("en", "I'll call you back", None),
    ("sv", "Jag ringer dig", None),
    ("en", "Thanks. So", "The parcel never came."),
    ("sv", "Tack. Så", "Paketet kom aldrig."),
]


@pytest.mark.parametrize("role", ["agent", "customer"])
@pytest.mark.parametrize(("lang", "text", "prev"), EDGE_CASES)
def test_edge_case_is_tagged(lang: str, text: str, prev: str | None, role: str) -> None:
    check_contract(text, tag(text, lang, prev=prev, role=role))


def test_comma_inside_a_number_is_not_a_clause_comma() -> None:
    """The subordinate-clause rule needs a comma token; "1,003.30" is one token."""
    text = "After the transfer your balance is $1,003.30."
    assert {t.label for t in tag(text, "en")} == set()
    # A real comma still splits off the clause: the question is "could you…".
    tags = tag("When the refund arrives, could you check your balance?", "en")
    assert "closed_question" in {t.label for t in tags}


@pytest.mark.parametrize(
    "text",
    ["After the transfer your balance is $1,003.30.", "Your balance is now $1,003.30, okay?"],
)
def test_corpus_line_of_issue_8(text: str) -> None:
    check_contract(text, tag(text, "en", prev="Can you move $500 to my savings?"))


def test_sv_self_help_after_filler_at_the_doc_start() -> None:
    """A clause-initial self-help word at token 0 has no token before it to be a comma.

    The built-in pack has no word that is both a filler and a self-help verb, but a user
    pack may add one; the hook used ``token.nbor(-1)``, which fails at token 0.
    """
    pack = load_pack("sv")
    words = sv.Words.from_pack(pack)
    words = dataclasses.replace(words, self_help=words.self_help | {"okej"})
    doc = get_nlp("sv").make_doc("okej byt filtret")
    toks = sv.core(doc[:], words)
    assert toks[0].i == 1  # the filler is skipped, so "okej" is a clause start before it
    assert sv.solution_slug(doc[:], toks, words, question=False) is None


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_helpers_accept_empty_token_lists(lang: str) -> None:
    doc = get_nlp(lang).make_doc("")
    if lang == "sv":
        words = sv.Words.from_pack(load_pack("sv"))
        assert sv.solution_slug(doc[:], [], words, question=False) is None
        assert sv.restating(doc, doc[:], [], words, set()) is None
        assert sv.customer_choice([], words) is False
    else:
        sent = en.Sent(doc[:])
        match = sent.find(r"")
        assert match is not None
        assert len(sent.span_of(match)) == 0


def test_sent_span_of_maps_characters_to_tokens() -> None:
    doc = get_nlp("en").make_doc("I'll call you back tomorrow.")
    sent = en.Sent(doc[:])
    for pattern, expected in [
        ("call you", "call you"),
        ("back", "back"),
        ("tomorrow", "tomorrow"),
        ("i 'll", "I'll"),
        ("you back tomorrow \\.", "you back tomorrow."),
    ]:
        match = sent.find(pattern)
        assert match is not None, pattern
        assert sent.span_of(match).text == expected


@pytest.mark.parametrize(
    ("lang", "text", "sentences"),
    [
        ("sv", "Hej. Vad hände sen?", ["Hej.", "Vad hände sen?"]),
        (
            "sv",
            "okej så kassen har ett annat namn på sig vad hände sen",
            ["okej så kassen har ett annat namn på sig", "vad hände sen"],
        ),
        (
            "en",
            "Right. So what happened?! Then what",
            ["Right.", "So what happened?!", "Then what"],
        ),
        ("en", "ok so what", ["ok so what"]),  # shorter than MIN_RUN: never split
        ("en", "... ?", ["... ?"]),  # punctuation after a terminal does not start a sentence
        ("en", "", []),
    ],
)
def test_sentence_boundaries(lang: str, text: str, sentences: list[str]) -> None:
    doc = SentenceSplitter(lang, [])(get_nlp(lang).make_doc(text))
    assert [s.text for s in doc.sents] == sentences


def test_set_sent_starts_checks_the_length() -> None:
    doc = get_nlp("en").make_doc("one two")
    with pytest.raises(ValueError, match="2 tokens"):
        set_sent_starts(doc, [True])
    set_sent_starts(doc, [True, True])
    assert [s.text for s in doc.sents] == ["one", "two"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "i was charged for it and charged again and then they charged me twice " * 20),
        ("en", "it's usually forty but now it's four hundred and usually less but now more " * 20),
        ("sv", "det brukar vara 900 men nu är det 4000 och det brukar gå bra men nu inte " * 20),
    ],
    ids=["en-charged", "en-usually", "sv-brukar"],
)
def test_outermost_matches_are_the_maximal_ones(lang: str, text: str) -> None:
    """An unbounded wildcard ("charged … twice") matches every pair of its end words in an
    unpunctuated turn; the customer component keeps only matches no longer one contains."""
    from verbalkit.pipeline.components.matching import CompiledRules

    nlp = get_nlp(lang)
    rules = CompiledRules(nlp, load_pack(lang), "customer")
    every = [(s.start, s.end, r.id) for s, r in rules(nlp(text))]
    kept = [(s.start, s.end, r.id) for s, r in rules(nlp(text), outermost=True)]
    assert len(kept) < len(every) / 10
    vetoes = {r.id for r in rules.rules.values() if r.veto}
    label = {r.id: r.label for r in rules.rules.values()}

    def maximal(m: tuple[int, int, str]) -> bool:
        return m[2] in vetoes or not any(
            o[2] not in vetoes
            and label[o[2]] == label[m[2]]
            and o[0] <= m[0]
            and m[1] <= o[1]
            and (o[0], o[1]) != (m[0], m[1])
            for o in every
        )

    assert kept == [m for m in every if maximal(m)]
