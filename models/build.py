#!/usr/bin/env python
"""Build docscreen's offline spaCy pipeline: a blank English tokenizer plus a lookup lemmatizer.

Usage::

    pip install spacy-lookups-data        # build-time only; nothing at run or test time needs it
    python models/build.py [--out models/en_docscreen]

The pipeline is ``spacy.blank("en")`` + the ``lemmatizer`` pipe in ``lookup`` mode. Its only table,
``lemma_lookup`` (all that lookup mode requires), is taken from spacy-lookups-data's English data
and saved inside the pipeline directory, so loading it needs neither that package nor the network.

Two deterministic changes to the upstream table. First, for every all-lowercase form in it, the
same form with its first letter capitalised maps to the same lemma ("Churches" -> "church",
"Was" -> "be"), unless the table already has that capitalised form. spaCy's lookup lemmatizer
matches the token text case-sensitively, and resumes are full of sentence-initial and Title Case
words. All-capitals variants are *not* added: they would turn acronyms into words ("AIDS"
would become "aid"). Second, a few entries where the table, having no part of speech to go by,
picks the reading that is almost never meant are corrected (see ``OVERRIDES``: "number" is
"numb" + "-er" upstream). ``--plain`` builds spacy-lookups-data's table exactly as it is.

The build is deterministic: the same spaCy and spacy-lookups-data versions give byte-identical
files. The output directory is replaced as a whole (a stale file cannot survive a rebuild), and
the script refuses to replace a directory that does not look like a previous build.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "en_docscreen"

PIPELINE_NAME = "docscreen"  # spaCy names the package "<lang>_<name>": en_docscreen
PIPELINE_VERSION = "1.0.0"
# Any spaCy 3.8.x reads the files; without this spaCy would record the builder's exact patch
# version as the minimum and warn (W095) on every load with an older 3.8.
SPACY_VERSION_RANGE = ">=3.8.0,<3.9.0"
LOOKUPS_URL = "https://github.com/explosion/spacy-lookups-data"

# form -> lemma, applied last. Only forms whose upstream lemma is a reading that resumes and
# cover letters practically never mean, and that a recognizer's context word would need.
OVERRIDES = {
    "number": "number",  # upstream "numb" (comparative of the adjective)
    "Number": "number",
    "does": "do",  # upstream "doe" (plural of the deer)
    "Does": "do",
}

INSTALL_HINT = (
    "spacy-lookups-data is needed to build the pipeline (and only to build it).\n"
    "Install it into the environment that runs this script:\n\n"
    "    pip install spacy-lookups-data\n"
)


def _import_build_deps():
    try:
        import spacy_lookups_data  # noqa: F401
    except ImportError:
        sys.exit(f"error: cannot import spacy_lookups_data.\n{INSTALL_HINT}")
    import spacy

    return spacy, spacy_lookups_data


def _lookups_version() -> str:
    from importlib.metadata import version

    return version("spacy-lookups-data")


def _find_licence_texts(spacy_lookups_data) -> dict[str, str]:
    """The licence texts, read from the installed spacy-lookups-data."""
    from importlib.metadata import PackageNotFoundError, files

    pkg_dir = Path(spacy_lookups_data.__file__).resolve().parent
    en_notice = pkg_dir / "data" / "en_license.txt"
    mit = None
    try:
        for f in files("spacy-lookups-data") or []:
            if f.name.upper().startswith("LICEN") and "dist-info" in str(f.parent):
                mit = Path(f.locate())
                break
    except PackageNotFoundError:
        pass
    if mit is None or not mit.is_file() or not en_notice.is_file():
        sys.exit(
            "error: could not find the licence files of spacy-lookups-data "
            f"(looked for {en_notice} and the dist-info LICENSE); reinstall it.\n{INSTALL_HINT}"
        )
    return {
        "LICENSE.spacy-lookups-data.txt": mit.read_text(encoding="utf-8"),
        "LICENSE.en-data.WordNet-3.0.txt": en_notice.read_text(encoding="utf-8"),
    }


def load_lemma_lookup(spacy) -> dict[str, str]:
    """spacy-lookups-data's English ``lemma_lookup`` table as a plain dict."""
    from spacy.util import load_language_data, registry

    tables = registry.lookups.get("en")  # spacy-lookups-data's entry point: table name -> path
    data = load_language_data(tables["lemma_lookup"])  # reads the .json.gz it ships
    if not isinstance(data, dict) or not data:
        sys.exit("error: spacy-lookups-data's English lemma_lookup table is empty or unreadable")
    return data


def add_title_case(table: dict[str, str]) -> tuple[dict[str, str], int]:
    """Add "Form" -> lemma for every all-lowercase "form" -> lemma not already present."""
    out = dict(table)
    added = 0
    for form in sorted(table):
        lemma = table[form]
        if not form[:1].isalpha() or form != form.lower():
            continue
        title = form[:1].upper() + form[1:]
        if title != form and title not in out:
            out[title] = lemma
            added += 1
    return out, added


def apply_overrides(table: dict[str, str]) -> dict[str, str]:
    """Apply OVERRIDES; returns {form: upstream lemma or None} for the entries it changed."""
    changed = {}
    for form, lemma in OVERRIDES.items():
        if table.get(form) != lemma:
            changed[form] = table.get(form)
            table[form] = lemma
    return changed


def _sha256_json(data: dict) -> str:
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def build(out: Path, plain: bool = False) -> Path:
    spacy, spacy_lookups_data = _import_build_deps()
    from spacy.lookups import Lookups

    upstream = load_lemma_lookup(spacy)
    if plain:
        table, added, overridden = dict(upstream), 0, {}
    else:
        table, added = add_title_case(upstream)
        overridden = apply_overrides(table)
    licences = _find_licence_texts(spacy_lookups_data)

    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    required, optional = lemmatizer.get_lookups_config("lookup")
    if required != ["lemma_lookup"] or optional:
        sys.exit(f"error: this spaCy's lookup lemmatizer wants tables {required} + {optional}")
    lookups = Lookups()
    # Sorted insertion: the serialised table does not depend on the source file's order.
    lookups.add_table("lemma_lookup", {k: table[k] for k in sorted(table)})
    lemmatizer.initialize(lookups=lookups)

    lookups_version = _lookups_version()
    derivation = (
        "unchanged"
        if plain
        else (
            f"plus {added} capitalised variants of its lowercase forms (same lemmas) and "
            f"{len(overridden)} corrected entries ({', '.join(sorted(overridden))}), "
            "both added by models/build.py"
        )
    )
    nlp.meta.update(
        {
            "name": PIPELINE_NAME,
            "version": PIPELINE_VERSION,
            "spacy_version": SPACY_VERSION_RANGE,
            "description": (
                "docscreen's offline pipeline: spaCy's blank English tokenizer plus a lookup "
                "lemmatizer, for Presidio's context enhancement. No tagger, parser, NER or "
                "vectors. The lemma_lookup table is spacy-lookups-data "
                f"{lookups_version}'s English table (MIT-licensed package; its English data "
                f"carries the WordNet 3.0 notice), {derivation}. Rebuild: python models/build.py"
            ),
            "author": "docscreen",
            "url": "",
            "email": "",
            "license": (
                "MIT (spacy-lookups-data) and WordNet 3.0 notice (English data); "
                "see LICENSE.*.txt"
            ),
            "sources": [
                {
                    "name": "spacy-lookups-data",
                    "version": lookups_version,
                    "url": LOOKUPS_URL,
                    "license": "MIT",
                    "tables": ["en/lemma_lookup"],
                    "upstream_entries": len(upstream),
                    "upstream_sha256": _sha256_json(upstream),
                    "title_case_variants_added": added,
                    "overrides": {f: [was, OVERRIDES[f]] for f, was in sorted(overridden.items())},
                    "notice": "English data: WordNet 3.0 licence (LICENSE.en-data.WordNet-3.0.txt)",
                }
            ],
        }
    )

    out = out.resolve()
    _check_replaceable(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".en_docscreen-", dir=out.parent) as tmp:
        staging = Path(tmp) / "pipeline"
        nlp.to_disk(staging)
        for name, text in licences.items():
            (staging / name).write_text(text, encoding="utf-8")
        _verify(spacy, staging)
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    return out


def _check_replaceable(out: Path) -> None:
    """Refuse to delete a directory that is not empty and not a previous build."""
    if not out.exists():
        return
    if not out.is_dir():
        sys.exit(f"error: {out} exists and is not a directory")
    if not any(out.iterdir()):
        return
    meta = out / "meta.json"
    try:
        name = json.loads(meta.read_text(encoding="utf-8")).get("name")
    except (OSError, ValueError):
        name = None
    if name != PIPELINE_NAME:
        sys.exit(
            f"error: {out} is not empty and is not a previous docscreen pipeline build "
            "(no meta.json naming it); refusing to replace it"
        )


def _verify(spacy, path: Path) -> None:
    """Load what was written and lemmatise a few words, or fail the build."""
    nlp = spacy.load(path)
    got = [t.lemma_ for t in nlp("was diagnosed members")]
    if got != ["be", "diagnose", "member"]:
        sys.exit(f"error: the built pipeline lemmatises wrongly: {got}")


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"output directory (default: {DEFAULT_OUT.relative_to(HERE.parent)})",
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help="keep spacy-lookups-data's table exactly as it is (no capitalised variants, "
        "no overrides)",
    )
    args = parser.parse_args(argv)
    out = build(args.out, plain=args.plain)
    size = dir_size(out)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    print(f"built {out}")
    for p in files:
        print(f"  {p.stat().st_size:>9,d}  {p.relative_to(out)}")
    print(f"size of {out}: {size:,d} bytes ({size / 1e6:.2f} MB) in {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
