#!/usr/bin/python3
"""load.py — requests/s of an engine without an HTTP front (SQLite, Sphinx) under C clients.

wrk speaks only HTTP, so for these peers C worker processes (one connection each, keep-alive in
the SphinxQL case) walk the query set in a closed loop for the duration, as wrk's connections
do. Processes, not threads, so Python's lock does not serialise the clients. Prints one line in
wrk_paths.lua's format: WRKJSON {"requests", "seconds", ..., "p50_ms", "p99_ms"}.
Usage: load.py --engine sqlite|sphinx --connections C --seconds S --queries Q
               [--db D | --port P --ids IDS_FILE]
"""
import argparse
import json
import multiprocessing
import random
import time

import latency


def worker(args, seed, results):
    engine = (latency.Sqlite(args.db) if args.engine == "sqlite"
              else latency.Sphinx(args.port, args.ids))
    queries = latency.read_queries(args.queries, "load")
    position = random.Random(seed).randrange(len(queries))
    times, errors = [], 0
    end = time.monotonic() + args.seconds
    while time.monotonic() < end:
        position = (position + 1) % len(queries)
        start = time.perf_counter()
        try:
            engine.run(queries[position])
            times.append((time.perf_counter() - start) * 1000)
        except Exception:  # a failed request is counted, as wrk counts socket errors
            errors += 1
    results.put((times, errors))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("sqlite", "sphinx"), required=True)
    parser.add_argument("--connections", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--db")
    parser.add_argument("--port", type=int)
    parser.add_argument("--ids")
    args = parser.parse_args()
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=worker, args=(args, n, results))
               for n in range(args.connections)]
    for w in workers:
        w.start()
    times, errors = [], 0
    for _ in workers:
        t, e = results.get()
        times += t
        errors += e
    for w in workers:
        w.join()
    times.sort()
    pick = lambda share: times[min(len(times) - 1, int(share * len(times)))] if times else 0
    # Each worker loops for exactly --seconds once started; start-up is not part of the rate.
    summary = {"requests": len(times), "seconds": args.seconds, "connect_errors": 0,
               "read_errors": errors, "write_errors": 0, "timeouts": 0, "non_2xx": 0,
               "p50_ms": round(pick(0.5), 2), "p99_ms": round(pick(0.99), 2)}
    print("WRKJSON " + json.dumps(summary))


if __name__ == "__main__":
    main()
