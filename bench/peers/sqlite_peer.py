#!/usr/bin/python3
"""sqlite_peer.py — the SQLite FTS5 peer of the benchmark: builds its database from a corpus.

Text goes into an FTS5 table (porter stemming, as the other engines stem English); outlet, date
and speakers go into plain tables with indexes, which the facet GROUP BYs of latency.py join.
Usage: sqlite_peer.py CORPUS_DIR DB_FILE
"""
import json
import os
import sqlite3
import sys

SCHEMA = """
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = 'porter unicode61');
CREATE TABLE meta(id INTEGER PRIMARY KEY, ext TEXT, outlet TEXT, day TEXT);
CREATE TABLE speaker(id INTEGER, name TEXT);
"""
INDEXES = """
CREATE INDEX meta_outlet ON meta(outlet);
CREATE INDEX meta_day ON meta(day);
CREATE INDEX speaker_name ON speaker(name, id);
CREATE INDEX speaker_id ON speaker(id);
"""


def main():
    corpus, db_file = sys.argv[1], sys.argv[2]
    if os.path.exists(db_file):
        os.remove(db_file)
    db = sqlite3.connect(db_file)
    db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
    with open(os.path.join(corpus, "labels.jsonl"), encoding="utf-8") as labels:
        for number, line in enumerate(labels, 1):
            label = json.loads(line)
            with open(os.path.join(corpus, label["path"]), encoding="utf-8") as f:
                body = f.read().split("\n", 1)[1]
            db.execute("INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)",
                       (number, label["title"], body))
            db.execute("INSERT INTO meta VALUES (?, ?, ?, ?)",
                       (number, label["id"], label["outlet"], label["date"]))
            db.executemany("INSERT INTO speaker VALUES (?, ?)",
                           [(number, s) for s in label["speakers"]])
    db.executescript(INDEXES + "INSERT INTO fts(fts) VALUES ('optimize');")
    db.commit()
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    main()
