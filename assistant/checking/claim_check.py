"""Checking a statement against the documents: each claim supported, contradicted, or not found."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from index.models import Chunk
from index.text import split_sentences

from ..answering.citations import citation_for
from ..answering.evidence import EvidenceScorer, terms
from ..models import Claim, Label, Verdict
from ..question.answer_type import SLOT_HINTS, fills_slot, says_absent
from ..question.language import detect_language
from ..retrieval import HybridRetriever
from .facts import Facts, facts, missing_facts

SAME_SUBJECT = (
    0.5  # share of the claim's subject words a passage sentence must hold to be about the same thing
)
SEVERITY: dict[Label, int] = {"supported": 0, "not_found": 1, "contradicted": 2}


def split_claims(statement: str) -> list[str]:
    """Sentences of the statement, further split at semicolons."""
    claims = []
    for start, end in split_sentences(statement):
        for part in re.split(r"\s*;\s*", statement[start:end]):
            part = part.strip(" .;")
            if re.search(r"\w", part):
                claims.append(part)
    return claims


def _claim_slot(claim: str) -> str | None:
    """The kind of value a claim states when it says where something happened (a place)."""
    if re.search(
        r"\b(?:held|took place|located|hosted)\s+(?:in|at)\b|\bvenue\b|에서\s*(?:열|개최|개막)|장소",
        claim,
        re.IGNORECASE,
    ):
        return "place"
    return None


def _fact_terms(f: Facts) -> set[str]:
    words: set[str] = set()
    for value in [*f.names, *f.numbers, *f.years]:
        words |= terms(value)
    return words


def _closest(wanted: list[str], offered: list[str]) -> str:
    """The offered value most like the missing ones (the documents' value for the same slot)."""

    def likeness(value: str) -> float:
        return max(SequenceMatcher(None, value.lower(), w.lower()).ratio() for w in wanted)

    return max(offered, key=likeness)


class ClaimChecker:
    """Looks each claim up with the assistant's own retrieval and compares its facts with the passages'."""

    def __init__(self, retriever: HybridRetriever, scorer: EvidenceScorer, depth: int = 8):
        self.retriever = retriever
        self.scorer = scorer
        self.depth = depth

    def check(self, statement: str) -> Verdict:
        """The verdict on ``statement``: its worst claim's label."""
        claims = [self.check_claim(text) for text in split_claims(statement)]
        label: Label = max((c.label for c in claims), key=SEVERITY.__getitem__, default="not_found")
        return Verdict(statement=statement, label=label, claims=claims)

    def _sentences(self, chunks: list[Chunk]) -> list[tuple[str, Chunk]]:
        return [
            (chunk.text[s:e], chunk) for chunk in chunks for s, e in split_sentences(chunk.text, chunk.lang)
        ]

    def check_claim(self, claim: str) -> Claim:
        """Supported when a passage sentence on the same subject holds all the claim's facts; contradicted when
        one on the same subject gives another value of a fact the claim states; otherwise not found."""
        lang = detect_language(claim) or "en"
        keys = self.scorer.key_terms(claim)
        claim_facts = facts(claim)
        subject = {t: w for t, w in keys.items() if t not in _fact_terms(claim_facts)} or keys
        total = sum(subject.values())
        slot = _claim_slot(claim)
        chunks = self.retriever.retrieve(claim, lang, k=self.depth, hint=SLOT_HINTS.get(slot or "", ""))
        scored = []
        unknown = bool(self.scorer.unknown_terms(claim))  # a word no document uses: cannot be supported
        for sentence, chunk in self._sentences(chunks):
            if says_absent(sentence):
                continue
            own = terms(sentence)
            coverage = sum(w for t, w in subject.items() if t in own) / total if total else 0.0
            if coverage >= SAME_SUBJECT or (slot and fills_slot(sentence, slot, claim) >= 2):
                scored.append((coverage, sentence, chunk))
        scored.sort(key=lambda t: t[0], reverse=True)
        contradiction: tuple[Chunk, str] | None = None
        for coverage, sentence, chunk in scored:
            missing = missing_facts(claim, sentence)
            if not missing and not unknown and (not claim_facts.is_empty() or coverage >= 0.75):
                return Claim(text=claim, label="supported", citations=[citation_for(chunk, 1)])
            if missing and contradiction is None and chunk.lang == lang:
                if slot and fills_slot(sentence, slot, claim) < 2:
                    continue
                value = self._other_value(claim_facts, facts(sentence), missing, slot)
                if value:
                    contradiction = (chunk, value)
        if contradiction:
            chunk, value = contradiction
            return Claim(
                text=claim, label="contradicted", citations=[citation_for(chunk, 1)], documents_value=value
            )
        return Claim(text=claim, label="not_found")

    @staticmethod
    def _other_value(claimed: Facts, found: Facts, missing: list[str], slot: str | None = None) -> str | None:
        """The passage's value for a fact type the claim got wrong (None when the passage has no such value)."""
        for field in ("dates", "years", "numbers", "names"):
            wanted = [m for m in missing if m in getattr(claimed, field)]
            offered = [v for v in getattr(found, field) if v not in getattr(claimed, field)]
            if field == "names":
                offered = [v for v in offered if not any(v.lower() in c.lower() for c in claimed.names)]
            if wanted and offered:
                if slot == "place" and field == "names":
                    return max(offered, key=len)
                return _closest(wanted, offered)
        return None
