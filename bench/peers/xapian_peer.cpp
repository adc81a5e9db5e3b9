// xapian_peer.cpp — the bare Xapian + cpp-httplib peer of bench/peers: indexes a generated corpus
// and serves top-10 hits with exact outlet and speaker facets, the floor Broadsheet is held to.
//
//   xapian_peer index CORPUS_DIR DB      (reads CORPUS_DIR/labels.jsonl and the article files)
//   xapian_peer serve DB --port P [--threads N]
//   GET /search?q=&outlet=&speaker=&from=YYYY-MM-DD&to=YYYY-MM-DD
//     -> {"total","hits":[{"id","title"}],"facets":{"outlet":[...],"speaker":[...]}}
#include <httplib.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Value slots and boolean prefixes; the labels, not text extraction, give these fields.
constexpr Xapian::valueno kSlotOutlet = 0;
constexpr Xapian::valueno kSlotSpeakers = 1;  // names joined by '\n'
constexpr Xapian::valueno kSlotDate = 2;      // YYYYMMDD, sorts as a string
constexpr int kFacetSize = 10;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string compact_date(const std::string& iso) {
    std::string out;
    for (char c : iso) {
        if (c != '-') out += c;
    }
    return out;
}

int run_index(const std::string& corpus, const std::string& db_path) {
    const auto start = std::chrono::steady_clock::now();
    Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    std::ifstream labels(corpus + "/labels.jsonl");
    std::string line;
    long count = 0;
    while (std::getline(labels, line)) {
        const auto label = nlohmann::json::parse(line);
        const std::string text = read_file(corpus + "/" + label["path"].get<std::string>());
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text);  // the title is the file's first line
        std::string speakers;
        for (const auto& s : label["speakers"]) {
            const std::string name = s.get<std::string>();
            doc.add_boolean_term("XS" + name);
            speakers += (speakers.empty() ? "" : "\n") + name;
        }
        const std::string outlet = label["outlet"].get<std::string>();
        doc.add_boolean_term("XO" + outlet);
        doc.add_value(kSlotOutlet, outlet);
        doc.add_value(kSlotSpeakers, speakers);
        doc.add_value(kSlotDate, compact_date(label["date"].get<std::string>()));
        doc.set_data(nlohmann::json{{"id", label["id"]}, {"title", label["title"]}}.dump());
        db.add_document(doc);
        ++count;
    }
    db.commit();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("indexed %ld articles in %.1f s\n", count, seconds);
    return 0;
}

// Counts every value of a '\n'-joined multi-valued slot once per matching document.
class MultiValueSpy : public Xapian::MatchSpy {
  public:
    explicit MultiValueSpy(Xapian::valueno slot) : slot_(slot) {}
    void operator()(const Xapian::Document& doc, double) override {
        const std::string joined = doc.get_value(slot_);
        std::size_t begin = 0;
        while (begin < joined.size()) {
            std::size_t end = joined.find('\n', begin);
            if (end == std::string::npos) end = joined.size();
            ++counts_[joined.substr(begin, end - begin)];
            begin = end + 1;
        }
    }
    const std::map<std::string, long>& counts() const { return counts_; }

  private:
    Xapian::valueno slot_;
    std::map<std::string, long> counts_;
};

nlohmann::json top_values(const std::map<std::string, long>& counts) {
    std::vector<std::pair<std::string, long>> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second > b.second; });
    if (sorted.size() > kFacetSize) sorted.resize(kFacetSize);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [value, count] : sorted) out.push_back({{"value", value}, {"count", count}});
    return out;
}

Xapian::Query filter_query(const httplib::Request& req) {
    std::vector<Xapian::Query> filters;
    if (req.has_param("outlet") && !req.get_param_value("outlet").empty()) {
        filters.emplace_back("XO" + req.get_param_value("outlet"));
    }
    if (req.has_param("speaker") && !req.get_param_value("speaker").empty()) {
        filters.emplace_back("XS" + req.get_param_value("speaker"));
    }
    const std::string from = req.has_param("from") ? compact_date(req.get_param_value("from")) : "";
    const std::string to = req.has_param("to") ? compact_date(req.get_param_value("to")) : "";
    if (!from.empty() || !to.empty()) {
        filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, kSlotDate, from.empty() ? "0" : from,
                             to.empty() ? "99999999" : to);
    }
    return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

nlohmann::json search(Xapian::Database& db, const httplib::Request& req) {
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_default_op(Xapian::Query::OP_AND);
    const std::string text = req.has_param("q") ? req.get_param_value("q") : "";
    Xapian::Query query = text.empty() ? Xapian::Query::MatchAll
                                       : parser.parse_query(text, Xapian::QueryParser::FLAG_PHRASE);
    const Xapian::Query filters = filter_query(req);
    if (!filters.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filters);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    if (text.empty()) enquire.set_sort_by_value(kSlotDate, true);  // a browse: newest first
    Xapian::ValueCountMatchSpy outlets(kSlotOutlet);
    MultiValueSpy speakers(kSlotSpeakers);
    enquire.add_matchspy(&outlets);
    enquire.add_matchspy(&speakers);
    // check_at_least = the whole database: every match is seen, so totals and facets are exact.
    const Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    nlohmann::json hits = nlohmann::json::array();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        hits.push_back(nlohmann::json::parse(it.get_document().get_data()));
    }
    std::map<std::string, long> outlet_counts;
    for (auto it = outlets.values_begin(); it != outlets.values_end(); ++it) {
        outlet_counts[*it] = it.get_termfreq();
    }
    return {{"total", mset.get_matches_estimated()},
            {"hits", hits},
            {"facets",
             {{"outlet", top_values(outlet_counts)}, {"speaker", top_values(speakers.counts())}}}};
}

int run_serve(const std::string& db_path, int port, int threads) {
    httplib::Server server;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_tcp_nodelay(true);  // headers and body are two writes: no Nagle wait between them
    server.Get("/search", [&db_path](const httplib::Request& req, httplib::Response& res) {
        thread_local Xapian::Database db(db_path);  // one handle per worker thread
        try {
            res.set_content(search(db, req).dump(), "application/json");
        } catch (const Xapian::Error& e) {
            res.status = 400;
            res.set_content(nlohmann::json{{"error", e.get_description()}}.dump(),
                            "application/json");
        }
    });
    std::printf("listening on 127.0.0.1:%d\n", port);
    std::fflush(stdout);
    return server.listen("127.0.0.1", port) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bare Xapian + cpp-httplib peer of the Broadsheet benchmark"};
    app.require_subcommand(1);
    std::string corpus, db_path;
    int port = 0;
    int threads = 72;  // above 64 keep-alive connections, so none waits for a free thread
    auto* index = app.add_subcommand("index", "index CORPUS_DIR (labels.jsonl) into DB");
    index->add_option("CORPUS_DIR", corpus)->required();
    index->add_option("DB", db_path)->required();
    auto* serve = app.add_subcommand("serve", "serve /search from DB on 127.0.0.1");
    serve->add_option("DB", db_path)->required();
    serve->add_option("--port", port)->required();
    serve->add_option("--threads", threads, "HTTP worker threads")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    try {
        return index->parsed() ? run_index(corpus, db_path) : run_serve(db_path, port, threads);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "xapian_peer: %s\n", e.what());
        return 1;
    }
}
