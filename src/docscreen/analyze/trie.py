"""One regex alternative for many words, factored by their common prefixes."""

from __future__ import annotations

import regex


def trie_pattern(words: list[str]) -> str:
    """One regex alternative for many labels, factored by common prefixes (a few hundred
    labels tried one by one at every line start cost half a millisecond a paragraph); a
    space in a label matches any run of spaces and tabs. The longest label wins where one is
    the start of another. Case is left to the caller's flags."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            unit = r"[ \t]+" if ch == " " else regex.escape(ch)
            alts.append(unit + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return emit(trie)
