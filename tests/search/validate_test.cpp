// validate_test.cpp — every parameter rule of core/search/validate.h, one row per rule edge;
// no index needed: the rules read only the parameter structs.
#include "core/search/validate.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/error.h"

namespace broadsheet {
namespace {

struct RuleCase {
    const char* why;
    std::function<void()> check;  // calls validate() on one filled struct
    const char* refused_as;       // nullptr: accepted; else the start of the message
};

void run(const std::vector<RuleCase>& cases) {
    for (const auto& c : cases) {
        try {
            c.check();
            EXPECT_EQ(c.refused_as, nullptr) << c.why << ": accepted";
        } catch (const Error& e) {
            ASSERT_NE(c.refused_as, nullptr) << c.why << ": " << e.what();
            EXPECT_EQ(e.code(), ErrorCode::InvalidArgument) << c.why;
            EXPECT_EQ(std::string(e.what()).rfind(c.refused_as, 0), 0u)
                << c.why << ": " << e.what();
        }
    }
}

// A SearchParams with `fill` applied, validated.
std::function<void()> search(std::function<void(SearchParams&)> fill) {
    return [fill] {
        SearchParams params;
        fill(params);
        validate(params);
    };
}

std::vector<std::string> names(std::size_t n) {
    std::vector<std::string> values;
    for (std::size_t i = 0; i < n; ++i) values.push_back("Name " + std::to_string(i));
    return values;
}

TEST(Validate, SearchParams) {
    run({
        {"defaults", search([](SearchParams&) {}), nullptr},
        // Page size bounds: 1..kMaxPageSize.
        {"size zero", search([](SearchParams& p) { p.size = 0; }),
         "size must be an integer from 1 to 100"},
        {"size at the cap", search([](SearchParams& p) { p.size = kMaxPageSize; }), nullptr},
        {"size over the cap", search([](SearchParams& p) { p.size = kMaxPageSize + 1; }), "size"},
        // Pages are 1-based; deep paging costs a full sort, so page × size is capped.
        {"page zero", search([](SearchParams& p) { p.page = 0; }),
         "page must be an integer from 1"},
        {"window exactly", search([](SearchParams& p) { p.page = 100, p.size = 100; }), nullptr},
        {"past the window", search([](SearchParams& p) { p.page = 101, p.size = 100; }),
         "page × size"},
        {"page alone past the window", search([](SearchParams& p) { p.page = 4'000'000'000u; }),
         "page × size"},
        {"q at the cap", search([](SearchParams& p) { p.q.assign(kMaxQueryBytes, 'a'); }), nullptr},
        {"q over the cap", search([](SearchParams& p) { p.q.assign(kMaxQueryBytes + 1, 'a'); }),
         "q must be at most 1024 bytes"},
        // Dates: a range that ends before it starts matches nothing and is a client's mistake.
        {"from after to", search([](SearchParams& p) {
             p.from = Date::from_iso("2017-01-01");
             p.to = Date::from_iso("2016-01-01");
         }),
         "from must not be after to"},
        {"from equal to to",
         search([](SearchParams& p) { p.from = p.to = Date::from_iso("2017-01-01"); }), nullptr},
        {"confidence one", search([](SearchParams& p) { p.min_confidence = 1.0; }), nullptr},
        {"confidence above one", search([](SearchParams& p) { p.min_confidence = 1.5; }),
         "min_confidence"},
        {"confidence negative", search([](SearchParams& p) { p.min_confidence = -0.1; }),
         "min_confidence"},
        // Filter values: at the cap accepted for every filter; one over names that filter.
        {"50 outlets", search([](SearchParams& p) { p.outlets = names(kMaxFilterValues); }),
         nullptr},
        {"50 excluded speakers",
         search([](SearchParams& p) { p.not_speakers = names(kMaxFilterValues); }), nullptr},
        {"51 outlets", search([](SearchParams& p) { p.outlets = names(kMaxFilterValues + 1); }),
         "outlet may be given at most 50"},
        {"51 speakers", search([](SearchParams& p) { p.speakers = names(kMaxFilterValues + 1); }),
         "speaker may be given"},
        {"51 excluded outlets",
         search([](SearchParams& p) { p.not_outlets = names(kMaxFilterValues + 1); }),
         "not_outlet may"},
        {"51 excluded speakers",
         search([](SearchParams& p) { p.not_speakers = names(kMaxFilterValues + 1); }),
         "not_speaker may"},
        // The count given is in the message, so a client sees how far over it is.
        {"600 outlets", search([](SearchParams& p) { p.outlets = names(600); }),
         "outlet may be given at most 50 times (600"},
    });
}

TEST(Validate, TheOtherFeatures) {
    FacetValuesParams facet;
    SpeakersParams speakers;
    MatrixParams matrix;
    RelatedParams related;
    SuggestParams suggest;
    run({
        {"facet defaults", [=] { validate(facet); }, nullptr},
        {"facet limit zero",
         [=]() mutable {
             facet.limit = 0;
             validate(facet);
         },
         "limit must be an integer from 1 to 100"},
        {"facet prefix too long",
         [=]() mutable {
             facet.prefix.assign(kMaxFacetPrefixBytes + 1, 'k');
             validate(facet);
         },
         "prefix"},
        // A facet's counts are a search: its filters meet the search rules.
        {"facet filters checked",
         [=]() mutable {
             facet.filters.size = 0;
             validate(facet);
         },
         "size"},
        {"speakers defaults", [=] { validate(speakers); }, nullptr},
        {"speakers limit over",
         [=]() mutable {
             speakers.limit = kMaxSpeakerLimit + 1;
             validate(speakers);
         },
         "limit"},
        {"speakers prefix too long",
         [=]() mutable {
             speakers.prefix.assign(kMaxSpeakerNameBytes + 1, 'k');
             validate(speakers);
         },
         "prefix"},
        {"speaker name empty", [] { validate_speaker_name(""); },
         "the speaker name must be 1 to 200 bytes"},
        {"speaker name at the cap",
         [] { validate_speaker_name(std::string(kMaxSpeakerNameBytes, 'k')); }, nullptr},
        {"speaker name too long",
         [] { validate_speaker_name(std::string(kMaxSpeakerNameBytes + 1, 'k')); },
         "the speaker name"},
        {"matrix defaults", [=] { validate(matrix); }, nullptr},
        {"matrix limit zero",
         [=]() mutable {
             matrix.limit = 0;
             validate(matrix);
         },
         "limit"},
        {"matrix filters checked",
         [=]() mutable {
             matrix.filters.outlets = names(kMaxFilterValues + 1);
             validate(matrix);
         },
         "outlet"},
        {"related defaults", [=] { validate(related); }, nullptr},
        {"related size over",
         [=]() mutable {
             related.size = kMaxRelatedSize + 1;
             validate(related);
         },
         "size must be an integer from 1 to 20"},
        {"suggest defaults", [=] { validate(suggest); }, nullptr},
        {"suggest q too long",
         [=]() mutable {
             suggest.q.assign(kMaxSuggestQueryBytes + 1, 'k');
             validate(suggest);
         },
         "q must be at most 100 bytes"},
        {"suggest limit zero",
         [=]() mutable {
             suggest.limit = 0;
             validate(suggest);
         },
         "limit"},
    });
}

// The rule's wording is shared with the HTTP layer's error for text that is no number.
TEST(Validate, UnsignedRuleWording) {
    EXPECT_EQ(kPageSizeRule.must(), "size must be an integer from 1 to 100");
    EXPECT_EQ(kPageRule.must(), "page must be an integer from 1");
}

}  // namespace
}  // namespace broadsheet
