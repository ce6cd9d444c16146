"""The one way docscreen parses XML from a document: no entities, no DTD, no network.

Every XML part an uploaded file carries (OOXML parts, XMP packets, content types) goes
through :func:`parse`, so an XXE probe or an entity-expansion bomb meets the same refusal
everywhere. Comments are dropped: they are not text a reader sees in these formats.
"""

from __future__ import annotations

from lxml import etree

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False, remove_comments=True
)

XMLSyntaxError = etree.XMLSyntaxError


def parse(data: bytes) -> etree._Element:
    """Parse ``data``; raises :class:`XMLSyntaxError` when it is not well-formed."""
    return etree.fromstring(data, _PARSER)
