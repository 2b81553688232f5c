"""Properties of the pipeline over arbitrary text: it never raises, and tags fit the text.

Any str a caller can build is fair input to :func:`verbalkit.tag` and
:func:`verbalkit.analyze`: control and zero-width characters, combining marks,
right-to-left text, emoji, lone surrogates, punctuation only, very long tokens, numbers
with thousands separators, mixed with real agent and customer lines so that the rules
fire. The number of examples is bounded so that the module runs in a few seconds.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verbalkit.analysis import CHUNK_CHARS, analyze, chunk_bounds, tag
from verbalkit.pipeline.build import get_nlp
from verbalkit.pipeline.components.sentences import MIN_RUN, TERMINALS, SentenceSplitter
from verbalkit.pipeline.packs import load_pack
from verbalkit.schema import Tag, Transcript, Utterance
from verbalkit.vocab import Role

LANGS = ["sv", "en"]

REAL_LINES = {
    "sv": [
        "Åh nej, vad tråkigt. Hur såg det ut när du packade upp kassen?",
        "Så det var inte bara äggen, brödet blev också förstört.",
        "Jag makulerar fakturan nu och du får en ny slutfaktura inom fem dagar.",
        "Har du kvittot kvar?",
        "okej så kassen har ett annat namn på sig vad hände sen",
        "Du måste kontakta leverantören själv, det är deras fel.",
        "Jag har fått en faktura på 2 400 kronor och jag är så trött på det här.",
    ],
    "en": [
        "After the transfer your balance is $1,003.30.",
        "I'm sorry to hear that. Can you walk me through what happened?",
        "So you were charged twice for the same order?",
        "When you're ready, could you read me the meter?",
        "I'll refund the duplicate charge today and you'll get an email within 24 hours.",
        "i was charged twice and it happened again this month i'm fed up",
        "That's not our fault, the courier keeps losing parcels. You should have called.",
    ],
}

ODD_PIECES = [
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte-order mark
    "\u0301\u0308",  # combining marks with no base
    "\u202e",  # right-to-left override
    "مرحبا بك",  # Arabic
    "שלום",  # Hebrew
    "🙂👍🏽👨‍👩‍👧",  # emoji, a skin tone, a ZWJ sequence
    "\ud800",  # lone high surrogate
    "\udfff",  # lone low surrogate
    "\ud83d",  # half an emoji
    "\x00",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\u2028",
    "...",
    "?!?",
    ",",
    " - ",
    "–",
    "$1,003.30",
    "1,000,000",
    "1.234.567,89 kr",
    "2 400:-",
    "£2.50",
    "x" * 3000,
    "ÅÄÖ" * 500,
    "SGI",
    "P3",
    "AD:t",
]


def utterance_text(lang: str) -> st.SearchStrategy[str]:
    """Real lines, odd pieces and arbitrary characters (surrogates included), joined."""
    piece = st.one_of(
        st.sampled_from(REAL_LINES[lang]),
        st.sampled_from(ODD_PIECES),
        st.text(alphabet=st.characters(exclude_categories=()), max_size=40),
        st.text(alphabet=".,;:!?…-–\"'()[] \n", max_size=20),
    )
    return st.lists(piece, max_size=8).flatmap(
        lambda parts: st.sampled_from(["", " ", "\n"]).map(lambda sep: sep.join(parts))
    )


def check_tags(text: str, tags: list[Tag]) -> None:
    for t in tags:
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start : t.end] == t.text, t
        assert 0.0 <= t.confidence <= 1.0


@pytest.fixture(scope="module", autouse=True)
def pipelines() -> None:
    """Build both pipelines before hypothesis starts timing examples."""
    for lang in LANGS:
        get_nlp(lang)


@pytest.mark.filterwarnings("ignore:.*lone UTF-16 surrogate:UserWarning")
@pytest.mark.parametrize("lang", LANGS)
def test_tag_never_raises_and_tags_fit_the_text(lang: str) -> None:
    @settings(
        max_examples=300,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        text=utterance_text(lang),
        prev=st.none() | utterance_text(lang),
        role=st.sampled_from(["agent", "customer", "other"]),
    )
    def run(text: str, prev: str | None, role: str) -> None:
        check_tags(text, tag(text, lang, prev=prev, role=role))

    run()


@pytest.mark.parametrize("lang", LANGS)
def test_analyze_never_raises_and_tags_fit_the_text(lang: str) -> None:
    turn = st.tuples(st.sampled_from([Role.AGENT, Role.CUSTOMER, Role.OTHER]), utterance_text(lang))

    @settings(
        max_examples=100,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(turns=st.lists(turn, min_size=1, max_size=4), timed=st.booleans())
    def run(turns: list[tuple[Role, str]], timed: bool) -> None:
        utterances = [
            Utterance(
                speaker=role,
                text=text,
                start=float(2 * i) if timed else None,
                end=float(2 * i + 1) if timed else None,
            )
            for i, (role, text) in enumerate(turns)
        ]
        call = Transcript(call_id="prop", language=lang, utterances=utterances)
        result = analyze(call)
        assert len(result.utterances) == len(turns)
        for (_, text), utt in zip(turns, result.utterances, strict=True):
            # Lone surrogates become U+FFFD, one for one; nothing else changes.
            assert len(utt.text) == len(text)
            assert (
                "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text) == utt.text
            )
            utt.text.encode("utf-8")  # the result can be written out
            check_tags(utt.text, utt.tags)
        if any("\ud800" <= ch <= "\udfff" for _, text in turns for ch in text):
            assert any("U+FFFD" in w for w in result.warnings)

    run()


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab .!?\n;…»"), max_size=400),
    size=st.integers(min_value=2, max_value=60),
)
def test_chunk_bounds_cover_the_text_in_order(text: str, size: int) -> None:
    bounds = chunk_bounds(text, size)
    assert bounds[0][0] == 0
    assert bounds[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(bounds):
        assert end == start
    for start, end in bounds:
        assert end - start <= size
        assert end > start or len(text) == 0
    if len(text) > size:
        # Every piece but the last fills at least half its window.
        assert all(end - start >= size // 2 for start, end in bounds[:-1])


def test_chunk_size_is_documented() -> None:
    assert CHUNK_CHARS >= 1_000
    assert chunk_bounds("x" * CHUNK_CHARS) == [(0, CHUNK_CHARS)]


def reference_starts(
    tokens: list[tuple[str, str, bool]],
    starters: frozenset[str],
    wh: frozenset[str] = frozenset(),
    embedders: frozenset[str] = frozenset(),
    subjects: frozenset[str] = frozenset(),
    verbs: frozenset[str] = frozenset(),
) -> list[bool]:
    """The splitter's rule, one token at a time: the specification the fast version meets.

    Tokens are ``(text, lower, is_punct)``. A wh-word does not start a sentence after a word
    that embeds it or before straight word order; a verb starter does not start one as the
    last token.
    """
    punctuated = any(text in TERMINALS for text, _, _ in tokens)
    starts: list[bool] = []
    run = 0
    for i, (_, low, punct) in enumerate(tokens):
        if i == 0:
            starts.append(True)
            run = 1
            continue
        prev_text, prev_low, prev_punct = tokens[i - 1]
        next_low = tokens[i + 1][1] if i + 1 < len(tokens) else None
        embedded = low in wh and (prev_low in embedders or next_low in subjects)
        last_verb = low in verbs and next_low is None
        if prev_text in TERMINALS or prev_text.endswith(("?", "!")):
            start = not punct
        elif (
            not punctuated
            and run >= MIN_RUN
            and low in starters
            and not prev_punct
            and prev_low not in starters
            and not embedded
            and not last_verb
        ):
            start = True
        else:
            start = False
        starts.append(start)
        run = 1 if start else run + 1
    return starts


@pytest.mark.parametrize("lang", LANGS)
def test_sentence_splitter_matches_its_specification(lang: str) -> None:
    nlp = get_nlp(lang)
    splitter = SentenceSplitter(lang, [])
    pack = load_pack(lang)
    starters = pack.lexicon_set("sentence_starters")
    wh = pack.lexicon_set("wh_words") & starters
    embedders = pack.lexicon_set("clause_embedders")
    subjects = pack.lexicon_set("clause_subjects")
    verbs = pack.lexicon_set("v1_verbs") & starters
    words = [*sorted(starters)[:6], *sorted(wh)[:3], *sorted(verbs)[:2], "word", "kassen"]
    words += [*sorted(embedders)[:2], *sorted(subjects)[:2], "router", "?", ".", "!", ",", "..."]
    words += ["hm?!"]

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(words), max_size=30))
    def run(tokens: list[str]) -> None:
        doc = splitter(nlp.make_doc(" ".join(tokens)))
        expected = reference_starts(
            [(t.text, t.lower_, t.is_punct) for t in doc],
            starters,
            wh,
            embedders,
            subjects,
            verbs,
        )
        assert [bool(t.is_sent_start) for t in doc] == expected

    run()
