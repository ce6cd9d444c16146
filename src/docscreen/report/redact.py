"""The one place that turns a raw sensitive value into something safe to show or store.

* :func:`mask` gives a preview that keeps the value's shape and only the last few characters
  of an identifier (``***-**-6789``), or only the first letter of each word of a phrase.
* :class:`Fingerprinter` gives a keyed fingerprint (HMAC-SHA256 over the value with its
  separators removed and letters upper-cased), so an allow-list can name a value without
  holding it and the same number written two ways gets the same fingerprint. Without the
  key a fingerprint cannot be tested against guesses (a 9-digit SSN space is small enough
  to brute-force an unkeyed hash).

The key comes from, in order: the ``key`` argument, ``$DOCSCREEN_FINGERPRINT_KEY`` (hex), or a
per-install key file (``$DOCSCREEN_KEY_FILE``, default ``~/.config/docscreen/fingerprint.key``)
created with mode 0600 on first use.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

from ..analyze.validators import compact

ENV_KEY = "DOCSCREEN_FINGERPRINT_KEY"
ENV_KEY_FILE = "DOCSCREEN_KEY_FILE"
DEFAULT_KEY_FILE = Path("~/.config/docscreen/fingerprint.key")
_FINGERPRINT_PREFIX = "hmac-sha256:"

def canonical(value: str) -> str:
    """The form that is fingerprinted: the validators' compact form (no separators, letters
    upper-cased), so a fingerprint names the same value a validator judged."""
    return compact(value)


def mask(value: str, *, keep: int = 4) -> str:
    """A preview that never holds enough of the value to be useful.

    Identifiers (mostly digits): every letter and digit becomes ``*`` except the last
    ``keep`` (none for values under 8 characters), separators stay: the last four of an SSN
    or a card is what receipts and statements already show. Phrases (mostly
    letters): each word keeps its first letter (``b****** d*******``).
    """
    alnum = [c for c in value if c.isalnum()]
    if not alnum:
        return "*" * len(value)
    digits = sum(c.isdigit() for c in alnum)
    if digits * 2 >= len(alnum):
        n = len(alnum)
        visible = 0 if n < 8 else keep
        out = []
        seen = 0
        for c in value:
            if c.isalnum():
                seen += 1
                out.append(c if seen > n - visible else "*")
            else:
                out.append(c)
        return "".join(out)
    return re.sub(r"\w+", lambda m: m.group(0)[0] + "*" * (len(m.group(0)) - 1), value)


class Fingerprinter:
    """Keyed fingerprints of values (HMAC-SHA256, hex, prefixed with the scheme)."""

    def __init__(self, key: bytes | None = None) -> None:
        self._key = key if key is not None else load_key()
        if len(self._key) < 16:
            raise ValueError("the fingerprint key must be at least 16 bytes")

    def __call__(self, value: str) -> str:
        digest = hmac.new(self._key, canonical(value).encode("utf-8"), hashlib.sha256).hexdigest()
        return _FINGERPRINT_PREFIX + digest

    def __repr__(self) -> str:  # the key never appears in a repr
        return "Fingerprinter(key=<hidden>)"


def load_key() -> bytes:
    env = os.environ.get(ENV_KEY, "").strip()
    if env:
        try:
            return bytes.fromhex(env)
        except ValueError:
            raise ValueError(f"${ENV_KEY} must be hex") from None
    path = Path(os.environ.get(ENV_KEY_FILE) or DEFAULT_KEY_FILE).expanduser()
    if path.is_file():
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex() + "\n")
    return key
