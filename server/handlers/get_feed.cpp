// get_feed.cpp — GET /api/search.atom: the newest matches of a search as an Atom 1.0 feed, so a
// feed reader can alert on new articles; links are absolute, built from the request's host.
#include <algorithm>
#include <initializer_list>

#include "core/search/article_search.h"
#include "core/search/articles.h"
#include "core/search/feed.h"
#include "server/handlers/handlers.h"

namespace broadsheet {
namespace {

// `params` as a query string (names in order, repeated values in request order), leaving out
// `skipped` names: ones that do not change which articles the feed holds.
std::string query_string(const ApiRequest& request,
                         std::initializer_list<std::string_view> skipped) {
    std::string out;
    for (const auto& [name, value] : request.params) {
        if (value.empty() || std::find(skipped.begin(), skipped.end(), name) != skipped.end())
            continue;
        if (!out.empty()) out += '&';
        out += percent_encode(name) + "=" + percent_encode(value);
    }
    return out;
}

// "Broadsheet: ceasefire (outlet Bloomberg, from 2016-01-01)"; "latest articles" without q.
std::string feed_title(const SearchParams& params) {
    std::string filters;
    const auto add = [&](std::string_view label, const std::string& value) {
        filters += filters.empty() ? " (" : ", ";
        filters += std::string(label) + " " + value;
    };
    for (const auto& outlet : params.outlets) add("outlet", outlet);
    for (const auto& speaker : params.speakers) add("speaker", speaker);
    for (const auto& outlet : params.not_outlets) add("not outlet", outlet);
    for (const auto& speaker : params.not_speakers) add("not speaker", speaker);
    if (params.from) add("from", params.from->iso());
    if (params.to) add("to", params.to->iso());
    if (!filters.empty()) filters += ")";
    return "Broadsheet: " + (params.q.empty() ? std::string("latest articles") : params.q) +
           filters;
}

}  // namespace

ApiResponse get_feed(const ApiRequest& request, SearchContext& context) {
    const SearchParams params = parse_feed_params(request);
    const SearchResult result = search_articles(context, params);
    const std::string base = "http://" + request.host;
    const std::string search = query_string(request, {"page", "size", "sort"});

    AtomFeed feed;
    // The same search is the same feed whatever host or page size it is fetched with.
    feed.id = "urn:broadsheet:search:" + percent_encode(search);
    feed.title = feed_title(params);
    const std::string self = query_string(request, {"page", "sort"});
    feed.self = base + "/api/search.atom" + (self.empty() ? "" : "?" + self);
    feed.alternate = base + "/?" + (search.empty() ? "" : search + "&") + "sort=newest";
    feed.base = base;
    // The feed changes when the index does; an index without a build time falls back to the
    // newest dated hit, then to the epoch (Atom requires some instant).
    feed.updated = index_info(context).built_at;
    if (feed.updated.empty()) {
        feed.updated = "1970-01-01T00:00:00Z";
        for (const Hit& hit : result.hits) {
            if (!hit.date) continue;
            feed.updated = hit.date->iso() + "T00:00:00Z";
            break;
        }
    }
    return text_response("application/atom+xml; charset=utf-8", atom_feed(feed, result.hits));
}

}  // namespace broadsheet
