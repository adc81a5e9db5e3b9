// extract.cpp — the extraction entry point: decode, pick the format step, resolve fields,
// apply the sidecar, find quotes and speakers.
#include "core/extract/extract.h"

#include <nlohmann/json.hpp>

#include "core/extract/decode.h"
#include "core/extract/fields.h"
#include "core/extract/html.h"
#include "core/extract/ids.h"
#include "core/extract/json_source.h"
#include "core/extract/markdown.h"
#include "core/extract/plain_text.h"
#include "core/extract/speakers/quotes.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

enum class SourceKind { Text, Markdown, Html, Json, JsonLines };

std::string extension_of(const std::filesystem::path& path) {
    return text::to_lower(path.extension().string());
}

// The extension decides, except that scrapers save HTML and markdown under ".txt".
SourceKind kind_of(const std::string& relative_path, std::string_view text) {
    const auto ext = extension_of(relative_path);
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

// Sidecar fields override extracted ones; an explicit null clears the field.
void apply_sidecar(const nlohmann::json& sidecar, const Registry& registry, Article& article) {
    const auto string_field = [&](const char* key, std::string& field, bool outlet = false) {
        const auto it = sidecar.find(key);
        if (it == sidecar.end()) return;
        if (it->is_null()) {
            field.clear();
        } else if (it->is_string()) {
            field = text::clean_inline(it->get<std::string>());
            if (outlet) field = normalise_outlet(field, registry);
        }
    };
    string_field("title", article.title);
    string_field("outlet", article.outlet, true);
    string_field("author", article.author);
    string_field("url", article.url);
    if (const auto it = sidecar.find("date"); it != sidecar.end()) {
        article.date = it->is_string() ? parse_date(it->get<std::string>()) : std::nullopt;
    }
    if (const auto it = sidecar.find("body"); it != sidecar.end() && it->is_string())
        article.body = it->get<std::string>();
}

}  // namespace

bool is_article_file(const std::filesystem::path& path) {
    const auto name = text::to_lower(path.filename().string());
    if (name.ends_with(".meta.json") || name.starts_with(".")) return false;
    const auto ext = extension_of(path);
    return ext == ".txt" || ext == ".md" || ext == ".markdown" || ext == ".html" || ext == ".htm" ||
           ext == ".json" || ext == ".jsonl" || ext == ".ndjson";
}

std::filesystem::path sidecar_path_for(const std::filesystem::path& article_path) {
    auto sidecar = article_path;
    sidecar.replace_extension(".meta.json");
    return sidecar;
}

ExtractResult extract_file(const SourceFile& file, const ExtractContext& context) {
    static const Registry kEmptyRegistry;
    const Registry& registry = context.registry ? *context.registry : kEmptyRegistry;
    ExtractResult result;
    auto& diagnostics = result.diagnostics;
    try {
        const auto decoded = decode_source(file.bytes, kMaxSourceBytes);
        if (!decoded.text) {
            diagnostics.push_back({file.relative_path, Severity::Skipped, decoded.skip_reason});
            return result;
        }
        if (!decoded.warning.empty())
            diagnostics.push_back({file.relative_path, Severity::Warning, decoded.warning});
        const std::string& text = *decoded.text;

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

        const std::string content_hash =
            hash_hex(file.bytes + '\0' + file.sidecar.value_or(std::string{}));
        for (auto& record : records) {
            Article article;
            article.source_path = file.relative_path;
            article.id = make_article_id(file.relative_path, record.record);
            article.content_hash = content_hash;
            resolve_fields(record.draft, registry, article);
            if (sidecar.is_object()) apply_sidecar(sidecar, registry, article);
            if (article.title.empty() && text::trim(article.body).empty()) {
                const auto where = record.record
                                       ? file.relative_path + ":" + std::to_string(record.record)
                                       : file.relative_path;
                diagnostics.push_back({where, Severity::Skipped, "no article text found"});
                continue;
            }
            auto analysis = analyse_speakers(
                SpeakerInput{article.title, article.body, article.author, &registry});
            article.quotes = std::move(analysis.quotes);
            article.speakers = std::move(analysis.speakers);
            result.articles.push_back(std::move(article));
        }
    } catch (const std::exception& e) {
        // A bug in a step must cost one file, never the run.
        result.articles.clear();
        diagnostics.push_back(
            {file.relative_path, Severity::Skipped, std::string("extraction failed: ") + e.what()});
    }
    return result;
}

}  // namespace broadsheet
