#!/usr/bin/env python
"""Coverage of the special-category term lists on public labelled text (../shared/corpus/labeled).

These are not resume sentences (PubMed abstracts, template sentences, synthetic chat), so the
rates are a check on how much of the vocabulary the lists know, not on disclosure detection,
and not a target. For each labelled mention we ask: does a lexicon term of the expected
category overlap it?

* ``ncbi-disease/test.tsv``: Disease mentions -> HEALTH_GENETIC terms.
* ``bc5cdr/test_first2500.tsv``: Disease mentions -> HEALTH_GENETIC; Chemical mentions ->
  any HEALTH_GENETIC (medications) or ADDICTION (substances) term. Most chemicals in the corpus
  are not medications that name a condition, so that rate is expected to be low.
* ``identity_madlibs``: each sentence's identity term -> RACE_ETHNICITY (ethnicity),
  RELIGION_PHILOSOPHY (religion), SEXUAL_LIFE (sexuality), HEALTH_GENETIC (disability). The
  ``age`` and ``gender`` rows are not prohibited categories here and are skipped. For these
  we also report how many sentences the whole detector reports as a disclosure ("Chris is a
  good christian" is a third-person statement about a named person).
* ``presidio-research`` NRP spans: mostly nationalities ("German", "Slovenian"), which are an
  advisory kind in docscreen, not RACE_ETHNICITY; reported for completeness.

Usage: ``python bench/labeled_coverage.py [--corpus ../shared/corpus] [--misses N] [--json FILE]``
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"

MADLIBS = {
    "ethnicity": "RACE_ETHNICITY",
    "religion": "RELIGION_PHILOSOPHY",
    "sexuality": "SEXUAL_LIFE",
    "disability": "HEALTH_GENETIC",
}


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, _, tag = line.partition("\t")
        current.append((token, tag.strip()))
    if current:
        sentences.append(current)
    return sentences


def conll_mentions(sentence: list[tuple[str, str]]) -> tuple[str, list[tuple[str, int, int, str]]]:
    """The sentence as text (tokens joined by spaces) and its mentions (type, start, end, text)."""
    text, offsets = "", []
    for token, _tag in sentence:
        if text:
            text += " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    mentions = []
    current = None
    for (token, tag), (s, e) in zip(sentence, offsets):
        if tag.startswith("B-"):
            if current:
                mentions.append(current)
            current = [tag[2:], s, e]
        elif tag.startswith("I-") and current and current[0] == tag[2:]:
            current[2] = e
        else:
            if current:
                mentions.append(current)
            current = None
    if current:
        mentions.append(current)
    return text, [(t, s, e, text[s:e]) for t, s, e in mentions]


def covered(matches, start: int, end: int, categories: set[str]) -> bool:
    return any(lex.category.value in categories and s < end and start < e for lex, s, e in matches)


def conll_coverage(matcher, path: Path, wanted: dict[str, set[str]]) -> dict:
    totals: Counter = Counter()
    hits: Counter = Counter()
    missed: dict[str, Counter] = defaultdict(Counter)
    for sentence in read_conll(path):
        text, mentions = conll_mentions(sentence)
        if not mentions:
            continue
        matches = matcher.term_matches(text)
        for kind, s, e, mention in mentions:
            if kind not in wanted:
                continue
            totals[kind] += 1
            if covered(matches, s, e, wanted[kind]):
                hits[kind] += 1
            else:
                missed[kind][mention.lower()] += 1
    return {
        kind: {
            "mentions": totals[kind],
            "covered": hits[kind],
            "rate": hits[kind] / totals[kind] if totals[kind] else None,
            "top_missed": missed[kind].most_common(),
        }
        for kind in wanted
    }


def madlibs_coverage(matcher, scanner, path: Path) -> dict:
    out = {}
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for group, category in MADLIBS.items():
        chosen = [r for r in rows if r["category"] == group]
        cov = disc = 0
        missed: Counter = Counter()
        for r in chosen:
            text, term = r["text"], r["identity_term"]
            at = text.lower().find(term.lower())
            matches = matcher.term_matches(text)
            if at >= 0 and covered(matches, at, at + len(term), {category}):
                cov += 1
            else:
                missed[term] += 1
            if any(f.category == category for f in scanner.analyze_text(text)):
                disc += 1
        out[group] = {
            "category": category,
            "sentences": len(chosen),
            "terms": len({r["identity_term"] for r in chosen}),
            "covered": cov,
            "rate": cov / len(chosen) if chosen else None,
            "reported_as_disclosure": disc,
            "disclosure_rate": disc / len(chosen) if chosen else None,
            "top_missed": missed.most_common(),
        }
    return out


def nrp_coverage(matcher, path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    total = cov = 0
    by_cat: Counter = Counter()
    missed: Counter = Counter()
    for item in data:
        spans = [s for s in item["spans"] if s["entity_type"] == "NRP"]
        if not spans:
            continue
        matches = matcher.term_matches(item["full_text"])
        for s in spans:
            total += 1
            hit = [lex.category.value for lex, a, b in matches if a < s["end_position"] and s["start_position"] < b]
            if hit:
                cov += 1
                by_cat.update(set(hit))
            else:
                missed[s["entity_value"]] += 1
    return {"spans": total, "covered": cov, "rate": cov / total if total else None,
            "by_category": dict(by_cat), "top_missed": missed.most_common()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--misses", type=int, default=10, help="most frequent misses listed per set")
    ap.add_argument("--json", type=Path, help="write all figures here")
    args = ap.parse_args(argv)
    labeled = args.corpus / "labeled"
    if not labeled.is_dir():
        print(f"no labelled corpus at {labeled}", file=sys.stderr)
        return 2

    from docscreen.analyze.special import shared_matcher
    from docscreen.api import Scanner

    matcher = shared_matcher()
    scanner = Scanner(fingerprint_key=b"bench-labeled-coverage")
    health = {"HEALTH_GENETIC"}
    report = {
        "ncbi_disease": conll_coverage(matcher, labeled / "ncbi-disease" / "test.tsv", {"Disease": health}),
        "bc5cdr": conll_coverage(
            matcher,
            labeled / "bc5cdr" / "test_first2500.tsv",
            {"Disease": health, "Chemical": {"HEALTH_GENETIC", "ADDICTION"}},
        ),
        "identity_madlibs": madlibs_coverage(
            matcher, scanner, labeled / "identity_madlibs" / "en_identity_sentences_sample.csv"
        ),
        "presidio_nrp": nrp_coverage(matcher, labeled / "presidio-research" / "synth_dataset_v2.json"),
    }

    def pct(x):
        return "-" if x is None else f"{100 * x:.1f}%"

    print("| set | mentions | covered by a term | rate |")
    print("|---|---|---|---|")
    for name in ("ncbi_disease", "bc5cdr"):
        for kind, r in report[name].items():
            print(f"| {name} {kind} | {r['mentions']} | {r['covered']} | {pct(r['rate'])} |")
    for group, r in report["identity_madlibs"].items():
        print(f"| identity_madlibs {group} ({r['terms']} terms) | {r['sentences']} | {r['covered']} | {pct(r['rate'])} |")
    r = report["presidio_nrp"]
    print(f"| presidio-research NRP | {r['spans']} | {r['covered']} | {pct(r['rate'])} |")
    print()
    print("| identity_madlibs group | sentences | reported as a disclosure | rate |")
    print("|---|---|---|---|")
    for group, r in report["identity_madlibs"].items():
        print(f"| {group} -> {r['category']} | {r['sentences']} | {r['reported_as_disclosure']} | {pct(r['disclosure_rate'])} |")
    if args.misses:
        print()
        for name in ("ncbi_disease", "bc5cdr"):
            for kind, r in report[name].items():
                top = ", ".join(f"{m} ({n})" for m, n in r["top_missed"][: args.misses])
                print(f"missed, {name} {kind}: {top}")
        for group, r in report["identity_madlibs"].items():
            top = ", ".join(f"{m} ({n})" for m, n in r["top_missed"][: args.misses])
            print(f"missed, identity_madlibs {group}: {top or '-'}")
        top = ", ".join(f"{m} ({n})" for m, n in report["presidio_nrp"]["top_missed"][: args.misses])
        print(f"missed, presidio NRP: {top}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
