"""The organizers' desk: who may enter, and the index actions it offers, with messages in the user's language.

Every action checks that its session entered with the password, so nothing changes for anyone else,
whichever way the action is called.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from assistant.config import Settings
from assistant.library import SUPPORTED_SUFFIXES, BuildReport, DocumentError, Lang, Library, Progress


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
    """Refuses sign-in attempts from a client after too many wrong passwords in a short window."""

    def __init__(self, max_failures: int = 5, window_s: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.max_failures = max_failures
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def wait_seconds(self, client: str) -> int:
        """Seconds ``client`` must wait before trying again (0: it may try now)."""
        now = self._clock()
        with self._lock:
            recent = [t for t in self._failures.get(client, []) if now - t < self.window_s]
            self._failures[client] = recent
            if len(recent) < self.max_failures:
                return 0
            return max(1, int(self.window_s - (now - recent[0]) + 0.999))

    def attempt(self, settings: Settings, client: str, password: str | None) -> tuple[bool, int]:
        """Check a password unless ``client`` is throttled: (signed in, seconds to wait)."""
        wait = self.wait_seconds(client)
        if wait:
            return False, wait
        if check_password(settings, password):
            with self._lock:
                self._failures.pop(client, None)
            return True, 0
        with self._lock:
            self._failures.setdefault(client, []).append(self._clock())
        return False, 0


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
