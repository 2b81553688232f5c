"""Personal-data detection and redaction for Swedish and English call transcripts.

>>> from verbalkit.privacy import redact
>>> redact("my name is john smith", "en").text
'my name is [NAME]'
"""

from __future__ import annotations

from verbalkit.privacy.checksums import iban_ok, luhn_ok, personnummer_ok
from verbalkit.privacy.lexicon import PrivacyLexicon, load_lexicon, read_lexicon
from verbalkit.privacy.models import KINDS, Kind, PersonalData, Redacted, mask_for
from verbalkit.privacy.redact import find_personal_data, redact, redact_spans

__all__ = [
    "KINDS",
    "Kind",
    "PersonalData",
    "PrivacyLexicon",
    "Redacted",
    "find_personal_data",
    "iban_ok",
    "load_lexicon",
    "luhn_ok",
    "mask_for",
    "personnummer_ok",
    "read_lexicon",
    "redact",
    "redact_spans",
]
