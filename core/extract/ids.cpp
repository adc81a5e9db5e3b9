// ids.cpp — article ids and content hashes.
#include "core/extract/ids.h"

#include <xxhash.h>

#include <cstdio>
#include <memory>

#include "core/error.h"
#include "core/extract/extract.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

bool is_safe_char(char c) {
    return text::is_ascii_alpha(c) || text::is_ascii_digit(c) || c == '.' || c == '_' || c == '-';
}

// Segments "." and ".." and empty segments ("a//b", "/a") are not kept verbatim.
bool is_plain_path(std::string_view path) {
    if (path.empty()) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const auto segment = path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") return false;
        for (char c : segment)
            if (!is_safe_char(c)) return false;
        start = end + 1;
    }
    return true;
}

std::string hex16(XXH64_hash_t hash) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
    return buf;
}

}  // namespace

std::string hash_hex(std::string_view bytes) {
    return hex16(XXH3_64bits(bytes.data(), bytes.size()));
}

std::string content_hash(const SourceFile& file) {
    // Streamed, so an 8 MiB file is not copied to be hashed with its sidecar.
    std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(),
                                                                   &XXH3_freeState);
    if (!state) throw Error(ErrorCode::Internal, "out of memory creating a hash state");
    XXH3_64bits_reset(state.get());
    XXH3_64bits_update(state.get(), file.bytes.data(), file.bytes.size());
    if (file.sidecar) XXH3_64bits_update(state.get(), file.sidecar->data(), file.sidecar->size());
    return hex16(XXH3_64bits_digest(state.get()));
}

std::string path_id(std::string_view path) {
    std::string id;
    if (is_plain_path(path)) {
        id.reserve(path.size());
        for (char c : path) id += c == '/' ? '~' : c;
        return id;
    }
    // Slug: safe characters kept, every other run (spaces, UTF-8, '/') becomes one '-'.
    for (char c : path) {
        if (c == '/') {
            id += '~';
        } else if (is_safe_char(c)) {
            id += c;
        } else if (id.empty() || id.back() != '-') {
            id += '-';
        }
    }
    // A slug never holds "~~" of its own, which keeps the hash suffix unambiguous.
    std::string slug;
    for (char c : id)
        if (!(c == '~' && !slug.empty() && slug.back() == '~')) slug += c;
    if (slug.size() > 80) slug.resize(80);
    while (!slug.empty() && slug.back() == '~') slug.pop_back();
    return slug + "~~h" + hash_hex(path);
}

std::string make_article_id(const std::string& relative_path, std::size_t record) {
    std::string id = path_id(relative_path);
    if (record > 0) id += "~~r" + std::to_string(record);
    return id;
}

}  // namespace broadsheet
