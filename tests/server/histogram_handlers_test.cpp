// histogram_handlers_test.cpp — the `interval` parameter and the `histogram` object of
// /api/search and /api/quotes: parsing, 400s naming the parameter, and the JSON shape.
#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "server/handlers/handlers.h"
#include "server/http_util.h"
#include "server/routes.h"
#include "tests/server/api_test_support.h"
#include "tests/support/test_index.h"

namespace broadsheet {
namespace {

using testing_support::Params;
using testing_support::request;

struct IntervalCase {
    const char* why;
    Params params;
    HistogramInterval expected;  // when accepted
    bool accepted;
};

TEST(IntervalParam, ParsesOrRefusesNamingTheParameter) {
    const IntervalCase cases[] = {
        {"absent: auto", {}, HistogramInterval::Auto, true},
        {"empty means absent", {{"interval", ""}}, HistogramInterval::Auto, true},
        {"auto", {{"interval", "auto"}}, HistogramInterval::Auto, true},
        {"day", {{"interval", "day"}}, HistogramInterval::Day, true},
        {"month", {{"interval", "month"}}, HistogramInterval::Month, true},
        {"year", {{"interval", "year"}}, HistogramInterval::Year, true},
        // Names are exact, like sort's: no case folding, no plurals, no other sizes.
        {"capitalised", {{"interval", "Day"}}, HistogramInterval::Auto, false},
        {"plural", {{"interval", "months"}}, HistogramInterval::Auto, false},
        {"unsupported size", {{"interval", "week"}}, HistogramInterval::Auto, false},
        {"padded", {{"interval", " day"}}, HistogramInterval::Auto, false},
        {"given twice",
         {{"interval", "day"}, {"interval", "year"}},
         HistogramInterval::Auto,
         false},
        {"not UTF-8", {{"interval", "\xff"}}, HistogramInterval::Auto, false},
    };
    for (const DocumentType type : {DocumentType::Article, DocumentType::Quote}) {
        for (const auto& c : cases) {
            try {
                const SearchParams params =
                    parse_search_params(request("/api/search", c.params), type);
                EXPECT_TRUE(c.accepted) << c.why << ": accepted";
                EXPECT_EQ(params.interval, c.expected) << c.why;
            } catch (const Error& e) {
                EXPECT_FALSE(c.accepted) << c.why << ": " << e.what();
                EXPECT_EQ(e.code(), ErrorCode::InvalidArgument) << c.why;
                EXPECT_EQ(std::string(e.what()).rfind("interval", 0), 0u)
                    << c.why << ": " << e.what();
            }
        }
    }
}

class HistogramHandlerTest : public testing_support::IndexPoolTest {
  protected:
    void SetUp() override {
        auto articles = testing_support::sample_articles();
        // Far older than the rest, so that browsing by day needs more than 1,000 buckets.
        articles.push_back(testing_support::make_article("old", "An old ceasefire", "Long ago.",
                                                         "Bloomberg", {}, "2010-05-04"));
        testing_support::write_index(db(), articles);
        open_pool();
    }
};

TEST_F(HistogramHandlerTest, SearchAnswersTheDocumentedShape) {
    auto lease = pool_->lease();
    const ApiResponse response =
        get_search(request("/api/search", {{"outlet", "Bloomberg"}, {"interval", "year"}}), *lease);
    ASSERT_EQ(response.status, 200);
    const auto& histogram = response.body["histogram"];
    EXPECT_EQ(histogram["interval"], "year");
    EXPECT_EQ(histogram["undated"], 0);
    // Bloomberg: 2010-05-04, 2015-06-01, 2016-02-12; the years between are there with zero.
    ASSERT_EQ(histogram["buckets"].size(), 7u);
    const auto& first = histogram["buckets"][0];
    EXPECT_EQ(first["period"], "2010");
    EXPECT_EQ(first["from"], "2010-01-01");
    EXPECT_EQ(first["to"], "2010-12-31");
    EXPECT_EQ(first["count"], 1);
    EXPECT_EQ(histogram["buckets"][1]["count"], 0);
    EXPECT_EQ(histogram["buckets"][6]["period"], "2016");
}

TEST_F(HistogramHandlerTest, QuotesCarryAHistogramToo) {
    auto lease = pool_->lease();
    const ApiResponse response = get_quotes(request("/api/quotes"), *lease);
    ASSERT_EQ(response.status, 200);
    // The sample articles have no quotes: nothing dated, nothing undated.
    EXPECT_EQ(response.body["histogram"],
              nlohmann::json::parse(R"({"interval":"day","buckets":[],"undated":0})"));
}

struct IntervalDispatchCase {
    const char* why;
    const char* path;
    Params params;
    int status;
};

TEST_F(HistogramHandlerTest, IntervalErrorsAre400sNamingTheParameter) {
    const IntervalDispatchCase cases[] = {
        {"unknown interval on search", "/api/search", {{"interval", "week"}}, 400},
        {"unknown interval on quotes", "/api/quotes", {{"interval", "hour"}}, 400},
        // 2010-05-04 … 2017-11-17 by day: far over 1,000 buckets.
        {"too many day buckets", "/api/search", {{"interval", "day"}}, 400},
        // Month buckets for the same span: 91, fine.
        {"month buckets fit", "/api/search", {{"interval", "month"}}, 200},
        // Narrowed by a filter, day buckets fit (Sputnik: one day).
        {"day buckets fit a narrow search",
         "/api/search",
         {{"interval", "day"}, {"outlet", "Sputnik"}},
         200},
    };
    for (const auto& c : cases) {
        const ApiResponse response = dispatch(request(c.path, c.params), *pool_);
        EXPECT_EQ(response.status, c.status) << c.why;
        if (c.status == 400) {
            EXPECT_EQ(response.body["error"]["code"], "invalid_argument") << c.why;
            EXPECT_EQ(response.body["error"]["message"].get<std::string>().rfind("interval", 0), 0u)
                << c.why << ": " << response.body["error"]["message"];
        } else {
            EXPECT_TRUE(response.body["histogram"]["buckets"].is_array()) << c.why;
        }
    }
}

}  // namespace
}  // namespace broadsheet
