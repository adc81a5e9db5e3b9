// real_figures.cpp — per-split tallies of broadsheet-score-real, their printout, JSON and the
// floor/ceiling check.
#include "tests/scoring/real_figures.h"

#include <algorithm>
#include <cstdio>

#include "core/error.h"

namespace broadsheet::scoring::real {
namespace {

// Bylines are labelled with or without a leading "By "; either form names the same people.
std::string normalise_byline(std::string_view value) {
    std::string normal = normalise_label(value);
    if (normal.starts_with("by ")) normal.erase(0, 3);
    return normal;
}

// Whether a mismatch is printed: held-back pages stay unnamed while tuning.
enum class Echo { Print, Silent };

void score_field(Ratio& ratio, const std::optional<std::string>& expected, const std::string& got,
                 std::string (*normalise)(std::string_view), const char* what,
                 const std::string& where, Echo echo) {
    if (!expected) return;
    ++ratio.total;
    if (normalise(*expected) == normalise(got)) {
        ++ratio.hits;
        return;
    }
    if (echo == Echo::Print)
        std::printf("MISMATCH %s: %s: expected \"%s\", got \"%s\"\n", where.c_str(), what,
                    expected->c_str(), got.c_str());
}

std::string as_label(std::string_view value) {
    return normalise_label(value);
}
std::string as_byline(std::string_view value) {
    return normalise_byline(value);
}

void print_speed(const char* set, const Speed& s) {
    const double mb = static_cast<double>(s.bytes) / 1e6;
    std::printf("speed %-12s %zu pages, %.1f MB in %.2f s: %.0f pages/s, %.1f MB/s (one core)\n",
                set, s.pages, mb, s.seconds, s.seconds > 0 ? s.pages / s.seconds : 0.0,
                s.seconds > 0 ? mb / s.seconds : 0.0);
}

void print_ratio(const char* what, const Ratio& r) {
    std::printf("  %-16s %.3f  (%zu/%zu labelled)\n", what, r.value(), r.hits, r.total);
}

nlohmann::json ratio_json(const Ratio& r) {
    return {{"accuracy", r.value()}, {"correct", r.hits}, {"labelled", r.total}};
}

nlohmann::json speed_json(const Speed& s) {
    return {{"pages", s.pages},
            {"bytes", s.bytes},
            {"seconds", s.seconds},
            {"pages_per_second", s.seconds > 0 ? s.pages / s.seconds : 0.0},
            {"mb_per_second", s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0.0}};
}

void print_speakers(const SplitFigures& f) {
    const Prf prf = micro_prf(f.speakers);
    std::printf("  %-16s P %.3f, R %.3f  (%zu right, %zu wrong, %zu missed; %zu labelled pages)\n",
                "speakers", prf.precision, prf.recall, f.speakers.true_positive,
                f.speakers.false_positive, f.speakers.false_negative, f.speaker_pages);
}

}  // namespace

std::map<std::string, double> parse_limits(const std::vector<std::string>& arguments) {
    std::map<std::string, double> limits;
    for (const auto& argument : arguments) {
        const auto eq = argument.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(ErrorCode::InvalidArgument,
                        "limit \"" + argument + "\" is not SPLIT.FIGURE=VALUE");
        try {
            limits[argument.substr(0, eq)] = std::stod(argument.substr(eq + 1));
        } catch (const std::exception&) {
            throw Error(ErrorCode::InvalidArgument, "limit \"" + argument + "\" has no number");
        }
    }
    return limits;
}

bool Run::revealed(Split split) const {
    return split == Split::Dev || reveal_ == Reveal::BothSplits;
}

const SplitFigures& Run::figures(Split split) const {
    return splits_[split == Split::Dev ? 0 : 1];
}

SplitFigures& Run::figures(Split split) {
    return splits_[split == Split::Dev ? 0 : 1];
}

void Run::add_readability(Split split, const ReadabilityPage& page, const Article* article) {
    SplitFigures& f = figures(split);
    const Echo print = revealed(split) ? Echo::Print : Echo::Silent;
    const std::string where = std::string(split_name(split)) + " readability/" + page.name;
    static const Article kNone;
    const Article& got = article ? *article : kNone;

    const auto expected_tokens = word_tokens(page.expected_text);
    const auto got_tokens = word_tokens(got.body);
    PageBody body{page.name, shingle_overlap(expected_tokens, got_tokens), expected_tokens.size(),
                  got_tokens.size()};
    f.body.add(body.overlap);
    if (body.got_words < kThinBodyWords && body.expected_words > kThinExpectedWords)
        f.thin_bodies.push_back(page.name);
    f.pages.push_back(std::move(body));

    score_field(f.title, page.title, got.title, as_label, "title", where, print);
    score_field(f.site_name, page.site_name_registered, got.outlet, as_label, "site name", where,
                print);
    score_field(f.byline, page.byline, got.author, as_byline, "byline", where, print);
    if (page.date) {
        const std::optional<std::string> day = page.date->substr(0, 10);
        score_field(f.date, day, got.date ? got.date->iso() : "", as_label, "date", where, print);
    }
}

void Run::add_htmldate(Split split, const std::string& file, const std::string& expected_date,
                       const Article* article) {
    SplitFigures& f = figures(split);
    ++f.htmldate_date.total;
    const std::string got = article && article->date ? article->date->iso() : "";
    if (got == expected_date) {
        ++f.htmldate_date.hits;
        return;
    }
    if (revealed(split))
        f.htmldate_misses.push_back({{"file", file}, {"expected", expected_date}, {"got", got}});
}

namespace {

// A rendered line without its renderer's marks: html2text's "****** Heading ******", list
// bullets, the brackets of links.
std::string_view unmarked(std::string_view line) {
    constexpr std::string_view kMarks = " \t*#_[]";
    const auto from = line.find_first_not_of(kMarks);
    if (from == std::string_view::npos) return {};
    line.remove_prefix(from);
    line.remove_suffix(line.size() - 1 - line.find_last_not_of(kMarks));
    for (std::string_view bullet : {"\u2022", "\u25A1", "\u25A0", "\u25E6", "+ ", "o "})
        if (line.starts_with(bullet)) line.remove_prefix(bullet.size());
    return line;
}

void tally(Ratio& ratio, bool hit) {
    ++ratio.total;
    ratio.hits += hit ? 1 : 0;
}

}  // namespace

Reach label_reach(std::string_view label, std::string_view rendered) {
    const std::string wanted = normalise_label(label);
    if (wanted.empty()) return Reach::Absent;
    std::vector<std::string> lines;
    for (std::size_t from = 0; from <= rendered.size();) {
        auto end = rendered.find('\n', from);
        if (end == std::string_view::npos) end = rendered.size();
        if (auto line = normalise_label(unmarked(rendered.substr(from, end - from))); !line.empty())
            lines.push_back(std::move(line));
        from = end + 1;
    }
    Reach reach = Reach::Absent;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string joined;
        for (std::size_t k = i; k < lines.size() && k < i + 3; ++k) {
            joined += (joined.empty() ? "" : " ") + lines[k];
            if (joined == wanted) return Reach::AsLine;
        }
        if (lines[i].find(wanted) != std::string::npos) reach = Reach::InText;
    }
    return reach;
}

void Run::add_rendering(const std::string& renderer, Split split, const ReadabilityPage& page,
                        std::string_view rendered, const Article* article) {
    auto it = std::find_if(renderings_.begin(), renderings_.end(),
                           [&](const auto& entry) { return entry.first == renderer; });
    if (it == renderings_.end()) it = renderings_.insert(renderings_.end(), {renderer, {}});
    RenderingFigures& f = it->second[split == Split::Dev ? 0 : 1];
    const Echo print = revealed(split) ? Echo::Print : Echo::Silent;
    const std::string where =
        std::string(split_name(split)) + " " + renderer + " readability/" + page.name;
    static const Article kNone;
    const Article& got = article ? *article : kNone;
    score_field(f.title, page.title, got.title, as_label, "title", where, print);
    score_field(f.site_name, page.site_name_registered, got.outlet, as_label, "site name", where,
                print);
    if (page.title) {
        const Reach reach = label_reach(*page.title, rendered);
        tally(f.title_as_line, reach == Reach::AsLine);
        tally(f.title_in_text, reach != Reach::Absent);
    }
    if (page.site_name)
        tally(f.site_in_text, label_reach(*page.site_name, rendered) != Reach::Absent);
}

void Run::print_renderings() const {
    if (renderings_.empty()) return;
    std::printf("\n-- text renderings of readability/ through the text extraction\n");
    for (const auto& [renderer, by_split] : renderings_)
        for (Split split : kSplits) {
            const RenderingFigures& f = by_split[split == Split::Dev ? 0 : 1];
            std::printf("  %-10s %-10s title %.3f (%zu/%zu)  site name %.3f (%zu/%zu)\n",
                        renderer.c_str(), std::string(split_name(split)).c_str(), f.title.value(),
                        f.title.hits, f.title.total, f.site_name.value(), f.site_name.hits,
                        f.site_name.total);
            std::printf(
                "  %-10s %-10s title reachable %zu/%zu as a line, %zu/%zu in a line;  "
                "site name reachable %zu/%zu\n",
                "", "", f.title_as_line.hits, f.title_as_line.total, f.title_in_text.hits,
                f.title_in_text.total, f.site_in_text.hits, f.site_in_text.total);
        }
}

void Run::add_speakers(Split split, const std::string& page, const SpeakerLabel& label,
                       const Article* article) {
    SplitFigures& f = figures(split);
    ++f.speaker_pages;
    // Held-back speaker mismatches are never collected, not even with --show-held-back: the
    // names would show which rules to write.
    std::vector<std::string> mismatches;
    const SpeakerCounts counts =
        count_page_speakers(label, article ? article->speakers : std::vector<std::string>{},
                            split == Split::Dev ? &mismatches : nullptr);
    f.speakers.true_positive += counts.true_positive;
    f.speakers.false_positive += counts.false_positive;
    f.speakers.false_negative += counts.false_negative;
    for (const auto& m : mismatches)
        std::printf("MISMATCH %s %s: %s\n", std::string(split_name(split)).c_str(), page.c_str(),
                    m.c_str());
}

void Run::print() const {
    for (Split split : kSplits) {
        const SplitFigures& f = figures(split);
        std::printf("\n-- %s: %zu readability/ pages, %zu htmldate/ pages\n",
                    std::string(split_name(split)).c_str(), f.body.pages(), f.htmldate_date.total);
        std::printf("  %-16s F1 %.3f  (P %.3f, R %.3f)\n", "body", f.body.f1(), f.body.precision(),
                    f.body.recall());
        print_ratio("title", f.title);
        print_ratio("site name", f.site_name);
        print_ratio("byline", f.byline);
        print_ratio("date", f.date);
        print_ratio("htmldate/ date", f.htmldate_date);
        std::printf("  %-16s %zu", "thin bodies", f.thin_bodies.size());
        if (revealed(split))
            for (const auto& name : f.thin_bodies) std::printf(" %s", name.c_str());
        std::printf("\n");
        print_speakers(f);
    }
    print_renderings();
    std::printf("\n");
    print_speed("readability/", readability_speed);
    print_speed("htmldate/", htmldate_speed);
    std::printf("htmldate/ labels naming files not shipped (skipped): %zu\n", htmldate_missing);
}

std::vector<std::pair<std::string, double>> Run::named_figures() const {
    std::vector<std::pair<std::string, double>> out;
    for (Split split : kSplits) {
        const SplitFigures& f = figures(split);
        const std::string p = std::string(split_name(split)) + ".";
        out.emplace_back(p + "body_f1", f.body.f1());
        out.emplace_back(p + "body_precision", f.body.precision());
        out.emplace_back(p + "body_recall", f.body.recall());
        out.emplace_back(p + "title", f.title.value());
        out.emplace_back(p + "site_name", f.site_name.value());
        out.emplace_back(p + "byline", f.byline.value());
        out.emplace_back(p + "date", f.date.value());
        out.emplace_back(p + "htmldate_date", f.htmldate_date.value());
        out.emplace_back(p + "thin_bodies", static_cast<double>(f.thin_bodies.size()));
        for (const auto& [renderer, by_split] : renderings_) {
            const RenderingFigures& r = by_split[split == Split::Dev ? 0 : 1];
            out.emplace_back(p + renderer + "_title", r.title.value());
            out.emplace_back(p + renderer + "_site_name", r.site_name.value());
        }
        out.emplace_back(p + "speaker_precision", micro_prf(f.speakers).precision);
        out.emplace_back(p + "speaker_recall", micro_prf(f.speakers).recall);
    }
    return out;
}

nlohmann::json Run::to_json() const {
    nlohmann::json out = nlohmann::json::object();
    for (Split split : kSplits) {
        const SplitFigures& f = figures(split);
        nlohmann::json s = {{"body",
                             {{"f1", f.body.f1()},
                              {"precision", f.body.precision()},
                              {"recall", f.body.recall()},
                              {"pages", f.body.pages()}}},
                            {"title", ratio_json(f.title)},
                            {"site_name", ratio_json(f.site_name)},
                            {"byline", ratio_json(f.byline)},
                            {"date", ratio_json(f.date)},
                            {"htmldate_date", ratio_json(f.htmldate_date)},
                            {"thin_bodies", f.thin_bodies.size()}};
        s["speakers"] = {{"precision", micro_prf(f.speakers).precision},
                         {"recall", micro_prf(f.speakers).recall},
                         {"true_positive", f.speakers.true_positive},
                         {"false_positive", f.speakers.false_positive},
                         {"false_negative", f.speakers.false_negative},
                         {"pages", f.speaker_pages}};
        if (revealed(split)) {
            s["thin_body_pages"] = f.thin_bodies;
            s["htmldate_misses"] = f.htmldate_misses;
            nlohmann::json pages = nlohmann::json::array();
            for (const auto& p : f.pages)
                pages.push_back({{"name", p.name},
                                 {"tp", p.overlap.tp},
                                 {"fp", p.overlap.fp},
                                 {"fn", p.overlap.fn},
                                 {"expected_words", p.expected_words},
                                 {"got_words", p.got_words}});
            s["body_pages"] = pages;
        }
        out[std::string(split_name(split))] = s;
    }
    for (const auto& [renderer, by_split] : renderings_)
        for (Split split : kSplits) {
            const RenderingFigures& r = by_split[split == Split::Dev ? 0 : 1];
            out[std::string(split_name(split))]["renderings"][renderer] = {
                {"title", ratio_json(r.title)}, {"site_name", ratio_json(r.site_name)}};
        }
    out["speed"] = {{"readability", speed_json(readability_speed)},
                    {"htmldate", speed_json(htmldate_speed)}};
    return out;
}

int Run::check(const std::map<std::string, double>& floors,
               const std::map<std::string, double>& ceilings) const {
    const auto figures_by_name = named_figures();
    std::map<std::string, double> by_name(figures_by_name.begin(), figures_by_name.end());
    std::string summary, failures;
    for (const auto& [name, value] : figures_by_name) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, " %s=%.3f", name.c_str(), value);
        summary += buffer;
    }
    // A tiny epsilon so that a limit equal to the figure holds in floating point.
    constexpr double kEpsilon = 1e-9;
    enum class Limit { Floor, Ceiling };
    const auto apply = [&](const std::map<std::string, double>& limits, Limit kind) {
        const bool is_floor = kind == Limit::Floor;
        for (const auto& [name, limit] : limits) {
            const auto it = by_name.find(name);
            if (it == by_name.end())
                throw Error(ErrorCode::InvalidArgument, "no figure named \"" + name + "\"");
            const bool broken =
                is_floor ? it->second + kEpsilon < limit : it->second > limit + kEpsilon;
            if (!broken) continue;
            char buffer[128];
            std::snprintf(buffer, sizeof buffer, " %s %.3f %s %.3f;", name.c_str(), it->second,
                          is_floor ? "<" : ">", limit);
            failures += buffer;
        }
    };
    apply(floors, Limit::Floor);
    apply(ceilings, Limit::Ceiling);
    std::printf("SUMMARY%s\n", summary.c_str());
    if (failures.empty()) {
        std::printf("RESULT: PASS\n");
        return 0;
    }
    std::printf("RESULT: FAIL:%s\n", failures.c_str());
    return 1;
}

}  // namespace broadsheet::scoring::real
