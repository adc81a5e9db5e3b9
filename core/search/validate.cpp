// validate.cpp — the parameter rules of validate.h.
#include "core/search/validate.h"

#include "core/error.h"

namespace broadsheet {
namespace {

void check_bytes(std::string_view name, std::string_view value, std::size_t max) {
    if (value.size() > max)
        throw Error(ErrorCode::InvalidArgument,
                    std::string(name) + " must be at most " + std::to_string(max) + " bytes");
}

void check_values(std::string_view name, const std::vector<std::string>& values) {
    if (values.size() > kMaxFilterValues)
        throw Error(ErrorCode::InvalidArgument, std::string(name) + " may be given at most " +
                                                    std::to_string(kMaxFilterValues) + " times (" +
                                                    std::to_string(values.size()) + " given)");
}

}  // namespace

std::string UnsignedRule::must() const {
    std::string text = std::string(name) + " must be an integer from " + std::to_string(low);
    if (high != std::numeric_limits<unsigned>::max()) text += " to " + std::to_string(high);
    return text;
}

void UnsignedRule::check(unsigned value) const {
    if (value < low || value > high) throw Error(ErrorCode::InvalidArgument, must());
}

void validate(const SearchParams& params) {
    check_bytes("q", params.q, kMaxQueryBytes);
    kPageRule.check(params.page);
    kPageSizeRule.check(params.size);
    if (static_cast<unsigned long long>(params.page) * params.size > kMaxResultWindow)
        throw Error(ErrorCode::InvalidArgument,
                    "page × size must be at most " + std::to_string(kMaxResultWindow));
    if (params.min_confidence && !(*params.min_confidence >= 0.0 && *params.min_confidence <= 1.0))
        throw Error(ErrorCode::InvalidArgument, "min_confidence must be a number from 0 to 1");
    if (params.from && params.to && *params.from > *params.to)
        throw Error(ErrorCode::InvalidArgument, "from must not be after to");
    check_values("outlet", params.outlets);
    check_values("speaker", params.speakers);
    check_values("not_outlet", params.not_outlets);
    check_values("not_speaker", params.not_speakers);
    kFacetSizeRule.check(params.shape.facet_size);
}

void validate(const FacetValuesParams& params) {
    kFacetLimitRule.check(params.limit);
    check_bytes("prefix", params.prefix, kMaxFacetPrefixBytes);
    validate(params.filters);
}

void validate(const SpeakersParams& params) {
    kSpeakerLimitRule.check(params.limit);
    check_bytes("prefix", params.prefix, kMaxSpeakerNameBytes);
}

void validate_speaker_name(std::string_view name) {
    if (name.empty() || name.size() > kMaxSpeakerNameBytes)
        throw Error(
            ErrorCode::InvalidArgument,
            "the speaker name must be 1 to " + std::to_string(kMaxSpeakerNameBytes) + " bytes");
}

void validate(const MatrixParams& params) {
    kMatrixLimitRule.check(params.limit);
    validate(params.filters);
}

void validate(const RelatedParams& params) {
    kRelatedSizeRule.check(params.size);
}

void validate(const SuggestParams& params) {
    check_bytes("q", params.q, kMaxSuggestQueryBytes);
    kSuggestLimitRule.check(params.limit);
}

}  // namespace broadsheet
