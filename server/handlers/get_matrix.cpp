// get_matrix.cpp — GET /api/matrix: quote counts per speaker × outlet or month.
#include "core/search/matrix.h"
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_matrix(const ApiRequest& request, SearchContext& context) {
    const MatrixParams params = parse_matrix_params(request);
    return {200, quote_matrix(context, params)};
}

}  // namespace broadsheet
