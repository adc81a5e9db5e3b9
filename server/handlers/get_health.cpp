// get_health.cpp — GET /api/health: is an index open, how many articles, which schema, built when.
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_health(const ApiRequest& /*request*/, Searcher& searcher) {
    const IndexInfo info = searcher.info();
    return {200,
            {{"status", "ok"},
             {"documents", info.documents},
             {"schema_version", info.schema_version},
             {"index_built",
              info.built_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(info.built_at)}}};
}

}  // namespace broadsheet
