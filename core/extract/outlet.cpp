// outlet.cpp — outlet evidence from footers, signature phrases and URLs, and its precedence.
#include "core/extract/outlet.h"

#include <algorithm>
#include <array>

#include "core/extract/boilerplate.h"
#include "core/extract/text_util.h"

namespace broadsheet {
namespace {

std::string tidy_name(std::string_view s) {
    std::string out = text::clean_inline(s);
    // html2text prints a link's spaces as underscores ("WordPress_Tavern"); host names and
    // publishers' names never hold one.
    for (std::size_t i = 1; i + 1 < out.size(); ++i)
        if (out[i] == '_' && out[i - 1] != ' ' && out[i + 1] != ' ') out[i] = ' ';
    while (!out.empty() &&
           (out.back() == '.' || out.back() == ',' || out.back() == ';' || out.back() == ':' ||
            out.back() == '*' || out.back() == ' ' || out.back() == '!'))
        out.pop_back();
    while (!out.empty() && (out.front() == '*' || out.front() == ' ')) out.erase(0, 1);
    // "the Northern Echo" in running text is "The Northern Echo" as a name.
    if (out.starts_with("the ") && out.size() > 4 && text::is_ascii_upper(out[4])) out[0] = 'T';
    return out;
}

// A plausible outlet name: short, starting with a capital or digit, or styled "eHow".
bool looks_like_outlet_name(std::string_view s) {
    const auto words = text::count_words(s);
    if (words == 0 || words > 6 || s.size() > 60) return false;
    const unsigned char c = static_cast<unsigned char>(s.front());
    const bool styled = s.size() >= 3 && text::is_ascii_lower(s[0]) && text::is_ascii_upper(s[1]);
    return text::is_ascii_upper(s.front()) || text::is_ascii_digit(s.front()) || c >= 0x80 ||
           styled;
}

// Words a company name carries that the outlet's name does not.
constexpr std::string_view kCompanyWords[] = {
    "company",     "co",   "inc", "ltd", "limited", "llc", "plc",
    "corporation", "corp", "l.p", "lp",  "gmbh",    "s.a", "holdings"};

bool is_company_word(std::string_view word) {
    std::string w = text::to_lower(word);
    while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
    for (auto c : kCompanyWords)
        if (w == c) return true;
    return false;
}

std::string without_company_suffix(std::string name) {
    // "... or its affiliated companies", "... and its affiliates".
    for (auto tail : {" or its ", " and its "}) {
        const auto pos = name.find(tail);
        if (pos != std::string::npos) name.resize(pos);
    }
    while (true) {
        const auto space = name.rfind(' ');
        if (space == std::string::npos || !is_company_word(name.substr(space + 1))) break;
        name.resize(space);
        while (!name.empty() && (name.back() == ',' || name.back() == ' ')) name.pop_back();
    }
    return name;
}

// The captured name after `marker` up to the end of the line or of its sentence.
std::string name_after(std::string_view line, std::string_view marker) {
    const auto pos = text::find_ci(line, marker);
    if (pos == std::string_view::npos) return {};
    auto rest = line.substr(pos + marker.size());
    const auto stop = rest.find_first_of(".|;(");
    // A full stop inside "Chinadaily.com.cn" or "U.S." does not end the name.
    if (stop != std::string_view::npos &&
        (stop + 1 >= rest.size() || rest[stop + 1] == ' ' || rest[stop] != '.'))
        rest = rest.substr(0, stop);
    auto name = tidy_name(rest);
    if (text::starts_with_ci(name, "the editors of ")) name.erase(0, 15);
    return looks_like_outlet_name(name) ? name : std::string{};
}

std::string host_of_url(std::string_view url) {
    if (const auto scheme = url.find("://"); scheme != std::string_view::npos)
        url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#:"));
    std::string host = text::to_lower(url);
    if (host.starts_with("www.")) host.erase(0, 4);
    return host;
}

// Tokens like "chinadaily.com.cn" in a byline.
std::vector<std::string> domain_tokens(std::string_view line) {
    std::vector<std::string> out;
    for (const auto& raw : text::split_trimmed(line, ' ')) {
        std::string w = text::to_lower(raw);
        while (!w.empty() && (w.back() == ',' || w.back() == ')' || w.back() == '.')) w.pop_back();
        const auto dot = w.find('.');
        if (dot == std::string::npos || dot == 0 || dot + 2 > w.size()) continue;
        bool ok = true;
        for (char c : w)
            ok &= text::is_ascii_lower(c) || text::is_ascii_digit(c) || c == '.' || c == '-';
        if (ok) out.push_back(w);
    }
    return out;
}

}  // namespace

std::string disclaimer_outlet(std::string_view line) {
    static constexpr std::string_view kMarkers[] = {"reflect the position of ",
                                                    "reflect the views of ",
                                                    "represent the views of ",
                                                    "reflect the opinion of ",
                                                    "the editorial policy of ",
                                                    "reflect those of ",
                                                    "not those of ",
                                                    "represent those of ",
                                                    "reflect the opinions of "};
    for (auto marker : kMarkers)
        if (auto name = name_after(line, marker); !name.empty()) return name;
    return {};
}

namespace {

// "Eastvale Gazette, part of Northline Media Group" → "Eastvale Gazette"; "Baltic Wire Service
// (BWS) –" → "Baltic Wire Service": the holder without its parent, acronym and dangling dash.
std::string holder_only(std::string name) {
    for (std::size_t pos = name.find(", "); pos != std::string::npos;
         pos = name.find(", ", pos + 1))
        if (pos + 2 < name.size() && text::is_ascii_lower(name[pos + 2])) {
            name.resize(pos);
            break;
        }
    while (true) {
        const auto before = name.size();
        name = std::string(text::trim(name));
        for (std::string_view dash : {"-", "\u2013", "\u2014", ","})
            if (name.ends_with(dash)) name.resize(name.size() - dash.size());
        const auto open = name.rfind(" (");
        if (open != std::string::npos && name.ends_with(')') && name.size() - open <= 10)
            name.resize(open);
        if (name.size() == before) return name;
    }
}

// "Baltic Wire Service (BWS) – all rights reserved": a holder of capitalised words, no "©".
std::string reserved_rights_holder(std::string_view line) {
    const auto pos = text::find_ci(line, "all rights reserved");
    if (pos == std::string_view::npos || pos == 0) return {};
    auto name = holder_only(std::string(line.substr(0, pos)));
    for (const auto& w : text::split_trimmed(name, ' '))
        if (!text::is_ascii_upper(w.front()) && w != "&" && w != "of" && w != "and") return {};
    return looks_like_outlet_name(name) ? name : std::string{};
}

// "Royal Road® © 2024", "topicseed, 2018-2019 © All rights reserved.", "example.com © 2015 The
// Example Post": a mark after a short run (a name or a domain, up to three words). The holder
// after the mark wins; else the name before it, without its years and trademark signs.
std::string holder_around_mark(std::string_view line) {
    const auto mark = line.find("\u00A9");
    if (mark == std::string_view::npos || mark == 0) return {};
    const auto before = line.substr(0, mark);
    if (text::count_words(before) > 3) return {};
    // "Photo ©", "Image © Jo Marsh": a picture's credit, not the site's notice.
    const auto lowered = text::to_lower(before);
    for (std::string_view credit : {"photo", "image", "picture", "illustration", "credit"})
        if (lowered.find(credit) != std::string::npos) return {};
    if (auto after = copyright_outlet(line.substr(mark)); !after.empty()) return after;
    std::string name(before);
    for (std::string_view sign : {"\u00AE", "\u2122"})
        for (auto pos = name.find(sign); pos != std::string::npos; pos = name.find(sign))
            name.erase(pos, sign.size());
    while (!name.empty() && (text::is_ascii_digit(name.back()) || name.back() == ' ' ||
                             name.back() == ',' || name.back() == '-'))
        name.pop_back();
    name = tidy_name(name);
    // A one-word name may be written in lower case, as a brand ("topicseed").
    const bool one_word =
        !name.empty() && name.find(' ') == std::string::npos && name.find('.') == std::string::npos;
    return looks_like_outlet_name(name) || one_word ? name : std::string{};
}

}  // namespace

std::string copyright_outlet(std::string_view raw) {
    std::string line = tidy_name(raw);
    std::string_view s = line;
    bool copyright = false;
    for (int round = 0; round < 2; ++round) {
        for (auto prefix : {"\u00A9", "(c)", "copyright"}) {
            if (text::starts_with_ci(s, prefix)) {
                s = text::trim(s.substr(std::string_view(prefix).size()));
                copyright = true;
            }
        }
    }
    if (!copyright) {
        if (auto holder = holder_around_mark(line); !holder.empty()) return holder;
        return reserved_rights_holder(line);
    }
    // Years and ranges: "2016", "1995 - 2016", "2016–2017", then an optional "by".
    while (!s.empty() && (text::is_ascii_digit(s.front()) || s.front() == '-' || s.front() == ',' ||
                          s.front() == ' ' || s.front() == '.'))
        s.remove_prefix(1);
    if (s.starts_with("\u2013")) s = text::trim(s.substr(3));
    if (text::starts_with_ci(s, "by ")) s.remove_prefix(3);
    std::string name(s);
    // The holder ends at a bar or a sentence's full stop, not at the dot of "Le Monde.fr".
    for (auto stop = name.find_first_of(".|"); stop != std::string::npos;
         stop = name.find_first_of(".|", stop + 1))
        if (stop + 1 >= name.size() || name[stop + 1] == ' ' || name[stop] == '|') {
            name.resize(stop);
            break;
        }
    if (const auto pos = text::find_ci(name, "all rights reserved"); pos != std::string::npos)
        name.resize(pos);
    name = without_company_suffix(holder_only(name));  // "... Limited or its affiliated companies"
    // "© Reuters 2018": the year may follow the holder.
    while (!name.empty() && (text::is_ascii_digit(name.back()) || name.back() == ' ' ||
                             name.back() == ',' || name.back() == '-'))
        name.pop_back();
    name = tidy_name(name);
    return looks_like_outlet_name(name) ? name : std::string{};
}

namespace {

// A promo's object that names no publisher: "Subscribe to Our Newsletter" (a possessive opens
// it), "Subscribe to Blog via Email" (a lower-case word other than a name's joining words).
bool reads_as_proper_name(std::string_view name) {
    static constexpr std::string_view kOpeners[] = {"our", "your", "my", "this", "these", "all"};
    static constexpr std::string_view kJoiners[] = {"of", "and", "the", "for", "on", "de", "la",
                                                    "le", "du",  "des", "en",  "y",  "&"};
    const auto words = text::split_trimmed(name, ' ');
    if (words.empty()) return false;
    const auto first = text::to_lower(words.front());
    for (auto opener : kOpeners)
        if (first == opener) return false;
    for (const auto& w : words) {
        if (!text::is_ascii_lower(w.front())) continue;
        const bool joiner =
            std::find(std::begin(kJoiners), std::end(kJoiners), w) != std::end(kJoiners);
        // "eHow", "iPhone": a styled name, not a lower-case word.
        const bool styled = w.size() >= 2 && text::is_ascii_upper(w[1]);
        if (!joiner && !styled) return false;
    }
    return true;
}

}  // namespace

bool is_social_network(std::string_view name) {
    static constexpr std::string_view kNetworks[] = {"facebook", "twitter",   "x",       "whatsapp",
                                                     "telegram", "instagram", "youtube", "linkedin",
                                                     "google",   "apple",     "email",   "e-mail"};
    const auto lowered = text::to_lower(name);
    for (auto n : kNetworks)
        if (lowered == n) return true;
    return false;
}

// "Source: Al Jazeera and news agencies" → "Al Jazeera and news agencies".
std::string source_credit(std::string_view line) {
    if (!text::starts_with_ci(line, "source:")) return {};
    auto name = tidy_name(line.substr(7));
    return looks_like_outlet_name(name) && text::count_words(name) <= 6 ? name : std::string{};
}

std::string signature_outlet(std::string_view line) {
    // (marker before the name, marker after it): "download the X app", "Comment via X".
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kPatterns = {{
        {"download the ", " app"},
        {"comment via ", ""},
        {"on the ", " terminal"},
        {"reaches the ", " terminal"},
        {"sign up for the ", " newsletter"},
        {"sign up for ", "'s newsletter"},
        {"sign up for ", "\u2019s newsletter"},
        {"follow ", " on "},
        {"subscribe to ", ""},
        // French subscription prompts: "Vous êtes abonné à X", "Abonnez-vous à X".
        {"abonn\u00E9 \u00E0 ", ""},
        {"abonnez-vous \u00E0 ", ""},
    }};
    for (const auto& [before, after] : kPatterns) {
        std::size_t from = 0;
        while (true) {
            const auto pos = text::find_ci(line, before, from);
            if (pos == std::string_view::npos) break;
            from = pos + 1;
            auto rest = line.substr(pos + before.size());
            if (!after.empty()) {
                const auto end = text::find_ci(rest, after);
                if (end == std::string_view::npos || end > 60) continue;
                rest = rest.substr(0, end);
            } else {
                // "Comment via FacebookComment via Sputnik": a glued capital starts the next one.
                for (std::size_t i = 1; i < rest.size(); ++i)
                    if (text::is_ascii_upper(rest[i]) && text::is_ascii_lower(rest[i - 1])) {
                        rest = rest.substr(0, i);
                        break;
                    }
            }
            auto name = tidy_name(rest);
            if (text::to_lower(name) == "us" || is_social_network(name)) continue;
            if (!name.empty() && looks_like_outlet_name(name) && text::count_words(name) <= 4 &&
                reads_as_proper_name(name))
                return name;
        }
    }
    return {};
}

std::string registered_outlet(std::string_view raw, const Registry& registry) {
    std::string name = tidy_name(raw);
    if (name.empty()) return {};
    if (auto c = registry.outlet_for_alias(name); !c.empty()) return c;
    // "Al Jazeera and news agencies", "Reuters/AP": the first name is the publisher.
    for (std::string_view sep : {" and ", " & ", "/", ", ", " with "}) {
        const auto pos = name.find(sep);
        if (pos == std::string::npos || pos == 0) continue;
        if (auto c = registry.outlet_for_alias(name.substr(0, pos)); !c.empty()) return c;
    }
    if (name.find(' ') == std::string::npos && name.find('.') != std::string::npos)
        if (auto c = registry.outlet_for_domain(name); !c.empty()) return c;
    // "The Example Times" vs "Example Times"; then drop company words one at a time.
    for (std::string candidate = name; !candidate.empty();) {
        if (auto c = registry.outlet_for_alias(candidate); !c.empty()) return c;
        if (text::starts_with_ci(candidate, "the ")) {
            if (auto c = registry.outlet_for_alias(candidate.substr(4)); !c.empty()) return c;
        } else if (auto c = registry.outlet_for_alias("The " + candidate); !c.empty()) {
            return c;
        }
        const auto stripped = without_company_suffix(candidate);
        if (stripped == candidate) break;
        candidate = stripped;
    }
    return {};
}

std::string normalise_outlet(std::string_view raw, const Registry& registry) {
    if (auto c = registered_outlet(raw, registry); !c.empty()) return c;
    return without_company_suffix(tidy_name(raw));
}

std::string registered_outlet_in(std::string_view line, const Registry& registry) {
    std::string best;
    std::size_t best_len = 0;
    const auto lowered = text::to_lower(line);
    for (const auto& [alias, canonical] : registry.outlet_aliases()) {
        if (alias.size() <= best_len || alias.size() < 2) continue;
        for (std::size_t pos = lowered.find(alias); pos != std::string::npos;
             pos = lowered.find(alias, pos + 1)) {
            const std::string_view original = line.substr(pos, alias.size());
            // Names are capitalised ("clean slate" does not name Slate); short acronyms
            // ("AP", "BBC") must be in capitals.
            bool ok = !text::is_ascii_lower(original.front());
            if (alias.size() <= 4)
                for (char c : original) ok &= !text::is_ascii_lower(c);
            const auto window =
                line.substr(pos > 0 ? pos - 1 : 0, alias.size() + (pos > 0 ? 2 : 1));
            if (ok && text::contains_word(window, original)) {
                best = canonical;
                best_len = alias.size();
                break;
            }
        }
    }
    return best;
}

bool is_web_url(std::string_view url) {
    std::size_t after_scheme = 0;
    if (text::starts_with_ci(url, "http://"))
        after_scheme = 7;
    else if (text::starts_with_ci(url, "https://"))
        after_scheme = 8;
    else
        return false;
    std::string_view host = url.substr(after_scheme);
    host = host.substr(0, host.find_first_of("/?#"));
    if (host.empty()) return false;
    for (const char c : host)
        if (static_cast<unsigned char>(c) <= ' ' || c == '\\') return false;
    return true;
}

std::string logo_outlet(std::string_view line) {
    // html2text prints an image's alt text in brackets, a link's spaces as underscores:
    // "[WordPress_Tavern_Logo]".
    std::string plain(text::trim(line));
    if (plain.size() > 2 && plain.front() == '[' && plain.back() == ']')
        plain = plain.substr(1, plain.size() - 2);
    std::replace(plain.begin(), plain.end(), '_', ' ');
    std::string_view t = plain;
    if (const auto stop = t.find(". "); stop != std::string_view::npos) t = t.substr(0, stop);
    while (t.ends_with('.')) t.remove_suffix(1);
    constexpr std::string_view kLogo = " logo";
    if (t.size() <= kLogo.size() || !text::ends_with_ci(t, kLogo)) return {};
    std::string name = tidy_name(t.substr(0, t.size() - kLogo.size()));
    // "topicseed topicseed logo": the name twice, as text and as the image's alt.
    const auto half = name.size() / 2;
    if (name.size() % 2 == 1 && name[half] == ' ' &&
        std::string_view(name).substr(0, half) == std::string_view(name).substr(half + 1))
        name.resize(half);
    if (text::count_words(name) > 4 || !looks_like_outlet_name(name)) return {};
    return name;
}

namespace {

std::string public_host(const OutletEvidence& evidence) {
    auto host = is_web_url(evidence.url) ? host_of_url(evidence.url) : std::string{};
    return is_public_host(host) ? host : std::string{};
}

// A name the page confirms itself: its domain spelled out in a line, or a writer's tagline.
std::string self_named_outlet(const OutletEvidence& evidence, const Registry& registry) {
    if (const auto host = public_host(evidence); !host.empty()) {
        std::vector<std::string> lines = evidence.footer;
        lines.push_back(evidence.title_suffix);
        lines.push_back(evidence.byline);
        lines.insert(lines.end(), evidence.body_tail.begin(), evidence.body_tail.end());
        if (auto name = domain_words_outlet(host, lines); !name.empty())
            return normalise_outlet(name, registry);
    }
    for (const auto* lines : {&evidence.body_tail, &evidence.late_paragraphs, &evidence.footer})
        for (const auto& line : *lines)
            if (auto name = self_reference_outlet(line); !name.empty())
                return normalise_outlet(name, registry);
    return {};
}

// The names no registered evidence confirmed, strongest first (see resolve_outlet).
std::string unregistered_outlet(const OutletEvidence& evidence, const std::string& copyright,
                                const std::string& credit, const Registry& registry) {
    if (evidence.title_suffix_is_branding && looks_like_outlet_name(evidence.title_suffix))
        return without_company_suffix(tidy_name(evidence.title_suffix));
    for (std::size_t i = 0; i < evidence.footer.size() && i < 8; ++i)
        if (auto name = logo_outlet(evidence.footer[i]); !name.empty())
            return normalise_outlet(name, registry);
    if (!copyright.empty()) return copyright;
    if (auto host = public_host(evidence); !host.empty()) return host;
    return credit;
}

}  // namespace

std::string resolve_outlet(const OutletEvidence& evidence, const Registry& registry) {
    if (!text::trim(evidence.metadata).empty()) {
        if (auto name = normalise_outlet(evidence.metadata, registry); !name.empty()) return name;
    }
    const bool web_url = is_web_url(evidence.url);
    if (web_url)
        if (auto c = registry.outlet_for_domain(evidence.url); !c.empty()) return c;
    if (!evidence.title_suffix.empty())
        if (auto c = registered_outlet(evidence.title_suffix, registry); !c.empty()) return c;
    for (const auto& line : evidence.footer)
        if (auto name = disclaimer_outlet(line); !name.empty())
            return normalise_outlet(name, registry);
    std::string unregistered_copyright, unregistered_credit;
    for (const auto& line : evidence.footer) {
        const auto holder = copyright_outlet(line);
        const auto credit = holder.empty() ? source_credit(line) : std::string{};
        const auto& name = holder.empty() ? credit : holder;
        if (name.empty()) continue;
        if (auto c = registered_outlet(name, registry); !c.empty()) return c;
        if (!holder.empty() && unregistered_copyright.empty())
            unregistered_copyright = without_company_suffix(holder);
        if (!credit.empty() && unregistered_credit.empty()) unregistered_credit = credit;
    }
    // A site's logo scraped as a line of its own ("Sky News" above the menu).
    for (std::size_t i = 0; i < evidence.footer.size() && i < 8; ++i) {
        std::string line = tidy_name(evidence.footer[i]);
        for (std::string_view tail : {" Homepage", " Home", " home page"})
            if (line.ends_with(tail)) line.resize(line.size() - tail.size());
        if (auto c = registry.outlet_for_alias(line); !c.empty()) return c;
    }
    if (!evidence.dateline_agency.empty())
        if (auto c = registered_outlet(evidence.dateline_agency, registry); !c.empty()) return c;
    if (auto name = self_named_outlet(evidence, registry); !name.empty()) return name;
    for (auto it = evidence.footer.rbegin(); it != evidence.footer.rend(); ++it) {
        if (auto name = signature_outlet(*it); !name.empty())
            return normalise_outlet(name, registry);
    }
    for (const auto& line : evidence.footer) {
        const auto kind = classify_chrome(line);
        // A copyright line that names its holder ("© 2020 Mail & Guardian") has been weighed
        // already; a registered name inside it ("Guardian") would be a misreading.
        if (kind != ChromeKind::Share && kind != ChromeKind::Promo) continue;
        if (auto c = registered_outlet_in(line, registry); !c.empty()) return c;
    }
    if (!evidence.byline.empty()) {
        for (const auto& domain : domain_tokens(evidence.byline))
            if (auto c = registry.outlet_for_domain(domain); !c.empty()) return c;
        if (auto c = registered_outlet_in(evidence.byline, registry); !c.empty()) return c;
    }
    return unregistered_outlet(evidence, unregistered_copyright, unregistered_credit, registry);
}

}  // namespace broadsheet
