// http_util.cpp — parameter reading (typed values, strict, naming the bad parameter; their rules
// are core's validate()), UTF-8 checks, the request's host, response builders and the single
// ErrorCode → HTTP mapping.
#include "server/http_util.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <optional>
#include <vector>

#include "core/search/validate.h"

namespace broadsheet {
namespace {

constexpr std::string_view kGenericInternal = "internal error";

// The value of a parameter that may appear once; nullopt when absent or empty.
std::optional<std::string> single(const ApiRequest& request, const std::string& name) {
    auto [first, last] = request.params.equal_range(name);
    if (first == last) return std::nullopt;
    if (std::next(first) != last)
        throw Error(ErrorCode::InvalidArgument, name + " may be given only once");
    if (!is_valid_utf8(first->second))
        throw Error(ErrorCode::InvalidArgument, name + " must be valid UTF-8");
    if (first->second.empty()) return std::nullopt;
    return first->second;
}

std::vector<std::string> repeated(const ApiRequest& request, const std::string& name) {
    std::vector<std::string> values;
    auto [first, last] = request.params.equal_range(name);
    for (auto it = first; it != last; ++it) {
        if (!is_valid_utf8(it->second))
            throw Error(ErrorCode::InvalidArgument, name + " must be valid UTF-8");
        if (!it->second.empty()) values.push_back(it->second);
    }
    return values;
}

// The parameter `rule.name` as a whole number (digits only: no sign, spaces or exponent);
// nullopt when absent or empty. Its range is validate()'s to check; the error for text that is
// no such number says the same as validate()'s.
std::optional<unsigned> read_unsigned(const ApiRequest& request, const UnsignedRule& rule) {
    const auto text = single(request, std::string(rule.name));
    if (!text) return std::nullopt;
    unsigned value = 0;
    const char* end = text->data() + text->size();
    auto [ptr, ec] = std::from_chars(text->data(), end, value);
    const bool digits_only = text->find_first_not_of("0123456789") == std::string::npos;
    if (!digits_only || ec != std::errc() || ptr != end)
        throw Error(ErrorCode::InvalidArgument, rule.must());
    return value;
}

// One API spelling of an enum value.
template <class Enum>
struct EnumText {
    std::string_view text;
    Enum value;
};

// The value of parameter `name` spelled as in `table`; nullopt when absent or empty. Any other
// text is refused with the table's spellings ("sort must be relevance, newest or oldest").
template <class Enum, std::size_t N>
std::optional<Enum> read_enum(const ApiRequest& request, const std::string& name,
                              const EnumText<Enum> (&table)[N]) {
    const auto text = single(request, name);
    if (!text) return std::nullopt;
    for (const auto& row : table)
        if (row.text == *text) return row.value;
    std::string message = name + " must be ";
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) message += i + 1 == N ? " or " : ", ";
        message += table[i].text;
    }
    throw Error(ErrorCode::InvalidArgument, message);
}

constexpr EnumText<SortOrder> kSortNames[] = {{"relevance", SortOrder::Relevance},
                                              {"newest", SortOrder::Newest},
                                              {"oldest", SortOrder::Oldest}};
constexpr EnumText<HistogramInterval> kIntervalNames[] = {{"auto", HistogramInterval::Auto},
                                                          {"day", HistogramInterval::Day},
                                                          {"month", HistogramInterval::Month},
                                                          {"year", HistogramInterval::Year}};
constexpr EnumText<DocumentType> kTypeNames[] = {{"article", DocumentType::Article},
                                                 {"quote", DocumentType::Quote}};
// The matrix's rows are always speakers; the parameter exists so that a client says so.
enum class MatrixRows { Speaker };
constexpr EnumText<MatrixRows> kRowNames[] = {{"speaker", MatrixRows::Speaker}};
constexpr EnumText<MatrixColumns> kColumnNames[] = {{"outlet", MatrixColumns::Outlet},
                                                    {"month", MatrixColumns::Month}};
constexpr EnumText<SuggestFormat> kSuggestFormatNames[] = {
    {"json", SuggestFormat::Json}, {"opensearch", SuggestFormat::OpenSearch}};

// The API's switches: 0 leaves a part out, 1 (the default) includes it.
constexpr EnumText<Compute> kComputeNames[] = {{"0", Compute::Skip}, {"1", Compute::Include}};
constexpr EnumText<Timing> kTimingNames[] = {{"0", Timing::Off}, {"1", Timing::Report}};
constexpr EnumText<FacetName> kFacetNames[] = {
    {"outlet", FacetName::Outlet}, {"speaker", FacetName::Speaker}, {"year", FacetName::Year}};
// `id` is accepted so that fields=id asks for ids alone; every hit has one anyway.
constexpr EnumText<std::optional<HitField>> kHitFieldNames[] = {
    {"id", std::nullopt},         {"title", HitField::Title},    {"date", HitField::Date},
    {"outlet", HitField::Outlet}, {"author", HitField::Author},  {"speakers", HitField::Speakers},
    {"url", HitField::Url},       {"snippet", HitField::Snippet}};

// `text` split at commas into values of `table`, refusing anything else (an empty item too) with
// "<name> must be a comma-separated list of <spellings>".
template <class Enum, std::size_t N>
std::vector<Enum> comma_list(const std::string& name, std::string_view text,
                             const EnumText<Enum> (&table)[N]) {
    std::vector<Enum> values;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string_view item = text.substr(start, end - start);
        const auto row = std::find_if(std::begin(table), std::end(table),
                                      [&](const auto& r) { return r.text == item; });
        if (row == std::end(table)) {
            std::string message = name + " must be a comma-separated list of ";
            for (std::size_t i = 0; i < N; ++i)
                message += (i > 0 ? ", " : "") + std::string(table[i].text);
            throw Error(ErrorCode::InvalidArgument, message);
        }
        values.push_back(row->value);
        if (end == text.size()) return values;
        start = end + 1;
    }
}

// facets: absent → all; present but empty, or `none` → none; else the listed ones.
EnumSet<FacetName> read_facets(const ApiRequest& request) {
    if (request.params.count("facets") == 0) return kAllFacets;
    const auto text = single(request, "facets");
    EnumSet<FacetName> facets;
    if (!text || *text == "none") return facets;
    for (FacetName facet : comma_list("facets", *text, kFacetNames)) facets.add(facet);
    return facets;
}

std::optional<Date> parse_date(const ApiRequest& request, const std::string& name) {
    const auto text = single(request, name);
    if (!text) return std::nullopt;
    auto date = Date::from_iso(*text);
    if (!date)
        throw Error(ErrorCode::InvalidArgument, name + " must be a real date written YYYY-MM-DD");
    return date;
}

// Plain decimal (digits and at most one '.', no sign or exponent) within [0, 1].
double parse_fraction(const std::string& name, const std::string& text) {
    double value = -1.0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
    const bool plain = text.find_first_not_of("0123456789.") == std::string::npos;
    if (!plain || ec != std::errc() || ptr != end || !(value >= 0.0 && value <= 1.0))
        throw Error(ErrorCode::InvalidArgument, name + " must be a number from 0 to 1");
    return value;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, cp = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, cp = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, cp = lead & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size()) return false;  // truncated sequence
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cont = static_cast<unsigned char>(text[i + k]);
            if ((cont & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cont & 0x3F);
        }
        // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

std::string printable(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

SearchParams parse_search_params(const ApiRequest& request, DocumentType type) {
    SearchParams params;
    params.type = type;
    if (type == DocumentType::Quote) {
        if (auto min = single(request, "min_confidence"))
            params.min_confidence = parse_fraction("min_confidence", *min);
    }
    if (auto q = single(request, "q")) params.q = *q;
    params.outlets = repeated(request, "outlet");
    params.speakers = repeated(request, "speaker");
    params.not_outlets = repeated(request, "not_outlet");
    params.not_speakers = repeated(request, "not_speaker");
    params.from = parse_date(request, "from");
    params.to = parse_date(request, "to");
    params.sort = read_enum(request, "sort", kSortNames);
    params.interval = read_enum(request, "interval", kIntervalNames).value_or(params.interval);
    params.page = read_unsigned(request, kPageRule).value_or(params.page);
    params.size = read_unsigned(request, kPageSizeRule).value_or(params.size);
    return params;
}

ResultShape parse_result_shape(const ApiRequest& request, DocumentType type) {
    ResultShape shape;
    shape.facets = read_facets(request);
    shape.facet_size = read_unsigned(request, kFacetSizeRule).value_or(shape.facet_size);
    shape.histogram = read_enum(request, "histogram", kComputeNames).value_or(shape.histogram);
    shape.snippets = read_enum(request, "snippets", kComputeNames).value_or(shape.snippets);
    shape.timing = read_enum(request, "debug", kTimingNames).value_or(shape.timing);
    // A quote hit's fields are not chosen: fields is an article parameter.
    if (type == DocumentType::Article) {
        if (auto text = single(request, "fields")) {
            shape.fields = {};
            for (auto field : comma_list("fields", *text, kHitFieldNames))
                if (field) shape.fields.add(*field);
        }
    }
    return shape;
}

FacetValuesParams parse_facet_params(const ApiRequest& request) {
    FacetValuesParams params;
    const auto facet = facet_named(request.path_rest);
    if (!facet) throw Error(ErrorCode::NotFound, "no such facet: facets are outlet, speaker, year");
    params.facet = *facet;
    const DocumentType type =
        read_enum(request, "type", kTypeNames).value_or(DocumentType::Article);
    params.filters = parse_search_params(request, type);
    if (auto prefix = single(request, "prefix")) params.prefix = *prefix;
    params.limit = read_unsigned(request, kFacetLimitRule).value_or(params.limit);
    return params;
}

SpeakersParams parse_speakers_params(const ApiRequest& request) {
    SpeakersParams params;
    if (auto prefix = single(request, "prefix")) params.prefix = *prefix;
    params.limit = read_unsigned(request, kSpeakerLimitRule).value_or(params.limit);
    return params;
}

std::string parse_speaker_name(const ApiRequest& request) {
    if (!is_valid_utf8(request.path_rest))
        throw Error(ErrorCode::InvalidArgument, "the speaker name must be valid UTF-8");
    return request.path_rest;
}

MatrixParams parse_matrix_params(const ApiRequest& request) {
    MatrixParams params;
    params.filters = parse_search_params(request, DocumentType::Quote);
    read_enum(request, "rows", kRowNames);
    params.cols = read_enum(request, "cols", kColumnNames).value_or(params.cols);
    params.limit = read_unsigned(request, kMatrixLimitRule).value_or(params.limit);
    return params;
}

RelatedParams parse_related_params(const ApiRequest& request) {
    RelatedParams params;
    params.id = request.path_rest;
    params.size = read_unsigned(request, kRelatedSizeRule).value_or(params.size);
    return params;
}

SuggestParams parse_suggest_params(const ApiRequest& request) {
    SuggestParams params;
    if (auto q = single(request, "q")) params.q = *q;
    params.limit = read_unsigned(request, kSuggestLimitRule).value_or(params.limit);
    return params;
}

SuggestFormat parse_suggest_format(const ApiRequest& request) {
    return read_enum(request, "format", kSuggestFormatNames).value_or(SuggestFormat::Json);
}

SearchParams parse_export_params(const ApiRequest& request) {
    ApiRequest all = request;
    all.params.erase("page");
    all.params.erase("size");
    return parse_search_params(all);
}

SearchParams parse_feed_params(const ApiRequest& request) {
    ApiRequest feed = request;
    feed.params.erase("page");
    feed.params.erase("sort");
    SearchParams params = parse_search_params(feed);
    params.size = read_unsigned(feed, kPageSizeRule).value_or(kFeedSize);
    params.sort = SortOrder::Newest;
    // A feed shows entries only; facets and the histogram (and its interval limit) do not apply.
    params.shape = kHitsOnly;
    return params;
}

std::string request_host(std::string_view header, std::string_view fallback) {
    constexpr std::size_t kMaxHostBytes = 255;
    if (header.empty() || header.size() > kMaxHostBytes) return std::string(fallback);
    std::string_view name = header;
    std::string_view port;
    if (header.front() == '[') {
        const std::size_t close = header.find(']');
        if (close == std::string_view::npos) return std::string(fallback);
        const std::string_view inside = header.substr(1, close - 1);
        if (inside.empty() ||
            inside.find_first_not_of("0123456789abcdefABCDEF:.") != std::string_view::npos)
            return std::string(fallback);
        name = header.substr(0, close + 1);
        const std::string_view rest = header.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return std::string(fallback);
            port = rest.substr(1);
            if (port.empty()) return std::string(fallback);
        }
    } else {
        if (const std::size_t colon = header.find(':'); colon != std::string_view::npos) {
            name = header.substr(0, colon);
            port = header.substr(colon + 1);
            if (port.empty()) return std::string(fallback);
        }
        const bool name_ok =
            !name.empty() && name.front() != '-' && name.front() != '.' &&
            name.find_first_not_of(
                "abcdefghijklmnopqrstuvwxyz"
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") == std::string_view::npos;
        if (!name_ok) return std::string(fallback);
    }
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
        return std::string(fallback);
    return std::string(header);
}

int status_for(ErrorCode code) {
    switch (code) {
        case ErrorCode::InvalidArgument:
            return 400;
        case ErrorCode::InvalidQuery:
            return 400;
        case ErrorCode::NotFound:
            return 404;
        case ErrorCode::TooLarge:
            return 413;
        case ErrorCode::IndexUnavailable:
            return 503;
        case ErrorCode::SchemaMismatch:
            return 503;
        case ErrorCode::ShardUnavailable:
            return 503;
        case ErrorCode::Internal:
            return 500;
    }
    return 500;
}

ApiResponse error_response(ErrorCode code, std::string_view message) {
    const std::string_view shown = code == ErrorCode::Internal ? kGenericInternal : message;
    return {status_for(code),
            {{"error", {{"code", std::string(to_string(code))}, {"message", std::string(shown)}}}}};
}

ApiResponse error_response(const Error& error) {
    return error_response(error.code(), error.what());
}

ApiResponse text_response(std::string content_type, std::string text) {
    ApiResponse response;
    response.content_type = std::move(content_type);
    response.text = std::move(text);
    return response;
}

ApiResponse stream_response(std::string content_type, ChunkProducer producer) {
    ApiResponse response;
    response.content_type = std::move(content_type);
    response.stream = std::move(producer);
    return response;
}

ApiResponse method_not_allowed() {
    return {405,
            {{"error",
              {{"code", "method_not_allowed"}, {"message", "only GET and HEAD are supported"}}}}};
}

nlohmann::json error_body_for_status(int status) {
    std::string code = "internal";
    std::string message = std::string(kGenericInternal);
    switch (status) {
        case 400:
            code = "bad_request", message = "the request is malformed";
            break;
        case 404:
            code = "not_found", message = "no such resource";
            break;
        case 405:
            return method_not_allowed().body;
        case 408:
            code = "timeout", message = "the request took too long to arrive";
            break;
        case 413:
            code = "too_large", message = "the request body is too large";
            break;
        case 414:
            code = "too_large", message = "the request URI is too long";
            break;
        case 416:
            code = "bad_request", message = "the requested range is not satisfiable";
            break;
        default:
            if (status >= 400 && status < 500) code = "bad_request", message = "bad request";
            break;
    }
    return {{"error", {{"code", code}, {"message", message}}}};
}

std::string to_wire(const nlohmann::json& body) {
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace broadsheet
