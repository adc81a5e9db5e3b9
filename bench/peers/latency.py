#!/usr/bin/python3
"""latency.py — one-connection query latency of one engine over the benchmark's query set.

Each query runs once untimed (warm-up), then --runs times; the row kept per query is the median
of those runs. Every engine answers the same thing: top 10 hits, the total, and the top 10
outlet and speaker counts over all matches (Broadsheet gives its full default response).
Rows are appended to --out as JSON lines; a summary line is printed.
Usage: latency.py --engine http|sqlite|sphinx --label L --size S --run R --queries Q --out F
                  [--url U | --db D | --port P --ids IDS_FILE] [--runs 5]
       latency.py --queries Q --print-paths /api/search     (the paths wrk_paths.lua walks)
"""
import argparse
import http.client
import json
import statistics
import time
import urllib.parse


def read_queries(path, kinds="all"):
    """The query set; kinds="load" leaves out the browse rows (the load mix is the 200 queries)."""
    keys = ("id", "kind", "text", "outlet", "speaker", "date_from", "date_to")
    with open(path, encoding="utf-8") as f:
        rows = [dict(zip(keys, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    return [r for r in rows if kinds == "all" or r["kind"] != "browse"]


def http_path(path, q):
    """The request path of a query: ?q=..&outlet=..&speaker=..&from=..&to=.., empty ones left out."""
    params = [("q", q["text"]), ("outlet", q["outlet"]), ("speaker", q["speaker"]),
              ("from", q["date_from"]), ("to", q["date_to"])]
    return f"{path}?" + urllib.parse.urlencode([(k, v) for k, v in params if v])


class Http:
    """GET http_path() over one keep-alive connection."""

    def __init__(self, url):
        parsed = urllib.parse.urlsplit(url)
        self.conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
        self.path = parsed.path

    def run(self, q):
        self.conn.request("GET", http_path(self.path, q))
        response = self.conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{q['id']}: HTTP {response.status}: {body[:200]!r}")
        return json.loads(body)["total"]


class Sqlite:
    """FTS5 MATCH for hits and total, and a GROUP BY per facet, as four statements."""

    def __init__(self, db_file):
        import sqlite3
        self.db = sqlite3.connect(db_file)

    def run(self, q):
        if not q["text"]:
            return self.browse(q)
        where, args = ["fts MATCH ?"], [q["text"]]
        if q["outlet"]:
            where.append("meta.outlet = ?")
            args.append(q["outlet"])
        if q["speaker"]:
            where.append("fts.rowid IN (SELECT id FROM speaker WHERE name = ?)")
            args.append(q["speaker"])
        if q["date_from"]:
            where.append("meta.day BETWEEN ? AND ?")
            args += [q["date_from"], q["date_to"]]
        base = "FROM fts JOIN meta ON meta.id = fts.rowid WHERE " + " AND ".join(where)
        self.db.execute(f"SELECT meta.ext, fts.title {base} ORDER BY fts.rank LIMIT 10",
                        args).fetchall()
        total = self.db.execute(f"SELECT count(*) {base}", args).fetchone()[0]
        self.db.execute(f"SELECT meta.outlet, count(*) AS n {base} GROUP BY meta.outlet "
                        "ORDER BY n DESC LIMIT 10", args).fetchall()
        speaker_base = base.replace("WHERE", "JOIN speaker s ON s.id = fts.rowid WHERE", 1)
        self.db.execute(f"SELECT s.name, count(*) AS n {speaker_base} GROUP BY s.name "
                        "ORDER BY n DESC LIMIT 10", args).fetchall()
        return total

    def browse(self, q):
        """No words: the newest 10, the total and the facets, from the plain tables alone."""
        where, args = ["1"], []
        if q["outlet"]:
            where.append("meta.outlet = ?")
            args.append(q["outlet"])
        if q["speaker"]:
            where.append("meta.id IN (SELECT id FROM speaker WHERE name = ?)")
            args.append(q["speaker"])
        if q["date_from"]:
            where.append("meta.day BETWEEN ? AND ?")
            args += [q["date_from"], q["date_to"]]
        base = "FROM meta WHERE " + " AND ".join(where)
        self.db.execute(f"SELECT meta.ext {base} ORDER BY meta.day DESC LIMIT 10", args).fetchall()
        total = self.db.execute(f"SELECT count(*) {base}", args).fetchone()[0]
        self.db.execute(f"SELECT meta.outlet, count(*) AS n {base} GROUP BY meta.outlet "
                        "ORDER BY n DESC LIMIT 10", args).fetchall()
        speaker_base = base.replace("WHERE", "JOIN speaker s ON s.id = meta.id WHERE", 1)
        self.db.execute(f"SELECT s.name, count(*) AS n {speaker_base} GROUP BY s.name "
                        "ORDER BY n DESC LIMIT 10", args).fetchall()
        return total


class Sphinx:
    """SphinxQL over the MySQL protocol: one SELECT with two FACET clauses, then SHOW META."""

    def __init__(self, port, ids_file):
        import pymysql
        self.db = pymysql.connect(host="127.0.0.1", port=port, user="root", autocommit=True)
        with open(ids_file, encoding="utf-8") as f:
            self.ids = json.load(f)

    def run(self, q):
        # No words (browse): a full scan, newest first, as Broadsheet sorts a browse.
        where, args = (["MATCH(%s)"], [q["text"]]) if q["text"] else ([], [])
        if q["outlet"]:
            where.append(f"outlet_id = {self.ids['outlet'].get(q['outlet'], 0)}")
        if q["speaker"]:
            where.append(f"speaker_ids = {self.ids['speaker'].get(q['speaker'], 0)}")
        if q["date_from"]:
            where.append(f"day BETWEEN {q['date_from'].replace('-', '')}"
                         f" AND {q['date_to'].replace('-', '')}")
        sql = ("SELECT id FROM bench" + (" WHERE " + " AND ".join(where) if where else "") +
               ("" if q["text"] else " ORDER BY day DESC") + " LIMIT 10 OPTION max_matches = 1000"
               " FACET outlet_id ORDER BY COUNT(*) DESC LIMIT 10"
               " FACET speaker_ids ORDER BY COUNT(*) DESC LIMIT 10")
        with self.db.cursor() as cursor:
            cursor.execute(sql, args)
            while cursor.nextset():
                cursor.fetchall()
            cursor.execute("SHOW META LIKE 'total_found'")
            return int(cursor.fetchone()[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("http", "sqlite", "sphinx"))
    parser.add_argument("--label", help="engine name in the results")
    parser.add_argument("--size", help="corpus size, e.g. 10k")
    parser.add_argument("--run", help="run id shared by the rows of one run.sh invocation")
    parser.add_argument("--print-paths", metavar="PATH",
                        help="only print each query's request path under PATH (for wrk)")
    parser.add_argument("--queries", required=True)
    parser.add_argument("--out", help="JSON lines file to append to")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--url")
    parser.add_argument("--db")
    parser.add_argument("--port", type=int)
    parser.add_argument("--ids")
    args = parser.parse_args()
    if args.print_paths:
        for q in read_queries(args.queries, "load"):
            print(http_path(args.print_paths, q))
        return
    if not (args.engine and args.label and args.size and args.out):
        parser.error("--engine, --label, --size and --out are needed to measure")
    engine = {"http": lambda: Http(args.url), "sqlite": lambda: Sqlite(args.db),
              "sphinx": lambda: Sphinx(args.port, args.ids)}[args.engine]()
    medians = []
    with open(args.out, "a", encoding="utf-8") as out:
        for q in read_queries(args.queries):
            total = engine.run(q)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                engine.run(q)
                times.append((time.perf_counter() - start) * 1000)
            median = statistics.median(times)
            medians.append(median)
            out.write(json.dumps({"run": args.run, "engine": args.label, "size": args.size,
                                  "query": q["id"], "kind": q["kind"], "total": total,
                                  "ms": round(median, 3)}) + "\n")
    print(f"{args.label} {args.size}: {len(medians)} queries, "
          f"p50 {statistics.median(medians):.2f} ms")


if __name__ == "__main__":
    main()
