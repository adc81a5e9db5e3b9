// hit_reader.cpp — a small JSON reader: strings decoded, everything else skipped.
#include "core/search/hit_reader.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace broadsheet {
namespace {

class Reader {
  public:
    explicit Reader(std::string_view text) : text_(text) {}

    // The first character after white space, without taking it; '\0' at the end.
    char peek() {
        while (pos_ < text_.size() && std::strchr(" \t\r\n", text_[pos_]) != nullptr) ++pos_;
        return pos_ < text_.size() ? text_[pos_] : '\0';
    }
    bool take(char c) {
        if (peek() != c) return false;
        ++pos_;
        return true;
    }
    bool at_end() { return peek() == '\0' && pos_ == text_.size(); }

    // A string at the cursor, decoded into `out`.
    bool string(std::string& out) {
        out.clear();
        if (!take('"')) return false;
        while (pos_ < text_.size()) {
            // One pass to the next quote or backslash (string_view::find_first_of calls memchr
            // per character), refusing the raw control characters JSON forbids.
            std::size_t stop = pos_;
            for (; stop < text_.size(); ++stop) {
                const auto c = static_cast<unsigned char>(text_[stop]);
                if (c == '"' || c == '\\') break;
                if (c < 0x20) return false;
            }
            if (stop == text_.size()) return false;
            out.append(text_.substr(pos_, stop - pos_));
            pos_ = stop + 1;
            if (text_[stop] == '"') return true;
            if (!escape(out)) return false;
        }
        return false;
    }

    // Any value at the cursor, skipped; false when it is not well formed.
    bool skip_value(int depth = 0) {
        if (depth > kMaxDepth) return false;
        const char c = peek();
        if (c == '"') return string(scratch_);
        if (c == '{' || c == '[') return skip_container(depth);
        const std::size_t start = pos_;
        while (pos_ < text_.size() && std::strchr(",}] \t\r\n", text_[pos_]) == nullptr) ++pos_;
        const std::string_view word = text_.substr(start, pos_ - start);
        if (word == "true" || word == "false" || word == "null") return true;
        return !word.empty() && word.find_first_not_of("0123456789+-.eE") == std::string_view::npos;
    }

  private:
    static constexpr int kMaxDepth = 64;

    bool skip_container(int depth) {
        const char close = text_[pos_] == '{' ? '}' : ']';
        ++pos_;
        if (take(close)) return true;
        do {
            if (close == '}' && (!string(scratch_) || !take(':'))) return false;
            if (!skip_value(depth + 1)) return false;
        } while (take(','));
        return take(close);
    }

    bool hex4(std::uint32_t& code) {
        if (pos_ + 4 > text_.size()) return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = text_[pos_++];
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    // The escape after a backslash, appended to `out` (\u as UTF-8, surrogate pairs joined).
    bool escape(std::string& out) {
        if (pos_ >= text_.size()) return false;
        const char c = text_[pos_++];
        switch (c) {
            case '"':
            case '\\':
            case '/':
                out += c;
                return true;
            case 'b':
                out += '\b';
                return true;
            case 'f':
                out += '\f';
                return true;
            case 'n':
                out += '\n';
                return true;
            case 'r':
                out += '\r';
                return true;
            case 't':
                out += '\t';
                return true;
            case 'u':
                return unicode(out);
            default:
                return false;
        }
    }

    bool unicode(std::string& out) {
        std::uint32_t code = 0;
        if (!hex4(code)) return false;
        if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a low surrogate alone
        if (code >= 0xD800 && code <= 0xDBFF) {
            std::uint32_t low = 0;
            if (text_.substr(pos_, 2) != "\\u") return false;
            pos_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, code);
        return true;
    }

    static void append_utf8(std::string& out, std::uint32_t code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::string scratch_;
};

// A string value into `out`, or (any other value) skipped with `out` emptied, as
// string_or_empty reads a field.
bool string_or_empty(Reader& reader, std::string& out) {
    if (reader.peek() == '"') return reader.string(out);
    out.clear();
    return reader.skip_value();
}

// The string elements of an array (others skipped), as from_json reads speakers; a value that
// is not an array leaves none.
bool strings(Reader& reader, std::vector<std::string>& out) {
    out.clear();
    if (reader.peek() != '[') return reader.skip_value();
    reader.take('[');
    if (reader.take(']')) return true;
    do {
        if (reader.peek() == '"') {
            if (!reader.string(out.emplace_back())) return false;
        } else if (!reader.skip_value(1)) {
            return false;
        }
    } while (reader.take(','));
    return reader.take(']');
}

}  // namespace

std::optional<Article> read_hit_fields(std::string_view data) {
    Reader reader(data);
    Article article;
    std::string key;
    std::string date;
    if (!reader.take('{')) return std::nullopt;
    if (!reader.take('}')) {
        do {
            if (!reader.string(key) || !reader.take(':')) return std::nullopt;
            bool ok = true;
            if (key == "id")
                ok = string_or_empty(reader, article.id);
            else if (key == "title")
                ok = string_or_empty(reader, article.title);
            else if (key == "date")
                ok = string_or_empty(reader, date);
            else if (key == "outlet")
                ok = string_or_empty(reader, article.outlet);
            else if (key == "author")
                ok = string_or_empty(reader, article.author);
            else if (key == "url")
                ok = string_or_empty(reader, article.url);
            else if (key == "body")
                ok = string_or_empty(reader, article.body);
            else if (key == "speakers")
                ok = strings(reader, article.speakers);
            else
                ok = reader.skip_value();
            if (!ok) return std::nullopt;
        } while (reader.take(','));
        if (!reader.take('}')) return std::nullopt;
    }
    if (!reader.at_end()) return std::nullopt;
    article.date = Date::from_iso(date);
    return article;
}

}  // namespace broadsheet
