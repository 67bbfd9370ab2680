"""Read files into :class:`Document`s: Markdown (front matter), text, HTML, PDF, DOCX; NFC, page clutter removed."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from index.errors import BadDocumentError
from index.models import Document, DocumentMeta
from index.text import detect_lang, nfc

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".pdf", ".docx")
# What a file becomes is a function of its bytes and path alone; this names the code that makes it. A version
# built by the same loader lets a later build reuse the documents of files whose bytes did not change.
LOADER_VERSION = "2"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_SENTENCE_END = re.compile(r"[.!?。:：”\"')\]다요죠음됨함]$")
# A page's copyright notice starts its footer, even inside a paragraph of a copied page ("… © 2024 Site. All …").
_COPYRIGHT = re.compile(r"(©|\(c\)\s*\d{4}|all rights reserved|copyright\s+\d{4})", re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|`)")
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, when PyYAML was built with it: same results
_LINE_BREAKS = str.maketrans("", "", "\n\r\t")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")  # a backslash escaping a Markdown character
_LIST_ITEM = re.compile(r"(?:[-*•·○●◦▪■□▶►※]|\d{1,2}[.)]|[가-하][.)]|\(\d{1,2}\))\s")  # "○ ", "2) ", "가. "


def file_digest(data: bytes) -> str:
    """The fingerprint of a file's bytes (a manifest keeps it to know an unchanged file without loading it)."""
    return hashlib.sha256(data).hexdigest()


def content_hash(meta: DocumentMeta, text: str) -> str:
    """Hash of what a document contributes to the index (metadata and text)."""
    return hashlib.sha256((meta.model_dump_json() + "\n" + text).encode("utf-8")).hexdigest()


def make_document(meta: DocumentMeta, text: str, path: str | None) -> Document:
    """A :class:`Document` with NFC text and its content hash."""
    text = nfc(text).strip() + "\n"
    return Document(meta=meta, text=text, path=path, content_hash=content_hash(meta, text))


def load_file(path: Path, root: Path | None = None) -> Document:
    """Load one file; raise :class:`BadDocumentError` (file name and reason) when it is unusable."""
    name = str(path.relative_to(root)) if root and path.is_relative_to(root) else path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise BadDocumentError(
            name, f"unsupported file type {suffix or '(none)'!r}; use {', '.join(SUPPORTED_SUFFIXES)}",
            f"지원하지 않는 파일 형식입니다 ({suffix or '확장자 없음'})",
        )
    try:
        size = path.stat().st_size if path.is_file() else None
    except OSError:  # a name too long for the file system, a folder that cannot be entered
        size = None
    if size is None:
        raise BadDocumentError(name, "not a readable file", "읽을 수 있는 파일이 아닙니다")
    if size == 0:
        raise BadDocumentError(name, "empty file", "빈 파일입니다")
    if suffix == ".pdf":
        front, body, title = None, _pdf_text(path, name), None
    elif suffix == ".docx":
        front, body, title = None, _docx_text(path, name), None
    else:
        raw = _decode(path.read_bytes(), name)
        front, raw = _split_front_matter(raw, name) if suffix in (".md", ".markdown", ".txt") else (None, raw)
        if suffix in (".html", ".htm"):
            body, title = _html_text(raw)
        elif suffix == ".txt" and front is None:
            # a copy of a web page carries the site's copyright footer; other text files are kept line for line
            body, title = (clean_web_text(raw) if _COPYRIGHT.search(raw) else _plain_text(raw)), None
        else:
            body, title = _markdown_text(raw), None
    body = nfc(body).strip()
    if not body:
        raise BadDocumentError(name, "no text found in the file", "파일에서 텍스트를 찾지 못했습니다")
    meta = _meta(front, body, title, path, name)
    return make_document(meta, body, str(path))


def _meta(front: dict | None, body: str, title: str | None, path: Path, name: str) -> DocumentMeta:
    if front is not None:
        try:
            return DocumentMeta.model_validate({k: nfc(v) if isinstance(v, str) else v for k, v in front.items()})
        except ValidationError as exc:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'front matter'}: {e['msg']}" for e in exc.errors())
            raise BadDocumentError(name, f"bad front matter: {problems}", "머리말(front matter)이 잘못되었습니다") from exc
    lang = detect_lang(body)
    if lang is None:
        raise BadDocumentError(name, "no Korean or English text found", "한국어나 영어 텍스트가 없습니다")
    return DocumentMeta(id=doc_id_from_name(path.name), title=title or _first_line(body), lang=lang, source=path.name)


def doc_id_from_name(file_name: str) -> str:
    """A document id derived from a file name (for files without front matter)."""
    stem = nfc(Path(file_name).stem).lower()
    slug = re.sub(r"[^a-z0-9_.-]+", "-", stem).strip("-._")
    if not slug or not slug[0].isalnum():
        slug = "doc-" + hashlib.sha1(stem.encode("utf-8")).hexdigest()[:8]
    return slug


def _first_line(body: str) -> str:
    for line in body.splitlines():
        line = line.lstrip("#").strip()
        if line:
            return line[:120]
    return "untitled"


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise BadDocumentError(name, "binary data, not text", "텍스트가 아닌 바이너리 파일입니다")
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BadDocumentError(name, "not valid UTF-8 text", "UTF-8 텍스트가 아닙니다")
    printable = len(text) if text.translate(_LINE_BREAKS).isprintable() else sum(
        ch.isprintable() or ch in "\n\r\t" for ch in text)
    if printable < 0.95 * len(text):
        raise BadDocumentError(name, "binary data, not text", "텍스트가 아닌 바이너리 파일입니다")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_front_matter(raw: str, name: str) -> tuple[dict | None, str]:
    if not raw.startswith("---"):
        return None, raw
    match = _FRONT_MATTER.match(raw)
    if not match:
        raise BadDocumentError(name, "bad front matter: no closing '---' line", "머리말(front matter)이 닫히지 않았습니다")
    try:
        front = yaml.load(match.group(1), Loader=_YAML)  # a safe loader
    except yaml.YAMLError as exc:
        raise BadDocumentError(name, f"bad front matter: invalid YAML ({exc.__class__.__name__})",
                               "머리말(front matter)의 YAML이 잘못되었습니다") from exc
    if not isinstance(front, dict):
        raise BadDocumentError(name, "bad front matter: not a mapping of fields", "머리말(front matter)이 잘못되었습니다")
    return front, raw[match.end():]


def _markdown_text(raw: str) -> str:
    """Markdown with inline markup removed; heading lines (``#``) kept for the splitter."""
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL)
    raw = _MD_LINK.sub(r"\1", raw)
    return _MD_EMPHASIS.sub("", raw)


def _plain_text(raw: str) -> str:
    """Every non-empty line of a text file, spaces collapsed; the lines indented under a list item are its details
    and join it ("○ A노선: 영종역 ↔ 정문" / "  운행시간 09:30~18:30, 15분 간격": one line, so each detail keeps what
    it is about). A blank line ends an item."""
    kept: list[str] = []
    item_indent: int | None = None  # the indent of the list item the last kept line belongs to
    for line in raw.splitlines():
        text = re.sub(r"[ \t\u00a0]+", " ", line).strip()
        if not text:
            item_indent = None
            continue
        indent = len(line) - len(line.lstrip(" \t\u00a0"))
        if item_indent is not None and indent > item_indent:
            kept[-1] += f" {text}"
            continue
        kept.append(text)
        item_indent = indent if _LIST_ITEM.match(text) else None
    return "\n".join(kept)


def clean_web_text(raw: str) -> str:
    """Keep the prose of a plain-text copy of a web page; drop its chrome, whatever the site or language.

    Text has no markup for an extractor like trafilatura to judge, so the rule is about shape, not words:
    keep headings (``#``) and lines that read as prose (four words or more, or a sentence); drop the short
    labels, buttons, counters and dates around them, repeated lines, and everything from a copyright notice on."""
    kept: list[str] = []
    seen: set[str] = set()
    for line in raw.splitlines():
        line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
        footer = _COPYRIGHT.search(line)
        if footer:
            line = line[: footer.start()].strip()
        if not line or line in seen or not (line.startswith("#") or _is_prose(line)):
            continue
        seen.add(line)
        kept.append(line)
    return "\n".join(kept)


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= 4 or (len(words) >= 2 and bool(_SENTENCE_END.search(line)))


def _html_text(raw: str) -> tuple[str, str | None]:
    """The main text of a web page, found by trafilatura (menus, sidebars, footers and ads dropped), with its
    headings as Markdown ``#`` lines; the title is the page's ``<title>``."""
    import html

    import trafilatura

    match = _HTML_TITLE.search(raw)
    title = re.sub(r"\s+", " ", html.unescape(match.group(1))).strip() if match else None
    extracted = trafilatura.extract(raw, output_format="markdown", favor_precision=True, include_comments=False,
                                    include_tables=True, include_links=False, include_images=False)
    if not extracted:  # too little for trafilatura to call it an article: keep the page's prose lines
        return clean_web_text(trafilatura.html2txt(raw) or ""), title
    lines: list[str] = []
    for line in _markdown_text(extracted).splitlines():
        line = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)  # list bullets
        if line.lstrip().startswith("|"):  # a table row
            line = " | ".join(cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|")) if cell.strip())
        line = _MD_ESCAPE.sub(r"\1", line).strip()  # what the Markdown output escaped ("16일\~18일"), as written
        if line and not re.fullmatch(r"[-|: ]+", line):
            lines.append(line)
    if title is None:
        title = next((ln.lstrip("#").strip() for ln in lines if ln.startswith("#")), None)
    return "\n".join(lines), title


def _pdf_text(path: Path, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a broken file is reported as skipped, not logged
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadDocumentError(name, "the PDF is password-protected", "암호가 걸린 PDF입니다")
        pages = [page.extract_text() or "" for page in reader.pages]
    except BadDocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise BadDocumentError(name, f"corrupt or unreadable PDF ({exc.__class__.__name__})",
                               "손상되었거나 읽을 수 없는 PDF입니다") from exc
    return "\n\n".join(reflow(p) for p in pages)


def reflow(text: str) -> str:
    """Join hard-wrapped lines (as PDFs extract) into paragraphs; blank lines separate paragraphs."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
        joined = ""
        for ln in lines:
            if not joined:
                joined = ln
            elif joined.endswith("-") and ln[:1].islower():
                joined = joined[:-1] + ln
            elif re.search(r"[.!?。다]$", joined) and len(ln) < 60 and not re.search(r"[.!?。다]$", ln):
                joined += "\n" + ln  # a short unterminated line after a sentence: a heading or list item
            else:
                joined += " " + ln
        paragraphs.append(joined)
    return "\n".join(p for p in paragraphs if p)


def _docx_text(path: Path, name: str) -> str:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise BadDocumentError(name, f"corrupt or unreadable DOCX ({exc.__class__.__name__})",
                               "손상되었거나 읽을 수 없는 DOCX입니다") from exc
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        level = re.match(r"Heading (\d)", style)
        if style == "Title":
            lines.append("# " + text)
        elif level:
            lines.append("#" * min(int(level.group(1)), 6) + " " + text)
        else:
            lines.append(text)
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                lines.append(" | ".join(dict.fromkeys(cells)))
    return "\n".join(lines)
