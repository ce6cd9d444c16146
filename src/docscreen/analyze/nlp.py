"""docscreen's offline spaCy pipeline, and the Presidio NLP engine built on it.

The pipeline (``models/en_docscreen``, built by ``models/build.py``) is spaCy's blank English
tokenizer plus a lookup lemmatizer: no tagger, parser, NER or vectors. Presidio needs it for one
thing, context enhancement: :class:`~presidio_analyzer.LemmaContextAwareEnhancer` compares the
*lemmas* of the words before a match with each recognizer's ``context`` words. A blank pipeline
without a lemmatizer gives every token the lemma ``""``, which silently turns context
enhancement off, so :func:`load_nlp` refuses a pipeline without one.

Nothing here downloads anything: the pipeline is read from a local directory, and the engine
built by :func:`build_nlp_engine` loads it through :func:`load_nlp` instead of Presidio's loader
(which would call ``spacy.cli.download`` for a name that is neither an installed package nor an
existing path).

Writing context words for recognizers: Presidio lowercases the lemmas of the (up to five) words
before a match, drops stop words and the lemma "be", and by default a context word matches a
lemma that *contains* it. So write context words as lowercase lemmas ("diagnose", "convict",
"member"), not inflected forms: "diagnosed" would not match the lemma "diagnose". The lookup
table has quirks ("data" -> "datum", "does" -> "doe"); check a word with
``[t.lemma_ for t in load_nlp()(text)]``.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import spacy
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
from presidio_analyzer.nlp_engine.ner_model_configuration import (
    MODEL_TO_PRESIDIO_ENTITY_MAPPING,
)
from spacy.language import Language

__all__ = [
    "DEFAULT_MODEL_DIR",
    "ENV_VAR",
    "LANGUAGE",
    "MODEL_DIR",
    "OfflineSpacyNlpEngine",
    "build_nlp_engine",
    "clear_cache",
    "load_nlp",
    "model_dir",
]

#: Environment variable that overrides where the pipeline directory is.
ENV_VAR = "DOCSCREEN_MODEL_DIR"
#: The pipeline directory inside the repository (the package is installed editable):
#: <repo>/src/docscreen/analyze/nlp.py -> <repo>/models/en_docscreen
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / "en_docscreen"
#: The language code the pipeline and the engine serve.
LANGUAGE = "en"

_REBUILD_HINT = (
    "Build it with `python models/build.py` from the repository root (that needs "
    "`pip install spacy-lookups-data`, at build time only), or set "
    f"{ENV_VAR} to the directory of a built copy."
)


def model_dir() -> Path:
    """The pipeline directory: ``$DOCSCREEN_MODEL_DIR`` if set, else :data:`DEFAULT_MODEL_DIR`.

    Read at each call, so setting the variable after import works.
    """
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env).expanduser().resolve() if env else DEFAULT_MODEL_DIR


#: The pipeline directory as resolved when this module was imported (see :func:`model_dir`).
MODEL_DIR = model_dir()


def _checked_dir(path: str | os.PathLike[str] | None) -> Path:
    """The absolute pipeline directory, or a FileNotFoundError that says how to build it."""
    p = model_dir() if path is None else Path(path).expanduser().resolve()
    if not p.is_dir():
        raise FileNotFoundError(
            f"docscreen's spaCy pipeline directory {p} does not exist. {_REBUILD_HINT}"
        )
    missing = [name for name in ("config.cfg", "meta.json") if not (p / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"{p} is not a built spaCy pipeline (missing {', '.join(missing)}). {_REBUILD_HINT}"
        )
    return p


_cache: dict[Path, Language] = {}
_lock = threading.Lock()


def load_nlp(path: str | os.PathLike[str] | None = None) -> Language:
    """Load the offline pipeline (once per process and directory; later calls share it).

    :param path: the pipeline directory; default :func:`model_dir`.
    :raises FileNotFoundError: the directory is missing or not a built pipeline.
    :raises ValueError: the pipeline has no lemmatizer (context enhancement would be off).

    The returned :class:`spacy.language.Language` is shared with every engine built by
    :func:`build_nlp_engine`: do not add or remove pipes on it.
    """
    p = _checked_dir(path)
    with _lock:
        nlp = _cache.get(p)
        if nlp is None:
            nlp = spacy.load(p)
            if "lemmatizer" not in nlp.pipe_names:
                raise ValueError(
                    f"the spaCy pipeline in {p} has no lemmatizer (pipes: {nlp.pipe_names}); "
                    "Presidio's context enhancement would silently do nothing. " + _REBUILD_HINT
                )
            _cache[p] = nlp
    return nlp


def clear_cache() -> None:
    """Forget loaded pipelines (tests use it to load cold)."""
    with _lock:
        _cache.clear()


def _no_ner_configuration() -> NerModelConfiguration:
    """A NER configuration that is honest about a pipeline without NER.

    The pipeline never produces entities, so Presidio's label handling never runs (and never
    warns about unmapped labels). Every label is ignored, so the engine reports no supported
    entities instead of the default mapping's PERSON, LOCATION, ...; the mapping itself stays
    non-empty because :meth:`SpacyNlpEngine.get_supported_entities` raises on an empty one.
    """
    mapping = dict(MODEL_TO_PRESIDIO_ENTITY_MAPPING)
    ignore = sorted(set(mapping) | set(mapping.values()))
    return NerModelConfiguration(model_to_presidio_entity_mapping=mapping, labels_to_ignore=ignore)


class OfflineSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine, loading only docscreen's local pipeline and never downloading.

    Differences from :class:`SpacyNlpEngine`: :meth:`load` takes each model's ``model_name`` as
    a directory and loads it through :func:`load_nlp` (shared, cached; no download check, no
    GPU probe, which would try to import torch), and the download hook raises instead of
    calling ``spacy.cli.download``. Everything else (tokens, lemmas, stop words, NLP artifacts)
    is Presidio's own code.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None):
        p = _checked_dir(path)
        super().__init__(
            models=[{"lang_code": LANGUAGE, "model_name": str(p)}],
            ner_model_configuration=_no_ner_configuration(),
        )

    def load(self) -> None:
        """Load each configured pipeline directory (no download, no GPU probe)."""
        nlp = {}
        for model in self.models:
            self._validate_model_params(model)
            nlp[model["lang_code"]] = load_nlp(model["model_name"])
        self.nlp = nlp

    @staticmethod
    def _download_spacy_model_if_needed(model_name: str) -> None:
        raise RuntimeError(
            f"docscreen never downloads spaCy models (asked for {model_name!r}). {_REBUILD_HINT}"
        )


def build_nlp_engine(path: str | os.PathLike[str] | None = None) -> OfflineSpacyNlpEngine:
    """A loaded Presidio NLP engine on the offline pipeline, for ``AnalyzerEngine(nlp_engine=...)``.

    Each call returns a new engine; the spaCy pipeline under it is loaded once per process
    (see :func:`load_nlp`).

    Pass it with an explicit registry that already holds docscreen's recognizers:
    ``AnalyzerEngine`` loads Presidio's predefined recognizers into a registry that is empty.

    :raises FileNotFoundError: the pipeline directory is missing or not a built pipeline.
    """
    engine = OfflineSpacyNlpEngine(path)
    engine.load()
    return engine
