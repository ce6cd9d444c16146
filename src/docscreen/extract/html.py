"""HTML (a resume saved as a web page, or an HTML altChunk inside a DOCX).

Uses the standard library's tolerant parser. Reads block text (one segment per block-level
element's text run), comments, the title and ``<meta content>``, ``alt`` / ``title`` attributes,
form values and placeholders, link targets, and JSON(-LD) data blocks. Scripts and styles are
code, not text, and are skipped. Text in elements hidden with the ``hidden`` attribute or an
inline ``display:none`` / ``visibility:hidden`` style is read and flagged ``hidden``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..model import Detection, Location
from .base import Budget, Counter, ExtractResult
from .text import decode_text

_BLOCK = {
    "address", "article", "aside", "blockquote", "body", "br", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "html", "head",
}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DATA_SCRIPT = re.compile(r"json", re.I)


class _Collector(HTMLParser):
    def __init__(self, result: ExtractResult, budget: Budget) -> None:
        super().__init__(convert_charrefs=True)
        self.result = result
        self.budget = budget
        self.index = Counter()
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden)
        self.buffer: list[str] = []
        self.buffer_hidden = False
        self.skip_depth = 0  # inside <script>/<style> that is code
        self.data_script = False
        self.in_title = False

    # -- helpers -----------------------------------------------------------------------
    @property
    def hidden(self) -> bool:
        return any(h for _t, h in self.stack)

    def emit(self, text: str, part: str, detail: str | None = None, flags=frozenset()) -> None:
        if text and text.strip():
            self.result.add(
                " ".join(text.split()) if part != "body" else _tidy(text),
                Location(part, index=self.index(part), detail=detail),
                self.budget,
                flags,
            )

    def flush(self) -> None:
        if self.buffer:
            flags = frozenset({"hidden"}) if self.buffer_hidden else frozenset()
            self.emit("".join(self.buffer), "body", flags=flags)
        self.buffer = []
        self.buffer_hidden = False

    # -- parser callbacks --------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in ("script", "style", "template"):
            if tag == "script" and _DATA_SCRIPT.search(a.get("type", "")):
                self.flush()
                self.data_script = True
            else:
                self.skip_depth += 1
            return
        if tag in _BLOCK:
            self.flush()
        hidden = "hidden" in a or bool(_HIDDEN_STYLE.search(a.get("style", ""))) or a.get("type") == "hidden"
        if tag == "title":
            self.in_title = True
        if tag == "meta" and a.get("content"):
            name = a.get("name") or a.get("property") or a.get("http-equiv") or "meta"
            self.emit(a["content"], "metadata", detail=f"meta:{name[:40]}")
        for attr in ("alt", "title", "aria-label"):
            if a.get(attr):
                self.emit(a[attr], "alt_text", detail=f"{tag} {attr}")
        if tag in ("input", "textarea", "select", "option", "button"):
            for attr in ("value", "placeholder"):
                if a.get(attr) and a.get("type") not in ("submit", "button", "checkbox", "radio"):
                    flags = frozenset({"hidden"}) if hidden else frozenset()
                    self.emit(a[attr], "form_field", detail=f"{tag} {attr}", flags=flags)
        if tag in ("a", "area", "link", "form", "iframe") and (a.get("href") or a.get("action") or a.get("src")):
            target = a.get("href") or a.get("action") or a.get("src") or ""
            if target.lower().startswith(("mailto:", "tel:", "http", "sms:")):
                self.emit(target, "link", detail=tag)
        if tag not in _VOID:
            self.stack.append((tag, hidden))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            if self.data_script and tag == "script":
                self.flush()
                self.data_script = False
            elif self.skip_depth:
                self.skip_depth -= 1
            return
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK:
            self.flush()
        # Pop to the matching tag (tolerant of unclosed elements).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.in_title:
            self.emit(data, "metadata", detail="title")
            return
        if self.data_script:
            self.emit(data, "metadata", detail="json data block")
            return
        self.buffer.append(data)
        if self.hidden and data.strip():
            self.buffer_hidden = True

    def handle_comment(self, data: str) -> None:
        self.emit(data, "comment", detail="html comment")


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def extract_html(data: bytes, detection: Detection, budget: Budget) -> ExtractResult:
    text, _enc = decode_text(data, detection.encoding)
    result = ExtractResult()
    parser = _Collector(result, budget)
    step = 64 * 1024
    for i in range(0, len(text), step):
        budget.check_time("HTML")
        parser.feed(text[i : i + step])
        if budget.exhausted:
            break
    parser.close()
    parser.flush()
    return result
