"""Ingest: decide what the bytes are and refuse what is over a limit, before any parser runs."""

from .guards import check_size, check_zip
from .sniff import KINDS, WORDPROCESSING, declared_mismatch, sniff

__all__ = ["KINDS", "WORDPROCESSING", "check_size", "check_zip", "declared_mismatch", "sniff"]
