// article_search.cpp — article search: each hit the stored article with a snippet of its body
// marking the query's words, or its opening lines when no query word occurs in it (no snippet
// when the request leaves snippets out). A browse the facet columns can answer (no q; outlet,
// speaker and date filters) is served from them without a match, answering what the match
// would, byte for byte.
#include "core/search/article_search.h"

#include <optional>

#include "core/schema.h"
#include "core/search/body_terms.h"
#include "core/search/browse.h"
#include "core/search/histogram.h"
#include "core/search/hit_reader.h"
#include "core/search/search_internal.h"
#include "core/search/validate.h"

namespace broadsheet {
namespace {

using search_internal::kEllipsis;
using search_internal::kMarkEnd;
using search_internal::kMarkStart;
using search_internal::kSnippetBytes;

// What a hit needs besides its document: the request, the match's MSet when q has words to
// mark (nullptr for a browse), and the body test of q's words (nullptr: run the snippet
// generator on every body).
struct HitSource {
    const SearchParams& params;
    const Xapian::MSet* mset = nullptr;
    const Xapian::Stem& stemmer;
    const BodyTerms* body_terms = nullptr;
};

// The stored article's hit fields, read without a JSON tree; anything the reader does not take
// goes through the full parser, which says what is wrong with it.
Article hit_article(const Xapian::Document& doc) {
    if (std::optional<Article> article = read_hit_fields(doc.get_data()))
        return std::move(*article);
    return search_internal::parse_article(doc);
}

Hit article_hit(const HitSource& source, const Xapian::Document& doc, double& snippets_ms) {
    Article article = hit_article(doc);
    if (!source.params.shape.makes_snippets())
        return search_internal::make_hit(std::move(article), {});
    const auto started = std::chrono::steady_clock::now();
    std::string snippet;
    // A body without any of q's words (a hit on its title) gets the opening lines, which is what
    // the generator's unmarked window would be replaced by below.
    if (source.mset != nullptr && !source.params.q.empty() &&
        (source.body_terms == nullptr || source.body_terms->in_body(doc))) {
        // Flags 0: the default background model and exhaustive search cost ~15× more here.
        snippet = source.mset->snippet(article.body, kSnippetBytes, source.stemmer, 0,
                                       std::string(kMarkStart), std::string(kMarkEnd),
                                       std::string(kEllipsis));
    }
    if (snippet.find(kMarkStart) == std::string::npos)
        snippet = search_internal::leading_excerpt(article.body, kSnippetBytes);
    snippets_ms += search_internal::ms_since(started);
    return search_internal::make_hit(std::move(article), std::move(snippet));
}

// A browse the columns answer: the run of their date order and the outlet and speaker filter.
struct Browse {
    std::shared_ptr<const FacetColumns> columns;  // the ones slice and filter read
    BrowseSlice slice;
    BrowseFilter filter;
};

// The browse that answers `params` exactly from the columns, when the context serves browses
// from them and `params` is one: no q, newest or oldest first, a database with columns (one
// shard), dates and filter values the columns can answer (BrowseSlice::make, BrowseFilter::make).
std::optional<Browse> browse_of(SearchContext& context, const SearchParams& params) {
    const SortOrder order = effective_sort(params);
    if (context.browse_path() != BrowsePath::Columns || !params.q.empty() ||
        (order != SortOrder::Newest && order != SortOrder::Oldest))
        return std::nullopt;
    const std::shared_ptr<const FacetColumns> columns = context.columns();
    std::optional<BrowseSlice> slice = BrowseSlice::make(columns, params.from, params.to);
    std::optional<BrowseFilter> filter = BrowseFilter::make(columns, params);
    if (!slice || !filter) return std::nullopt;
    return Browse{columns, std::move(*slice), std::move(*filter)};
}

// The counts of a browse, split as the match's FacetPlan (search_internal.cpp) splits them: a
// facet under a selection or exclusion counts the matches of the other filters alone.
struct BrowseCounts {
    bool outlet_apart;
    bool speaker_apart;
    ColumnCountSpy main;
    ColumnCountSpy outlets;   // outlet_apart: the matches of all but the outlet filter
    ColumnCountSpy speakers;  // speaker_apart: the matches of all but the speaker filter

    BrowseCounts(const std::shared_ptr<const FacetColumns>& columns, const BrowseFilter& filter,
                 const ResultShape& shape)
        : outlet_apart(shape.facets.contains(FacetName::Outlet) && filter.filters_outlet()),
          speaker_apart(shape.facets.contains(FacetName::Speaker) && filter.filters_speaker()),
          main(columns, {.outlet = shape.facets.contains(FacetName::Outlet) && !outlet_apart,
                         .speaker = shape.facets.contains(FacetName::Speaker) && !speaker_apart,
                         .dates = shape.facets.contains(FacetName::Year) ||
                                  shape.histogram == Compute::Include}),
          outlets(columns, {.outlet = outlet_apart}),
          speakers(columns, {.speaker = speaker_apart}) {}
};

// Walks the browse in `order`: counts every match (and the apart facets' matches), and keeps the
// ids of the matches ranked [first, first + size). Returns the number of matches.
std::size_t walk(const Browse& browse, SortOrder order, std::size_t first, std::size_t size,
                 BrowseCounts& counts, std::vector<Xapian::docid>& page) {
    const BrowseFilter& filter = browse.filter;
    if (!filter.filters_outlet() && !filter.filters_speaker()) {
        // Every article of the slice matches: the page is a range of it, the counts need no
        // order (and cost nothing for the bare browse).
        const std::size_t last = std::min(first + size, browse.slice.size());
        for (std::size_t i = first; i < last; ++i) page.push_back(browse.slice.at(i, order));
        browse.slice.count(counts.main);
        return browse.slice.size();
    }
    std::size_t rank = 0;
    browse.slice.visit(order, [&](Xapian::docid id) {
        const bool outlet = filter.passes_outlet(id);
        const bool speaker = filter.passes_speaker(id);
        if (counts.outlet_apart && speaker) counts.outlets.count(id);
        if (counts.speaker_apart && outlet) counts.speakers.count(id);
        if (!outlet || !speaker) return;
        counts.main.count(id);
        if (rank >= first && rank < first + size) page.push_back(id);
        ++rank;
    });
    return rank;
}

// The facets and histogram `params.shape` asks for, from `counts`, as the match makes them.
void summarise(const BrowseCounts& counts, const SearchParams& params, SearchResult& result) {
    const ResultShape& shape = params.shape;
    if (shape.facets.contains(FacetName::Outlet))
        result.facets.outlet =
            search_internal::cut((counts.outlet_apart ? counts.outlets : counts.main).outlets(),
                                 shape.facet_size, params.outlets, params.not_outlets);
    if (shape.facets.contains(FacetName::Speaker))
        result.facets.speaker =
            search_internal::cut((counts.speaker_apart ? counts.speakers : counts.main).speakers(),
                                 shape.facet_size, params.speakers, params.not_speakers);
    if (shape.facets.contains(FacetName::Year)) result.facets.year = counts.main.years();
    if (shape.histogram == Compute::Include)
        result.histogram = make_histogram(counts.main.histogram_input(params.interval));
}

// The page of `params` (a browse: no q) from the columns: only the page's documents are read.
SearchResult browse_page(SearchContext& context, const Browse& browse, const SearchParams& params,
                         const HitSource& source) {
    const auto started = std::chrono::steady_clock::now();
    SearchResult result;
    result.query = params.q;
    result.page = params.page;
    result.size = params.size;
    result.shape = params.shape;
    result.timing.path = SearchPath::Columns;
    BrowseCounts counts(browse.columns, browse.filter, params.shape);
    std::vector<Xapian::docid> page;
    result.total =
        walk(browse, effective_sort(params),
             static_cast<std::size_t>(params.page - 1) * params.size, params.size, counts, page);
    result.timing.match_ms = search_internal::ms_since(started);
    const auto listing = std::chrono::steady_clock::now();
    summarise(counts, params, result);
    result.timing.facets_ms = search_internal::ms_since(listing);
    for (const Xapian::docid id : page)
        result.hits.push_back(
            article_hit(source, context.db().get_document(id), result.timing.snippets_ms));
    result.took_ms = search_internal::ms_since(started);
    return result;
}

}  // namespace

SearchResult search_articles(SearchContext& context, const SearchParams& params) {
    validate(params);
    SearchParams articles = params;
    articles.type = DocumentType::Article;
    articles.min_confidence.reset();  // an article has no confidence of its own
    const Xapian::Stem& stemmer = context.stemmer();
    return context.guarded([&] {
        if (const std::optional<Browse> browse = browse_of(context, articles))
            return browse_page(context, *browse, articles, {articles, nullptr, stemmer});
        // Made at the first hit, from the query the match ran; not over remote shards, where
        // reading a hit's termlist is one more round trip.
        std::optional<std::optional<BodyTerms>> body_terms;
        return search_internal::run_page<Hit>(
            context, articles,
            [&](const Xapian::MSet& mset, const Xapian::MSetIterator& it, const BuiltQuery& built,
                double& snippets_ms) {
                if (!body_terms)
                    body_terms = context.reach() == ShardReach::Local ? BodyTerms::make(built.text)
                                                                      : std::optional<BodyTerms>();
                const BodyTerms* terms = *body_terms ? &**body_terms : nullptr;
                return article_hit({articles, &mset, stemmer, terms}, it.get_document(),
                                   snippets_ms);
            });
    });
}

}  // namespace broadsheet
