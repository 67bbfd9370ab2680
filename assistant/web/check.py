"""HTML for the Fact check tab and the desk's audit: each claim highlighted in the statement with its label in
words (never colour alone), both values where contradicted, and the passage behind it, openable by keyboard."""

from __future__ import annotations

from html import escape

from assistant.checking.audit import AuditReport
from assistant.models import Citation, Claim, Verdict

from .labels import Labels


def _label(claim_label: str, labels: Labels) -> str:
    return {"supported": labels.check_supported, "contradicted": labels.check_contradicted,
            "not_found": labels.check_not_found}[claim_label]


def _badge(label: str, labels: Labels) -> str:
    return f'<span class="sfass-fc-badge sfass-fc-{label}">{escape(_label(label, labels))}</span>'


def _passage(c: Citation, labels: Labels) -> str:
    return (f'<details class="sfass-fc-passage"><summary>{escape(labels.check_passage)}: {escape(c.title)}'
            f'</summary><blockquote lang="{c.lang}">{escape(c.text)}</blockquote></details>')


def _highlighted(verdict: Verdict, labels: Labels) -> str:
    """The statement with each claim's words marked by its label (overlapping claims: the first wins)."""
    text = verdict.statement
    marks = sorted((c for c in verdict.claims if c.end > c.start), key=lambda c: (c.start, -c.end))
    out, at = [], 0
    for i, c in enumerate(marks, 1):
        if c.start < at:
            continue
        out.append(escape(text[at : c.start]))
        out.append(f'<mark class="sfass-fc-{c.label}" id="sfass-fc-mark-{i}">{escape(text[c.start : c.end])}'
                   f'<span class="sfass-fc-tag"> [{escape(_label(c.label, labels))}]</span></mark>')
        at = c.end
    out.append(escape(text[at:]))
    return "".join(out)


def _claim(c: Claim, labels: Labels) -> str:
    parts = [f'<li class="sfass-fc-claim">{_badge(c.label, labels)} <q>{escape(c.value or c.text)}</q>']
    if c.label == "contradicted" and c.documents_value:
        parts.append(f'<div class="sfass-fc-values"><span>{escape(labels.check_statement_says)}: '
                     f'<strong>{escape(c.value or "")}</strong></span> · <span>{escape(labels.check_documents_say)}: '
                     f'<strong>{escape(c.documents_value)}</strong></span></div>')
    elif c.label == "not_found":
        parts.append(f'<div class="sfass-fc-values">{escape(labels.check_silent)}</div>')
    parts += [_passage(p, labels) for p in c.citations]
    parts.append("</li>")
    return "".join(parts)


def render_verdict(verdict: Verdict, labels: Labels) -> str:
    """The checked statement, highlighted claim by claim, then each claim with its evidence."""
    if verdict.error:
        return f'<p class="sfass-fc-error" role="alert">{escape(verdict.error)}</p>'
    claims = "".join(_claim(c, labels) for c in verdict.claims)
    return (f'<div class="sfass-fc" aria-live="polite"><p class="sfass-fc-verdict">{escape(labels.check_verdict)}: '
            f'{_badge(verdict.label, labels)}</p><p class="sfass-fc-statement" lang="{verdict.language}">'
            f'{_highlighted(verdict, labels)}</p><ol class="sfass-fc-claims">{claims}</ol></div>')


def render_audit(report: AuditReport, labels: Labels) -> str:
    """Each disagreement the audit found, with both values and both passages."""
    if not report.findings:
        return f'<p class="sfass-audit-none">{escape(labels.audit_none)}</p>'
    items = []
    for f in report.findings:
        kind = labels.audit_translation if f.kind == "translation" else labels.audit_conflict
        other = f.other_value or "–"
        items.append(f'<li><strong>{escape(kind)}</strong>: <q>{escape(f.value)}</q> ≠ <q>{escape(other)}</q>'
                     + "".join(_passage(p, labels) for p in f.passages) + "</li>")
    return f'<ol class="sfass-audit">{"".join(items)}</ol>'
