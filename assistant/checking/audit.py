"""The organizers' check before they publish: places where the documents disagree about the same thing.

Two kinds of finding:

- **conflict**: a sentence gives a date, number or length of time that another document, in the same
  language, contradicts (the fact check's own comparison: same slot, another value);
- **translation**: a document and its translation do not give the same dates, years and numbers (one was
  edited and the other not).

Each finding quotes both passages.
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

import numpy as np
from pydantic import BaseModel

from index.models import Chunk
from index.text import split_sentences

from ..answering.citations import citation_for
from ..answering.evidence import Evidence
from ..models import Citation
from ..retrieval import translation_pairs
from .claim_check import ClaimChecker
from .facts import fact_spans, facts

CHECKED_KINDS = ("date", "number", "duration")  # names in another role are too unsure for an audit


class Finding(BaseModel):
    """One disagreement between two passages."""

    kind: Literal["conflict", "translation"]
    value: str  # as the first passage writes it
    other_value: str | None = None  # as the second passage writes it (None: it gives none)
    passages: list[Citation]  # the two passages, numbered 1 and 2


class AuditReport(BaseModel):
    """Everything the audit found (an empty list: the documents agree)."""

    documents: int
    sentences: int
    findings: list[Finding]


def _values(chunk: Chunk) -> Counter[str]:
    f = facts(chunk.text)
    return Counter([*f.dates, *f.years, *(n for n in f.numbers if float(n) >= 10), *(f"{d} days" for d in f.durations)])


def audit(checker: ClaimChecker) -> AuditReport:
    """Compare every sentence's dates, numbers and lengths of time with the other documents in its language,
    and every document with its translation."""
    index = checker.scorer.index
    chunks = index.chunks()
    by_lang: dict[str, list] = {}
    sentences = 0
    for i, chunk in enumerate(chunks):
        for start, end in split_sentences(chunk.text, chunk.lang):
            text = chunk.text[start:end].strip()
            if len(text) < 8 or text.startswith("#"):
                continue
            sentences += 1
            e = Evidence(sentence=text, passage=i, chunk=chunk, vector=np.zeros(0, dtype=np.float32))
            by_lang.setdefault(chunk.lang, []).append(checker.sentence(e))
    findings: list[Finding] = []
    seen: set[frozenset[str]] = set()
    for lang, pool in by_lang.items():
        for s in pool:
            if not any(f.kind in CHECKED_KINDS for f in s.facts):
                continue
            others = [t for t in pool if t.chunk.doc_id != s.chunk.doc_id]
            for atom in checker.atoms(s.text):
                if atom.kind not in CHECKED_KINDS:
                    continue
                claim = checker.judge(atom, s.text, others, lang)
                if claim.label != "contradicted":
                    continue
                other = claim.citations[0]
                key = frozenset({s.chunk.chunk_id, other.chunk_id})
                if key in seen:
                    continue
                seen.add(key)
                findings.append(Finding(kind="conflict", value=atom.value, other_value=claim.documents_value,
                                        passages=[citation_for(s.chunk, 1), other.model_copy(update={"n": 2})]))
    findings += _translation_findings(index, chunks)
    return AuditReport(documents=len(index.documents()), sentences=sentences, findings=findings)


def _translation_findings(index, chunks: list[Chunk]) -> list[Finding]:
    """Values one document gives that its translation never gives (compared over whole documents, so a
    translation may order or split its sentences differently)."""
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.doc_id, []).append(chunk)
    out = []
    done: set[frozenset[str]] = set()
    for doc, twins in translation_pairs(index).items():
        for twin in twins:
            pair = frozenset({doc, twin})
            if pair in done or doc not in by_doc or twin not in by_doc:
                continue
            done.add(pair)
            values = {d: sum((_values(c) for c in by_doc[d]), Counter()) for d in (doc, twin)}
            for a, b in ((doc, twin), (twin, doc)):
                for position, chunk in enumerate(by_doc[a]):
                    mine = _values(chunk)
                    missing = [v for v in mine if v not in values[b]]
                    if not missing:
                        continue
                    near = by_doc[b][min(position, len(by_doc[b]) - 1)]
                    instead = [v for v in _values(near) if v not in mine]
                    out.append(Finding(kind="translation", value=_written(chunk.text, missing),
                                       other_value=_written(near.text, instead) if instead else None,
                                       passages=[citation_for(chunk, 1), citation_for(near, 2)]))
    return out


def _written(text: str, values: list[str]) -> str:
    """Normalised values as the text writes them ("10-27" → "2025년 10월 27일")."""
    spans = fact_spans(text)
    shown = [next((f.text for f in spans if v in f.values or f"{v} days" == f"{f.values[0]} days"), v)
             for v in values]
    return ", ".join(dict.fromkeys(shown))
