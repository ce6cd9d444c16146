"""JSON Lines: one ``document`` report a line, in input order, then one ``summary`` line."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def line(report: Mapping[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, separators=(",", ":"))
