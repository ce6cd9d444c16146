"""Masked previews and keyed fingerprints: the only forms a sensitive value is ever shown in."""

from __future__ import annotations

import os
import stat

import pytest

from docscreen.report.redact import Fingerprinter, load_key, mask


@pytest.mark.parametrize(
    ("value", "preview"),
    [
        ("123-45-6789", "***-**-6789"),
        ("4929 1234 5678 9012", "**** **** **** 9012"),
        ("DE89 3704 0044 0532 0130 00", "**** **** **** **** **30 00"),
        ("AB 12 34 56 C", "** ** *4 56 C"),
        ("1234567", "*******"),
        ("12345", "*****"),
        ("bipolar disorder", "b****** d*******"),
    ],
)
def test_mask(value: str, preview: str) -> None:
    assert mask(value) == preview


def test_mask_never_reveals_most_of_a_number() -> None:
    for value in ("536904399", "4111111111111111", "GB82WEST12345698765432"):
        shown = sum(c.isalnum() for c in mask(value) if c != "*")
        assert shown <= 4


def test_fingerprint_is_keyed_and_separator_insensitive() -> None:
    a = Fingerprinter(b"k" * 32)
    b = Fingerprinter(b"j" * 32)
    assert a("536-90-4399") == a("536904399") == a("536 90 4399")
    assert a("ab 12 34 56 c") == a("AB123456C")
    assert a("536-90-4399") != b("536-90-4399")
    assert a("536-90-4399").startswith("hmac-sha256:")
    assert "kkkk" not in repr(a)


def test_per_install_key_file_created_private_and_reused(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("DOCSCREEN_FINGERPRINT_KEY", raising=False)
    key_file = tmp_path / "conf" / "fingerprint.key"
    monkeypatch.setenv("DOCSCREEN_KEY_FILE", str(key_file))
    first = load_key()
    assert key_file.is_file()
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert load_key() == first and len(first) == 32


def test_key_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("DOCSCREEN_FINGERPRINT_KEY", "00" * 32)
    assert load_key() == bytes(32)
    monkeypatch.setenv("DOCSCREEN_FINGERPRINT_KEY", "not hex")
    with pytest.raises(ValueError):
        load_key()
