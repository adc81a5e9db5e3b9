// fuzz_archive.cpp — fuzz target: compressed article files and WARC archives.
//
// The first byte picks the file name: (byte % 4) selects crawl.warc, article.html.gz,
// feed.jsonl.gz or notes.txt.gz; the rest of the input is the file's bytes (a WARC file is read
// as .warc.gz when they start with the gzip magic number). Each input goes through
// extract_file() (which promises never to throw for bad input) with the registry shipped in
// corpus/, then through what the indexer does with the articles, as in fuzz_extract.cpp. The
// gzip cap, record framing, chunked and gzip payloads and the recovery after a bad record are
// what this reaches that fuzz_extract does not.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_extraction.h"

namespace {

constexpr std::array<std::string_view, 4> kNames = {"fuzz/crawl.warc", "fuzz/article.html.gz",
                                                    "fuzz/feed.jsonl.gz", "fuzz/notes.txt.gz"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    broadsheet::SourceFile source;
    source.relative_path = std::string(kNames[data[0] % kNames.size()]);
    source.bytes.assign(reinterpret_cast<const char*>(data + 1), size - 1);

    broadsheet::fuzz::extract_and_make_documents(source);
    return 0;
}
