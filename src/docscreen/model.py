"""The core data model: frozen dataclasses shared by every layer.

Extractors produce :class:`Segment` s with a :class:`Location`; problems that stop a document
from being read fully are :class:`ScanError` records with a stable code; everything about one
document is an :class:`ExtractedDocument`.

Location vocabulary (``Location.part``), shared by all formats:

=================  =========================================================================
part               where the text was
=================  =========================================================================
``body``           main text flow (DOCX body paragraphs and table cells, plain text)
``page``           PDF page text (``page`` is 1-based)
``header``         DOCX header (``section`` 1-based, ``detail`` default / first / even)
``footer``         DOCX footer (same)
``footnote``       DOCX footnote
``endnote``        DOCX endnote
``comment``        DOCX comment, PDF annotation of type Text / Popup (sticky notes)
``textbox``        DOCX text box or shape text (DrawingML ``wps:txbx`` or VML ``v:textbox``)
``alt_text``       image / shape description and title (DOCX ``wp:docPr``)
``field_code``     DOCX field instructions (``w:instrText``, ``w:fldSimple/@w:instr``)
``link``           hyperlink targets (DOCX external relationships, PDF URI actions)
``annotation``     PDF annotation text other than comments (FreeText, markup, ...)
``form_field``     PDF AcroForm field names, tooltips and values; DOCX form-field defaults
``metadata``       document properties (PDF info and XMP, DOCX core / app / custom);
                   ``detail`` names the property
``outline``        PDF bookmarks
``attachment``     the *name* and description of an embedded file (its content is extracted
                   as segments whose ``container`` names the attachment)
=================  =========================================================================

``Segment.flags`` say that (some of) the segment's text was shown in a way a reader may not
see: ``deleted`` (a tracked deletion: the segment is the DOCX paragraph as it was before the
change), ``hidden`` (``w:vanish``, HTML ``display:none`` / ``hidden``), ``white_text`` and
``tiny_text`` (formatting that hides text from the eye, not from a parser).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import ErrorCode

PARTS = frozenset(
    {
        "body",
        "page",
        "header",
        "footer",
        "footnote",
        "endnote",
        "comment",
        "textbox",
        "alt_text",
        "field_code",
        "link",
        "annotation",
        "form_field",
        "metadata",
        "outline",
        "attachment",
    }
)

FLAGS = frozenset({"deleted", "hidden", "white_text", "tiny_text"})


@dataclass(frozen=True)
class Location:
    """Where a segment of text lives in a document."""

    part: str
    #: 1-based PDF page (None where pages are not known, e.g. DOCX).
    page: int | None = None
    #: Ordinal of the segment within its part (0-based, document order).
    index: int = 0
    #: 1-based DOCX section for headers and footers.
    section: int | None = None
    #: Finer place: ``table 1 r2c3``, ``first``, ``core:title``, ``/FreeText``...
    #: Never document text.
    detail: str | None = None
    #: Chain of containers for embedded documents, outermost first, e.g.
    #: ``("attachment#1",)`` or ``("embedding#2", "attachment#1")``. Never file names.
    container: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.part not in PARTS:
            raise ValueError(f"unknown part {self.part!r}")

    def nested(self, container: str) -> "Location":
        """This location as seen from a document that embeds its document."""
        return Location(
            part=self.part,
            page=self.page,
            index=self.index,
            section=self.section,
            detail=self.detail,
            container=(container, *self.container),
        )

    def describe(self) -> str:
        bits = [*self.container, self.part]
        if self.section is not None:
            bits.append(f"section {self.section}")
        if self.page is not None:
            bits.append(f"page {self.page}")
        if self.detail:
            bits.append(self.detail)
        return " / ".join(bits)

    def to_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "page": self.page,
            "index": self.index,
            "section": self.section,
            "detail": self.detail,
            "container": list(self.container),
        }


@dataclass(frozen=True)
class Segment:
    """A piece of text a reader (or a parser) can see, and where it is."""

    text: str
    location: Location
    flags: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        unknown = set(self.flags) - FLAGS
        if unknown:
            raise ValueError(f"unknown segment flags {sorted(unknown)}")
        if type(self.text) is not str:
            # A str subclass from a parser (pypdf's TextStringObject) is made a plain str:
            # spaCy's tokenizer refuses anything else.
            object.__setattr__(self, "text", str(self.text))

    def nested(self, container: str) -> "Segment":
        return Segment(self.text, self.location.nested(container), self.flags)

    def __repr__(self) -> str:
        # The text is never shown in a repr (reprs end up in logs and tracebacks).
        return (
            f"Segment(location={self.location.describe()!r}, chars={len(self.text)}, "
            f"flags={sorted(self.flags)})"
        )


@dataclass(frozen=True)
class ScanError:
    """A reason why a document (or a part of it) was not read fully. Never document text."""

    code: ErrorCode
    message: str
    location: Location | None = None

    def nested(self, container: str) -> "ScanError":
        loc = self.location.nested(container) if self.location else Location(
            "attachment", container=(container,)
        )
        return ScanError(self.code, self.message, loc)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code.value,
            "message": self.message,
            "location": self.location.to_dict() if self.location else None,
        }


@dataclass(frozen=True)
class Detection:
    """What the bytes are, decided from the bytes alone."""

    #: One of ``docscreen.ingest.sniff.KINDS`` (``pdf``, ``docx``, ``doc``, ``txt``...).
    kind: str
    #: The MIME type that goes with ``kind``.
    mime: str
    #: Text encoding for ``txt`` / ``html`` / ``rtf`` (None for binary formats).
    encoding: str | None = None


@dataclass(frozen=True)
class ExtractedDocument:
    """Everything extraction produced for one document (embedded documents flattened in)."""

    detection: Detection
    segments: tuple[Segment, ...]
    #: Reasons the document was not read fully. Empty means every part was read.
    errors: tuple[ScanError, ...] = ()
    #: Notes that do not make the document incomplete (declared type differs, a recovered
    #: parser problem, ...). Never document text.
    warnings: tuple[str, ...] = ()
    #: Number of pages (PDF) where known.
    pages: int | None = None
    #: Embedded documents that were extracted (their segments are in ``segments``).
    embedded: int = 0
    #: Size in bytes and SHA-256 (hex) of the document as handed in (None when unreadable).
    size: int | None = None
    sha256: str | None = None

    @property
    def complete(self) -> bool:
        return not self.errors

    @property
    def char_count(self) -> int:
        return sum(len(s.text) for s in self.segments)

    def text_of(self, part: str) -> str:
        """All text of one part, in order (a convenience for tests and tools)."""
        return "\n".join(s.text for s in self.segments if s.location.part == part)

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments)


#: How a special-category disclosure was decided (``Finding.pattern``), in words.
_DISCLOSURE_DECISIONS = {
    "form_field": "a form field with a value ({cue})",
    "disclosure_cue": "a term with the disclosure cue '{cue}' next to it",
    "membership": "an organisation or role with the membership cue '{cue}'",
    "phrase": "a self-contained disclosure phrase, no professional cue in the sentence",
    "phrase_at_work": "a self-contained disclosure phrase in a sentence with the job-duty verb '{cue}' (a document of that work drops it)",
    "phrase_line": "a self-contained disclosure phrase in a sentence with no person word (a document of that work drops it)",
    "listed": "an organisation or role listed on its own (a resume line), no professional cue",
    "person": "a term in a sentence about the candidate ('{cue}'), no professional cue",
    "person_close": "a term right after 'I was/got/did ...', no professional cue",
    "unqualified": "a status term on a short line of its own, no cue either way",
    "corroborated": "two different terms of the category in one first-person sentence",
    "classifier": "a term the rules left undecided; {cue}",
    "statement": "a sentence about the candidate that no rule decided; {cue}",
    "statement_line": "a resume line that no rule decided, with a term or cue of the category; {cue}",
    "sure": "a sentence no rule decided and no other reading reached, which the classifier is sure of; {cue}",
    "script_form": "a form field in another script with a value ({cue})",
    "script_cue": "a term in another script with the category's cue '{cue}' in its sentence, no work word",
    "script_self": "a term in another script in a first-person sentence ('{cue}'), no work word",
    "script_line": "a term in another script opening a short status line, no work word",
}


@dataclass(frozen=True)
class Finding:
    """One piece of prohibited data found in a document. Never holds the raw value."""

    category: str
    entity_type: str
    score: float
    location: Location
    #: Character span in the *original* segment text (not the normalised one).
    start: int
    end: int
    #: The rule and pattern that fired (``us_ssn`` / ``grouped``).
    rule: str
    pattern: str | None
    #: The validator that checked the value and its result (None: no validator).
    validator: str | None
    validated: bool | None
    #: The whole-word cue that raised (``context``) or lowered (``negative_context``) the score.
    context: str | None
    negative_context: str | None
    #: A masked preview (``***-**-6789``) and a keyed fingerprint for allow-lists.
    preview: str
    fingerprint: str
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def explanation(self) -> str:
        why = _DISCLOSURE_DECISIONS.get(self.pattern or "") if self.validator is None else None
        if why is not None:
            text = f"rule {self.rule}: " + why.format(cue=self.context or "", negative=self.negative_context or "")
            if self.negative_context and "{negative}" not in why:
                text += f" (a professional or other cue was weighed: {self.negative_context!r})"
            return text
        bits = [f"rule {self.rule}" + (f" ({self.pattern})" if self.pattern else "")]
        if self.validator:
            bits.append(f"{self.validator} {'passed' if self.validated else 'not checked'}")
        if self.context:
            bits.append(f"raised by context {self.context!r}")
        if self.negative_context:
            bits.append(f"lowered by context {self.negative_context!r}")
        return "; ".join(bits)

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "entity_type": self.entity_type,
            "score": round(self.score, 3),
            "location": {**self.location.to_dict(), "start": self.start, "end": self.end},
            "preview": self.preview,
            "rule": self.rule,
            "pattern": self.pattern,
            "validator": self.validator,
            "validated": self.validated,
            "context": self.context,
            "negative_context": self.negative_context,
            "explanation": self.explanation,
            "fingerprint": self.fingerprint,
            "flags": sorted(self.flags),
        }


@dataclass(frozen=True)
class ScanResult:
    """What the library returns for one document: what was read and what was found."""

    document: ExtractedDocument
    findings: tuple[Finding, ...]
    #: Seconds spent extracting and analysing.
    timings: dict[str, float] = field(default_factory=dict, compare=False)
