// incremental_regroup_test.cpp — an update regroups only around the quotes it changed, yet leaves
// every quote document (group term and value included) as a fresh build of the same files would.
#include <gtest/gtest.h>
#include <xapian.h>

#include <functional>
#include <string>
#include <vector>

#include "core/index/index_writer.h"
#include "core/schema.h"
#include "tests/support/files.h"
#include "tests/support/index_image.h"
#include "tests/support/temp_dir.h"

namespace broadsheet {
namespace {

namespace fs = std::filesystem;
using testing_support::documents_by_id;
using testing_support::slurp;
using testing_support::TempDir;
using testing_support::write_file;

const fs::path kSourceDir = BROADSHEET_SOURCE_DIR;

const std::string kBridgeQuote =
    "the new bridge will carry more traffic than any crossing in the region";
const std::string kRailQuote =
    "we have secured funding for the eastern rail line and construction will start next spring";
const std::string kFerryQuote =
    "our ferries will run every twenty minutes from the old harbour to the island piers";
const std::string kTunnelQuote =
    "the tunnel under the estuary is the largest project this county has ever attempted";

// A plain-text news article the extractor reads like the fixtures: title, byline, date, body.
std::string article(const std::string& title, const std::string& date,
                    const std::vector<std::string>& paragraphs) {
    std::string text = title + "\n\nBy Lena Fischer\n\n" + date + "\n\n";
    for (const auto& paragraph : paragraphs) text += paragraph + "\n\n";
    return text;
}

std::string said(const std::string& quote, const std::string& speaker) {
    return "\"" + quote + ",\" said " + speaker + " at the briefing.";
}

// Families of reported quotes: the same words from three outlets (bridge), a quote with trimmed
// and reworded reports (rail), and two quotes that only one long report joins (ferry + tunnel).
void write_wire(const fs::path& wire) {
    const auto put = [&](const std::string& name, const std::string& date,
                         const std::vector<std::string>& paragraphs) {
        write_file(wire / (name + ".txt"), article("Transport plans: " + name, date, paragraphs));
    };
    put("bridge-1", "April 3, 2016", {"Officials spoke.", said(kBridgeQuote, "Ana Silva")});
    put("bridge-2", "April 1, 2016", {"The plan was shown.", said(kBridgeQuote, "Ana Silva")});
    put("bridge-3", "April 5, 2016", {"Drivers waited.", said(kBridgeQuote, "Ana Silva")});
    put("rail-1", "May 2, 2016", {"Commuters cheered.", said(kRailQuote, "Omar Haddad")});
    put("rail-2", "May 3, 2016",
        {"A short report.", said(kRailQuote.substr(kRailQuote.find("funding")), "Omar Haddad")});
    std::string reworded = kRailQuote;
    reworded.replace(reworded.find("secured"), 7, "found");
    put("rail-3", "May 4, 2016", {"Another report.", said(reworded, "Omar Haddad")});
    put("ferry", "June 1, 2016", {"At the quay.", said(kFerryQuote, "Ruth Osei")});
    put("tunnel", "June 2, 2016",
        {"At the council.", said(kTunnelQuote, "Ruth Osei"),
         said("the county will pay for the survey out of this year's budget", "Ruth Osei")});
    put("both", "June 3, 2016",
        {"A long interview.", said(kFerryQuote + " and " + kTunnelQuote, "Ruth Osei")});
}

void replace_in(const fs::path& path, const std::string& from, const std::string& to) {
    std::string text = slurp(path);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << path;
    text.replace(at, from.size(), to);
    write_file(path, text);
}

struct RegroupCase {
    const char* name;
    std::function<void(const fs::path& wire)> change;
};

const std::vector<RegroupCase>& regroup_cases() {
    static const std::vector<RegroupCase> cases = {
        // A quote edited into other words leaves its group; the rest of the group stays together.
        {"edited_quote_leaves_its_group",
         [](const fs::path& wire) {
             replace_in(wire / "rail-3.txt", "have found funding for the eastern rail line",
                        "will close the western depot before the end of the year so");
         }},
        // The earliest report removed: the group is named after the next earliest.
        {"earliest_member_removed",
         [](const fs::path& wire) { fs::remove(wire / "bridge-2.txt"); }},
        // The only report joining two quotes removed: the group splits in two.
        {"joining_report_removed", [](const fs::path& wire) { fs::remove(wire / "both.txt"); }},
        // A new report, earlier than the rest, joins the group and gives it its name.
        {"new_earlier_member_names_the_group",
         [](const fs::path& wire) {
             write_file(wire / "rail-0.txt",
                        article("Rail line funded", "May 1, 2016",
                                {"First to report.", said(kRailQuote, "Omar Haddad")}));
         }},
        // A new unattributed quote holding two groups' words merges them.
        {"new_quote_joins_two_groups",
         [](const fs::path& wire) {
             write_file(wire / "merged.txt",
                        article("Bridge and rail", "July 1, 2016",
                                {"A statement.", "\"" + kBridgeQuote + " and " + kRailQuote +
                                                     ",\" the statement said."}));
         }},
        // A paragraph before the quote moves its offsets (the documents are rewritten) but not
        // its words: its group stays.
        {"paragraph_before_the_quote",
         [](const fs::path& wire) {
             replace_in(wire / "rail-1.txt", "Commuters cheered.",
                        "Commuters cheered.\n\nThe station was full by eight.");
         }},
        // A quote's words edited in an article with a later quote: the edited one regroups, the
        // later one keeps its words and group and only its record (offsets) is rewritten.
        {"quote_edited_before_another",
         [](const fs::path& wire) {
             replace_in(wire / "tunnel.txt", "is the largest project this county has ever",
                        "will be the deepest and most costly work this region has");
         }},
        // A report's date moved earlier than the group's first: the group takes its name.
        {"date_moved_earlier",
         [](const fs::path& wire) {
             replace_in(wire / "bridge-3.txt", "April 5, 2016", "March 30, 2016");
         }},
        // All of the above in one update.
        {"everything_at_once",
         [](const fs::path& wire) {
             for (const auto& row : regroup_cases())
                 if (std::string(row.name) != "everything_at_once") row.change(wire);
         }},
    };
    return cases;
}

class IncrementalRegroup : public testing::TestWithParam<RegroupCase> {
  protected:
    static IndexOptions options(const fs::path& root) {
        IndexOptions options;
        options.corpus_dir = root / "corpus";
        options.index_dir = root / "index";
        options.registry = &registry_;
        return options;
    }
    static void write_corpus(const fs::path& corpus) {
        fs::copy(kSourceDir / "tests/corpus", corpus, fs::copy_options::recursive);
        fs::copy(kSourceDir / "tests/fixtures/quote-pair", corpus / "pair");
        write_wire(corpus / "wire");
    }
    static inline Registry registry_;
};

TEST_P(IncrementalRegroup, UpdateEndsAsAFreshBuildOfTheSameFiles) {
    const RegroupCase& row = GetParam();
    TempDir updated, fresh;
    write_corpus(updated / "corpus");
    build_index(options(updated.path()));
    row.change(updated / "corpus" / "wire");
    const IndexReport report = update_index(options(updated.path()));
    EXPECT_EQ(report.added + report.updated + report.deleted > 0, true) << "the row changes files";

    write_corpus(fresh / "corpus");
    row.change(fresh / "corpus" / "wire");
    build_index(options(fresh.path()));

    const auto expected = documents_by_id(fresh / "index", kSlotSourceStamp);
    const auto got = documents_by_id(updated / "index", kSlotSourceStamp);
    ASSERT_EQ(got.size(), expected.size());
    std::size_t grouped = 0;  // quotes whose group is not their own: the rows must have some
    for (const auto& [id, document] : expected) {
        const auto found = got.find(id);
        ASSERT_NE(found, got.end()) << id;
        const auto group = document.values.find(kSlotQuoteGroup);
        if (group != document.values.end()) {
            const auto got_group = found->second.values.find(kSlotQuoteGroup);
            ASSERT_NE(got_group, found->second.values.end()) << id;
            EXPECT_EQ(got_group->second, group->second) << id;
            if ("Q" + group->second != id) ++grouped;
        }
        EXPECT_EQ(found->second, document) << id;
    }
    EXPECT_GE(grouped, 3u);
}

std::string case_name(const testing::TestParamInfo<RegroupCase>& param) {
    return param.param.name;
}

INSTANTIATE_TEST_SUITE_P(Changes, IncrementalRegroup, testing::ValuesIn(regroup_cases()),
                         case_name);

}  // namespace
}  // namespace broadsheet
