// get_export.cpp — GET /api/search.csv and /api/search.jsonl: the complete result set of a
// search, streamed in batches from a snapshot of the index that the export opens for itself.
#include <memory>

#include "core/search/export.h"
#include "server/handlers/handlers.h"

namespace broadsheet {
namespace {

enum class ExportFormat { Csv, JsonLines };

ApiResponse export_response(const ApiRequest& request, SearchContext& context,
                            ExportFormat format) {
    const SearchParams params = parse_export_params(request);
    // Everything that can fail with a JSON error (parameters, query, opening the index) happens
    // here, before streaming; the producer below uses only the cursor, never `context`, whose
    // lease ends when this handler returns.
    auto cursor = std::make_shared<ExportCursor>(open_export(context, params));
    const std::size_t total = cursor->total();
    bool header_due = format == ExportFormat::Csv;
    ChunkProducer producer = [cursor, format, header_due]() mutable -> std::optional<std::string> {
        std::string chunk;
        if (header_due) {
            chunk = kCsvHeader;
            header_due = false;
        }
        const std::vector<Hit> hits = cursor->next(kExportBatch);
        if (hits.empty() && chunk.empty()) return std::nullopt;
        for (const Hit& hit : hits) {
            if (format == ExportFormat::Csv)
                append_csv_row(chunk, hit);
            else
                append_jsonl_row(chunk, hit);
        }
        return chunk;
    };
    const bool csv = format == ExportFormat::Csv;
    ApiResponse response = stream_response(
        csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8", std::move(producer));
    response.headers = {
        {"Content-Disposition", csv ? "attachment; filename=\"broadsheet-search.csv\""
                                    : "attachment; filename=\"broadsheet-search.jsonl\""},
        // Lets a client check it received every row (a broken transfer is also visible as an
        // incomplete chunked body).
        {"X-Total-Count", std::to_string(total)}};
    return response;
}

}  // namespace

ApiResponse get_export_csv(const ApiRequest& request, SearchContext& context) {
    return export_response(request, context, ExportFormat::Csv);
}

ApiResponse get_export_jsonl(const ApiRequest& request, SearchContext& context) {
    return export_response(request, context, ExportFormat::JsonLines);
}

}  // namespace broadsheet
