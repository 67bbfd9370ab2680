"""Hostile uploads at the organizers' desk: names with path tricks, links to files elsewhere, names too long, files
too large. Each is refused with a message in the organizer's language, or lands in the uploads folder under its
own name; nothing is written anywhere else and nothing already indexed is lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hostile_kb import HOSTILE, files_under, lost, small_assistant, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import Assistant
from assistant.library import DocumentError
from assistant.web.desk import OrganizersDesk

NOTE = "# Notes\nThe organizers met again on 30 October to review the forum.\n"
SECRET = "Zanzibar-7 is the password of the server."
NOTHING_CHANGED = {"en": "Nothing was changed.", "ko": "아무것도 바뀌지 않았습니다."}
AREA = "Uploads"


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Assistant:
    return small_assistant(tmp_path_factory)


@pytest.fixture(scope="module")
def desk(bot) -> OrganizersDesk:
    return OrganizersDesk(bot.library)


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> Path:
    """A folder beside the assistant's, holding a file no upload may read or overwrite."""
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.md").write_text(f"# Secret\n{SECRET}\n", encoding="utf-8")
    return folder


def _world(bot: Assistant, outside: Path) -> dict:
    """Every file of the knowledge folder outside ``uploads``, and of the folder beside it."""
    knowledge = {k: v for k, v in files_under(bot.settings.knowledge_dir).items() if not k.startswith("uploads/")}
    return {"knowledge": knowledge, "outside": files_under(outside)}


def _upload(bot, desk, outside, reliability, fault: str, paths: list[Path], lang: str = "en", refuse: bool = True):
    """Upload ``paths`` at the desk; return the result and the new upload folder's files. Records what was lost
    (documents, or files outside the uploads folder) and whether a refusal came when expected."""
    before, world = snapshot(bot), _world(bot, outside)
    uploads = bot.settings.knowledge_dir / "uploads"
    uploads_before = files_under(uploads) if uploads.exists() else {}
    result = desk.upload(paths, lang, authorized=True)
    world_after, uploads_after = _world(bot, outside), files_under(uploads) if uploads.exists() else {}
    for doc_id in result.report.added if result.ok else []:
        bot.library.remove(doc_id)
    after = snapshot(bot)
    gone = lost(before, after) + sum(world_after["outside"].get(k) != v for k, v in world["outside"].items())
    wrong = (refuse and result.ok) or world_after != world  # refuse=False: taking or refusing may both be right
    reliability.record(fault, area=AREA, lost=gone, failed=wrong)
    assert world_after == world and gone == 0
    if refuse:
        assert not result.ok and NOTHING_CHANGED[lang] in result.message, result.message
        assert uploads_after == uploads_before
    return result, uploads_after


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_link_to_a_file_elsewhere_is_refused_and_its_text_never_indexed(bot, desk, outside, tmp_path, reliability,
                                                                           lang):
    links = [tmp_path / "notes.md", tmp_path / "chain.md", tmp_path / "folder.md"]
    links[0].symlink_to(outside / "secret.md")
    links[1].symlink_to(links[0])
    links[2].symlink_to(outside, target_is_directory=True)
    for link in links:
        result, _ = _upload(bot, desk, outside, reliability, "Symbolic link to a file or folder elsewhere", [link], lang)
        assert link.name in result.message
    assert not any("Zanzibar" in c.text for c in bot.index.chunks())


def test_a_link_already_in_the_uploads_folder_is_replaced_not_written_through(bot, outside, tmp_path, reliability):
    uploads = bot.settings.knowledge_dir / "uploads"
    uploads.mkdir(exist_ok=True)
    (uploads / "agenda-notes.md").symlink_to(outside / "secret.md")
    fresh = tmp_path / "agenda-notes.md"
    fresh.write_text(NOTE, encoding="utf-8")
    before = files_under(outside)
    try:
        report = bot.library.add([fresh])
        changed = files_under(outside) != before
        reliability.record("Upload over a link planted in the uploads folder", area=AREA, lost=int(changed),
                           failed=(uploads / "agenda-notes.md").is_symlink())
        assert not changed and (outside / "secret.md").read_text(encoding="utf-8").endswith(f"{SECRET}\n")
        assert not (uploads / "agenda-notes.md").is_symlink()
        assert (uploads / "agenda-notes.md").read_text(encoding="utf-8") == NOTE
    finally:
        for doc_id in report.added:
            bot.library.remove(doc_id)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_file_over_the_size_limit_is_refused(bot, desk, outside, tmp_path, reliability, lang):
    big = tmp_path / "big-minutes.md"
    big.write_text(NOTE + ("The forum continued. " * 80_000), encoding="utf-8")  # ~1.7 MB, the limit is 1 MB
    result, _ = _upload(bot, desk, outside, reliability, "File over max_upload_mb", [big], lang)
    assert "big-minutes.md" in result.message and "1" in result.message


def test_folders_missing_files_and_names_too_long_are_refused(bot, desk, outside, tmp_path, reliability):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    for path in [folder, tmp_path / "missing.md", tmp_path / ("n" * 300 + ".md"), tmp_path / "..", Path("/")]:
        _upload(bot, desk, outside, reliability, "Folder, missing file or name too long for the file system", [path])
    with pytest.raises(DocumentError):  # the library refuses them too, with a message naming the file
        bot.library.add([tmp_path / ("n" * 300 + ".md")])


def test_a_hidden_name_is_refused_as_it_would_never_be_indexed(bot, desk, outside, tmp_path, reliability):
    hidden = tmp_path / ".notes.md"
    hidden.write_text(NOTE, encoding="utf-8")
    _upload(bot, desk, outside, reliability, "Hidden file name", [hidden])


def _traversal_path(tmp_path: Path, name: str) -> Path:
    """A path to ``name`` that goes down two folders and back up: ``…/a/b/../../name``."""
    (tmp_path / "a" / "b").mkdir(parents=True, exist_ok=True)
    return tmp_path / "a" / "b" / ".." / ".." / name


@pytest.mark.parametrize("make", ["traversal", "absolute"])
def test_a_path_with_dot_dot_or_an_absolute_path_lands_in_uploads_under_its_name(bot, desk, outside, tmp_path,
                                                                                 reliability, make):
    (tmp_path / "trip-notes.md").write_text(NOTE, encoding="utf-8")
    path = _traversal_path(tmp_path, "trip-notes.md") if make == "traversal" else (tmp_path / "trip-notes.md").resolve()
    result, uploads = _upload(bot, desk, outside, reliability, "Path with ../ or an absolute path", [path], refuse=False)
    assert result.ok and "trip-notes.md" in uploads
    (bot.settings.knowledge_dir / "uploads" / "trip-notes.md").unlink(missing_ok=True)


# A file name as a browser may send it: any characters but "/" and NUL, at most 255 bytes, ending in ".md".
names = st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=90).map(
    lambda s: s + ".md").filter(lambda n: len(n.encode()) <= 255 and n not in (".md",))


@settings(HOSTILE, max_examples=20)
@given(name=names | st.sampled_from(["..\\..\\x.md", "-rf.md", "a\nb.md", " .md", "~.md", "가" * 84 + ".md",
                                     "x" * 252 + ".md", "venue-en.md", "CON.md", "%2e%2e%2fx.md"]))
def test_any_file_name_is_refused_or_lands_in_uploads_under_that_name(bot, desk, outside, tmp_path_factory,
                                                                       reliability, name):
    folder = tmp_path_factory.mktemp("names")
    path = folder / name
    path.write_text(NOTE, encoding="utf-8")
    result, uploads = _upload(bot, desk, outside, reliability, "Any file name (hypothesis)", [path], refuse=False)
    uploaded = bot.settings.knowledge_dir / "uploads" / name
    if result.ok:
        assert os.path.samefile(uploaded.parent, bot.settings.knowledge_dir / "uploads") and name in uploads
    else:
        assert "Nothing was changed." in result.message
    uploaded.unlink(missing_ok=True)
