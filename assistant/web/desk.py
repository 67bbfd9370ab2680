"""The organizers' desk: who may enter, and the index actions it offers, with messages in the user's language.

Every action checks that its session entered with the password, so nothing changes for anyone else,
whichever way the action is called.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import tempfile
import time
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select

from assistant.config import Settings
from assistant.library import SUPPORTED_SUFFIXES, BuildReport, DocumentError, Lang, Library, Progress
from assistant.question.language import detect_language

from .faq import MAX_ANSWER_CHARS, faq_doc_id, faq_markdown, organizers_faqs
from .feedback import FeedbackEntry, FeedbackLog
from .labels import Labels
from .render import render_question_groups
from .store import Database, StoreUnavailable, sign_in_failures_table
from .unanswered import QuestionGroup, group_questions, normalize

log = logging.getLogger(__name__)


class AdminResult(BaseModel):
    """What an organizers' desk action did, phrased for the person who asked."""

    ok: bool
    message: str
    report: BuildReport | None = None


def admin_enabled(settings: Settings) -> bool:
    """The desk exists only when an admin password is configured."""
    return settings.admin_password is not None and bool(settings.admin_password.get_secret_value())


def check_password(settings: Settings, attempt: str | None) -> bool:
    """Whether ``attempt`` is the configured admin password (constant-time comparison)."""
    if not admin_enabled(settings) or not attempt:
        return False
    expected = settings.admin_password.get_secret_value().encode("utf-8")  # type: ignore[union-attr]
    return hmac.compare_digest(expected, attempt.encode("utf-8"))


class SignInThrottle:
    """Refuses sign-in attempts from a client after too many wrong passwords in a short window.

    Failures are kept in the shared database, so every replica counts them; the clock is wall-clock time
    (seconds since the epoch), which machines share and monotonic clocks do not.
    """

    def __init__(self, database: Database, max_failures: int = 5, window_s: float = 60.0,
                 clock: Callable[[], float] = time.time):
        self.database = database
        self.max_failures = max_failures
        self.window_s = window_s
        self._clock = clock

    @classmethod
    def from_settings(cls, settings: Settings, **kwargs) -> SignInThrottle:
        return cls(Database.from_settings(settings), **kwargs)

    def wait_seconds(self, client: str) -> int:
        """Seconds ``client`` must wait before trying again (0: it may try now)."""
        now = self._clock()
        t = sign_in_failures_table
        query = select(t.c.failed_at).where(t.c.client == client, t.c.failed_at > now - self.window_s)
        with self.database.transaction() as conn:
            recent = sorted(conn.execute(query).scalars())
        if len(recent) < self.max_failures:
            return 0
        # Allowed again once all but the latest max_failures - 1 failures are older than the window.
        return max(1, int(self.window_s - (now - recent[-self.max_failures]) + 0.999))

    def attempt(self, settings: Settings, client: str, password: str | None) -> tuple[bool, int]:
        """Check a password unless ``client`` is throttled: (signed in, seconds to wait).

        Raises :class:`StoreUnavailable` when the failures cannot be read or written (nobody enters then).
        """
        wait = self.wait_seconds(client)
        if wait:
            return False, wait
        t = sign_in_failures_table
        if check_password(settings, password):
            with self.database.transaction() as conn:
                conn.execute(t.delete().where(t.c.client == client))
            return True, 0
        now = self._clock()
        with self.database.transaction() as conn:
            conn.execute(t.delete().where(t.c.client == client, t.c.failed_at <= now - self.window_s))
            conn.execute(t.insert().values(client=client, failed_at=now))
        return False, 0


def sign_in(throttle: SignInThrottle, settings: Settings, client: str, password: str | None,
            labels: Labels) -> tuple[bool, str]:
    """(signed in, the message to show): throttled, wrong, welcome, or the database could not be reached."""
    try:
        ok, wait = throttle.attempt(settings, client, password)
    except StoreUnavailable as err:
        log.warning("sign-in not checked: %s", err)
        return False, labels.store_unavailable
    if ok:
        return True, labels.logged_in
    return False, labels.too_many_attempts.format(seconds=wait) if wait else labels.wrong_password


def _msg(lang: Lang, ko: str, en: str) -> str:
    return ko if lang == "ko" else en


def describe_report(report: BuildReport, lang: Lang) -> str:
    """A one-line summary of a build, add or remove."""
    parts = []
    for names, ko, en in (
        (report.added, "추가", "added"), (report.updated, "갱신", "updated"), (report.removed, "삭제", "removed"),
    ):
        if names:
            parts.append(f"{_msg(lang, ko, en)}: {', '.join(names)}")
    parts.append(_msg(lang, f"조각 {report.chunks}개, {report.seconds:.1f}초",
                      f"{report.chunks} chunks, {report.seconds:.1f} s"))
    return "; ".join(parts)


def _short(name: str, keep: int = 60) -> str:
    """A file name short enough for a message."""
    return name if len(name) <= keep else name[: keep - 1] + "…"


class OrganizersDesk:
    """Upload, rebuild, remove and status over the assistant's documents; refuses anyone not signed in."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def _denied(self, lang: Lang) -> AdminResult:
        return AdminResult(ok=False, message=_msg(
            lang, "먼저 관리자 비밀번호로 들어가세요. 아무것도 바뀌지 않았습니다.",
            "Enter the admin password first. Nothing was changed."))

    def upload(self, paths: list[Path], lang: Lang, authorized: bool, progress: Progress | None = None) -> AdminResult:
        """Add documents to the index; an unsupported or unreadable file changes nothing."""
        if not authorized:
            return self._denied(lang)
        paths = [Path(p) for p in paths or []]
        if not paths:
            return AdminResult(ok=False, message=_msg(lang, "올릴 파일을 고르세요.", "Choose a file to upload."))
        refused = self._refused(paths, lang)
        if refused:
            return refused
        unsupported = [p.name for p in paths if p.suffix.lower() not in SUPPORTED_SUFFIXES]
        if unsupported:
            kinds = ", ".join(s.lstrip(".") for s in SUPPORTED_SUFFIXES)
            return AdminResult(ok=False, message=_msg(
                lang, f"지원하지 않는 파일 형식입니다: {', '.join(unsupported)} ({kinds}만 올릴 수 있습니다). "
                      "아무것도 바뀌지 않았습니다.",
                f"Unsupported file type: {', '.join(unsupported)} (only {kinds}). Nothing was changed."))
        try:
            report = self.library.add(paths, progress=progress)
        except DocumentError as err:
            return AdminResult(ok=False, message=_msg(
                lang, f"문서를 읽을 수 없습니다. 아무것도 바뀌지 않았습니다. ({err})",
                f"The document could not be read. Nothing was changed. ({err})"))
        return AdminResult(ok=True, report=report, message=_msg(lang, "색인했습니다. ", "Indexed. ")
                           + describe_report(report, lang))

    def _refused(self, paths: list[Path], lang: Lang) -> AdminResult | None:
        """A message when a path is not a plain file of its own (a link to another file, a folder, a name the
        file system cannot hold) or is larger than ``max_upload_mb``; None when all can be read."""
        limit_mb = self.library.settings.max_upload_mb
        not_files, too_big = [], []
        for path in paths:
            try:
                if path.is_symlink() or not path.is_file():
                    not_files.append(path.name)
                elif path.stat().st_size > limit_mb * 1024 * 1024:
                    too_big.append(path.name)
            except OSError:
                not_files.append(path.name)
        if not_files:
            names = ", ".join(_short(n) for n in not_files)
            return AdminResult(ok=False, message=_msg(
                lang, f"파일 자체만 올릴 수 있습니다(링크나 폴더는 안 됩니다): {names}. 아무것도 바뀌지 않았습니다.",
                f"Only files themselves can be uploaded, not links or folders: {names}. Nothing was changed."))
        if too_big:
            names = ", ".join(_short(n) for n in too_big)
            return AdminResult(ok=False, message=_msg(
                lang, f"파일이 너무 큽니다(최대 {limit_mb:g}MB): {names}. 아무것도 바뀌지 않았습니다.",
                f"File too large (at most {limit_mb:g} MB): {names}. Nothing was changed."))
        return None

    def rebuild(self, lang: Lang, authorized: bool, progress: Progress | None = None) -> AdminResult:
        """Rebuild the whole index from the knowledge folder."""
        if not authorized:
            return self._denied(lang)
        try:
            report = self.library.rebuild(progress=progress)
        except DocumentError as err:
            return AdminResult(ok=False, message=str(err))
        return AdminResult(ok=True, report=report, message=_msg(lang, "색인을 다시 만들었습니다. ",
                                                                 "The index was rebuilt. ")
                           + describe_report(report, lang))

    def remove(self, doc_id: str | None, lang: Lang, authorized: bool) -> AdminResult:
        """Remove one document from the knowledge folder and the index."""
        if not authorized:
            return self._denied(lang)
        if not doc_id:
            return AdminResult(ok=False, message=_msg(lang, "지울 문서를 고르세요.", "Choose a document to remove."))
        try:
            report = self.library.remove(doc_id)
        except DocumentError as err:
            return AdminResult(ok=False, message=_msg(lang, f"지우지 못했습니다. 아무것도 바뀌지 않았습니다. ({err})",
                                                      f"Could not remove it. Nothing was changed. ({err})"))
        return AdminResult(ok=True, report=report, message=_msg(lang, "지웠습니다. ", "Removed. ")
                           + describe_report(report, lang))

    def question_groups(self, entries: Iterable[FeedbackEntry]) -> list[QuestionGroup]:
        """The refused and down-voted questions of ``entries`` grouped by meaning, most asked first; a group
        an organizers' FAQ already answers names it (``answered_by``)."""
        faqs = organizers_faqs(self.library)
        groups = group_questions(entries, self.library.embed_questions)
        return [g.model_copy(update={"answered_by": next(
            (doc_id for doc_id, asked in sorted(faqs.items()) if asked & {normalize(q) for q in g.questions}), None)})
            for g in groups]

    def unanswered(self, feedback: FeedbackLog, labels: Labels, n: int = 20) -> tuple[list[QuestionGroup], str]:
        """The ``n`` most asked groups of unanswered questions and their HTML, or none and a message when the
        database cannot be reached."""
        try:
            entries = feedback.entries()
        except StoreUnavailable as err:
            log.warning("unanswered questions not read: %s", err)
            return [], f"<p>{escape(labels.store_unavailable)}</p>"
        groups = self.question_groups(entries)[:n]
        return groups, render_question_groups(groups, labels)

    def answer_group(self, key: str | None, answer: str | None, groups: list[QuestionGroup], lang: Lang,
                     authorized: bool, today: dt.date | None = None) -> AdminResult:
        """Save an organizer's answer to the group ``key`` as an FAQ document and index it (the same group
        again: the same document, rewritten). An empty or overlong answer changes nothing."""
        if not authorized:
            return self._denied(lang)
        group = next((g for g in groups if g.key == key), None)
        if group is None:
            return AdminResult(ok=False, message=_msg(lang, "답할 질문 묶음을 고르세요.",
                                                      "Choose a group of questions to answer."))
        answer = (answer or "").strip()
        if not answer:
            return AdminResult(ok=False, message=_msg(lang, "답을 적어 주세요. 아무것도 바뀌지 않았습니다.",
                                                      "Write an answer first. Nothing was changed."))
        if len(answer) > MAX_ANSWER_CHARS:
            return AdminResult(ok=False, message=_msg(
                lang, f"답이 너무 깁니다 ({len(answer)}자, 최대 {MAX_ANSWER_CHARS}자). 아무것도 바뀌지 않았습니다.",
                f"The answer is too long ({len(answer)} characters, at most {MAX_ANSWER_CHARS}). Nothing was changed."))
        doc_id = faq_doc_id(group, organizers_faqs(self.library))
        text = faq_markdown(doc_id, group, answer, detect_language(answer) or lang, today or dt.datetime.now(dt.UTC).date())
        try:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"{doc_id}.md"  # the id is made here, never taken from what people typed
                path.write_text(text, encoding="utf-8")
                report = self.library.add([path])
        except DocumentError as err:
            return AdminResult(ok=False, message=_msg(lang, f"저장하지 못했습니다. 아무것도 바뀌지 않았습니다. ({err})",
                                                      f"Could not save it. Nothing was changed. ({err})"))
        return AdminResult(ok=True, report=report, message=_msg(
            lang, f"FAQ 문서 {doc_id}로 저장하고 색인했습니다. ", f"Saved as the FAQ document {doc_id} and indexed. ")
            + describe_report(report, lang))

    def status_markdown(self, lang: Lang) -> str:
        """The index status as a short Markdown list."""
        s = self.library.status()
        per_lang = ", ".join(f"{k}: {v}" for k, v in sorted(s.chunks_per_lang.items())) or "-"
        built = s.last_build.strftime("%Y-%m-%d %H:%M:%S UTC") if s.last_build else "-"
        rows = [
            (_msg(lang, "문서", "Documents"), str(s.documents)),
            (_msg(lang, "언어별 조각", "Chunks per language"), per_lang),
            (_msg(lang, "임베딩 모델", "Embedding model"), f"{s.embed_model} ({s.dimension})"),
            (_msg(lang, "저장소", "Store"), f"{s.store} / {s.collection or '-'}"),
            (_msg(lang, "마지막 색인", "Last build"), built),
        ]
        return "\n".join(f"- **{k}**: {v}" for k, v in rows)
