#!/usr/bin/python3
"""sphinx_source.py — feeds a corpus to Sphinx's indexer as a tsvpipe source.

One line per article: id, title, body, outlet id, speaker ids (comma-separated), day
(YYYYMMDD). Sphinx attributes are numbers, so names become ids; the name <-> id map is written
to IDS_FILE for latency.py, which filters and labels facets with it.
Usage: sphinx_source.py CORPUS_DIR IDS_FILE
"""
import json
import os
import sys


def main():
    corpus, ids_file = sys.argv[1], sys.argv[2]
    with open(os.path.join(corpus, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    outlets = sorted({label["outlet"] for label in labels})
    speakers = sorted({s for label in labels for s in label["speakers"]})
    outlet_id = {name: i for i, name in enumerate(outlets, 1)}
    speaker_id = {name: i for i, name in enumerate(speakers, 1)}
    with open(ids_file, "w", encoding="utf-8") as f:
        json.dump({"outlet": outlet_id, "speaker": speaker_id}, f)
    out = sys.stdout
    for number, label in enumerate(labels, 1):
        with open(os.path.join(corpus, label["path"]), encoding="utf-8") as f:
            body = f.read().split("\n", 1)[1]
        body = body.replace("\t", " ").replace("\n", " ")
        mva = ",".join(str(speaker_id[s]) for s in label["speakers"])
        day = label["date"].replace("-", "")
        out.write(f"{number}\t{label['title']}\t{body}\t{outlet_id[label['outlet']]}\t{mva}\t{day}\n")


if __name__ == "__main__":
    main()
