// real_pages.cpp — the split rule, gzip reading, reader text of HTML, \w+ tokens, shingle overlap
// and label normalisation used by broadsheet-score-real.
#include "tests/scoring/real_pages.h"

#include <libxml/HTMLparser.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.h"
#include "core/extract/text_util.h"
#include "tests/scoring/scoring.h"

namespace broadsheet::scoring::real {
namespace {

constexpr std::size_t kHeldBackEvery = 4;

// Elements whose edges separate words even when the HTML puts no space between them.
constexpr std::string_view kBlockElements[] = {
    "address", "article",    "aside",   "blockquote", "br", "dd",   "div", "dl",
    "dt",      "figcaption", "figure",  "footer",     "h1", "h2",   "h3",  "h4",
    "h5",      "h6",         "header",  "hr",         "li", "main", "nav", "ol",
    "p",       "pre",        "section", "table",      "td", "th",   "tr",  "ul"};

bool is_block_element(std::string_view name) {
    for (auto b : kBlockElements)
        if (name == b) return true;
    return false;
}

void append_reader_text(const xmlNode* node, std::string& out) {
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            if (child->content) out += reinterpret_cast<const char*>(child->content);
            continue;
        }
        if (child->type != XML_ELEMENT_NODE || !child->name) continue;
        const std::string name = text::to_lower(reinterpret_cast<const char*>(child->name));
        if (name == "script" || name == "style" || name == "template" || name == "noscript")
            continue;
        const bool block = is_block_element(name);
        if (block) out += ' ';
        append_reader_text(child, out);
        if (block) out += ' ';
    }
}

bool is_word_code_point(char32_t cp) {
    if (cp == U'_') return true;
    const auto c = static_cast<UChar32>(cp);
    return u_isalpha(c) || u_charType(c) == U_DECIMAL_DIGIT_NUMBER;
}

std::string join_shingle(const std::vector<std::string>& tokens, std::size_t at) {
    std::string key;
    for (std::size_t i = at; i < at + kShingleSize; ++i) {
        key += tokens[i];
        key += '\x1f';  // a separator no \w token contains
    }
    return key;
}

std::map<std::string, std::size_t> shingles(const std::vector<std::string>& tokens) {
    std::map<std::string, std::size_t> counts;
    if (tokens.size() < kShingleSize) return counts;
    for (std::size_t i = 0; i + kShingleSize <= tokens.size(); ++i)
        ++counts[join_shingle(tokens, i)];
    return counts;
}

}  // namespace

Split split_of(std::size_t index_in_sorted_names) {
    return index_in_sorted_names % kHeldBackEvery == kHeldBackEvery - 1 ? Split::HeldBack
                                                                        : Split::Dev;
}

std::string_view split_name(Split split) {
    return split == Split::Dev ? "dev" : "held-back";
}

std::string gunzip(std::string_view compressed, const std::string& what) {
    z_stream stream;
    std::memset(&stream, 0, sizeof stream);
    // 16 + MAX_WBITS: expect a gzip header and trailer, not a raw zlib stream.
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        throw Error(ErrorCode::Internal, "zlib could not start for " + what);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    char buffer[64 * 1024];
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (status == Z_BUF_ERROR && stream.avail_in == 0) break;
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        throw Error(ErrorCode::InvalidArgument, what + " is not a complete gzip file");
    return out;
}

std::string read_gzip_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::NotFound, "cannot read " + path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return gunzip(buffer.str(), path);
}

std::string html_text(std::string_view html) {
    htmlDocPtr doc = htmlReadMemory(
        html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) return {};
    std::string out;
    if (const xmlNode* root = xmlDocGetRootElement(doc)) {
        out += ' ';
        append_reader_text(root, out);
    }
    xmlFreeDoc(doc);
    return out;
}

std::vector<std::string> word_tokens(std::string_view utf8) {
    std::vector<std::string> tokens;
    std::string current;
    std::size_t i = 0;
    while (i < utf8.size()) {
        const std::size_t start = i;
        const char32_t cp = text::next_code_point(utf8, i);
        if (is_word_code_point(cp)) {
            current.append(utf8.substr(start, i - start));
        } else if (!current.empty()) {
            tokens.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

Overlap shingle_overlap(const std::vector<std::string>& expected,
                        const std::vector<std::string>& got) {
    const auto want = shingles(expected);
    const auto have = shingles(got);
    double tp = 0, fp = 0, fn = 0;
    for (const auto& [key, count] : want) {
        const auto it = have.find(key);
        const std::size_t other = it == have.end() ? 0 : it->second;
        tp += static_cast<double>(std::min(count, other));
        fn += static_cast<double>(count > other ? count - other : 0);
    }
    for (const auto& [key, count] : have) {
        const auto it = want.find(key);
        const std::size_t other = it == want.end() ? 0 : it->second;
        fp += static_cast<double>(count > other ? count - other : 0);
    }
    const double sum = tp + fp + fn;
    if (sum == 0) return {};
    return {tp / sum, fp / sum, fn / sum};
}

void BodyTally::add(const Overlap& o) {
    ++pages_;
    if (o.tp + o.fp + o.fn == 0) {
        precision_sum_ += 1;
        recall_sum_ += 1;
        return;
    }
    precision_sum_ += o.tp + o.fp > 0 ? o.tp / (o.tp + o.fp) : 0;
    recall_sum_ += o.tp + o.fn > 0 ? o.tp / (o.tp + o.fn) : 1;
}

double BodyTally::precision() const {
    return pages_ == 0 ? 0 : precision_sum_ / static_cast<double>(pages_);
}

double BodyTally::recall() const {
    return pages_ == 0 ? 0 : recall_sum_ / static_cast<double>(pages_);
}

double BodyTally::f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

std::string normalise_label(std::string_view value) {
    std::string dashed;
    std::size_t i = 0;
    while (i < value.size()) {
        const std::size_t start = i;
        const char32_t cp = text::next_code_point(value, i);
        const bool dash = cp == U'\u2010' || cp == U'\u2011' || cp == U'\u2012' ||
                          cp == U'\u2013' || cp == U'\u2014' || cp == U'\u2015' || cp == U'\u2212';
        if (dash)
            dashed += '-';
        else
            dashed.append(value.substr(start, i - start));
    }
    std::string folded;
    icu::UnicodeString::fromUTF8(dashed).foldCase().toUTF8String(folded);
    return normalise_text(folded);
}

}  // namespace broadsheet::scoring::real
