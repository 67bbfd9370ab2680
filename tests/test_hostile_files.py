"""Broken files and hostile uploads: truncated and bit-flipped PDF, DOCX and HTML, binary data under a text
name, path tricks, links to files elsewhere, names too long and files too large. Each bad file is reported by
name, and nothing already indexed is lost: the documents, and the answer to a known question, stay the same;
nothing is written outside the uploads folder."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import docx
import pytest
from hostile_kb import HOSTILE, KNOWN, files_under, lost, small_assistant, snapshot
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import Assistant
from assistant.library import DocumentError
from assistant.web.desk import OrganizersDesk
from index.errors import BadDocumentError
from index.loaders import load_file

LINES = ["The forum was held at the Hotel Naru Seoul MGallery.", "About 150 people attended the two-day forum."]


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF showing ``lines`` in Helvetica, written by hand (offsets and all)."""
    text = " ".join(f"({line}) '" for line in lines)
    page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    stream = f"BT /F1 12 Tf 72 720 Td 14 TL {text} ET"
    objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def make_docx(lines: list[str]) -> bytes:
    document = docx.Document()
    document.add_heading("Venue", 1)
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Opening day", "28 October"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


VALID = {
    ".pdf": make_pdf(LINES),
    ".docx": make_docx(LINES),
    ".html": (f"<html><head><title>Venue</title></head><body><article><h1>Venue</h1><p>{' '.join(LINES * 3)}</p>"
              "</article></body></html>").encode(),
    ".md": ("# Venue\n\n" + "\n".join(LINES) + "\n").encode(),
}
KIND = {".pdf": "PDF", ".docx": "DOCX", ".html": "HTML", ".md": "Markdown"}


def truncate(data: bytes, at: int, _: int) -> bytes:
    return data[: at % len(data)]


def flip(data: bytes, at: int, bits: int) -> bytes:
    out = bytearray(data)
    for i in range(1 + bits % 8):
        pos = (at + i * 7919) % len(out)
        out[pos] ^= 1 << ((bits >> i) % 8)
    return bytes(out)


def overwrite(data: bytes, at: int, bits: int) -> bytes:
    """A stretch of the file replaced by junk bytes (a bad sector, a mangled transfer)."""
    at %= len(data)
    junk = hashlib.sha256(bits.to_bytes(8, "little")).digest() * (1 + bits % 6)
    return data[:at] + junk + data[at + len(junk):]


MUTATIONS = {"Truncated": truncate, "Bit-flipped": flip, "Overwritten with junk": overwrite}


@pytest.fixture(scope="module")
def bot(tmp_path_factory) -> Assistant:
    return small_assistant(tmp_path_factory)


@pytest.fixture(scope="module")
def desk(bot) -> OrganizersDesk:
    return OrganizersDesk(bot.library)


def test_the_valid_files_load_with_their_text():
    for suffix, data in VALID.items():
        path = Path(f"/tmp/hostile-valid{suffix}")  # loaded in place: not part of any index
        path.write_bytes(data)
        try:
            assert "Hotel Naru" in load_file(path).text, suffix
        finally:
            path.unlink()


def test_the_known_question_is_answered_before_anything_is_tried(bot):
    answer = bot.ask(KNOWN)
    assert not answer.refused and "Naru" in answer.text


# -- loading a broken file ---------------------------------------------------------------------------------

@settings(HOSTILE, max_examples=150)
@given(suffix=st.sampled_from(list(VALID)), mutation=st.sampled_from(list(MUTATIONS)),
       at=st.integers(0, 50_000), bits=st.integers(0, 2**16))
def test_a_broken_file_loads_or_is_reported_by_name(tmp_path, reliability, suffix, mutation, at, bits):
    path = tmp_path / f"broken file{suffix}"
    path.write_bytes(MUTATIONS[mutation](VALID[suffix], at, bits))
    try:
        doc = load_file(path)
    except BadDocumentError as err:
        reliability.record(f"{mutation} {KIND[suffix]} file (loader)", area="Files", failed=path.name not in str(err))
        assert path.name in str(err) and err.reason
        return
    except Exception:
        reliability.record(f"{mutation} {KIND[suffix]} file (loader)", area="Files", failed=1)
        raise
    reliability.record(f"{mutation} {KIND[suffix]} file (loader)", area="Files", failed=not doc.text.strip())
    assert doc.text.strip()  # still readable: what is left of it is a document


@settings(HOSTILE, max_examples=30)
@given(suffix=st.sampled_from(list(VALID)), mutation=st.sampled_from(list(MUTATIONS)),
       at=st.integers(0, 50_000), bits=st.integers(0, 2**16))
def test_uploading_a_broken_file_loses_nothing(bot, desk, tmp_path_factory, reliability, suffix, mutation, at, bits):
    """A file that cannot be read is refused by name and changes nothing; one still readable is added beside
    the others (and removed again, so each example starts from the same index)."""
    before = snapshot(bot)
    path = tmp_path_factory.mktemp("upload") / f"broken{suffix}"
    path.write_bytes(MUTATIONS[mutation](VALID[suffix], at, bits))
    result = desk.upload([path], "en", authorized=True)
    added = result.report.added if result.ok else []
    for doc_id in added:
        bot.library.remove(doc_id)
    after = snapshot(bot)
    reliability.record(f"{mutation} {KIND[suffix]} upload", area="Files", lost=lost(before, after),
                       failed=not result.ok and path.name not in result.message)
    assert after == before
    assert result.ok or ("Nothing was changed" in result.message and path.name in result.message)


def _junk(n: int) -> bytes:
    return b"".join(hashlib.sha256(i.to_bytes(4, "little")).digest() for i in range(n // 32 + 1))[:n]


BAD_FILES = {  # name: content, each unreadable as a document
    "half.pdf": VALID[".pdf"][: len(VALID[".pdf"]) // 3],
    "header-only.pdf": b"%PDF-1.4\n",
    "half.docx": VALID[".docx"][: len(VALID[".docx"]) // 2],
    "zip-of-nothing.docx": b"PK\x05\x06" + b"\x00" * 18,
    "junk.html": _junk(4096),
    "junk.md": _junk(2048),
    "nul.txt": b"\x00" * 512,
    "empty.md": b"",
    "latin1.md": "Caf\xe9 \xe0 la cr\xe8me, \xa7 \xb6 \xfe \xff".encode("latin-1") * 40,
    "bad-front-matter.md": b"---\nid: [unclosed\n---\n# Title\nThe forum was held in Seoul.\n",
    "no-front-matter-end.md": b"---\nid: x\n# Title\nText.\n",
    "only-markup.html": b"<html><body><script>alert(1)</script><img src=x onerror=alert(1)></body></html>",
}


def test_a_build_skips_each_bad_file_by_name_and_loses_nothing(bot, reliability):
    before = snapshot(bot)
    folder = bot.settings.knowledge_dir / "broken"
    folder.mkdir()
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    try:
        report = bot.library.update()
        after = snapshot(bot)
    finally:
        for name in BAD_FILES:
            (folder / name).unlink()
        folder.rmdir()
    skipped = {Path(s.path).name: s.reason for s in report.skipped}
    for name in BAD_FILES:
        reliability.record("Broken files in the knowledge folder (build)", area="Files", lost=0,
                           failed=name not in skipped)
    reliability.record("Broken files in the knowledge folder (build)", cases=0, area="Files", lost=lost(before, after))
    assert set(skipped) == set(BAD_FILES) and all(skipped.values())
    assert not (report.added or report.updated or report.removed)
    assert after == before


def test_adding_a_batch_with_one_bad_file_adds_none_of_it(bot, tmp_path, reliability):
    before, uploads_before = snapshot(bot), files_under(bot.settings.knowledge_dir)
    good = tmp_path / "good-notes.md"
    good.write_text("# Notes\nThe organizers met again on 30 October to review the forum.\n", encoding="utf-8")
    bad = tmp_path / "half.pdf"
    bad.write_bytes(BAD_FILES["half.pdf"])
    with pytest.raises(DocumentError, match="half.pdf"):
        bot.library.add([good, bad])
    after = snapshot(bot)
    reliability.record("A good file and a broken one added together", area="Files", lost=lost(before, after))
    assert after == before and files_under(bot.settings.knowledge_dir) == uploads_before
