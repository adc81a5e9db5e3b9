// get_matrix.cpp — GET /api/matrix: quote counts per speaker × outlet or month.
#include "server/handlers/handlers.h"

namespace broadsheet {

ApiResponse get_matrix(const ApiRequest& request, Searcher& searcher) {
    const MatrixParams params = parse_matrix_params(request);
    return {200, searcher.matrix(params)};
}

}  // namespace broadsheet
