// get_health.cpp — GET /api/health: which release answers, is an index open, how many articles,
// which schema, built when.
#include "broadsheet/version.h"
#include "core/search/articles.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_health(const ApiRequest& /*request*/, SearchContext& context) {
    const IndexInfo info = index_info(context);
    return {200,
            {{"status", "ok"},
             {"version", kVersion},
             {"documents", info.documents},
             {"schema_version", info.schema_version},
             {"index_built",
              info.built_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(info.built_at)}}};
}

}  // namespace broadsheet
