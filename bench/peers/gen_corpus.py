#!/usr/bin/python3
"""gen_corpus.py — writes a deterministic corpus of news-shaped articles for the peer benchmark.

Every article depends only on --seed and its number, so two runs (or two machines) index the same
bytes. Words are synthetic (syllables), drawn by a Zipf-Mandelbrot law over their rank, so the
term statistics look like news text (a few very common words, a long tail) without shipping a
word list. Each article has a title, its source URL (outlet domain and date), a wire dateline
naming a city, the date and the outlet, body paragraphs, and 0-8 quotes attributed by full name;
the truth of those fields is written to labels.jsonl, which the peers read.

Output (under --out): docs/NNN/<id>.txt (1,000 per folder), labels.jsonl, outlets.tsv (the
outlet registry Broadsheet's indexer reads from its corpus folder), speaker-aliases.tsv (empty),
manifest.json.
"""
import argparse
import bisect
import datetime
import itertools
import json
import os
import random

VOCAB_SIZE = 30000
ZIPF_S = 1.05
ZIPF_Q = 2.7
OUTLET_COUNT = 40
SPEAKER_COUNT = 500
FIRST_DAY = datetime.date(2010, 1, 1)
DAY_SPAN = (datetime.date(2024, 12, 31) - FIRST_DAY).days + 1
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
# Common given names and surnames: they make attributions that read like names to an extractor.
FIRST_NAMES = ("Anna Ben Carla David Elena Farid Grace Hugo Irene Jonas Karin Leon Maria Nadia "
               "Oscar Paula Rafael Sofia Tomas Ursula Victor Wendy Yusuf Zara Alan Beatriz "
               "Claire Daniel Emil Fatima George Helen Ivan Julia Kenji Laura Marco Nora Omar "
               "Peter").split()
SURNAMES = ("Abbott Becker Castillo Dalton Eriksen Fischer Garcia Hartmann Ibarra Jensen Keller "
            "Lindqvist Moreau Novak Okafor Petrov Quinn Romero Schneider Tanaka Ulrich Varga "
            "Walsh Xavier Yilmaz Zimmer Andersen Brennan Costa Duval Evans Ferreira Gallagher "
            "Horvat Ivanova Kowalski Larsen Mendes Nakamura Olsen Park Rossi Santos Toth "
            "Vasquez Weber Young Baptiste Carver Dimitrov").split()
PAPER_NOUNS = ("Herald Courier Gazette Times Post Tribune Ledger Chronicle Observer Dispatch "
               "Sentinel Journal Record Standard Examiner Monitor Register Review Bulletin "
               "Despatch").split()
ONSETS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w",
          "br", "ch", "cl", "dr", "fl", "gr", "pl", "pr", "sh", "st", "th", "tr", ""]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"]
CODAS = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rk"]


def make_vocabulary(rng):
    """Distinct pronounceable words; list position is the frequency rank."""
    words, seen = [], set()
    while len(words) < VOCAB_SIZE:
        syllables = rng.choice((1, 1, 2, 2, 2, 3))
        word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
                       for _ in range(syllables))
        if 3 <= len(word) <= 14 and word not in seen:
            seen.add(word)
            words.append(word)
    # Frequent words are short in news text too: rank follows length.
    return sorted(words, key=len)


class World:
    """Everything shared by all articles: vocabulary, outlets, cities, speakers."""

    def __init__(self, seed):
        rng = random.Random(f"world-{seed}")
        self.words = make_vocabulary(rng)
        weights = [1.0 / (rank + ZIPF_Q) ** ZIPF_S for rank in range(VOCAB_SIZE)]
        self.word_cum = list(itertools.accumulate(weights))
        places = [w.capitalize() for w in self.words[3000:3300] if 5 <= len(w) <= 9]
        self.cities = places[:60]
        self.outlets = [f"{places[60 + i]} {PAPER_NOUNS[i % len(PAPER_NOUNS)]}"
                        for i in range(OUTLET_COUNT)]
        self.outlet_cum = list(itertools.accumulate(1.0 / (i + 1) for i in range(OUTLET_COUNT)))
        pairs = [f"{f} {s}" for f in FIRST_NAMES for s in SURNAMES]
        rng.shuffle(pairs)
        self.speakers = pairs[:SPEAKER_COUNT]
        self.speaker_cum = list(itertools.accumulate(
            1.0 / (i + 2) ** 0.9 for i in range(SPEAKER_COUNT)))

    def pick(self, rng, cum, items):
        return items[bisect.bisect_left(cum, rng.random() * cum[-1])]

    def sentence(self, rng, low=6, high=22):
        words = rng.choices(self.words, cum_weights=self.word_cum, k=rng.randint(low, high))
        words[0] = words[0].capitalize()
        return " ".join(words)


def quote(rng, world, speaker):
    """One attributed quote in one of the shapes wire copy uses."""
    text = world.sentence(rng, 5, 16)
    shape = rng.randrange(3)
    if shape == 0:
        return f'"{text}," {speaker} said.'
    if shape == 1:
        return f'"{text}," said {speaker}.'
    return f'{speaker} said: "{text}."'


def article(world, seed, number):
    """Text and labels of article `number`."""
    rng = random.Random(f"article-{seed}-{number}")
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAY_SPAN))
    outlet = world.pick(rng, world.outlet_cum, world.outlets)
    title = world.sentence(rng, 5, 10)
    title = " ".join(w.capitalize() for w in title.split())
    speakers = [world.pick(rng, world.speaker_cum, world.speakers)
                for _ in range(rng.choice((0, 1, 1, 2, 2, 3, 4, 5, 6, 8)))]
    body_words = rng.randint(300, 1500)
    paragraphs, written, pending = [], 0, list(speakers)
    while written < body_words:
        sentences = [world.sentence(rng) for _ in range(rng.randint(1, 5))]
        written += sum(len(s.split()) for s in sentences)
        paragraph = ". ".join(sentences) + "."
        if pending and rng.random() < 0.4:
            paragraph += " " + quote(rng, world, pending.pop())
        paragraphs.append(paragraph)
    paragraphs.extend(quote(rng, world, s) for s in pending)
    city = world.cities[rng.randrange(len(world.cities))]
    dateline = f"{city}, {day.day} {MONTHS[day.month - 1]} {day.year} ({outlet}) - "
    paragraphs[0] = dateline + paragraphs[0]
    article_id = f"a{number:07d}"
    # A scraped article's source line: Broadsheet takes the outlet (through outlets.tsv) and the
    # date from it, where the other engines read labels.jsonl.
    url = f"https://{domain(outlet)}/{day.year}/{day.month:02d}/{day.day:02d}/{article_id}"
    text = f"{title}\n\nOriginal url: {url}\n\n" + "\n\n".join(paragraphs) + "\n"
    labels = {"id": article_id, "title": title, "date": day.isoformat(),
              "outlet": outlet, "speakers": sorted(set(speakers))}
    return text, labels


def domain(outlet):
    return outlet.lower().replace(" ", "") + ".example"


def write_registry(world, out):
    with open(os.path.join(out, "outlets.tsv"), "w", encoding="utf-8") as f:
        f.write("# outlets.tsv — the generated outlets (canonical name, domain), for Broadsheet.\n")
        for name in world.outlets:
            f.write(f"{name}\t{domain(name)}\n")
    with open(os.path.join(out, "speaker-aliases.tsv"), "w", encoding="utf-8") as f:
        f.write("# speaker-aliases.tsv — generated speakers have one spelling each.\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--out", required=True, help="output folder (created)")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    world = World(args.seed)
    os.makedirs(args.out, exist_ok=True)
    write_registry(world, args.out)
    total_bytes = 0
    with open(os.path.join(args.out, "labels.jsonl"), "w", encoding="utf-8") as labels_file:
        for number in range(args.n):
            text, labels = article(world, args.seed, number)
            rel = os.path.join("docs", f"{number // 1000:03d}", labels["id"] + ".txt")
            path = os.path.join(args.out, rel)
            if number % 1000 == 0:
                os.makedirs(os.path.dirname(path), exist_ok=True)
            data = text.encode("utf-8")
            with open(path, "wb") as f:
                f.write(data)
            total_bytes += len(data)
            labels_file.write(json.dumps(dict(labels, path=rel, bytes=len(data))) + "\n")
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump({"articles": args.n, "seed": args.seed, "bytes": total_bytes}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
