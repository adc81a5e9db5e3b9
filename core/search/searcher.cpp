// searcher.cpp — runs searches (hits, exact facets, snippets), looks up articles, and
// translates Xapian errors into broadsheet::Error at this edge.
#include "core/search/searcher.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>

#include "core/error.h"
#include "core/schema.h"
#include "core/search/facets.h"
#include "core/search/histogram.h"
#include "core/search/search_internal.h"

namespace broadsheet {

using search_internal::append_escaped;
using search_internal::count_all;
using search_internal::guarded;
using search_internal::kEllipsis;
using search_internal::kSnippetBytes;
using search_internal::leading_excerpt;
using search_internal::make_hit;
using search_internal::MatchBudget;
using search_internal::parse_article;
using search_internal::set_sort;

namespace search_internal {

void set_sort(Xapian::Enquire& enquire, SortOrder order, Xapian::MultiValueKeyMaker& keys) {
    switch (order) {
        case SortOrder::Relevance:
            return;
        case SortOrder::Newest:
            // Descending: an undated document's empty value sorts last on its own.
            keys.add_value(kSlotDate, true);
            break;
        case SortOrder::Oldest:
            // Ascending: give undated documents a key after every real date so they come last.
            keys.add_value(kSlotDate, false, "99999999");
            break;
    }
    enquire.set_sort_by_key_then_relevance(&keys, false);
}

void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            default:
                out += c;
                break;
        }
    }
}

Article parse_article(const Xapian::Document& doc) {
    try {
        return nlohmann::json::parse(doc.get_data()).get<Article>();
    } catch (const nlohmann::json::exception&) {
        throw Error(ErrorCode::Internal,
                    "document " + std::to_string(doc.get_docid()) + " holds no article JSON");
    }
}

// What a hit shows when no query word occurs in its body (browsing, filters, title-only match),
// where Xapian's snippet would show an arbitrary window, often the article's last lines.
std::string leading_excerpt(const std::string& body, std::size_t max_bytes) {
    std::size_t cut = body.size();
    if (cut > max_bytes) {
        cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
        if (const std::size_t space = body.rfind(' ', cut); space != std::string::npos && space > 0)
            cut = space;
    }
    std::string out;
    out.reserve(cut + 16);
    append_escaped(out, std::string_view(body).substr(0, cut));
    if (cut < body.size()) out += kEllipsis;
    return out;
}

Hit make_hit(Article article, std::string snippet) {
    Hit hit;
    hit.id = std::move(article.id);
    hit.title = std::move(article.title);
    hit.date = article.date;
    hit.outlet = std::move(article.outlet);
    hit.author = std::move(article.author);
    hit.speakers = std::move(article.speakers);
    hit.url = std::move(article.url);
    hit.snippet = std::move(snippet);
    return hit;
}

}  // namespace search_internal

namespace {

constexpr std::string_view kMarkStart = "<mark>";
constexpr std::string_view kMarkEnd = "</mark>";

bool is_article(const Xapian::Document& doc) {
    const std::string type = term(Field::Type, kTypeArticle);
    auto it = doc.termlist_begin();
    it.skip_to(type);
    return it != doc.termlist_end() && *it == type;
}

}  // namespace

void validate(const SearchParams& params) {
    if (params.q.size() > kMaxQueryBytes)
        throw Error(ErrorCode::InvalidArgument,
                    "q must be at most " + std::to_string(kMaxQueryBytes) + " bytes");
    if (params.size < 1 || params.size > kMaxPageSize)
        throw Error(ErrorCode::InvalidArgument,
                    "size must be an integer from 1 to " + std::to_string(kMaxPageSize));
    if (params.page < 1) throw Error(ErrorCode::InvalidArgument, "page must be an integer from 1");
    if (static_cast<unsigned long long>(params.page) * params.size > kMaxResultWindow)
        throw Error(ErrorCode::InvalidArgument,
                    "page × size must be at most " + std::to_string(kMaxResultWindow));
    if (params.min_confidence && !(*params.min_confidence >= 0.0 && *params.min_confidence <= 1.0))
        throw Error(ErrorCode::InvalidArgument, "min_confidence must be a number from 0 to 1");
}

Searcher::Searcher(const Xapian::Database& db) : db_(db), builder_(db_) {}

Searcher::Searcher(const Xapian::Database& db, DatabaseOpener open_snapshot)
    : db_(db), builder_(db_), open_snapshot_(std::move(open_snapshot)) {}

SearchResult Searcher::search(const SearchParams& params) {
    validate(params);
    SearchParams articles = params;
    articles.type = DocumentType::Article;
    articles.min_confidence.reset();  // an article has no confidence of its own
    return guarded(db_, [&] { return run_search(articles); });
}

Article Searcher::article(std::string_view id) {
    return guarded(db_, [&] { return find_article(id); });
}

IndexInfo Searcher::info() {
    return guarded(db_, [&] {
        IndexInfo info;
        info.documents = db_.get_termfreq(term(Field::Type, kTypeArticle));
        const std::string version = db_.get_metadata(std::string(kMetaSchemaVersion));
        // A malformed version stays 0; check_schema() already refused such an index on open.
        std::from_chars(version.data(), version.data() + version.size(), info.schema_version);
        info.built_at = db_.get_metadata(std::string(kMetaBuiltAt));
        return info;
    });
}

void Searcher::reopen() {
    guarded(db_, [&] { return db_.reopen(); });
}

Xapian::MSet Searcher::match(const BuiltQuery& built, const SearchParams& params, Facets& facets,
                             Histogram& histogram, MatchEnd& end) {
    const Xapian::doccount all = count_all(db_);
    MatchBudget budget;
    Xapian::Enquire enquire(db_);
    enquire.set_query(combine(built));
    budget.apply(enquire);
    Xapian::MultiValueKeyMaker keys;
    set_sort(enquire, effective_sort(params), keys);
    const Xapian::doccount first = (params.page - 1) * params.size;
    // No spies and no second matches: facets and histogram stay empty. Still exact (`all`),
    // so `total` means the same as with summaries.
    if (params.summaries == Summaries::Skip) {
        Xapian::MSet mset = enquire.get_mset(first, params.size, all);
        budget.record(mset, mset.get_matches_lower_bound());
        end = budget.end();
        return mset;
    }

    // A facet with a selection or exclusion is counted by its own query without them below.
    // Outlets go through the multi-value spy too, for its count of documents without one.
    MultiValueCountSpy outlet_spy(kSlotOutlet);
    Xapian::ValueCountMatchSpy year_spy(kSlotYear);
    MultiValueCountSpy speaker_spy(kSlotSpeakers);
    const bool outlet_filtered = filters_facet(built, FacetFilter::ExceptOutlet);
    const bool speaker_filtered = filters_facet(built, FacetFilter::ExceptSpeaker);
    // The histogram counts what `total` counts, so it rides on the main match (one pass).
    Xapian::ValueCountMatchSpy date_spy(kSlotDate);
    enquire.add_matchspy(&year_spy);
    enquire.add_matchspy(&date_spy);
    if (!outlet_filtered) enquire.add_matchspy(&outlet_spy);
    if (!speaker_filtered) enquire.add_matchspy(&speaker_spy);

    Xapian::MSet mset = enquire.get_mset(first, params.size, all);
    budget.record(mset, date_spy.get_total());

    // Counting-only passes: each ends at the budget's deadline (or after kLatePassSeconds when
    // the ranking pass spent it), its facet then counting the matches seen.
    if (outlet_filtered) {
        Xapian::Enquire others(db_);
        others.set_query(combine(built, FacetFilter::ExceptOutlet));
        others.add_matchspy(&outlet_spy);
        budget.count(others, all);
    }
    if (speaker_filtered) {
        Xapian::Enquire others(db_);
        others.set_query(combine(built, FacetFilter::ExceptSpeaker));
        others.add_matchspy(&speaker_spy);
        budget.count(others, all);
    }
    end = budget.end();
    facets.outlet = sorted_facet(outlet_spy);
    facets.speaker = sorted_facet(speaker_spy);
    facets.year = sorted_facet(year_spy);
    histogram = make_histogram(histogram_input(date_spy, params.interval));
    // The MSet keeps what it needs of the Enquire alive (snippets, documents).
    return mset;
}

SearchResult Searcher::run_search(const SearchParams& params) {
    const auto started = std::chrono::steady_clock::now();
    const BuiltQuery built = builder_.build(params);

    SearchResult result;
    const Xapian::MSet mset = match(built, params, result.facets, result.histogram, result.end);
    result.query = params.q;
    result.total = mset.get_matches_estimated();
    result.page = params.page;
    result.size = params.size;
    result.suggestion = built.suggestion;
    const Xapian::Stem stemmer = make_stemmer();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Article article = parse_article(it.get_document());
        std::string snippet;
        if (!params.q.empty()) {
            // Flags 0: the default background model and exhaustive search cost ~15× more here.
            snippet = mset.snippet(article.body, kSnippetBytes, stemmer, 0, std::string(kMarkStart),
                                   std::string(kMarkEnd), std::string(kEllipsis));
        }
        if (snippet.find(kMarkStart) == std::string::npos)
            snippet = leading_excerpt(article.body, kSnippetBytes);
        result.hits.push_back(make_hit(std::move(article), std::move(snippet)));
    }

    const std::chrono::duration<double, std::milli> took =
        std::chrono::steady_clock::now() - started;
    result.took_ms = took.count();
    return result;
}

Article Searcher::find_article(std::string_view id) {
    return parse_article(db_.get_document(article_docid(id)));
}

Xapian::docid Searcher::article_docid(std::string_view id) {
    const std::string unique = term(Field::Id, id);
    if (!id.empty()) {
        for (auto it = db_.postlist_begin(unique); it != db_.postlist_end(unique); ++it) {
            // Quote documents share the Q prefix ("<article id>~q<n>"); only articles count.
            if (is_article(db_.get_document(*it))) return *it;
        }
    }
    throw Error(ErrorCode::NotFound, "no article with this id");
}

}  // namespace broadsheet
