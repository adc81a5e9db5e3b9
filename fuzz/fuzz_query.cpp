// fuzz_query.cpp — fuzz target: query parameters → server parameter parsing → Xapian query → match.
//
// The input is a request's decoded query parameters, one "name=value" per line (a line without
// '=' is a name with an empty value), after a first byte that picks the endpoint: (byte % 8) is
// article search, quote search, the outlet / speaker / year facet values, suggestions, the Atom
// feed's search or the quote matrix. The parameters go through the server's parser
// (server/http_util.h) and then core's QueryBuilder and search features against a small real index,
// written at start-up into a temporary directory from the seed articles in corpus/ by the
// indexer's extraction and document builder. broadsheet::Error is the expected way to refuse
// input; any other exception escapes and is a finding.
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/error.h"
#include "core/extract/extract.h"
#include "core/extract/registry.h"
#include "core/index/document.h"
#include "core/schema.h"
#include "core/search/article_search.h"
#include "core/search/facet_values.h"
#include "core/search/matrix.h"
#include "core/search/query_builder.h"
#include "core/search/quote_search.h"
#include "core/search/search_context.h"
#include "core/search/suggest.h"
#include "server/http_util.h"

namespace {

namespace fs = std::filesystem;

// Articles written straight into the index besides the seed corpus: an undated one and one with
// markup in its body, as the search tests have.
std::vector<broadsheet::Article> extra_articles() {
    std::vector<broadsheet::Article> articles(2);
    articles[0].id = articles[0].source_path = "extra/undated.txt";
    articles[0].title = "A page with a script tag";
    articles[0].body = "Readers saw <script>alert(1)</script> where the ceasefire map should be.";
    articles[0].outlet = "The Moscow Times";
    articles[0].speakers = {"John Kerry"};
    articles[1].id = articles[1].source_path = "extra/markets.txt";
    articles[1].title = "Markets welcome the ceasefire";
    articles[1].body = "Oil prices fell as traders priced in a ceasefire and calmer economy.";
    articles[1].outlet = "Bloomberg";
    articles[1].date = broadsheet::Date::from_iso("2015-06-01");
    return articles;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The index of the seed articles in a temporary directory, removed at exit.
class FuzzIndex {
  public:
    FuzzIndex() {
        std::string pattern = (fs::temp_directory_path() / "broadsheet-fuzz-query-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) std::abort();
        path_ = pattern;
        const fs::path corpus_dir = BROADSHEET_FUZZ_REGISTRY_DIR;
        const auto registry = broadsheet::Registry::load(corpus_dir);
        const broadsheet::ExtractContext context{&registry};
        std::vector<broadsheet::Article> articles = extra_articles();
        for (const auto& entry : fs::directory_iterator(corpus_dir)) {
            if (!broadsheet::is_article_file(entry.path())) continue;
            broadsheet::SourceFile source{entry.path().filename().string(), read_file(entry.path()),
                                          std::nullopt};
            for (auto& article : broadsheet::extract_file(source, context).articles)
                articles.push_back(std::move(article));
        }
        {
            Xapian::WritableDatabase db((path_ / "db").string(), Xapian::DB_CREATE_OR_OVERWRITE);
            broadsheet::write_schema_metadata(db);
            for (const auto& article : articles) {
                db.replace_document(broadsheet::unique_term(article),
                                    broadsheet::make_article_document(article, &db));
                for (std::size_t i = 0; i < article.quotes.size(); ++i)
                    db.add_document(broadsheet::make_quote_document({article, i, {}}));
            }
            db.commit();
        }
        db_ = Xapian::Database((path_ / "db").string());
        // Seeds that fail to extract would leave the matcher nothing to find.
        if (db_.get_doccount() < articles.size()) std::abort();
    }
    ~FuzzIndex() {
        db_.close();
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    FuzzIndex(const FuzzIndex&) = delete;
    FuzzIndex& operator=(const FuzzIndex&) = delete;

    const Xapian::Database& db() const { return db_; }

  private:
    fs::path path_;
    Xapian::Database db_;
};

const Xapian::Database& database() {
    static const FuzzIndex index;
    return index.db();
}

broadsheet::ApiRequest request_from(std::string_view text) {
    broadsheet::ApiRequest request;
    request.host = "127.0.0.1:8080";
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        const std::size_t equals = line.find('=');
        if (equals == std::string_view::npos)
            request.params.emplace(std::string(line), std::string());
        else
            request.params.emplace(std::string(line.substr(0, equals)),
                                   std::string(line.substr(equals + 1)));
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return request;
}

void run(unsigned endpoint, broadsheet::ApiRequest& request) {
    broadsheet::SearchContext searcher(database());
    switch (endpoint) {
        case 0: {
            const auto params = broadsheet::parse_search_params(request);
            broadsheet::QueryBuilder builder(database());
            const auto built = builder.build(params);
            for (auto which : {broadsheet::FacetFilter::All, broadsheet::FacetFilter::ExceptOutlet,
                               broadsheet::FacetFilter::ExceptSpeaker})
                (void)broadsheet::combine(built, which).get_description();
            (void)search_articles(searcher, params);
            break;
        }
        case 1:
            (void)search_quotes(searcher, broadsheet::parse_search_params(
                                              request, broadsheet::DocumentType::Quote));
            break;
        case 2:
        case 3:
        case 4: {
            static constexpr std::array<const char*, 3> kFacets = {"outlet", "speaker", "year"};
            request.path_rest = kFacets[endpoint - 2];
            (void)facet_values(searcher, broadsheet::parse_facet_params(request));
            break;
        }
        case 5:
            (void)suggest(searcher, broadsheet::parse_suggest_params(request));
            break;
        case 6:
            (void)search_articles(searcher, broadsheet::parse_feed_params(request));
            break;
        default:
            (void)quote_matrix(searcher, broadsheet::parse_matrix_params(request));
            break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    auto request =
        request_from(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    try {
        run(data[0] % 8, request);
    } catch (const broadsheet::Error&) {
        // The documented refusal: a 400/404 response in the server.
    }
    return 0;
}
