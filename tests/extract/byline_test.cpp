// byline_test.cpp — table tests for byline recognition and author cleaning.
#include "core/extract/byline.h"

#include <gtest/gtest.h>

namespace broadsheet {
namespace {

struct AuthorCase {
    const char* raw;
    const char* author;
    const char* why;
};

const AuthorCase kAuthorCases[] = {
    {"By Nikolas K. Gvosdev", "Nikolas K. Gvosdev", "initials keep their full stops"},
    {"By Jane Doe and John Roe", "Jane Doe, John Roe", "two people joined by 'and'"},
    {"By Jane Doe, Staff Writer", "Jane Doe", "role after a comma is dropped"},
    {"By KEVIN O'MALLEY Associated Press", "Kevin O'Malley",
     "shouted name with the agency glued on"},
    {"By Zhang Wei in Shenzhen | chinadaily.com.cn | 09-09-2016 10:29 BJT", "Zhang Wei",
     "place, site and date are not part of the name"},
    {"Owen Barker at Anfield", "Owen Barker", "the <address> form: name at a venue"},
    {"Reporting by Sam Otieno; Editing by Clara Jensen", "Sam Otieno",
     "wire credit: the reporter, not the editor"},
    {"(Reporting by Kate Holder; Editing by Mark Potter-Lyle)", "Kate Holder",
     "bracketed wire credit"},
    {"By Jane Doe on September 9, 2016", "Jane Doe", "date after 'on'"},
    {"By Reuters Staff", "", "no person named"},
    {"By The Associated Press", "", "an organisation is not an author"},
    {"Pieter de Vries", "Pieter de Vries", "lower-case particle inside a name"},
    {"Posted by Jane Smith on June 29, 2018", "Jane Smith", "blog-style 'Posted by ... on'"},
};

TEST(CleanAuthor, Table) {
    for (const auto& c : kAuthorCases)
        EXPECT_EQ(clean_author(c.raw), c.author) << c.raw << " — " << c.why;
}

struct BylineCase {
    const char* line;
    bool is_byline;
    const char* author;
    const char* date;
    const char* why;
};

const BylineCase kBylineCases[] = {
    {"By Jane Doe | Nov. 3, 2016", true, "Jane Doe", "2016-11-03", "byline with a date"},
    {"by Derek Simmons", true, "Derek Simmons", "", "lower-case 'by'"},
    {"Author: Lars Eide", true, "Lars Eide", "", "labelled author"},
    {"By contrast, the ministry said nothing.", false, "", "", "a sentence opening with 'By'"},
    {"By the end of the year, prices had doubled.", false, "", "", "another sentence"},
};

TEST(ParseByline, Table) {
    for (const auto& c : kBylineCases) {
        const auto byline = parse_byline(c.line);
        EXPECT_EQ(byline.has_value(), c.is_byline) << c.line << " — " << c.why;
        if (!byline) continue;
        EXPECT_EQ(byline->author, c.author) << c.line << " — " << c.why;
        EXPECT_EQ(byline->date ? byline->date->iso() : "", c.date) << c.line << " — " << c.why;
    }
}

struct RoleCase {
    const char* line;
    bool role;
    const char* why;
};

const RoleCase kRoleCases[] = {
    {"Business reporter @hcastell", true, "job title with a handle"},
    {"Moscow correspondent", true, "job title"},
    {"The talks resumed on Friday.", false, "a sentence"},
};

struct NameRoleCase {
    const char* line;
    const char* name;
    const char* why;
};

const NameRoleCase kNameRoleCases[] = {
    {"Natalie Greaves-Okoye Environment correspondent", "Natalie Greaves-Okoye",
     "field plus role glued to a two-word name"},
    {"Mary Anne Smith Political editor", "Mary Anne Smith", "three-word name"},
    {"John Smith correspondent", "John Smith", "one-word role"},
    {"The talks were led by a special correspondent", "", "a sentence, not a byline"},
};

TEST(NameBeforeRole, Table) {
    for (const auto& c : kNameRoleCases)
        EXPECT_EQ(name_before_role(c.line), c.name) << c.line << " — " << c.why;
}

struct BioCase {
    const char* line;
    const char* author;
    const char* why;
};

const BioCase kBioCases[] = {
    {"Nikolas K. Gvosdev is a Senior Fellow at the Foreign Policy Research Institute.",
     "Nikolas K. Gvosdev", "op-ed bio line"},
    {"Tobias Wren writes about cities and technology.", "Tobias Wren", "'writes about' bio"},
    {"John Kerry is the secretary of state and met Lavrov on Friday.", "",
     "a news sentence about a person is not a bio"},
};

TEST(AuthorFromBio, Table) {
    for (const auto& c : kBioCases)
        EXPECT_EQ(author_from_bio(c.line), c.author) << c.line << " — " << c.why;
}

TEST(RoleLine, Table) {
    for (const auto& c : kRoleCases)
        EXPECT_EQ(looks_like_role_line(c.line), c.role) << c.line << " — " << c.why;
}

}  // namespace
}  // namespace broadsheet
