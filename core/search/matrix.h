// matrix.h — quote counts per speaker × outlet or month.
#pragma once

#include "core/search/quote_types.h"
#include "core/search/search_context.h"

namespace broadsheet {

// Over the quote documents matching params.filters. Throws like search_quotes().
Matrix quote_matrix(SearchContext& context, const MatrixParams& params);

}  // namespace broadsheet
