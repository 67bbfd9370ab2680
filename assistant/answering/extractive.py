"""The offline answerer: quotes the passage sentences the fitted evidence scorer rates as answering, or refuses.

One fact: the best sentence and at most a few more that reach the fitted thresholds. A list: every sentence that
reaches the list threshold; a day's agenda: the day's lines of the structured programme (or the sentences about
that day); a summary: the most representative distinct sentences; an acronym's full name: the sentence spelling
it out. All de-duplicated, also across translations.
Refusal is decided by evidence: the fitted answerability of the best evidence is under its threshold, the
documents' own "not covered" list matches best, the question asks for a typed value (a time, a price, a room,
a person's name, a count, a date) that no candidate holds, about an often-missing thing (parking, Wi-Fi, a
person's marriage ...) that no candidate speaks of, or about this year when the best evidence speaks of last year.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import numpy as np

from index.models import Chunk, Lang
from index.program import DOC_ID_PREFIX as PROGRAM_DOC_ID_PREFIX

from ..checking.facts import fact_spans, facts, name_in
from ..event import EventInfo, event_of_index
from ..models import Draft
from ..question.answer_type import (
    another_entry,
    asked_attributes,
    asked_expansions,
    fills_slot,
    numbered_entries,
    says_attribute,
    spells_out,
)
from ..question.romanized import in_latin_letters
from .citations import section_of
from .evidence import (
    Evidence,
    EvidenceModel,
    EvidenceScorer,
    Question,
    asks_alone,
    glossary_words,
    line_question,
    terms,
    years_named,
)
from .refusal import refusal_message

if TYPE_CHECKING:
    from index.store import KnowledgeIndex

# Asked-for kinds of value that only a sentence holding one can answer (a time of day, a price, a web address, a room, a
# person's name, a length of time, an age, a count, a date or year, a place).
STRICT_SLOTS = ("time", "money", "link", "duration", "room", "person", "age", "number", "date", "year", "place")
SUMMARY_SENTENCES = 6
SUMMARY_FACTS_WEIGHT = 0.1  # how much holding facts (dates, places, numbers, names) counts beside centrality
DUPLICATE_SIMILARITY = 0.95  # sentence vectors this close say the same thing (also across Korean and English)
SAME_WORDS = 0.5  # ... when in one language, sharing this share of their words too
_STARTS_AT = re.compile(r"\W*\d{1,2}:\d{2}")  # a programme line: a session at its time ("**14:00–16:30 Final**")
_QUOTED = re.compile(r"[\"“]([^\"“”]{4,})[\"”]")  # the words inside quotation marks
_ENDS_SENTENCE = re.compile(r"[.!?。]$")
# a field of a record ("역할: 심사위원장", "Role: Festival director"): of the thing its heading names
_FIELD = re.compile(r"[^\s:：][^:：\n]{0,24}[:：]\s")
# a person the sentence speaks of without naming them ("He runs …", "그는 …"), who the passage's heading may name
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b|(?:^|\s)그(?:녀)?(?:는|가|의|를)\s", re.IGNORECASE)
_ABOUT = re.compile(r"\babout\b|에\s*(?:대해|대한|관해)", re.IGNORECASE)  # "tell me about …": the subject as a whole
# a sentence announcing the list after it ("… the following five books:", "다음 5권을 최종 후보로 골랐다.")
_ANNOUNCES_LIST = re.compile(
    r"[:：]\s*$|\bfollowing\b|\bas follows\b|다음(?:과 같|의|\s*(?:\d|[한두세네열]\s|다섯|여섯|일곱|여덟|아홉))|"
    r"다음\s+(?!날|주|달|해|회|번|차례)[가-힣]+(?:은|는|을|를)\s", re.IGNORECASE)  # "다음 물품은 …": not "다음 날은"
LEAD_DOCUMENTS = 24  # at most this many documents' opening passages are read for a summary, or when or where
LEAD_PASSAGES = 3  # a document's opening: this many passages
OVERVIEW_PASSAGES = 16  # a summary reads this many passages of an overview (for its dates, venue and count)
FAQ_ANSWER_PASSAGES = 3  # at most this many passages answering a FAQ question line are read with it
LIST_ITEMS = 12  # at most this many items of an announced list are quoted
SECTION_SENTENCES = 5  # at most this many sentences of a section quoted for a question about what heads it
SECTION_SHARE = 0.5  # ... whose key words are at least this share of the heading's words
LINE_PASSAGES = 2  # at most this many passages of a programme line are quoted after its opening sentence
# The answerability a question refused on its passages needs when the passages of documents in the other language
# (with no translation) are searched apart too: a question in one language meets the other's words only by meaning,
# so such an answer must be surer. Chosen on the tuning events (0.475, the model's own, answered twice as many
# unanswerable questions there as 0.9 does, for twice the right answers).
WIDER_THRESHOLD = 0.9


def usable(q: Question, candidates: list[Evidence]) -> list[Evidence]:
    """The candidates that may answer ``q``: none saying the documents lack something, only sentences about the
    often-missing thing it asks about (parking, Wi-Fi ...), only fillers of a strict answer type (those giving a
    span of days when the question asks when the event itself was), only sentences about the asked day for an
    agenda or list."""
    out = [c for c in candidates if not c.absence]
    for name in asked_attributes(q.text):  # parking, Wi-Fi, a person's marriage ...: only a sentence about it
        out = [c for c in out if says_attribute(f"{c.chunk.heading} {c.columns} {c.sentence}", name)]
    if q.slot in STRICT_SLOTS:
        out = [c for c in out if c.fills > 0]
        if q.slot == "date" and not q.total and out:  # when the event itself was: its span of days, if given, in
            # a sentence about the event (not the dates when registration was open)
            out = [c for c in out if c.values["names_event"]] or out
            most = max(c.fills for c in out)
            out = [c for c in out if c.fills == most]
    if q.years and str(q.event_year) not in q.years:  # only a year not the event's ("작년엔 몇 명 왔어?", "the
        # 2027 festival"): only a passage naming it
        out = [c for c in out if years_named(f"{c.chunk.heading} {c.chunk.window or c.sentence}", q.event_year)
               & q.years]
    asked = numbered_entries(q.text)
    if asked:  # "1세션", "Session 2": not a sentence about another numbered part ("Session 4 takes place in …")
        out = [c for c in out if not another_entry(asked, f"{section_of(c.chunk)} {c.sentence}")]
    if q.days and q.slot == "number":  # how many on one day: not the whole event's count ("둘째 날 몇 명 왔어?")
        out = [c for c in out if c.values["day_match"]]
    if q.days and q.form != "fact":
        about_day = [c for c in out if c.values["day_match"]]
        out = about_day or [c for c in out if not c.values["day_mismatch"]]
    return out


def select(q: Question, candidates: list[Evidence], model: EvidenceModel, threshold: float | None = None
           ) -> list[Evidence]:
    """The sentences that answer ``q`` (best first), or ``[]`` to refuse (when its answerability is under
    ``threshold``, the model's own by default). ``candidates`` are sorted by ``p``."""
    pool = usable(q, candidates)
    least = model.answer_threshold if threshold is None else threshold
    if not pool or says_documents_lack(q, candidates) or of_another_year(q, pool[0]) \
            or model.answerable(q, pool) < least:
        return []
    best = pool[0]
    if q.form == "agenda" and q.days:  # sentences about that day, in the programme's order
        day = [c for c in pool if c.values["day_match"]][: model.max_list]
        picked = []
        for c in day:  # what else happened that day may name nothing new ("오후 세션에서는 … 실습을 진행한다")
            if not _repeats(c, picked, by_facts=False):
                picked.append(c)
        if picked:
            return sorted(picked, key=lambda c: (c.chunk.doc_id, c.chunk.start))
    several = q.form != "fact" or q.slot == "quote"  # what someone said: all of it
    limit = model.max_list if several else model.max_sentences
    floor = max(model.list_threshold if several else model.more_threshold, model.keep_ratio * best.p)
    picked = [best]
    for c in pool[1:]:
        if len(picked) >= limit or c.p < floor:
            break
        if _repeats(c, picked):
            continue
        picked.append(c)
    for slot in q.also:  # "when and where": the sentence giving the other kind of value best, too
        if any(fills_slot(c.sentence, slot, q.text) >= 1 for c in picked):
            continue
        filling = [(fills_slot(c.sentence, slot, q.text), c) for c in candidates
                   if not c.absence and c.p >= model.more_threshold and not _repeats(c, picked)]
        strength, extra = max(filling, key=lambda pair: (pair[0], pair[1].p), default=(0.0, None))
        if extra is not None and strength >= 1:
            picked.append(extra)
    return picked


def of_another_year(q: Question, best: Evidence) -> bool:
    """Whether the best evidence speaks, relative to now, of another year than the question asks about ("올해 대상
    누가 받았어?" answered by "지난해 대상은 …이 받았다")."""
    if not q.years:
        return False
    relative = years_named(best.sentence, q.event_year) - set(facts(best.sentence).years)
    return bool(relative) and not relative & q.years


def summary(pool: list[Evidence], more: list[Evidence] = (), size: int = SUMMARY_SENTENCES) -> list[Evidence]:
    """The most representative, informative distinct sentences: close to the centre of the evidence found and
    holding facts (dates, places, numbers, names), each new one far from those already picked (maximal marginal
    relevance), in document order. The sentences ``more`` may only give the span of days, the venue or the count
    that ``pool`` lacks; they do not move its centre."""
    if not pool:
        return []
    both = [*pool, *more]
    vectors = np.stack([c.vector for c in both])
    centre = vectors[: len(pool)].mean(axis=0)
    informative = np.array([min(len(set(facts(c.sentence).all())), 3) / 3 for c in both])
    relevance = vectors @ (centre / max(float(np.linalg.norm(centre)), 1e-12)) + SUMMARY_FACTS_WEIGHT * informative
    # a summary says when, where and how many: the most central sentence giving the span of days (else a date),
    # then one naming a venue, then one counting people (else anything: "32 teams")
    picked: list[int] = []
    for slot, strengths in (("date", (2.0, 1.0)), ("place", (2.0,)), ("count", (2.0, 1.0))):
        filled = [_counts(c.sentence) if slot == "count" else fills_slot(c.sentence, slot, "") for c in both]
        strength = next((s for s in strengths if any(f >= s for f in filled)), strengths[-1])
        holding = [i for i, f in enumerate(filled)
                   if f >= strength and not _repeats(both[i], [both[j] for j in picked])]
        best = max(holding, key=lambda i: relevance[i], default=None)
        if best is not None and best not in picked:
            picked.append(best)
    rejected: set[int] = set()

    def gain(i: int) -> float:
        overlap = max((float(vectors[i] @ vectors[j]) for j in picked), default=0.0)
        return 0.6 * float(relevance[i]) - 0.4 * overlap

    while len(picked) < size:
        options = [i for i in range(len(pool)) if i not in picked and i not in rejected]
        if not options:
            break
        best = max(options, key=gain)
        if _repeats(both[best], [both[j] for j in picked]):
            rejected.add(best)
        else:
            picked.append(best)
    return sorted((both[i] for i in picked), key=lambda c: (c.passage, c.chunk.start))


def _counts(sentence: str) -> float:
    """2 when ``sentence`` counts people ("150여 명", "about 150 attendees"), 1 when it counts something else ("32
    teams"), 0 when it counts nothing (a number with no unit, "day two")."""
    families = {f.counted() for f in fact_spans(sentence) if f.kind == "number"}
    return 2.0 if "people" in families else 1.0 if families - {""} else 0.0


def says_documents_lack(q: Question, candidates: list[Evidence]) -> Evidence | None:
    """A sentence saying the documents lack what is asked, when it matches the question better than any sentence
    that states something (the documents' own "not covered" list)."""
    if not q.total:
        return None
    absent = [c for c in candidates if c.absence and c.values["coverage"] >= 0.5]
    if not absent:
        return None
    best = max(absent, key=lambda c: c.values["coverage"])
    stated = max((c.values["coverage"] for c in candidates if not c.absence), default=0.0)
    return best if best.values["coverage"] > stated else None


def _repeats(c: Evidence, picked: list[Evidence], by_facts: bool = True) -> bool:
    """Whether ``c`` says what a picked sentence already says (near-identical vector, or, ``by_facts``, no new
    fact); never when it quotes words no picked sentence quotes."""
    quoted = _QUOTED.findall(c.sentence)
    if quoted and not any(q in p.sentence for q in quoted for p in picked):
        return False  # words someone said that no picked sentence quotes, however alike the sentences read
    mine = terms(c.sentence)
    if any(float(np.dot(c.vector, p.vector)) >= DUPLICATE_SIMILARITY
           and (p.chunk.lang != c.chunk.lang or _shared(mine, terms(p.sentence)) >= SAME_WORDS) for p in picked):
        return True  # a translation, or the same words: not two short lines alike in form ("주최: …", "주관: …")
    if not by_facts:
        return False
    new = facts(c.sentence)
    values = lambda f: {*f.dates, *f.years, *f.numbers, *(n.lower() for n in f.names)}
    have = set().union(*(values(facts(p.sentence)) for p in picked))
    if values(new):
        return values(new) <= have
    return any(_shared(mine, terms(p.sentence)) > 0.7 for p in picked)


def _shared(mine: frozenset[str], other: frozenset[str]) -> float:
    """The share of ``mine`` that ``other`` holds too."""
    return len(mine & other) / max(1, len(mine))


class ExtractiveAnswerer:
    """Quotes the sentences the evidence scorer selects, with ``[k]`` markers; refuses otherwise."""

    name = "extractive"

    def __init__(self, index: KnowledgeIndex, scorer: EvidenceScorer | None = None, event: EventInfo | None = None,
                 wider: Callable[[str, Lang], list[Chunk]] | None = None):
        self.index = index
        self.scorer = scorer or EvidenceScorer(index)
        self.event = event  # what the documents cover, for refusals (read from the folder when not given)
        self.wider = wider  # a question's passages with those of untranslated documents searched on their own too
        self._headings: dict[str, set[str]] | None = None
        self._sections: dict[str, list[Chunk]] = {}

    def refresh(self) -> None:
        """Recount term statistics after the documents changed."""
        self.scorer.refresh()
        self._headings = None

    def _heading_index(self) -> dict[str, set[str]]:
        """Each term of the documents' section headings (their last level) → the heading paths holding it (and
        each such heading path → its passages, in :attr:`_sections`); made once per version of the documents."""
        if self._headings is None:
            sections: dict[str, list[Chunk]] = {}
            for c in self.index.chunks():
                if " > " in c.heading:
                    sections.setdefault(c.heading, []).append(c)
            index: dict[str, set[str]] = {}
            for heading in sections:
                for t in terms(heading.rsplit(" > ", 1)[-1]):
                    index.setdefault(t, set()).add(heading)
            self._headings, self._sections = index, sections
        return self._headings

    def _names(self, heading: str) -> list[str]:
        """The names in a heading, less an ordinary word that only starts it with a capital ("Host and organizer")."""
        words = self.scorer.stats().words
        return [n for n in facts(heading).names if not (heading.startswith(n) and n.lower() in words)]

    def section(self, q: Question, language: Lang) -> list[Evidence]:
        """A question about someone or something named as a whole ("who is Sarah Lindqvist?", "tell me about bae
        yeon-jeong") answered with the opening sentences of the section headed by that name: every key word of the
        question is in the name, and they make up most of the heading. The section in ``language`` when there is
        one."""
        if q.form != "fact" or q.also or q.days or not q.keys:
            return []
        if q.slot not in ("who", "define") and not (q.slot == "any" and _ABOUT.search(q.text)):
            return []
        headings = self._heading_index()
        found = set.intersection(*(headings.get(t, set()) for t in q.keys))
        found = {h for h in found if len(set(q.keys)) >= SECTION_SHARE * len(terms(h.rsplit(" > ", 1)[-1]))
                 and set(q.keys) <= terms(" ".join(self._names(h.rsplit(" > ", 1)[-1])))}  # headed by a name
        if not found:
            return []
        chunks = [c for heading in sorted(found) for c in self._sections[heading]]
        chunks = [c for c in chunks if c.lang == language] or chunks
        chunks = [c for c in chunks if c.heading == chunks[0].heading]
        pairs, vectors = self.index.sentences(chunks)
        return [Evidence(sentence=s.text.strip(), passage=i, chunk=chunks[i], vector=v)
                for (i, s), v in zip(pairs, vectors) if len(s.text.strip()) >= 8][:SECTION_SENTENCES]

    def evidence(self, question: str, language: Lang, passages: list[Chunk]) -> tuple[Question, list[Evidence]]:
        """The analysed question and its scored candidate sentences, best first."""
        q = self.scorer.question(question)
        return q, self.scorer.candidates(q, passages, language)

    def answer(self, question: str, language: Lang, passages: list[Chunk]) -> Draft:
        """Quote the selected sentences with ``[k]`` markers, or refuse."""
        picked, absence = self.pick(question, language, passages)
        return self.draft(picked, language) if picked else self.refuse(language, absence)

    def answers_kind(self, question: str, text: str) -> bool:
        """Whether ``text`` (a written answer, e.g. a model's) gives the kind of thing ``question`` asks for, as a
        quoted sentence must: a time, a price, a person's name … when one is asked for; something of the
        often-missing thing asked about (parking, Wi-Fi …). Saying the venue is no answer to "is there parking?"."""
        q = self.scorer.question(question)
        sentences = [s for s in re.split(r"(?<=[.!?。])\s+|\n+", text) if s.strip()]
        if q.slot in STRICT_SLOTS and not any(fills_slot(s, q.slot, q.text) > 0 for s in sentences):
            return False
        return all(says_attribute(text, name) for name in asked_attributes(q.text))

    def answer_parts(self, parts: list[tuple[str, list[Chunk]]], language: Lang) -> Draft:
        """A message asking several questions (each standalone, with its own passages), answered as its first one
        decides: refused when the documents do not answer that, else its answer followed by what the answers to
        the others add (a part the documents do not answer adds nothing)."""
        picked: list[Evidence] = []
        for k, (question, passages) in enumerate(parts):
            found, absence = self.pick(question, language, passages)
            if not found and not k:
                return self.refuse(language, absence)
            picked += [c for c in found if not _repeats(c, picked, by_facts=False)]
        return self.draft(picked, language)

    def pick(self, question: str, language: Lang, passages: list[Chunk]) -> tuple[list[Evidence], Chunk | None]:
        """The sentences answering ``question``, best first; none to refuse, with the passage saying the documents
        lack it when one does. When ``passages`` answer nothing, the passages :attr:`wider` finds are tried too: a
        document with no translation in the question's language ranks low beside the question's own language."""
        if not question.strip() or self.scorer.unknown_names(question) or self.scorer.unknown_years(question):
            return [], None
        picked, absence = self._pick(question, language, passages)
        # the best of what was found says nothing of the question's weightiest word ("예매한 표 환불 언제까지 돼?"
        # answered with when booking closes; "what time does the opening ceremony start?" with the site's opening
        # hours, though a weaker sentence names an award ceremony): a document in the other language may say it,
        # if the documents know the word (the lines added after a picked one, unscored, go with it)
        partial = bool(picked) and picked[0].values.get("missing", 1.0) >= 1.0 and self._findable(
            question, language)
        # ... or it is about another day than the one asked about ("the keynote on day 2" answered with day one's)
        other_day = bool(picked) and bool(picked[0].values.get("day_mismatch"))
        if (picked and not partial and not other_day) or absence is not None or self.wider is None:
            return picked, absence
        wider = self.wider(question, language)
        if not wider:
            return picked, absence
        found, wider_absence = self._pick(question, language, wider, WIDER_THRESHOLD)
        if not self._holds_names(question, found):
            found = []
        if other_day:  # the wider search's answer only where it is about the day asked about
            return (found, None) if found and found[0].values.get("day_match") else (picked, absence)
        if partial:  # the wider search's answer only where it holds the word the first one lacks (or, where the
            # first one holds none of the question's words, any of them)
            first = picked[0].values.get("coverage", 0.0)
            better = found and (found[0].values.get("missing", 1.0) < 1.0 or first == 0.0) and (
                found[0].values.get("coverage", 0.0) > first)
            return (found, None) if better else (picked, absence)
        return found, wider_absence

    def _findable(self, question: str, language: Lang) -> bool:
        """Whether a weightiest key word of ``question`` (words no document uses weigh the same) is one the
        documents use, or an event word another language writes differently (not a typo no document has: "가늠해"
        for "가능해"; "대상 상금": "상금" is "prize")."""
        keys = self.scorer.question(question).keys
        if not keys:
            return False
        most = max(keys.values())
        df = self.scorer.stats().df
        return any(df.get(word) or glossary_words(word, language) for word, weight in keys.items() if weight == most)

    def _holds_names(self, question: str, found: list[Evidence]) -> bool:
        """Whether the passages of ``found`` hold everyone ``question`` names ("류선화 사무총장 어느 대학 나왔어?" is
        not answered by another person's university), each name they could hold: Hangul names only where they
        quote Hangul at all, as they are or in Latin letters ("목포역": "Mokpo Station")."""
        written = " ".join(f"{c.chunk.heading} {c.chunk.window or c.chunk.text}" for c in found)
        context = written.lower()
        hangul = bool(re.search(r"[가-힣]", context))
        return all(n.lower() in context or in_latin_letters(n, written) for n in facts(question).names
                   if n not in self.scorer.stats().topic and (hangul or not re.search(r"[가-힣]", n)))

    def _pick(self, question: str, language: Lang, passages: list[Chunk], threshold: float | None = None
              ) -> tuple[list[Evidence], Chunk | None]:
        q = self.scorer.question(question)
        if not q.total and q.form == "fact" and q.slot in ("date", "place"):
            # when or where the event itself is ("what date is the race?"): what the documents open with says it,
            # whatever the keyword search found for the event's own name
            known = {c.chunk_id for c in passages}
            passages = passages + [c for c in self._lead_chunks(language, passages) if c.chunk_id not in known]
        if q.form != "summary":
            passages = self.with_answers(passages)
        candidates = self.scorer.candidates(q, passages, language)
        fixed = self.without_model(q, candidates, passages, language)
        picked = fixed if fixed is not None else self.with_what_follows(select(q, candidates, self.scorer.model,
                                                                               threshold))
        if picked:
            return picked, None
        absence = says_documents_lack(q, candidates)
        return [], absence.chunk if absence else None

    def with_answers(self, passages: list[Chunk]) -> list[Chunk]:
        """``passages`` with the lines answering each FAQ question line found among them with none of its answer
        ("**Q. 환불되나요?**" found, its answer on the next lines with none of the question's words), after them."""
        asked = self.scorer.stats().chunk_asked
        known = {c.chunk_id for c in passages}
        more: list[Chunk] = []
        for c in filter(asks_alone, passages):
            question = line_question(c)
            answer = [a for a in self._following(c, FAQ_ANSWER_PASSAGES) if asked.get(a.chunk_id) == question]
            if answer and not any(a.chunk_id in known for a in answer):
                known.update(a.chunk_id for a in answer)
                more += answer
        return passages + more

    def with_what_follows(self, picked: list[Evidence]) -> list[Evidence]:
        """``picked`` with what a sentence leaves to the passages after it: after one announcing a list ("… the
        following spaces:"), the list's items, in their order; after a programme line's opening sentence
        ("10:30–11:10 Opening Ceremony, Main Stage."), the rest of that line ("Opening address by …; welcome address
        by …"), where the session's people, fees and conditions are said."""
        same = lambda a, b: a.sentence == b.sentence and a.chunk.chunk_id == b.chunk.chunk_id
        out: list[Evidence] = []
        for c in picked:
            if any(same(c, o) for o in out):
                continue
            out.append(c)
            if _ANNOUNCES_LIST.search(c.sentence) and (items := self._items_after(c)):
                out = [o for o in out if not any(same(o, i) for i in items)] + items  # the list in its order
            if _STARTS_AT.match(c.sentence):  # a line's words said already, on another line too, are not repeated
                out += [e for e in self._rest_of_line(c) if not any(e.sentence == o.sentence for o in out)]
        return out

    def _following(self, chunk: Chunk, most: int) -> list[Chunk]:
        """Up to ``most`` passages after ``chunk`` in its document, in order."""
        chunks = self.index.chunks(chunk.doc_id)
        at = next((k for k, other in enumerate(chunks) if other.chunk_id == chunk.chunk_id), None)
        return [] if at is None else chunks[at + 1:at + 1 + most]

    def _quoted(self, chunks: list[Chunk], passage: int) -> list[Evidence]:
        """The sentences of ``chunks`` as evidence, numbered as ``passage`` (the one they are quoted with)."""
        pairs, vectors = self.index.sentences(chunks)
        return [Evidence(sentence=s.text.strip(), passage=passage, chunk=chunks[i], vector=v)
                for (i, s), v in zip(pairs, vectors)]

    def _rest_of_line(self, c: Evidence) -> list[Evidence]:
        """The sentences after ``c`` on its line: the passages that follow its own with nothing but a space between
        (``Chunk.start``/``end`` are offsets in the document), up to the line's end."""
        rest: list[Chunk] = []
        before = c.chunk
        for after in self._following(c.chunk, LINE_PASSAGES):
            if after.start - before.end != 1 or after.heading != c.chunk.heading:
                break
            rest.append(after)
            before = after
        return self._quoted(rest, c.passage)

    def _items_after(self, c: Evidence) -> list[Evidence]:
        """The items of the list right after ``c``: the passages after its own under the same heading, each a line
        that ends no sentence ("『세포의 도시』", "Exhibition Hall A (1F): publishers' booths"), up to the first that
        does (the prose after the list)."""
        text = c.chunk.text.rstrip()
        if c.sentence not in text or "\n" in text[text.rfind(c.sentence):]:
            return []  # the sentence is not on its passage's last line: what follows it there is no list
        items: list[Chunk] = []
        for other in self._following(c.chunk, LIST_ITEMS):
            line = other.text.strip()
            if other.heading != c.chunk.heading or "\n" in line or _ENDS_SENTENCE.search(line):
                break
            items.append(other)
        return self._quoted(items, c.passage)

    def without_model(self, q: Question, candidates: list[Evidence], passages: list[Chunk],
                      language: Lang) -> list[Evidence] | None:
        """The answer of a summary of the event, an acronym's full name, a day's agenda in the structured programme
        or a question about someone named (their section), which the fitted model does not choose; ``None`` for
        every other question."""
        if q.form == "summary" and not q.total and not q.days:  # the event itself (a subject's or a day's
            # summary is a list about it)
            opening, later = self.leads(language, passages)
            return summary(usable(q, candidates) + opening, later)
        acronyms = asked_expansions(q.text)  # "what does SFASS stand for": the sentence that spells it out
        spelled = [c for c in candidates if not c.absence and any(spells_out(a, c.sentence) for a in acronyms)]
        if spelled:
            return spelled[:1]
        return self.agenda(q, language) or self.section(q, language) or None

    def leads(self, language: Lang, passages: list[Chunk]) -> tuple[list[Evidence], list[Evidence]]:
        """The opening sentences of the documents in ``language`` (of any document when none is; see
        :meth:`_lead_chunks`): where news and overviews put their main facts, for summaries of the event; and apart,
        those of an overview's later passages, up to :data:`OVERVIEW_PASSAGES`. Their passages are numbered after
        ``passages``."""
        chunks = self._lead_chunks(language, passages, overview=OVERVIEW_PASSAGES)
        read: Counter[str] = Counter()
        later: set[str] = set()
        for c in chunks:  # each document's passages come in its order
            if read[c.doc_id] >= LEAD_PASSAGES:
                later.add(c.chunk_id)
            read[c.doc_id] += 1
        pairs, vectors = self.index.sentences(chunks)
        found = [Evidence(sentence=s.text.strip(), passage=len(passages) + i, chunk=chunks[i], vector=v)
                 for (i, s), v in zip(pairs, vectors) if len(s.text.strip()) >= 8 and not s.text.startswith("#")]
        return ([e for e in found if e.chunk.chunk_id not in later], [e for e in found if e.chunk.chunk_id in later])

    def _lead_chunks(self, language: Lang, passages: list[Chunk], per_document: int = LEAD_PASSAGES,
                     overview: int = LEAD_PASSAGES) -> list[Chunk]:
        """The first ``per_document`` passages (``overview`` of an overview) of every document in ``language`` (of
        every document when none is); in a library of more than :data:`LEAD_DOCUMENTS` such documents, those of its
        overviews, then of the documents ``passages`` come from, up to that many (the cost of a question must not
        grow with the library)."""
        documents = self.index.documents()
        written = [d for d in documents if d.lang == language] or documents
        if len(written) > LEAD_DOCUMENTS:
            found = {c.doc_id for c in passages}
            written = sorted(written, key=lambda d: (d.kind != "overview", d.doc_id not in found))[:LEAD_DOCUMENTS]
        return [c for info in written
                for c in self.index.chunks(info.doc_id)[:overview if info.kind == "overview" else per_document]]

    def agenda(self, q: Question, language: Lang) -> list[Evidence]:
        """A day's agenda read from the documents' own day sections: those of the structured programme (the
        documents rendered from its programme file) when there is one, else those of the document in ``language``
        (of any document when none is in it) with the most sections about that day. The lines of the day's
        section and the opening line of each session under it, in document order."""
        if q.form != "agenda" or not q.days or asked_attributes(q.text):  # "the lunch menu on day two": no agenda
            return []
        programme = self.index.chunks(f"{PROGRAM_DOC_ID_PREFIX}-{language}")
        if programme:
            return self._day_lines(programme, q.days)
        documents = self.index.documents()
        for written in ([d for d in documents if d.lang == language], documents):  # the other language's, if need be
            sections = [(sum(self._day_of(c.heading, q.days) is not None for c in chunks), chunks)
                        for chunks in (self.index.chunks(d.doc_id) for d in written)]
            best = max(sections, key=lambda pair: pair[0], default=(0, []))
            if best[0]:
                return self._day_lines(best[1], q.days)
        return []

    def _day_of(self, heading_path: str, days: set[int]) -> int | None:
        """How far below the heading that names one of ``days`` (and no other day) a passage sits: 0 in the day's
        own section, 1 in a session under it; ``None`` when no heading names the day (a document's title naming a
        date makes no section of it about that day)."""
        levels = heading_path.split(" > ")
        named = [k for k, heading in enumerate(levels) if k and self.scorer.days(heading)]
        if not named or not self.scorer.days(levels[named[-1]]) <= days:
            return None
        return len(levels) - 1 - named[-1]

    def _day_lines(self, chunks: list[Chunk], days: set[int]) -> list[Evidence]:
        pairs, vectors = self.index.sentences(chunks)
        picked: list[Evidence] = []
        sections: set[str] = set()
        for (i, sentence), vector in zip(pairs, vectors):
            chunk = chunks[i]
            depth = self._day_of(chunk.heading, days)
            if depth is None or depth > 1:
                continue
            if depth == 1 and chunk.heading in sections and not _STARTS_AT.match(sentence.text):
                continue  # a session's opening line names it; its details stay in the programme (a part of the day
                # lists sessions each starting at its time: "### Afternoon" "- 13:00–13:30 …" "- 14:00–16:30 …")
            sections.add(chunk.heading)
            picked.append(Evidence(sentence=sentence.text.strip(), passage=i, chunk=chunk, vector=vector))
        return picked

    def draft(self, picked: list[Evidence], language: Lang) -> Draft:
        """The answer quoting ``picked``, each sentence cited (a run of them in the other language introduced as
        such)."""
        used: list[Chunk] = []
        parts = []
        led = ""  # the heading that led the sentence before, which the next one need not repeat
        for k, c in enumerate(picked):
            if c.chunk not in used:
                used.append(c.chunk)
            marker = f"[{used.index(c.chunk) + 1}]"
            sentence = self._with_its_subject(c)
            heading = sentence[: len(sentence) - len(c.sentence)]
            if heading and heading == led:
                sentence = c.sentence  # led by the same heading as the sentence before: said once
            led = heading
            if c.chunk.lang == language:
                parts.append(cite(sentence, marker))
                continue
            quote = f"“{sentence if _ENDS_SENTENCE.search(sentence) else sentence + '.'}”"
            if not k or picked[k - 1].chunk.lang != c.chunk.lang:  # a run in the other language is introduced once
                intro = "Only a Korean document covers this; it says:" if c.chunk.lang == "ko" else "이 내용은 영어 문서에만 있습니다:"
                quote = f"{intro} {quote}"
            parts.append(cite(quote, marker))
        return Draft(text=" ".join(parts), passages=used)

    def _with_its_subject(self, c: Evidence) -> str:
        """The sentence, led by the heading it stands under when the heading gives the time or room asked for, or
        when the sentence is a field of a record ("역할: 심사위원장") or speaks of someone as "he" or "she" ("He runs a
        kite studio"), and the heading names whose record it is ("정유리 (Jung Yu-ri)") where the sentence does not:
        read alone, it would not say who."""
        heading = section_of(c.chunk)
        if not heading:
            return c.sentence
        if c.slot_in_heading:  # the time or room asked for is the heading's ("11:10 Session 1 …")
            return f"{heading} — {c.sentence}"
        names = self._names(heading)
        if not _FIELD.match(c.sentence):  # "he"/"she": the one the heading is about, the name it starts with
            names = names[:1] if _PERSONAL_PRONOUN.search(c.sentence) and names and heading.startswith(names[0]) else []
        return f"{heading} — {c.sentence}" if names and not any(name_in(n, c.sentence) for n in names) else c.sentence

    def refuse(self, language: Lang, evidence: Chunk | None = None) -> Draft:
        """A refusal; ``evidence`` is a passage saying the documents lack this, cited when given."""
        message = refusal_message(language, self._covers(language))
        if evidence is None:
            return Draft(text=message, passages=[], refused=True)
        head, rest = re.match(r"(.+?[.!?])\s*(.*)", message, re.DOTALL).groups()
        return Draft(text=f"{cite(head, '[1]')} {rest}".strip(), passages=[evidence], refused=True)

    def _covers(self, language: Lang) -> list[str]:
        """What the documents cover, for the refusal: from the knowledge folder's event file or its documents."""
        if self.event is None and self.index is None:
            return []
        if self.event is None:
            self.event = event_of_index(self.index)
        return self.event.covered(language)

    def stream(self, question: str, language: Lang, passages: list[Chunk]) -> Iterator[str | Draft]:
        """The answer sentence by sentence, then the ``Draft``."""
        yield from pieces_of(self.answer(question, language, passages))


def pieces_of(draft: Draft) -> Iterator[str | Draft]:
    """A draft's text sentence by sentence, then the draft itself (how an answer worked out at once streams)."""
    for piece in re.split(r"(?<=[\].!?])\s+", draft.text):
        yield piece + " "
    yield draft


def cite(sentence: str, marker: str) -> str:
    """Put the marker inside the sentence, before its final full stop ("... in Seoul [1]."; a closing quotation
    mark stays with the quote: '... said "X" [1].')."""
    quoted = re.search(r"([.!?。])([\"”’'])$", sentence)
    if quoted:
        return f"{sentence[:-2]}{quoted[2]} {marker}{quoted[1]}"
    if _ENDS_SENTENCE.search(sentence):
        return f"{sentence[:-1]} {marker}{sentence[-1]}"
    return f"{sentence} {marker}"
