"""Analysis speed: docscreen's Scanner against stock Presidio, same documents, same run.

    python bench/analysis_speed.py [--corpus ../shared/corpus] [--docs 200] [--repeat 3]

Documents: the extracted text of the public resumes in ../shared/corpus/resumes and of the
fixture resumes and cover letters, cycled (paragraph order rotated) up to ``--docs``
resume-length texts. Extraction is done once beforehand; only analysis is timed.

* docscreen: ``Scanner.analyze_segments`` on the document's segments (normalisation, its rules,
  context, validation, masking and fingerprints included), as in production.
* stock Presidio: ``AnalyzerEngine`` with the same offline blank+lemma spaCy pipeline and
  Presidio's default English recognizers, on the document's text joined.

Prints the median and p90 ms per document for each and the ratio of medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

# Stock Presidio's e-mail recognizer uses tldextract, which fetches the public suffix list on
# first use. Nothing here may reach the network: an empty URL list makes tldextract use the
# snapshot it ships (set before anything imports it).
os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""

ROOT = Path(__file__).resolve().parent.parent


def documents(corpus: Path, n: int) -> list[list]:
    from docscreen import extract_path
    from docscreen.model import Segment

    files = sorted(p for p in (corpus / "resumes").rglob("*") if p.is_file())
    files += sorted(
        p for p in (ROOT / "fixtures" / "docs").glob("*/*") if p.is_file() and p.parent.name != "hidden"
    )
    base = []
    for f in files:
        segs = [s for s in extract_path(f).segments if s.location.part in ("page", "body")]
        if sum(len(s.text) for s in segs) > 300:
            base.append(segs)
    docs: list[list[Segment]] = []
    rotation = 0
    while len(docs) < n:
        for segs in base:
            if len(docs) >= n:
                break
            k = rotation % max(1, len(segs))
            docs.append(segs[k:] + segs[:k])
        rotation += 1
    return docs


def stock_presidio():
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from docscreen.analyze.nlp import build_nlp_engine

    nlp_engine = build_nlp_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


def time_each(fn, docs, repeat: int) -> list[float]:
    out = []
    for doc in docs:
        fn(doc)  # warm caches for this text
        best = min(_timed(fn, doc) for _ in range(repeat))
        out.append(best * 1000)
    return out


def _timed(fn, doc) -> float:
    start = time.perf_counter()
    fn(doc)
    return time.perf_counter() - start


def p90(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.9 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from docscreen.api import Scanner

    docs = documents(args.corpus, args.docs)
    chars = statistics.median(sum(len(s.text) for s in d) for d in docs)
    scanner = Scanner(fingerprint_key=b"analysis-speed-key-0123456789abc")
    stock = stock_presidio()
    texts = {id(d): "\n".join(s.text for s in d) for d in docs}

    ours = time_each(scanner.analyze_segments, docs, args.repeat)
    theirs = time_each(lambda d: stock.analyze(text=texts[id(d)], language="en"), docs, args.repeat)

    print(f"{len(docs)} documents, median {chars:.0f} characters; best of {args.repeat} per document")
    print(f"  {'engine':34} {'median ms':>10} {'p90 ms':>8}")
    print(f"  {'docscreen (all its rules)':34} {statistics.median(ours):>10.2f} {p90(ours):>8.2f}")
    print(f"  {'stock Presidio (blank+lemma)':34} {statistics.median(theirs):>10.2f} {p90(theirs):>8.2f}")
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"  ratio docscreen / stock: {ratio:.2f}")


if __name__ == "__main__":
    main()
