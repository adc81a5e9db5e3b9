// fuzz_extraction.h — the path the extraction fuzz targets drive: a source file through
// extract_file(), each article into its JSON output, its document and its quote documents, with
// the seed registry (corpus/) loaded once per process as the indexer loads it once per run.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>

#include "core/extract/extract.h"
#include "core/extract/registry.h"
#include "core/index/document.h"
#include "core/index/extract_output.h"

namespace broadsheet::fuzz {

inline const Registry& seed_registry() {
    static const Registry loaded = Registry::load(BROADSHEET_FUZZ_REGISTRY_DIR);
    return loaded;
}

// Everything the indexer does with a file short of writing it; extract_file() promises never to
// throw for bad input, so any exception or sanitizer report here is a finding.
inline void extract_and_make_documents(const SourceFile& source) {
    const ExtractContext context{&seed_registry()};
    const ExtractResult result = extract_file(source, context);
    for (const auto& article : result.articles) {
        (void)extract_output(source.relative_path, article)
            .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        (void)make_article_document(article);
        for (std::size_t i = 0; i < article.quotes.size(); ++i)
            (void)make_quote_document({article, i, {}});
    }
}

}  // namespace broadsheet::fuzz
