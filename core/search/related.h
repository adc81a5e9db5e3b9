// related.h — "more like this": the articles most like one article.
#pragma once

#include "core/search/discovery_types.h"
#include "core/search/search_context.h"

namespace broadsheet {

// Most similar first, never that article itself: relevance feedback (the expand set of its
// words). Throws Error(NotFound) for an unknown id, Error(InvalidArgument) for a size outside
// the limits (validate.h).
RelatedResult related(SearchContext& context, const RelatedParams& params);

}  // namespace broadsheet
