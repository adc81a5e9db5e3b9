// extract.cpp — the extraction entry point: decode, pick the format step, resolve fields,
// apply the sidecar, find quotes and speakers.
#include "core/extract/extract.h"

#include <nlohmann/json.hpp>

#include "core/extract/decode.h"
#include "core/extract/fields.h"
#include "core/extract/gzip.h"
#include "core/extract/html.h"
#include "core/extract/json_source.h"
#include "core/extract/markdown.h"
#include "core/extract/outlet.h"
#include "core/extract/plain_text.h"
#include "core/extract/speakers/quotes.h"
#include "core/extract/text_util.h"
#include "core/extract/warc.h"

namespace broadsheet {
namespace {

enum class SourceKind { Text, Markdown, Html, Json, JsonLines };

std::string extension_of(const std::filesystem::path& path) {
    return text::to_lower(path.extension().string());
}

bool is_gzip_name(const std::filesystem::path& path) {
    return extension_of(path) == ".gz";
}

// The file a compressed one holds: "a/b.html.gz" → "a/b.html".
std::filesystem::path inner_path(const std::filesystem::path& path) {
    return is_gzip_name(path) ? path.parent_path() / path.stem() : path;
}

// The extension decides, except that scrapers save HTML and markdown under ".txt".
SourceKind kind_of(const std::string& relative_path, std::string_view text) {
    const auto ext = extension_of(inner_path(relative_path));
    if (ext == ".json") return SourceKind::Json;
    if (ext == ".jsonl" || ext == ".ndjson") return SourceKind::JsonLines;
    if (ext == ".html" || ext == ".htm") return SourceKind::Html;
    const auto head = text::to_lower(text::trim(text.substr(0, 512)));
    if (head.starts_with("<!doctype html") || head.starts_with("<html") ||
        (head.starts_with("<") && head.find("<body") != std::string::npos))
        return SourceKind::Html;
    if (ext == ".md" || ext == ".markdown" || looks_like_markdown(text))
        return SourceKind::Markdown;
    return SourceKind::Text;
}

struct Record {
    Draft draft;
    std::size_t record = 0;  // JSON Lines line number; 0 for whole-file articles
};

void read_json_lines(const SourceFile& file, std::string_view text, std::vector<Record>& out,
                     std::vector<Diagnostic>& diagnostics) {
    std::size_t number = 0;
    for (const auto line : text::split_lines(text)) {
        ++number;
        if (text::trim(line).empty()) continue;
        const std::string where = file.relative_path + ":" + std::to_string(number);
        const auto json = nlohmann::json::parse(line, nullptr, false);
        if (json.is_discarded()) {
            diagnostics.push_back({where, Severity::Skipped, "invalid JSON on this line"});
            continue;
        }
        if (!json.is_object()) {
            diagnostics.push_back({where, Severity::Skipped, "line is not a JSON object"});
            continue;
        }
        if (json_article_is_empty(json)) {
            diagnostics.push_back({where, Severity::Skipped, "record has no title and no body"});
            continue;
        }
        out.push_back({parse_json_article(json), number});
    }
}

void read_json(const SourceFile& file, std::string_view text, std::vector<Record>& out,
               std::vector<Diagnostic>& diagnostics) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        diagnostics.push_back({file.relative_path, Severity::Skipped, "invalid JSON"});
        return;
    }
    if (json.is_array()) {
        // Tolerated: a list of article objects, numbered like JSON Lines records.
        std::size_t number = 0;
        for (const auto& item : json) {
            ++number;
            if (json_article_is_empty(item)) {
                diagnostics.push_back({file.relative_path + ":" + std::to_string(number),
                                       Severity::Skipped, "array element is not an article"});
                continue;
            }
            out.push_back({parse_json_article(item), number});
        }
        return;
    }
    if (json_article_is_empty(json)) {
        diagnostics.push_back(
            {file.relative_path, Severity::Skipped, "JSON object has no title and no body"});
        return;
    }
    out.push_back({parse_json_article(json), 0});
}

// The format step the file's kind calls for: one draft per article the file holds.
std::vector<Record> read_records(const SourceFile& file, std::string_view text,
                                 std::vector<Diagnostic>& diagnostics) {
    std::vector<Record> records;
    switch (kind_of(file.relative_path, text)) {
        case SourceKind::JsonLines:
            read_json_lines(file, text, records, diagnostics);
            break;
        case SourceKind::Json:
            read_json(file, text, records, diagnostics);
            break;
        case SourceKind::Html:
            records.push_back({parse_html(text), 0});
            break;
        case SourceKind::Markdown:
            records.push_back({parse_text(text, TextOptions{TextFlavour::Markdown, {}}), 0});
            break;
        case SourceKind::Text:
            records.push_back({parse_text(text, TextOptions{TextFlavour::Plain, {}}), 0});
            break;
    }
    return records;
}

// Sidecar fields override extracted ones; an explicit null clears the field. A field of the wrong
// type, an unparsable date or a URL that is not http(s) is ignored with a warning: the extracted
// value stays.
void apply_sidecar(const nlohmann::json& sidecar, const Registry& registry,
                   const std::string& where, Article& article,
                   std::vector<Diagnostic>& diagnostics) {
    const auto ignored = [&](const char* key, const std::string& why) {
        diagnostics.push_back({where, Severity::Warning,
                               std::string("sidecar field \"") + key + "\" ignored: " + why});
    };
    const auto wrong_type = [&](const char* key, const nlohmann::json& value, const char* wanted) {
        ignored(key, std::string("type ") + value.type_name() + ", expected " + wanted);
    };
    enum class Kind { Text, Outlet, Url };
    const auto string_field = [&](const char* key, std::string& field, Kind kind) {
        const auto it = sidecar.find(key);
        if (it == sidecar.end()) return;
        if (it->is_null()) {
            field.clear();
            return;
        }
        if (!it->is_string()) {
            wrong_type(key, *it, "a string or null");
            return;
        }
        std::string value = text::clean_inline(it->get<std::string>());
        if (kind == Kind::Url && !is_web_url(value)) {
            ignored(key, "not an http(s) URL");
            return;
        }
        if (kind == Kind::Outlet) value = normalise_outlet(value, registry);
        field = std::move(value);
    };
    string_field("title", article.title, Kind::Text);
    string_field("outlet", article.outlet, Kind::Outlet);
    string_field("author", article.author, Kind::Text);
    string_field("url", article.url, Kind::Url);
    if (const auto it = sidecar.find("date"); it != sidecar.end()) {
        if (it->is_null()) {
            article.date.reset();
        } else if (!it->is_string()) {
            wrong_type("date", *it, "a date string or null");
        } else if (auto date = parse_date(it->get<std::string>())) {
            article.date = date;
        } else {
            ignored("date", "\"" + text::clean_inline(it->get<std::string>()) + "\" is not a date");
        }
    }
    if (const auto it = sidecar.find("body"); it != sidecar.end()) {
        if (it->is_string())
            article.body = it->get<std::string>();
        else
            wrong_type("body", *it, "a string");
    }
}

// Only http(s) URLs are kept: a "javascript:" or "data:" link must not name an outlet, date an
// article or be served as its link.
void drop_non_web_url(std::string& url, const std::string& where,
                      std::vector<Diagnostic>& diagnostics) {
    if (url.empty() || is_web_url(url)) return;
    const std::string shown = url.size() > 40 ? url.substr(0, 40) + "..." : url;
    diagnostics.push_back({where, Severity::Warning,
                           "URL \"" + text::clean_inline(shown) + "\" is not http(s); dropped"});
    url.clear();
}

// The sidecar's "url" when it is a web URL, else "".
std::string sidecar_url(const nlohmann::json& sidecar) {
    if (!sidecar.is_object()) return {};
    const auto it = sidecar.find("url");
    if (it == sidecar.end() || !it->is_string()) return {};
    std::string url = text::clean_inline(it->get<std::string>());
    return is_web_url(url) ? url : std::string{};
}

// What every article of one file shares: the file, its content hash and the registry.
struct FileArticles {
    const SourceFile& file;
    std::string hash;
    const Registry* registry;
};

// Resolves one record's draft into an article, applies the sidecar and finds its quotes and
// speakers; an empty one becomes a Skipped diagnostic. `archived_url` is a WARC record's
// target URI: the address the page was fetched from is its URL, whatever the page names.
void add_article(const FileArticles& from, Record&& record, const nlohmann::json& sidecar,
                 const std::string& archived_url, ExtractResult& result) {
    auto& diagnostics = result.diagnostics;
    const Registry& registry = *from.registry;
    const std::string& path = from.file.relative_path;
    Article article;
    article.source_path = path;
    article.id = make_article_id(path, record.record);
    article.content_hash = from.hash;
    const auto where = record.record ? path + ":" + std::to_string(record.record) : path;
    drop_non_web_url(record.draft.meta_url, where, diagnostics);
    drop_non_web_url(record.draft.url, where, diagnostics);
    // An operator-supplied URL is evidence too: its path may carry the date.
    if (record.draft.url.empty() && record.draft.meta_url.empty())
        record.draft.url = archived_url.empty() ? sidecar_url(sidecar) : archived_url;
    resolve_fields(record.draft, registry, article);
    if (!archived_url.empty() && is_web_url(archived_url)) article.url = archived_url;
    if (sidecar.is_object()) apply_sidecar(sidecar, registry, where, article, diagnostics);
    if (article.title.empty() && text::trim(article.body).empty()) {
        diagnostics.push_back({where, Severity::Skipped, "no article text found"});
        return;
    }
    if (text::trim(article.body).empty()) {
        diagnostics.push_back(
            {where, Severity::Warning, "no body text found; indexed by its title only"});
    }
    auto analysis =
        analyse_speakers(SpeakerInput{article.title, article.body, article.author, &registry});
    article.quotes = std::move(analysis.quotes);
    article.speakers = std::move(analysis.speakers);
    if (article.quotes.size() > kMaxQuotesPerArticle) {
        diagnostics.push_back({where, Severity::Warning,
                               std::to_string(article.quotes.size()) + " quotes; only the first " +
                                   std::to_string(kMaxQuotesPerArticle) + " are kept"});
        article.quotes.resize(kMaxQuotesPerArticle);
    }
    result.articles.push_back(std::move(article));
}

// A file that is one article, or a JSON / JSON Lines export of several: `bytes` are its
// contents (inflated, for a .gz file).
void extract_whole_file(const FileArticles& from, std::string_view bytes, ExtractResult& result) {
    const SourceFile& file = from.file;
    auto& diagnostics = result.diagnostics;
    const auto decoded = decode_source(bytes, kMaxSourceBytes);
    if (!decoded.text) {
        diagnostics.push_back({file.relative_path, Severity::Skipped, decoded.skip_reason});
        return;
    }
    if (!decoded.warning.empty())
        diagnostics.push_back({file.relative_path, Severity::Warning, decoded.warning});

    nlohmann::json sidecar;
    if (file.sidecar) {
        auto parsed = nlohmann::json::parse(*file.sidecar, nullptr, false);
        if (parsed.is_object()) {
            sidecar = std::move(parsed);
        } else {
            diagnostics.push_back({file.relative_path, Severity::Warning,
                                   "sidecar .meta.json is not a JSON object; ignored"});
        }
    }
    for (auto& record : read_records(file, *decoded.text, diagnostics))
        add_article(from, std::move(record), sidecar, {}, result);
}

// A WARC file: every HTML response record is an article numbered by its record.
void extract_warc(const SourceFile& file, const Registry& registry, ExtractResult& result) {
    auto& diagnostics = result.diagnostics;
    if (file.sidecar) {
        diagnostics.push_back({file.relative_path, Severity::Warning,
                               "sidecar .meta.json ignored: a WARC file holds many pages"});
    }
    const FileArticles from{file, content_hash(file), &registry};
    const nlohmann::json no_sidecar;
    std::size_t pages = 0;
    const auto on_page = [&](WarcPage&& page) {
        ++pages;
        const std::string where = file.relative_path + ":" + std::to_string(page.record);
        // A bug in a step costs this page, not the thousands of others in the crawl.
        try {
            const auto decoded = decode_with_charset(page.body, kMaxSourceBytes, page.charset);
            if (!decoded.text) {
                diagnostics.push_back({where, Severity::Skipped, decoded.skip_reason});
                return;
            }
            if (!decoded.warning.empty())
                diagnostics.push_back({where, Severity::Warning, decoded.warning});
            add_article(from, Record{parse_html(*decoded.text), page.record}, no_sidecar, page.url,
                        result);
        } catch (const std::exception& e) {
            diagnostics.push_back(
                {where, Severity::Skipped, std::string("extraction failed: ") + e.what()});
        }
    };
    read_warc_pages(file.bytes, file.relative_path, WarcLimits{}, on_page, diagnostics);
    if (pages == 0) {
        diagnostics.push_back(
            {file.relative_path, Severity::Skipped, "no HTML page among the WARC records"});
    }
}

}  // namespace

bool is_article_file(const std::filesystem::path& path) {
    const std::filesystem::path inner = inner_path(path);
    const auto name = text::to_lower(inner.filename().string());
    if (name.ends_with(".meta.json") || name.starts_with(".")) return false;
    const auto ext = extension_of(inner);
    return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" ||
           ext == ".json" || ext == ".jsonl" || ext == ".ndjson" || ext == ".warc";
}

bool is_warc_file(const std::filesystem::path& path) {
    return extension_of(inner_path(path)) == ".warc";
}

std::size_t max_source_bytes(const std::filesystem::path& path) {
    return is_warc_file(path) ? kMaxArchiveBytes : kMaxSourceBytes;
}

std::filesystem::path sidecar_path_for(const std::filesystem::path& article_path) {
    auto sidecar = inner_path(article_path);
    sidecar.replace_extension(".meta.json");
    return sidecar;
}

ExtractResult extract_file(const SourceFile& file, const ExtractContext& context) {
    static const Registry kEmptyRegistry;
    const Registry& registry = context.registry ? *context.registry : kEmptyRegistry;
    ExtractResult result;
    try {
        if (is_warc_file(file.relative_path)) {
            extract_warc(file, registry, result);
        } else if (is_gzip_name(file.relative_path)) {
            GzipResult inflated = gunzip(file.bytes, kMaxSourceBytes);
            if (inflated.status != GzipStatus::Ok) {
                result.diagnostics.push_back(
                    {file.relative_path, Severity::Skipped, "gzip: " + inflated.reason});
                return result;
            }
            const FileArticles whole{file, content_hash(file), &registry};
            extract_whole_file(whole, inflated.bytes, result);
        } else {
            extract_whole_file(FileArticles{file, content_hash(file), &registry}, file.bytes,
                               result);
        }
    } catch (const std::exception& e) {
        // A bug in a step must cost one file, never the run.
        result.articles.clear();
        result.diagnostics.push_back(
            {file.relative_path, Severity::Skipped, std::string("extraction failed: ") + e.what()});
    }
    return result;
}

void prepare_extraction_threads() {
    init_html_parser();
    init_decoder();
}

}  // namespace broadsheet
