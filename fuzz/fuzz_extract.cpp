// fuzz_extract.cpp — fuzz target: decoding and extraction of one article file in any format.
//
// The first byte picks the format: (byte % 10) selects .txt, .md, .html, .json, .jsonl for 0..4,
// and the same five with a NAME.meta.json sidecar for 5..9, whose bytes follow the first
// kSidecarSeparator in the input. The rest of the input is the file's bytes. Each input goes
// through extract_file() (which promises never to throw for bad input) with the registry shipped
// in corpus/, then through what the indexer does with the articles: the `extract` command's JSON
// line and the Xapian document builder.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_extraction.h"

namespace {

constexpr std::array<std::string_view, 5> kExtensions = {".txt", ".md", ".html", ".json", ".jsonl"};
constexpr std::string_view kSidecarSeparator = "\n=====\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const unsigned mode = data[0] % 10;
    std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);

    broadsheet::SourceFile source;
    source.relative_path = "fuzz/article" + std::string(kExtensions[mode % 5]);
    if (mode >= 5) {
        const std::size_t at = rest.find(kSidecarSeparator);
        if (at != std::string_view::npos) {
            source.sidecar = std::string(rest.substr(at + kSidecarSeparator.size()));
            rest = rest.substr(0, at);
        } else {
            source.sidecar = std::string();
        }
    }
    source.bytes = std::string(rest);

    broadsheet::fuzz::extract_and_make_documents(source);
    return 0;
}
