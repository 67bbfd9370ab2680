"""A verdict and an audit as plain text, in the statement's or the reader's language (the command line)."""

from __future__ import annotations

from index.models import Lang

from ..models import Citation, Label, Verdict
from .audit import AuditReport

LABEL_NAMES: dict[Label, dict[Lang, str]] = {
    "supported": {"en": "supported", "ko": "문서와 일치"},
    "contradicted": {"en": "contradicted", "ko": "문서와 다름"},
    "not_found": {"en": "not found", "ko": "문서에 없음"},
}
WORDS: dict[str, dict[Lang, str]] = {
    "verdict": {"en": "Verdict", "ko": "판정"},
    "claims": {"en": "Claims", "ko": "주장"},
    "sources": {"en": "Sources", "ko": "출처"},
    "no_findings": {"en": "The documents agree: no disagreements found ({documents} documents, {sentences} "
                           "sentences).",
                    "ko": "문서 사이에 어긋나는 곳이 없습니다(문서 {documents}개, 문장 {sentences}개)."},
    "findings": {"en": "{n} disagreement(s) found ({documents} documents, {sentences} sentences):",
                 "ko": "어긋나는 곳 {n}건(문서 {documents}개, 문장 {sentences}개):"},
    "conflict": {"en": "Two documents disagree", "ko": "두 문서가 다르게 말합니다"},
    "translation": {"en": "A document and its translation disagree", "ko": "문서와 그 번역이 다릅니다"},
    "absent": {"en": "(no such value)", "ko": "(해당 값 없음)"},
}


def _quote(c: Citation, n: int) -> str:
    text = " ".join(c.text.split())
    return f"  [{n}] {c.title} ({c.doc_id}): “{text[:300]}{'…' if len(text) > 300 else ''}”"


def format_verdict(verdict: Verdict) -> str:
    """Each claim with its label (both values where contradicted) and the numbered passages behind them."""
    lang = verdict.language
    if verdict.error:
        return verdict.error
    numbers: dict[str, int] = {}
    sources: list[str] = []
    lines = [f"{WORDS['verdict'][lang]}: {LABEL_NAMES[verdict.label][lang]}", f"{WORDS['claims'][lang]}:"]
    for i, claim in enumerate(verdict.claims, 1):
        refs = []
        for c in claim.citations:
            if c.chunk_id not in numbers:
                numbers[c.chunk_id] = len(numbers) + 1
                sources.append(_quote(c, numbers[c.chunk_id]))
            refs.append(f"[{numbers[c.chunk_id]}]")
        shown = claim.value or claim.text
        lines.append(f"{i}. [{LABEL_NAMES[claim.label][lang]}] {shown} {' '.join(refs)}".rstrip())
        lines.append(f"   {claim.explanation}")
    if sources:
        lines += [f"{WORDS['sources'][lang]}:", *sources]
    return "\n".join(lines)


def format_audit(report: AuditReport, lang: Lang = "en") -> str:
    """Each disagreement with both values and both passages."""
    if not report.findings:
        return WORDS["no_findings"][lang].format(documents=report.documents, sentences=report.sentences)
    lines = [WORDS["findings"][lang].format(n=len(report.findings), documents=report.documents,
                                            sentences=report.sentences)]
    for i, f in enumerate(report.findings, 1):
        other = f.other_value or WORDS["absent"][lang]
        lines.append(f"{i}. {WORDS[f.kind][lang]}: “{f.value}” ≠ “{other}”")
        lines += [_quote(c, c.n) for c in f.passages]
    return "\n".join(lines)
