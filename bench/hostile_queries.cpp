// hostile_queries.cpp — times a catalogue of costly query shapes against an index, through the
// search features (caps and time budget applied) and, with --raw, through a bare Xapian match.
//
// Usage: hostile_queries --index INDEX_DIR [--repeat 3] [--raw]. INDEX_DIR is what
// broadsheet-indexer build wrote (any corpus; the words below are common English words, so a
// corpus of ../shared/bench/gen_corpus.py articles matches them). Prints one line per query:
// whether it was accepted, the median milliseconds of `repeat` runs after one warm-up run, the
// total and whether the time budget cut the count short. With --raw, each q is also matched by
// a plain QueryParser + Enquire with exact counting and neither caps nor budget: the cost the
// caps refuse. Never run as a test: the numbers depend on the machine and the index.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/schema.h"
#include "core/search/article_search.h"
#include "core/search/articles.h"
#include "core/search/facet_values.h"
#include "core/search/index_pool.h"
#include "core/search/matrix.h"
#include "core/search/quote_search.h"
#include "core/search/search_context.h"

namespace {

using namespace broadsheet;

// Which Searcher entry point a catalogue row calls (the API endpoint in brackets).
enum class Endpoint { Search, Quotes, FacetValues, Matrix };

struct HostileQuery {
    std::string name;
    Endpoint endpoint = Endpoint::Search;
    SearchParams params;
};

// Frequent words of English text: each matches most synthetic articles.
const std::vector<std::string> kCommon = {
    "the",      "to",    "of",        "is",        "and",     "in",        "for",   "this",
    "or",       "be",    "with",      "that",      "by",      "as",        "are",   "if",
    "not",      "file",  "it",        "on",        "use",     "name",      "any",   "from",
    "all",      "will",  "an",        "used",      "license", "can",       "no",    "option",
    "software", "you",   "files",     "see",       "may",     "when",      "only",  "default",
    "without",  "but",   "which",     "version",   "set",     "options",   "other", "command",
    "at",       "list",  "following", "specified", "also",    "copyright", "must",  "output",
    "data",     "value", "has",       "such",      "program", "should",    "new",   "one",
    "each",     "user",  "system"};

const std::string kWildcards4 = "co* in* re* th*";
const std::string kWildcards8 = "co* in* re* th* pr* li* de* se*";
const std::string kWildcards8x3 = "con* pro* com* the* use* dis* for* sta*";

std::string joined(const std::vector<std::string>& words, const std::string& separator) {
    std::string out;
    for (const auto& word : words) {
        if (!out.empty()) out += separator;
        out += word;
    }
    return out;
}

// "a* b*" → "a* OR b*".
std::string or_joined(const std::string& words) {
    std::string out;
    for (const char c : words) out += c == ' ' ? std::string(" OR ") : std::string(1, c);
    return out;
}

std::vector<std::string> first(std::size_t n) {
    std::vector<std::string> words;
    for (std::size_t i = 0; i < n; ++i) words.push_back(kCommon[i % kCommon.size()]);
    return words;
}

std::vector<std::string> values(const std::string& stem, std::size_t n) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(stem + " " + std::to_string(i));
    return out;
}

HostileQuery row(std::string name, std::string q, Endpoint endpoint = Endpoint::Search) {
    HostileQuery query{std::move(name), endpoint, {}};
    query.params.q = std::move(q);
    return query;
}

std::vector<HostileQuery> catalogue() {
    std::vector<HostileQuery> rows;
    rows.push_back(row("browse everything (newest first)", ""));
    rows.push_back(row("one common word", "the"));
    rows.push_back(row("two common words", "the of"));
    // Wildcards: at the cap, over it, too short a prefix, and the 340 one-letter ones.
    // kWildcards4 and kWildcards8 are the 2-letter prefixes whose 100 most frequent expansions
    // hold the most postings in a gen_corpus.py index; kWildcards8x3 likewise for 3 letters.
    rows.push_back(row("4 wildcards, 2-letter prefixes", kWildcards4));
    rows.push_back(row("4 wildcards OR, 2-letter prefixes", or_joined(kWildcards4)));
    rows.push_back(row("5 wildcards", kWildcards4 + " pr*"));
    rows.push_back(row("8 wildcards, 2-letter prefixes (the former cap)", kWildcards8));
    rows.push_back(row("8 wildcards, 3-letter prefixes (uncapped only)", kWildcards8x3));
    rows.push_back(row("1-letter wildcard", "a*"));
    {
        std::string many;
        for (int i = 0; i < 340; ++i)
            many += std::string(1, static_cast<char>('a' + i % 26)) + "* ";
        rows.push_back(row("340 1-letter wildcards (issue 9)", many));
        std::string two;
        for (int i = 0; i < 170; ++i)
            two += std::string(1, static_cast<char>('a' + i % 26)) +
                   std::string(1, static_cast<char>('a' + (i / 26) % 26)) + "* ";
        rows.push_back(row("170 2-letter wildcards", two));
    }
    // Terms: AND and OR chains at the cap and over it.
    rows.push_back(row("64 common words AND", joined(first(64), " ")));
    rows.push_back(row("64 common words OR", joined(first(64), " OR ")));
    rows.push_back(row("65 common words AND", joined(first(65), " ")));
    rows.push_back(row("300 words OR (1 KiB)", joined(first(300), " OR ")));
    // Phrases and proximity: positional checks on frequent words.
    {
        std::vector<std::string> phrases;
        for (std::size_t i = 0; i + 1 < 64; i += 2)
            phrases.push_back("\"" + kCommon[i] + " " + kCommon[i + 1] + "\"");
        rows.push_back(row("32 two-word phrases OR", joined(phrases, " OR ")));
        rows.push_back(row("32 two-word phrases AND", joined(phrases, " ")));
        const std::vector<std::string> four(phrases.begin(), phrases.begin() + 4);
        rows.push_back(row("4 two-word phrases OR", joined(four, " OR ")));
        const std::vector<std::string> eight(phrases.begin(), phrases.begin() + 8);
        rows.push_back(row("8 two-word phrases OR", joined(eight, " OR ")));
        rows.push_back(row("8 two-word phrases AND", joined(eight, " ")));
        const std::vector<std::string> nine(phrases.begin(), phrases.begin() + 9);
        rows.push_back(row("9 two-word phrases OR", joined(nine, " OR ")));
        std::vector<std::string> near;
        for (std::size_t i = 0; i + 1 < 16; i += 2)
            near.push_back("(" + kCommon[i] + " NEAR " + kCommon[i + 1] + ")");
        rows.push_back(row("8 two-word NEAR groups OR", joined(near, " OR ")));
        HostileQuery excluded =
            row("8 two-word phrases OR + outlet, speaker exclusion", joined(eight, " OR "));
        excluded.params.not_outlets = {"Reuters"};
        excluded.params.not_speakers = {"John Smith"};
        rows.push_back(excluded);
        rows.push_back(row("facet values: 8 two-word phrases OR", joined(eight, " OR "),
                           Endpoint::FacetValues));
    }
    {
        // Eight phrases of eight frequent words: the phrase cap and the term cap together.
        std::vector<std::string> phrases;
        for (std::size_t i = 0; i + 7 < 64; i += 8) {
            const std::vector<std::string> words(kCommon.begin() + i, kCommon.begin() + i + 8);
            phrases.push_back("\"" + joined(words, " ") + "\"");
        }
        rows.push_back(row("8 eight-word phrases OR", joined(phrases, " OR ")));
    }
    rows.push_back(row("64-word phrase", "\"" + joined(first(64), " ") + "\""));
    rows.push_back(row("64 words NEAR", joined(first(64), " NEAR ")));
    rows.push_back(row("32 words NEAR", joined(first(32), " NEAR ")));
    {
        // Deep parentheses alternating AND and OR, so Xapian cannot flatten them.
        std::string nested = "the";
        for (std::size_t i = 1; i < 60; ++i)
            nested = "(" + nested + (i % 2 ? " OR " : " AND ") + kCommon[i] + ")";
        rows.push_back(row("60-deep parentheses", nested));
    }
    {
        std::vector<std::string> ranges;
        for (int year = 2010; year < 2040; ++year)
            ranges.push_back("date:" + std::to_string(year) + "-01-01.." + std::to_string(year) +
                             "-12-31");
        rows.push_back(row("30 date ranges OR", joined(ranges, " OR ")));
    }
    rows.push_back(row("field-prefixed wildcards", "title:th* speaker:jo* quote:th* outlet:th*"));
    rows.push_back(row("negations", "the -of -to -is -and -in -for -this -or -be"));
    rows.push_back(row("pure NOT", "NOT the"));
    {
        // Filters: every filter parameter at the cap, with a q matching most articles.
        HostileQuery q = row("50 values in each of 4 filters", "the");
        q.params.outlets = values("Outlet", 50);
        q.params.speakers = values("Speaker", 50);
        q.params.not_outlets = values("Not outlet", 50);
        q.params.not_speakers = values("Not speaker", 50);
        rows.push_back(q);
        HostileQuery over = row("51 outlets", "the");
        over.params.outlets = values("Outlet", 51);
        rows.push_back(over);
        // An exclusion alone matches nearly everything and adds two facet passes.
        HostileQuery excluded =
            row("4 wildcards + outlet, speaker exclusion (3 passes)", kWildcards4);
        excluded.params.not_outlets = {"Reuters"};
        excluded.params.not_speakers = {"John Smith"};
        rows.push_back(excluded);
    }
    {
        HostileQuery deep = row("page 100 × size 100, one common word", "the");
        deep.params.page = 100;
        deep.params.size = 100;
        rows.push_back(deep);
        HostileQuery deeper = row("page 101 × size 100", "the");
        deeper.params.page = 101;
        deeper.params.size = 100;
        rows.push_back(deeper);
        HostileQuery oldest = row("4 wildcards sorted oldest first", kWildcards4);
        oldest.params.sort = SortOrder::Oldest;
        rows.push_back(oldest);
        HostileQuery daily = row("one common word, month histogram", "the");
        daily.params.interval = HistogramInterval::Month;
        rows.push_back(daily);
    }
    rows.push_back(row("quotes: 4 wildcards", kWildcards4, Endpoint::Quotes));
    rows.push_back(row("quotes: 64 words OR", joined(first(64), " OR "), Endpoint::Quotes));
    rows.push_back(
        row("facet values: 64 words OR", joined(first(64), " OR "), Endpoint::FacetValues));
    rows.push_back(row("matrix: 4 wildcards", kWildcards4, Endpoint::Matrix));
    return rows;
}

struct Outcome {
    bool accepted = true;
    std::string refusal;  // code: message
    std::size_t total = 0;
    bool timed_out = false;
};

Outcome run(SearchContext& searcher, const HostileQuery& query) {
    Outcome outcome;
    try {
        switch (query.endpoint) {
            case Endpoint::Search: {
                const SearchResult result = search_articles(searcher, query.params);
                outcome.total = result.total;
                outcome.timed_out = result.end == MatchEnd::TimedOut;
                break;
            }
            case Endpoint::Quotes: {
                const QuoteSearchResult result = search_quotes(searcher, query.params);
                outcome.total = result.total;
                outcome.timed_out = result.end == MatchEnd::TimedOut;
                break;
            }
            case Endpoint::FacetValues: {
                FacetValuesParams params;
                params.facet = FacetName::Speaker;
                params.filters = query.params;
                const FacetValues result = facet_values(searcher, params);
                outcome.total = result.total_values;
                outcome.timed_out = result.end == MatchEnd::TimedOut;
                break;
            }
            case Endpoint::Matrix: {
                MatrixParams params;
                params.filters = query.params;
                const Matrix result = quote_matrix(searcher, params);
                outcome.total = result.total;
                outcome.timed_out = result.end == MatchEnd::TimedOut;
                break;
            }
        }
    } catch (const Error& e) {
        outcome.accepted = false;
        outcome.refusal = std::string(to_string(e.code())) + ": " + e.what();
    }
    return outcome;
}

// The same q with no caps and no budget: QueryParser set up like QueryBuilder's (stemming,
// AND, wildcards), article documents only, every match counted. Returns the total.
std::size_t run_raw(const Xapian::Database& db, const std::string& q) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                             Xapian::QueryParser::FLAG_WILDCARD);
    for (const FieldSpec& spec : field_table()) {
        if (spec.query_name.empty() || spec.kind != FieldKind::FreeText) continue;
        parser.add_prefix(std::string(spec.query_name), std::string(spec.prefix));
    }
    const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                           Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    Xapian::Query query = q.empty() ? Xapian::Query(std::string()) : parser.parse_query(q, flags);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                    Xapian::Query(term(Field::Type, kTypeArticle))));
    return enquire.get_mset(0, 10, std::max<Xapian::doccount>(db.get_doccount(), 1))
        .get_matches_estimated();
}

double median(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[samples.size() / 2];
}

template <class Action>
double time_ms(Action&& action) {
    const auto started = std::chrono::steady_clock::now();
    action();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
        .count();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times hostile query shapes against a Broadsheet index"};
    std::string index_dir;
    int repeat = 3;
    bool raw = false;
    app.add_option("--index", index_dir, "Index directory (broadsheet-indexer build --index)")
        ->required();
    app.add_option("--repeat", repeat, "Timed runs per query after one warm-up")
        ->check(CLI::Range(1, 100));
    app.add_flag("--raw", raw, "Also match each q without caps or time budget");
    CLI11_PARSE(app, argc, argv);

    try {
        IndexPoolConfig config;
        config.dir = index_dir;
        IndexPool pool(std::move(config));
        auto searcher = pool.lease();
        const IndexInfo info = index_info(*searcher);
        std::printf(
            "index %s: %zu articles; budget %.2f s; caps: %zu terms, %zu wildcards, "
            "%zu-character wildcard prefix, %zu phrase/NEAR groups, %zu values per filter, "
            "expansion %u\n",
            index_dir.c_str(), info.documents, kMatchTimeBudgetSeconds, kMaxQueryTerms,
            kMaxQueryWildcards, kMinWildcardPrefixChars, kMaxQueryPhrases, kMaxFilterValues,
            kMaxWildcardExpansion);
        std::printf("%-52s %-9s %10s %9s %5s %s\n", "query", "outcome", "median_ms", "total", "cut",
                    raw ? "raw_ms raw_total | refusal" : "refusal");
        Xapian::Database raw_db;
        if (raw) {
            // The stub file names the current generation; Xapian opens it like a database.
            raw_db = Xapian::Database((std::filesystem::path(index_dir) / "XAPIANDB").string());
        }
        for (const HostileQuery& query : catalogue()) {
            Outcome outcome = run(*searcher, query);  // warm-up
            std::vector<double> samples;
            for (int i = 0; i < repeat; ++i)
                samples.push_back(time_ms([&] { outcome = run(*searcher, query); }));
            std::string extra;
            if (raw && query.endpoint == Endpoint::Search) {
                std::size_t raw_total = 0;
                std::vector<double> raw_samples;
                for (int i = 0; i < repeat; ++i)
                    raw_samples.push_back(
                        time_ms([&] { raw_total = run_raw(raw_db, query.params.q); }));
                extra = std::to_string(static_cast<long>(median(raw_samples))) + " " +
                        std::to_string(raw_total) + " | ";
            }
            std::printf("%-52s %-9s %10.1f %9zu %5s %s%s\n", query.name.c_str(),
                        outcome.accepted ? "accepted" : "refused", median(samples), outcome.total,
                        outcome.timed_out ? "yes" : "-", extra.c_str(), outcome.refusal.c_str());
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hostile_queries: %s\n", e.what());
        return 1;
    }
    return 0;
}
