"""Text helpers, loaders and the splitter: what goes into the index before anything is embedded."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from index_kb import SEED

from index.errors import BadDocumentError
from index.loaders import load_file, make_document
from index.models import Document, DocumentMeta
from index.splitter import search_text, split_document
from index.text import bm25_tokens, detect_lang, nfc, split_sentences


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF showing ``lines`` in Helvetica (ASCII only)."""
    ops = ["BT /F1 12 Tf 14 TL 72 720 Td"] + [f"({ln}) Tj T*" for ln in lines] + ["ET"]
    stream = "\n".join(ops).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> >> >>"),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


# -- text helpers ----------------------------------------------------------------------------------


def test_nfc_composes_decomposed_hangul():
    decomposed = unicodedata.normalize("NFD", "서울 포럼")
    assert decomposed != "서울 포럼"
    assert nfc(decomposed) == "서울 포럼"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("SFASS 2025는 어디에서 열렸나요?", "ko"), ("Where was SFASS held?", "en"), ("2025-10-28", None),
     ("Scale AI와 MOU를 체결했다", "ko")],
)
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


def test_split_sentences_korean_uses_kiwi_and_keeps_quotes_together():
    text = ("‘보다 안전한 AI 세상을 향한 글로벌 협력(Global Cooperation)’을 주제로 열렸다. "
            "150여 명이 참여했다\n둘째 날에는 MOU 체결식이 열린다.")
    spans = split_sentences(text, "ko")
    assert [text[s:e] for s, e in spans] == [
        "‘보다 안전한 AI 세상을 향한 글로벌 협력(Global Cooperation)’을 주제로 열렸다.",
        "150여 명이 참여했다",
        "둘째 날에는 MOU 체결식이 열린다.",
    ]


def test_split_sentences_english_keeps_a_quotation_of_several_sentences_whole():
    text = '"We are a coffee city. Now we want more," said Park. She left. He said: “One. Two.” Then he sat.'
    assert [text[s:e] for s, e in split_sentences(text, "en")] == [
        '"We are a coffee city. Now we want more," said Park.',
        "She left.",
        "He said: “One. Two.”",
        "Then he sat.",
    ]


def test_split_sentences_english_respects_abbreviations():
    text = "Dr. Kim spoke on 28 Oct. 2025 in Seoul. About 150 people attended! Was it useful?"
    assert [text[s:e] for s, e in split_sentences(text, "en")] == [
        "Dr. Kim spoke on 28 Oct. 2025 in Seoul.", "About 150 people attended!", "Was it useful?",
    ]


def test_an_abbreviation_after_a_bracket_ends_no_sentence():
    text = "Day one (Oct. 29) covered safety. The MOU (approx. 3 years) was signed."
    assert [text[a:b] for a, b in split_sentences(text, "en")] == [
        "Day one (Oct. 29) covered safety.", "The MOU (approx. 3 years) was signed."]


def test_bm25_tokens_korean_morphemes_and_lowercase_english():
    tokens = bm25_tokens("한국 인공지능안전연구소와 Scale AI 간 MOU 체결식이 열리며")
    assert {"연구소", "체결", "scale", "ai", "mou"} <= set(tokens)
    assert "와" not in tokens and "이" not in tokens  # particles are not terms
    english = bm25_tokens("The Korea AI Safety Institute's MOU with Scale AI")
    assert "the" not in english and {"korea", "institute", "mou", "scale"} <= set(english)


# -- loaders -----------------------------------------------------------------------------------------


def test_bm25_tokens_keep_an_english_word_whole_in_a_sentence_holding_hangul():
    """Kiwi cuts the last Latin word before a full stop in two ("accel" "erate."): the word is read as the text
    writes it, as it is in a sentence without Hangul."""
    tokens = bm25_tokens('Yoo Hyun-seok (유현석) added that "industrial innovation will accelerate."')
    assert tokens[-3:] == ["industrial", "innovation", "accelerate"]
    assert bm25_tokens("행사는 Hotel Naru Seoul MGallery.")[-4:] == bm25_tokens("Hotel Naru Seoul MGallery.")


def test_seed_article_is_cleaned_of_page_clutter():
    doc = load_file(SEED)
    lines = doc.text.splitlines()
    assert doc.meta.lang == "ko"
    assert doc.meta.title.startswith("2025 인공지능 안전 서울 포럼(SFASS) 개막")
    assert "All Rights Reserved" not in doc.text and "editor@welaunch.kr" not in doc.text
    for clutter in ("다른소식", "구독", "좋아요", "공유", "Welaunch", "위런치 로고", "3일 전"):
        assert clutter not in lines
    assert lines.count(doc.meta.title) == 1  # the repeated headline appears once
    for fact in ("서울 호텔 나루 엠갤러리", "150여 명", "Scale AI 간 MOU", "후속 포럼은 2026년 예정이다"):
        assert fact in doc.text


def test_markdown_front_matter_becomes_meta_and_markup_is_removed(tmp_path):
    path = write(tmp_path / "venue-en.md", (
        "---\nid: venue-en\ntitle: Venue\nlang: en\ntranslation_of: venue-ko\nsource: Test article\n"
        "as_of: 2025-10-28\nkind: overview\n---\n# Venue\n\nThe forum met at **Hotel Naru** ([map](http://x)).\n"
    ))
    doc = load_file(path)
    assert doc.meta.id == "venue-en" and doc.meta.kind == "overview" and str(doc.meta.as_of) == "2025-10-28"
    assert "The forum met at Hotel Naru (map)." in doc.text
    assert "---" not in doc.text and "**" not in doc.text


def test_file_without_front_matter_gets_id_lang_title_source(tmp_path):
    path = write(tmp_path / "Press Note 1.md", "# 포럼 안내\n\n포럼은 서울에서 열렸다.\n")
    doc = load_file(path)
    assert (doc.meta.id, doc.meta.lang, doc.meta.title, doc.meta.source) == (
        "press-note-1", "ko", "포럼 안내", "Press Note 1.md")


def test_html_boilerplate_is_stripped(tmp_path):
    path = write(tmp_path / "page.html", (
        "<html><head><title>Forum news</title><script>var x = 'tracking';</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><h1>Forum opens</h1><p>The forum opened in Seoul on 28 October 2025.</p>"
        "<p>About 150 people attended the forum.</p></article>"
        "<footer>© 2025 Example. All Rights Reserved</footer></body></html>"
    ))
    doc = load_file(path)
    assert doc.text.splitlines() == [
        "# Forum opens", "The forum opened in Seoul on 28 October 2025.", "About 150 people attended the forum."]
    assert doc.meta.title == "Forum news"


def test_pdf_text_is_extracted_and_reflowed(tmp_path):
    path = write(tmp_path / "report.pdf", minimal_pdf(["The forum opened in Seoul on 28", "October 2025. About 150",
                                                        "people attended."]))
    doc = load_file(path)
    assert "The forum opened in Seoul on 28 October 2025. About 150 people attended." in doc.text
    assert doc.meta.lang == "en" and doc.meta.id == "report"


def test_docx_headings_and_paragraphs(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("포럼 개요", level=1)
    d.add_paragraph("포럼은 10월 28일 서울에서 개막했다.")
    d.save(tmp_path / "overview.docx")
    doc = load_file(tmp_path / "overview.docx")
    assert doc.text.splitlines() == ["# 포럼 개요", "포럼은 10월 28일 서울에서 개막했다."]
    assert doc.meta.lang == "ko" and doc.meta.title == "포럼 개요"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.pdf", b"%PDF-1.4\n this is not really a pdf", "corrupt or unreadable PDF"),
        ("broken.docx", b"PK\x03\x04 not a zip", "corrupt or unreadable DOCX"),
        ("junk.txt", bytes(range(256)) * 4, "binary data"),
        ("empty.md", b"", "empty file"),
        ("blank.txt", b"\n   \n", "no text found"),
        ("table.xlsx", b"whatever", "unsupported file type"),
        ("bad.md", "---\nid: Bad Id!\ntitle: x\n---\nText.\n", "bad front matter: id"),
        ("unclosed.md", "---\nid: a\n\nText.\n", "no closing '---'"),
        ("yaml.md", "---\nid: [a\n---\nText.\n", "invalid YAML"),
        ("extra.md", "---\nid: a\ntitle: T\nlang: en\nsource: s\ncolour: red\n---\nText.\n", "colour"),
    ],
)
def test_bad_files_raise_with_file_name_and_reason(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    with pytest.raises(BadDocumentError) as info:
        load_file(path)
    assert info.value.path == name
    assert reason in info.value.reason


# -- splitter ----------------------------------------------------------------------------------------


def _doc(text: str, lang: str, doc_id: str = "d") -> Document:
    meta = DocumentMeta(id=doc_id, title="T", lang=lang, source="test")
    return make_document(meta, text, None)


def test_split_korean_chunks_are_exact_spans_with_heading_path_and_window():
    doc = _doc(
        "# 포럼\n## 일정과 장소\nSFASS는 2025년 10월 28일에 개막했다. 장소는 서울 호텔 나루 엠갤러리이다.\n"
        "포럼은 10월 28일과 29일 이틀간 열렸고 첫째 날에는 네 개의 세션이 이어졌으며 둘째 날에는 MOU 체결식이 열렸다.\n## 참석\n국내외 학계·산업계·정부 관계자 150여 명이 참여해 AI 안전 거버넌스·평가·레드티밍의 "
        "방향성을 모색하는 국제적 플랫폼으로 자리 잡았다.\n", "ko")
    chunks = split_document(doc)
    assert [c.heading for c in chunks] == ["포럼 > 일정과 장소", "포럼 > 일정과 장소", "포럼 > 참석"]
    for c in chunks:
        assert doc.text[c.start:c.end] == c.text
        assert c.text in c.window
        assert not c.text.startswith("#")
    assert chunks[0].text == "SFASS는 2025년 10월 28일에 개막했다. 장소는 서울 호텔 나루 엠갤러리이다."
    assert chunks[1].text.startswith("포럼은 10월 28일과 29일 이틀간")
    assert "엠갤러리" in chunks[1].window  # the window reaches back to the previous sentences
    assert search_text(chunks[2]).startswith("참석: ")


def test_a_tables_rows_are_searched_with_its_header_row():
    header = "| Race | Start time | Entry fee |"
    doc = _doc(f"# Races\n\n{header}\n|---|---|---|\n| Half marathon | 08:00 | 50,000 won |\n"
               "| 10 km | 08:30 | 40,000 won |\n\nThere is no full marathon.\n", "en")
    chunks = split_document(doc)
    rows = [c for c in chunks if "won" in c.text and not c.text.startswith(header)]
    assert rows and all(c.columns == header and header in search_text(c) for c in rows)
    assert all(c.columns == "" for c in chunks if not c.text.startswith("|"))


def test_a_table_row_of_several_sentences_is_one_sentence_and_one_chunk():
    """A row is one record: the car park's fee stays with the car park it is the fee of."""
    row = "| On-site car park | 220 spaces. The first 2 hours are free; after that, KRW 1,000 per 30 minutes. |"
    doc = _doc(f"# Parking\n\n| Car park | Details |\n|---|---|\n{row}\n", "en")
    assert any(c.text == row for c in split_document(doc))
    assert len(split_sentences("A first sentence. A second one.\n" + row)) == 3


def test_split_english_one_to_three_sentences_per_chunk_never_across_lines():
    long = " ".join(f"Sentence number {i} talks about the forum programme in some detail." for i in range(5))
    short = "Day one. Day two. Lunch. Coffee."
    doc = _doc(f"# Programme\n{long}\n- {short}\n", "en")
    chunks = split_document(doc)
    assert all(1 <= len(split_sentences(c.text, "en")) <= 3 for c in chunks)
    assert [c.text for c in chunks][:5] == [
        f"Sentence number {i} talks about the forum programme in some detail." for i in range(5)]
    assert chunks[5].text == "Day one. Day two. Lunch."  # short sentences merge, three at most
    assert chunks[6].text == "Coffee." and all(c.chunk_id == f"d#{i:04d}" for i, c in enumerate(chunks))


def test_a_plain_text_file_keeps_its_short_lines(tmp_path):
    path = tmp_path / "schedule.txt"
    path.write_text("Day one\n10:00 Opening\nVenue: Coex Hall\n\nThe forum opens on 28 October.\n", encoding="utf-8")
    doc = load_file(path)
    assert doc.text.splitlines() == ["Day one", "10:00 Opening", "Venue: Coex Hall", "The forum opens on 28 October."]


def test_a_plain_text_list_items_indented_details_stay_with_the_item(tmp_path):
    """A notice pasted as plain text: the lines indented under "○ A노선" are that route's times, which say nothing of
    the route themselves; indented prose without a list item, and a detail after a blank line, stay lines of their
    own."""
    path = tmp_path / "shuttle.txt"
    path.write_text("셔틀버스 안내\n○ A노선: 영종역 ↔ 정문\n  운행시간 09:30~18:30, 15분 간격\n  토요일은 21:30까지 운행\n"
                    "○ B노선: 운서역 ↔ 2번 게이트\n\n  문의: 032-555-0920\n    The forum opens on 28 October.\n",
                    encoding="utf-8")
    assert load_file(path).text.splitlines() == [
        "셔틀버스 안내", "○ A노선: 영종역 ↔ 정문 운행시간 09:30~18:30, 15분 간격 토요일은 21:30까지 운행",
        "○ B노선: 운서역 ↔ 2번 게이트", "문의: 032-555-0920", "The forum opens on 28 October."]


def test_a_web_pages_text_keeps_its_characters_without_markdown_escapes(tmp_path):
    """The page's main text comes out of an extractor writing Markdown, which escapes "~", "*" and "|"; the
    document's text (and every quote of it) reads as the page does: "10월 16일~18일", not "16일\\~18일"."""
    path = tmp_path / "notice.html"
    path.write_text("<html><head><title>관람 안내</title></head><body><article><h1>관람 안내</h1>"
                    "<p>2026 화령강 유등축제(10월 16일~18일)를 찾아 주시는 관람객 여러분, 안전하고 즐거운 관람을 위해 "
                    "아래 안내사항을 꼭 확인해 주시기 바랍니다.</p><p>입장료는 성인 7,000원*이며 운영 시간은 16:30~23:30 "
                    "입니다. 자세한 내용은 축제 누리집을 참고해 주십시오.</p></article></body></html>", encoding="utf-8")
    text = load_file(path).text
    assert "10월 16일~18일" in text and "7,000원*" in text and "\\" not in text, text
