#!/usr/bin/python3
"""report.py — prints the peer benchmark's table from the JSON lines run.sh appended.

Latency percentiles are taken over the per-query medians of one connection (the browse rows
have a line of their own); ratios are to
Broadsheet (below 1 means the peer took less time, or served fewer requests per second).
Usage: report.py --results DIR --run RUN_ID   (or --size 10k: the latest run of that size)
"""
import argparse
import json
import math
import os
import statistics

ENGINES = [("broadsheet", "Broadsheet"), ("broadsheet-nocache", "Broadsheet, --cache-mb 0"),
           ("sphinx", "Sphinx FACET"),
           ("sqlite", "SQLite FTS5 + GROUP BY"), ("xapian", "bare Xapian + httplib")]


def rows(results, name):
    path = os.path.join(results, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def percentile(values, share):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def ratio(value, base):
    return f" ({value / base:.2f}×)" if base else ""


def latency_cells(latency, engine, base):
    times = [r["ms"] for r in latency if r["engine"] == engine and r["kind"] != "browse"]
    if not times:
        return None
    cells = [percentile(times, p) for p in (0.5, 0.9, 0.99)]
    text = " / ".join(f"{c:.1f}" for c in cells)
    return text + (ratio(cells[0], base[0]) if base else ""), cells


def kind_median(latency, engine, kind):
    times = [r["ms"] for r in latency if r["engine"] == engine and r["kind"] == kind]
    return f"{statistics.median(times):.1f}" if times else ""


def agreement(latency, engine):
    """How many queries found as many matches as Broadsheet did (stemmers differ a little)."""
    base = {r["query"]: r["total"] for r in latency if r["engine"] == "broadsheet"}
    mine = {r["query"]: r["total"] for r in latency if r["engine"] == engine}
    if not base or not mine:
        return ""
    return f"{sum(1 for q, total in mine.items() if base.get(q) == total)} of {len(mine)}"


def load_cell(load, engine, connections, base):
    found = [r for r in load if r["engine"] == engine and r["connections"] == connections]
    if not found:
        return "", 0
    r = found[-1]
    rate = r["requests"] / r["seconds"]
    errors = r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["non_2xx"]
    text = f"{rate:.0f}" + (ratio(rate, base) if base else "")
    return text + f"; {errors} errors, {r['timeouts']} timeouts", rate


def cache_cell(cache, engine):
    """The response cache's hits and misses over the engine's whole run (latency, then load)."""
    found = [r["cache"] for r in cache if r["engine"] == engine]
    if not found:
        return ""
    c = found[-1]
    asked = c["hits"] + c["misses"]
    if not asked:
        return "off"
    return f"{c['hits']} hits, {c['misses']} misses ({100 * c['hits'] / asked:.1f}% hits)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True)
    parser.add_argument("--run")
    parser.add_argument("--size")
    args = parser.parse_args()
    index, latency, load, cache = (rows(args.results, f) for f in
                                   ("index.jsonl", "latency.jsonl", "load.jsonl", "cache.jsonl"))
    run = args.run or max(r["run"] for r in index + latency if r["size"] == args.size)
    index, latency, load, cache = ([r for r in t if r["run"] == run]
                                   for t in (index, latency, load, cache))
    present = [(key, title) for key, title in ENGINES
               if any(r["engine"] == key for r in index + latency)]
    size = (index or latency)[0]["size"]
    table = [[f"{size} articles (run {run})"] + [t for _, t in present]]
    seconds = {r["engine"]: r for r in index}
    table.append(["index time, s; size, MB"] + [
        f"{seconds[k]['seconds']:.1f}; {seconds[k]['bytes'] / 1e6:.1f}" if k in seconds else ""
        for k, _ in present])
    base = latency_cells(latency, "broadsheet", None)
    base_cells = base[1] if base else None
    table.append(["latency p50 / p90 / p99 ms, one connection, 200 queries (p50 ratio)"] + [
        (latency_cells(latency, k, base_cells) or ("",))[0] for k, _ in present])
    table.append(["one frequent word, median ms"] +
                 [kind_median(latency, k, "word-high") for k, _ in present])
    table.append(["one rare word, median ms"] +
                 [kind_median(latency, k, "word-low") for k, _ in present])
    table.append(["browse (no words, filters only), median ms"] +
                 [kind_median(latency, k, "browse") for k, _ in present])
    table.append(["queries with Broadsheet's total"] + [agreement(latency, k) for k, _ in present])
    for connections in (16, 64):
        base_rate = load_cell(load, "broadsheet", connections, 0)[1]
        table.append([f"requests/s, {connections} connections (wrk; load.py for SQLite, Sphinx)"] +
                     [load_cell(load, k, connections, base_rate)[0] for k, _ in present])
    if cache:
        table.append(["response cache over the run"] + [cache_cell(cache, k) for k, _ in present])
    print("| " + " | ".join(table[0]) + " |")
    print("|" + "---|" * len(table[0]))
    for row in table[1:]:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
