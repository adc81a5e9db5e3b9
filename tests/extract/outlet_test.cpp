// outlet_test.cpp — table tests for outlet evidence, its precedence, and wire datelines.
#include "core/extract/outlet.h"

#include <gtest/gtest.h>

#include "core/extract/dateline.h"

namespace broadsheet {
namespace {

Registry test_registry() {
    Registry r;
    r.add_outlet("Bloomberg", {"bloomberg.com", "Bloomberg News"});
    r.add_outlet("Sputnik", {"sputniknews.com", "Sputnik News"});
    r.add_outlet("Reuters", {"reuters.com", "Thomson Reuters"});
    r.add_outlet("Associated Press", {"apnews.com", "AP", "The Associated Press"});
    r.add_outlet("The Guardian", {"theguardian.com", "Guardian"});
    r.add_outlet("Al Jazeera", {"aljazeera.com"});
    r.add_outlet("Sky News", {"news.sky.com"});
    r.add_outlet("China Daily", {"chinadaily.com.cn"});
    return r;
}

struct LineCase {
    const char* line;
    const char* disclaimer;
    const char* copyright;
    const char* signature;
    const char* why;
};

const LineCase kLineCases[] = {
    {"The views expressed do not necessarily reflect the position of The Moscow Times.",
     "The Moscow Times", "", "", "op-ed disclaimer"},
    {"The views expressed are his own and not those of CityLab Weekly.", "CityLab Weekly", "", "",
     "'not those of' disclaimer"},
    {"...do not necessarily reflect those of the Northern Echo.", "The Northern Echo", "", "",
     "lower-case 'the' capitalised as part of the name"},
    {"© 2016 Example News. All rights reserved.", "", "Example News", "", "copyright line"},
    {"Copyright © 1995 - 2016 . All rights reserved.", "", "", "", "years only: no holder"},
    {"Copyright 2020 by Capitol Broadcasting Company. All rights reserved.", "",
     "Capitol Broadcasting", "", "'by' before the holder; company word dropped"},
    {"Comment via FacebookComment via Sputnik", "", "", "Sputnik",
     "glued prompts: the social network is skipped"},
    {"Click here to download the WRAL News app.", "", "", "WRAL News", "app download prompt"},
    {"Before it's here, it's on the Bloomberg Terminal. LEARN MORE", "", "", "Bloomberg",
     "terminal promo"},
    {"Follow us on Twitter", "", "", "", "'us' is not a name"},
    {"Subscribe to Our Newsletter", "", "", "", "a possessive opens a promo's object, not a name"},
    {"Subscribe to Blog via Email", "", "", "",
     "a lower-case word other than a name's joining words: a phrase, not a name"},
    {"Subscribe to Eastvale Gazette", "", "", "Eastvale Gazette", "a name after the prompt"},
    {"© Reuters 2018", "", "Reuters", "", "year after the holder"},
    {"© 2023 Guardian News & Media Limited or its affiliated companies. All rights reserved.", "",
     "Guardian News & Media", "", "company words and affiliates dropped"},
    {"© 2019 Eastvale Gazette, part of Northline Media Group", "", "Eastvale Gazette", "",
     "the holder, not the parent company after ', part of'"},
    {"Baltic Wire Service (BWS) \u2013 all rights reserved", "", "Baltic Wire Service", "",
     "no '©': the capitalised holder before 'all rights reserved', its acronym dropped"},
    {"Text and images: all rights reserved", "", "", "",
     "no '©' and words in lower case: no holder"},
    {"All rights reserved.", "", "", "", "the phrase alone names nobody"},
    {"Ridge Review\u00AE \u00A9 2024", "", "Ridge Review", "",
     "the name before the mark when only years follow it, trademark sign dropped"},
    {"ridgereview, 2018-2019 \u00A9 All rights reserved.", "", "ridgereview", "",
     "a one-word brand in lower case before the mark"},
    {"ridgereview.example \u00A9 1996-2015 The Ridge Review", "", "The Ridge Review", "",
     "a domain before the mark: the holder after it"},
    {"Photo \u00A9 Jo Marsh", "", "", "", "a picture's credit is no site notice"},
    {"\u00A9 Le Journal.fr | Mentions l\u00E9gales", "", "Le Journal.fr", "",
     "the holder ends at the bar, not at the dot inside the name"},
    {"Sign up for Ridge Review\u2019s newsletter", "", "", "Ridge Review",
     "a possessive newsletter prompt"},
    {"Copyright \u00A9 2017 Ridge_Review. Powered by Pressly.", "", "Ridge Review", "",
     "html2text's underscores in a linked holder are spaces"},
    {"Vous \u00EAtes abonn\u00E9 \u00E0 Le Journal du Val", "", "", "Le Journal du Val",
     "a French subscriber's prompt ('you subscribe to X') names the site"},
    {"Abonnez-vous \u00E0 La Gazette", "", "", "La Gazette",
     "a French subscription prompt in the imperative"},
    {"s'abonner \u00E0 partir de 8\u20AC", "", "", "", "a price after the prompt is no name"},
};

TEST(OutletLines, Table) {
    for (const auto& c : kLineCases) {
        EXPECT_EQ(disclaimer_outlet(c.line), c.disclaimer) << c.line << " — " << c.why;
        EXPECT_EQ(copyright_outlet(c.line), c.copyright) << c.line << " — " << c.why;
        EXPECT_EQ(signature_outlet(c.line), c.signature) << c.line << " — " << c.why;
    }
}

struct ResolveCase {
    OutletEvidence evidence;
    const char* outlet;
    const char* why;
};

std::vector<ResolveCase> resolve_cases() {
    return {
        {{.metadata = "Bloomberg News"}, "Bloomberg", "metadata alias normalised"},
        {{.metadata = "Example Gazette"}, "Example Gazette", "unknown metadata kept as written"},
        {{.url = "https://sputniknews.com/world/x"}, "Sputnik", "registered URL domain"},
        {{.url = "https://www.punchng.com/teachers"},
         "punchng.com",
         "unregistered domain: the host, www dropped"},
        {{.footer = {"Source: x", "© 2021 Thomson Reuters. All rights reserved."}},
         "Reuters",
         "copyright holder through an alias"},
        {{.footer = {"© 2015 The Seattle Times Company"}},
         "The Seattle Times",
         "company suffix dropped from an unregistered holder"},
        {{.footer = {"Cookie settings | Privacy notice", "© 2020 Mail & Guardian"}},
         "Mail & Guardian",
         "a registered word inside a holder's name is not the outlet"},
        {{.dateline_agency = "AP"}, "Associated Press", "wire dateline agency"},
        {{.footer = {"Sky News", "Watch Live", "© 2022 Sky UK"}},
         "Sky News",
         "the logo line beats an unregistered copyright holder"},
        {{.byline = "By Zhang Wei | chinadaily.com.cn | 09-09-2016"},
         "China Daily",
         "a domain printed on the byline"},
        {{.title_suffix = "Guardian"}, "The Guardian", "registered title suffix"},
        {{.footer = {"Source: Al Jazeera and news agencies"}},
         "Al Jazeera",
         "a 'Source:' credit naming a registered outlet first"},
        {{.url = "https://www.example.org/x", .footer = {"Source: Ministry of Health"}},
         "example.org",
         "an unregistered credit (maybe a data source) ranks below the URL host"},
        {{.footer = {"Source: Ministry of Health"}},
         "Ministry of Health",
         "an unregistered credit is still the last resort"},
        {{.footer = {"The Verge logo. The Verge homepage", "© 2023 Vox Media, LLC."}},
         "The Verge",
         "a logo's alt text among the first chrome lines beats an unregistered parent company"},
        {{}, "", "no evidence: unknown"},
        {{.url = "javascript:window.location='https://sputniknews.com/'"},
         "",
         "a javascript: URL names no outlet, not even through a registered domain inside it"},
        {{.url = "data:text/html;base64,PGI+"}, "", "a data: URL has no host to name"},
        {{.url = "http://127.0.0.1:8080/story"},
         "",
         "a loopback crawl: an IP address is no outlet"},
        {{.url = "http://localhost:4000/a"}, "", "localhost is no outlet"},
        {{.url = "http://[::1]:8080/a"}, "", "an IPv6 address is no outlet"},
        {{.url = "http://newsbox/a"}, "", "a host without a dot names no publisher"},
        {{.url = "http://127.0.0.1/x", .footer = {"© 2021 Example Herald"}},
         "Example Herald",
         "an IP host gives way to any named holder"},
        {{.url = "https://www.eastvalegazette.example/news/1",
          .footer = {"Home | News | Sport", "Contact the Eastvale Gazette newsroom"}},
         "Eastvale Gazette",
         "the domain read as words a chrome line prints"},
        {{.url = "https://seattletimes.example/a", .byline = "By Ann Lee, The Seattle Times"},
         "The Seattle Times",
         "a 'The' before the spelled words belongs to the name"},
        {{.url = "https://northseawire.example/a", .footer = {"+++ NORTHSEA WIRE +++"}},
         "Northsea Wire",
         "a shouted masthead spelling the domain, in title case"},
        {{.url = "https://eastvalegazette.example/a", .footer = {"© 2020 Northline Media Group"}},
         "Northline Media Group",
         "the domain's words printed nowhere: the copyright holder stays"},
        {{.url = "https://news.eastvale.example/a", .footer = {"News | Sport", "Eastvale Post"}},
         "Eastvale",
         "the publisher's label, not a section subdomain ('news'), is read as words"},
        {{.url = "https://www.eastvalegazette.co.uk/a", .footer = {"The Eastvale Gazette"}},
         "The Eastvale Gazette",
         "a country's second-level domain is passed over"},
        {{.url = "https://eastvalegazette.example/a", .footer = {"Eastvale Weather"}},
         "eastvalegazette.example",
         "a prefix of the domain's letters is no match: the bare domain is the last resort"},
        {{.url = "https://www.example.org/x",
          .body_tail = {"*Jo Marsh is The Fixture's rugby "
                        "correspondent.*"}},
         "The Fixture",
         "a writer's tagline names the outlet"},
        {{.url = "https://eastvalegazette.example/a",
          .footer = {"© 2019 Eastvale Gazette, part of Northline Media Group"}},
         "Eastvale Gazette",
         "holder and domain agree"},
    };
}

TEST(ResolveOutlet, Table) {
    const Registry registry = test_registry();
    for (const auto& c : resolve_cases())
        EXPECT_EQ(resolve_outlet(c.evidence, registry), c.outlet) << c.why;
}

struct WebUrlCase {
    const char* url;
    bool web;
    const char* why;
};

TEST(IsWebUrl, Table) {
    const WebUrlCase cases[] = {
        {"https://www.reuters.com/x", true, "the usual case"},
        {"http://example.org", true, "http, no path"},
        {"HTTPS://Example.org/x", true, "schemes are case-insensitive"},
        {"javascript:alert(1)", false, "script, not a page"},
        {"data:text/html,<b>x</b>", false, "inline data, not a page"},
        {"ftp://example.org/x", false, "not a web page"},
        {"//example.org/x", false, "protocol-relative: not absolute"},
        {"/news/x", false, "relative path"},
        {"https://", false, "no host"},
        {"https:///path", false, "empty host"},
        {"http://exa mple.org/", false, "a space in the host"},
        {"", false, "empty"},
    };
    for (const auto& c : cases) EXPECT_EQ(is_web_url(c.url), c.web) << c.why << ": " << c.url;
}

struct TaglineCase {
    const char* line;
    const char* outlet;
    const char* why;
};

TEST(SelfReferenceOutlet, Table) {
    const TaglineCase cases[] = {
        {"Jo Marsh is The Fixture's rugby correspondent.", "The Fixture", "the issue's example"},
        {"*Sam Okafor is the Eastvale Gazette\u2019s chief reporter*", "The Eastvale Gazette",
         "lower-case 'the', curly apostrophe, italic markers"},
        {"Ana Ruiz is Labour's health spokeswoman.", "", "a party's spokeswoman is no staff role"},
        {"She is the company's chief executive.", "", "a lower-case owner is no outlet"},
        {"The council said on Monday that Jo Marsh is The Fixture's rugby correspondent.", "",
         "a sentence in running prose: the subject is no name opening the line"},
        {"Jo Marsh is a rugby correspondent.", "", "no owner named"},
        {"Dan Lee Dan is the Security Editor at Ridge Review, which he joined in 2012",
         "Ridge Review", "'the <role> at X': the run of capitals after 'at', up to the comma"},
        {"Ann Ruiz is a contributing writer for The Fixture.", "The Fixture",
         "'a <role> for X', the name's 'The' kept"},
        {"Jo Marsh is an analyst at Northbank Capital.", "",
         "an analyst works for a bank: only newsroom roles name an outlet"},
        {"Jo Marsh is a reporter at the scene.", "", "nothing capitalised after 'at'"},
    };
    for (const auto& c : cases) EXPECT_EQ(self_reference_outlet(c.line), c.outlet) << c.why;
}

TEST(PublicHost, Table) {
    const struct {
        const char* host;
        bool is_public;
        const char* why;
    } cases[] = {
        {"eastvalegazette.example", true, "a domain"},      {"127.0.0.1", false, "IPv4 loopback"},
        {"10.1.2.3", false, "a private address"},           {"localhost", false, "no dot"},
        {"news.localhost", false, "a localhost subdomain"}, {"", false, "empty"},
    };
    for (const auto& c : cases) EXPECT_EQ(is_public_host(c.host), c.is_public) << c.why;
}

TEST(NormaliseOutlet, FirstOfSeveralSources) {
    // "Al Jazeera and news agencies": the first name is the publisher.
    EXPECT_EQ(normalise_outlet("Al Jazeera and news agencies", test_registry()), "Al Jazeera");
}

struct DatelineCase {
    const char* paragraph;
    bool found;
    const char* agency;
    int year;
    unsigned month, day;
    const char* why;
};

const DatelineCase kDatelines[] = {
    {"GENEVA, Sept. 9 (Reuters) - The council will debate", true, "Reuters", 0, 9, 9,
     "classic wire dateline without a year"},
    {"WASHINGTON (AP) — A Senate committee voted", true, "AP", 0, 0, 0, "agency, no date"},
    {"MOSCOW, November 17, 2017 /TASS/. Russia said", true, "TASS", 2017, 11, 17,
     "TASS slashes and a full date"},
    {"ST. LOUIS, March 3 (Reuters) - Prices rose", true, "Reuters", 0, 3, 3,
     "place with a full stop"},
    {"US Not Seeking 'Regime Change' in Syria - Kerry", false, "", 0, 0, 0,
     "a headline with capitals is not a dateline"},
    {"RALEIGH, N.C. -- The council voted", false, "", 0, 0, 0, "no date and no agency"},
    {"Brussels (CNN) — European leaders agreed", true, "CNN", 0, 0, 0,
     "title-case place with a bracketed agency and a dash"},
    {"Officials (including the mayor) - said", false, "", 0, 0, 0,
     "a bracket in a sentence is not an agency"},
};

struct LogoCase {
    const char* line;
    const char* outlet;
    const char* why;
};

TEST(LogoOutlet, Table) {
    const LogoCase cases[] = {
        {"WordPress Tavern Logo", "WordPress Tavern", "the alt text of a site's logo"},
        {"The Verge logo. The Verge homepage", "The Verge", "only the first sentence counts"},
        {"Acme Acme logo", "Acme", "the name as text and again as the image's alt"},
        {"[Ridge_Review_Logo]", "Ridge Review",
         "html2text brackets the alt text and writes a link's spaces as underscores"},
        {"Man checking phone in front of Twitter logo.", "", "a caption is no logo line"},
        {"Mozilla dinosaur head logo.png", "", "an image file name is no logo line"},
        {"logo", "", "no name before it"},
        {"Sky News", "", "a line without the word is left to the other rules"},
    };
    for (const auto& c : cases) EXPECT_EQ(logo_outlet(c.line), c.outlet) << c.why;
}

TEST(ParseDateline, Table) {
    for (const auto& c : kDatelines) {
        const auto d = parse_dateline(c.paragraph);
        EXPECT_EQ(d.has_value(), c.found) << c.paragraph << " — " << c.why;
        if (!d) continue;
        EXPECT_EQ(d->agency, c.agency) << c.why;
        EXPECT_EQ(d->date ? d->date->year : 0, c.year) << c.why;
        EXPECT_EQ(d->date ? d->date->month : 0u, c.month) << c.why;
        EXPECT_EQ(d->date ? d->date->day : 0u, c.day) << c.why;
    }
}

}  // namespace
}  // namespace broadsheet
