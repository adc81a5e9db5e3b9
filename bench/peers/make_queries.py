#!/usr/bin/python3
"""make_queries.py — derives the peer benchmark's query set from a generated corpus.

Word frequencies are document frequencies measured in the corpus given, so "high", "mid" and
"low" mean the same share of the archive at any size; phrases are cut from real articles, so
every phrase matches at least once. The set is committed (queries.tsv); rerun this only when the
generator changes. Output: TAB-separated `id kind text outlet speaker date_from date_to`.
"""
import argparse
import collections
import datetime
import json
import os
import random
import re

WORD = re.compile(r"[a-z]+")
# kind -> how many queries; the mix the issue names (200 in all).
# "browse" (no words, filters only) comes last and stays out of the percentiles and the load mix,
# so that those remain the 200 queries; it has a row of its own in the table.
MIX = [("word-high", 15), ("word-mid", 20), ("word-low", 15), ("two-words", 40),
       ("three-words", 20), ("phrase", 25), ("outlet", 25), ("speaker", 20), ("date", 20),
       ("browse", 5)]


def document_frequencies(corpus, labels):
    """Articles per word, over the title and body (the source URL line left out)."""
    df = collections.Counter()
    for label in labels:
        with open(os.path.join(corpus, label["path"]), encoding="utf-8") as f:
            title, _, body = f.read().split("\n\n", 2)
        df.update(set(WORD.findall((title + " " + body).lower())))
    return df


def band(df, docs, low, high):
    """Words matching between low and high shares of the articles, most frequent first (ties
    alphabetical, so the set does not depend on Python's hash order)."""
    return sorted((w for w, n in df.items() if low * docs <= n < high * docs and len(w) > 2),
                  key=lambda w: (-df[w], w))


def phrase(rng, corpus, labels):
    """Two to four consecutive words from inside one sentence of a random article."""
    while True:
        label = rng.choice(labels)
        with open(os.path.join(corpus, label["path"]), encoding="utf-8") as f:
            paragraphs = f.read().split("\n\n")[2:]  # after the title and the URL line
        sentence = rng.choice(rng.choice(paragraphs).split(". "))
        words = sentence.split()
        size = rng.randint(2, 4)
        if len(words) > size + 2 and all(WORD.fullmatch(w.lower()) for w in words):
            start = rng.randrange(1, len(words) - size)
            return '"' + " ".join(words[start:start + size]).lower() + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(os.path.join(args.corpus, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    docs = len(labels)
    df = document_frequencies(args.corpus, labels)
    high = band(df, docs, 0.30, 2.0)
    mid = band(df, docs, 0.03, 0.15)
    low = band(df, docs, 0.004, 0.03)
    outlets = sorted({label["outlet"] for label in labels})
    speakers = collections.Counter(s for label in labels for s in label["speakers"])
    common_speakers = [s for s, _ in speakers.most_common(200)]
    first = datetime.date(2010, 1, 1)
    rows = []
    for kind, count in MIX:
        for _ in range(count):
            text, outlet, speaker, date_from, date_to = "", "", "", "", ""
            if kind == "word-high":
                text = rng.choice(high)
            elif kind == "word-mid":
                text = rng.choice(mid)
            elif kind == "word-low":
                text = rng.choice(low)
            elif kind == "two-words":
                text = " ".join(rng.sample(high[:40] + mid, 2))
            elif kind == "three-words":
                text = " ".join(rng.sample(high[:40], 2) + [rng.choice(mid)])
            elif kind == "phrase":
                text = phrase(rng, args.corpus, labels)
            elif kind == "outlet":
                text, outlet = rng.choice(high + mid), rng.choice(outlets)
            elif kind == "speaker":
                text, speaker = rng.choice(high + mid), rng.choice(common_speakers)
            elif kind == "browse":
                # everything; one outlet; one speaker; one year; one outlet in one year
                shape = count - sum(1 for row in rows if row[0] == "browse")
                outlet = rng.choice(outlets) if shape in (4, 1) else ""
                speaker = rng.choice(common_speakers) if shape == 3 else ""
                if shape in (2, 1):
                    year = rng.randrange(2010, 2025)
                    date_from, date_to = f"{year}-01-01", f"{year}-12-31"
            else:
                text = rng.choice(high + mid)
                start = first + datetime.timedelta(days=rng.randrange(4000))
                end = start + datetime.timedelta(days=rng.randint(30, 3 * 365))
                date_from, date_to = start.isoformat(), end.isoformat()
            rows.append((kind, text, outlet, speaker, date_from, date_to))
    with open(args.out, "w", encoding="utf-8") as f:
        for number, row in enumerate(rows, 1):
            f.write("\t".join((f"q{number:03d}",) + row) + "\n")


if __name__ == "__main__":
    main()
