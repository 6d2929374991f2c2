#include "jianbao/pipeline/pipeline.hpp"

#include "jianbao/decode/decode.hpp"
#include "jianbao/extract/dates.hpp"
#include "jianbao/extract/events.hpp"
#include "jianbao/extract/organizations.hpp"
#include "jianbao/extract/people.hpp"
#include "jianbao/parse/structure.hpp"
#include "jianbao/segment/words.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/script.hpp"
#include "jianbao/util/sha256.hpp"
#include "jianbao/util/utf8.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <system_error>

namespace jianbao {

namespace fs = std::filesystem;

struct Pipeline::Impl {
    WordSegmenter segmenter;
    DateExtractor dates;
    PeopleExtractor people;
    OrganizationExtractor organizations;
    PlaceExtractor places;
    EventExtractor events;
};

Pipeline::Pipeline() : impl_(std::make_unique<Impl>()) {
    (void)looks_traditional({}); // loads its lexicon now: a missing data file fails here, not per file
}
Pipeline::~Pipeline() = default;

namespace {

// Longest rest of a name that starts with a person's name and is named after them: 纪念馆, 基金会.
constexpr std::size_t kNamedAfterSuffix = 3;

bool valid_date(const PartialDate& d) {
    return d.year >= 1900 && d.year <= 2100 && d.month >= 0 && d.month <= 12 && d.day >= 0 && d.day <= 31 &&
           !(d.day && !d.month);
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max digits at s[i], advancing i; -1 when there is none.
int number(std::string_view s, std::size_t& i, std::size_t max) {
    std::size_t b = i;
    int v = 0;
    while (i < s.size() && i - b < max && digit(s[i])) v = v * 10 + (s[i++] - '0');
    return i > b ? v : -1;
}

bool eat(std::string_view s, std::size_t& i, std::string_view word) {
    if (s.substr(i, word.size()) != word) return false;
    i += word.size();
    return true;
}

// A date starting at s[i] with a year 19xx or 20xx not preceded by a digit, in one of the forms
// 2021-12[-09] (also _ and .), 2021年12月[9日], or 202112[09] (`compact`: only in file names).
std::optional<PartialDate> date_at(std::string_view s, std::size_t i, bool compact) {
    if (i > 0 && digit(s[i - 1])) return std::nullopt;
    if (i + 4 > s.size() || !(eat(s, i, "19") || eat(s, i, "20"))) return std::nullopt;
    int century = s[i - 2] == '1' ? 1900 : 2000;
    std::size_t k = i;
    int yy = number(s, k, 2);
    if (yy < 0 || k != i + 2) return std::nullopt;
    PartialDate d{century + yy, 0, 0};
    if (k < s.size() && (s[k] == '-' || s[k] == '_' || s[k] == '.')) {
        ++k;
        std::size_t m0 = k;
        d.month = number(s, k, 2);
        if (k != m0 + 2) return std::nullopt;
        std::size_t sep = k;
        if (k < s.size() && (s[k] == '-' || s[k] == '_' || s[k] == '.')) {
            ++k;
            std::size_t d0 = k;
            int day = number(s, k, 2);
            if (k == d0 + 2 && (k == s.size() || !digit(s[k]))) d.day = day;
            else k = sep;
        }
    } else if (eat(s, k, "年")) {
        d.month = number(s, k, 2);
        if (d.month < 0 || !eat(s, k, "月")) return std::nullopt;
        std::size_t d0 = k;
        int day = number(s, k, 2);
        if (day >= 0 && eat(s, k, "日")) d.day = day;
        else k = d0;
    } else if (compact) {
        std::size_t m0 = k;
        d.month = number(s, k, 2);
        if (k != m0 + 2) return std::nullopt;
        std::size_t d0 = k;
        int day = number(s, k, 2);
        if (k == d0 + 2) d.day = day;
        if (k < s.size() && digit(s[k])) return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (!valid_date(d) || d.month < 1) return std::nullopt;
    return d;
}


// A "person" the text writes only inside a longer organisation or place found in the record is
// part of that name (深圳万德莱公司, 吉尔吉斯斯坦, 王家坝村, 宋庆龄基金会), not someone who appears:
// every occurrence of it is covered by one of them. Not a person with a title (团长李喜华 inside a
// run-together list line the tagger took whole), nor a name followed by more than a short suffix
// (陈振文中日友好医院医务处: a name and a unit, run together), nor one also written alone (邱少云
// beside 邱少云纪念馆).
void drop_people_inside_names(const std::string& text, Record& r) {
    std::vector<std::string_view> longer;
    for (const auto& o : r.organizations) longer.push_back(o.name);
    for (const auto& p : r.places) longer.push_back(p.name);
    std::erase_if(r.people, [&](const Person& person) {
        const std::string& n = person.name;
        if (!person.titles.empty()) return false;
        // Byte ranges of the containing names' occurrences (none for almost every person: no
        // allocation, no scan of the text then).
        std::vector<std::pair<std::size_t, std::size_t>> covered;
        for (std::string_view name : longer) {
            if (name.size() <= n.size() || name.find(n) == std::string_view::npos) continue;
            if (name.substr(0, n.size()) == n && utf8::length(name.substr(n.size())) > kNamedAfterSuffix) continue;
            for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + 1))
                covered.emplace_back(at, at + name.size());
        }
        if (covered.empty()) return false;
        for (std::size_t at = text.find(n); at != std::string::npos; at = text.find(n, at + 1))
            if (std::none_of(covered.begin(), covered.end(), [&](const auto& c) { return c.first <= at && at < c.second; }))
                return false;
        return true;
    });
}

} // namespace

std::optional<PartialDate> issue_date_from_name(std::string_view name) {
    for (std::size_t i = 0; i < name.size(); ++i)
        if (auto d = date_at(name, i, true)) return d;
    return std::nullopt;
}

// A full date written in the text (2021年12月9日, 2021.12.09), as a fallback issue date: the latest month named.
// Else the year of a masthead's issue number (2022年第3期): the year alone.
std::optional<PartialDate> issue_date_from_text(std::string_view text) {
    std::optional<PartialDate> best, issue_year;
    for (std::size_t i = text.find_first_of("12"); i != std::string_view::npos; i = text.find_first_of("12", i + 1)) {
        // 2024.11.30 or 2024-11-30: a whole date in digits (a year and month alone could be a number)
        if (const char sep = i + 4 < text.size() ? text[i + 4] : 0; sep == '.' || sep == '-') {
            if (auto d = date_at(text, i, false); d && d->day &&
                (!best || d->year * 100 + d->month > best->year * 100 + best->month))
                best = PartialDate{d->year, d->month, 0};
            continue;
        }
        if (text.substr(i + 4, 3) != "年") continue;
        if (auto d = date_at(text, i, false)) {
            if (!best || d->year * 100 + d->month > best->year * 100 + best->month) best = PartialDate{d->year, d->month, 0};
        } else if (!issue_year && text.substr(i + 7, 3) == "第" && (text[i] == '1' || text[i] == '2') &&
                   std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.begin() + static_cast<std::ptrdiff_t>(i + 4), digit) &&
                   (i == 0 || !digit(text[i - 1]))) {
            const int year = std::stoi(std::string(text.substr(i, 4)));
            std::size_t k = i + 10;
            while (k < text.size() && (digit(text[k]) || text.substr(k, 3) == "期")) {
                if (text.substr(k, 3) == "期") {
                    if (year >= 1900 && year <= 2099) issue_year = PartialDate{year, 0, 0};
                    break;
                }
                ++k;
            }
        }
    }
    return best ? best : issue_year;
}

// The masthead's latest date (2024年9月30日, 二〇二四年十月), to the day when it gives one, else its
// year (二〇二四年第十期), read by the date extractor, so every way of writing a date counts. The day
// is what 昨天 and 今天 in the issue count from.
std::optional<PartialDate> Pipeline::issue_date_from_masthead(const std::vector<std::string>& masthead) const {
    std::string joined;
    for (const auto& l : masthead) joined += l + "\n";
    if (joined.empty()) return std::nullopt;
    const std::vector<Span> no_words;
    ExtractContext ctx{joined, no_words, PartialDate{}, false};
    std::optional<PartialDate> best;
    for (const auto& d : impl_->dates.extract(ctx)) {
        if (!d.value || d.value->front() == '-') continue;
        std::optional<PartialDate> p = parse_partial_date(*d.value);
        if (!p || p->year == 0) continue;
        auto key = [](const PartialDate& x) { return (x.year * 100 + x.month) * 100 + x.day; };
        if (!best || key(*p) > key(*best)) best = p;
    }
    return best;
}

std::string read_bulletin_file(const fs::path& path) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) throw Error(path.string() + ": no such file");
    if (fs::is_directory(status)) throw Error(path.string() + ": is a directory, not a bulletin file");
    auto size = fs::file_size(path, ec);
    if (!ec && size > max_bulletin_bytes)
        throw Error(path.string() + ": file too large (" + std::to_string(size) + " bytes; the limit is " +
                    std::to_string(max_bulletin_bytes) + " bytes per bulletin)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot read (permission denied?)");
    return read_bulletin_stream(in, path.string());
}

std::string read_bulletin_stream(std::istream& in, const std::string& name) {
    std::string bytes;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        bytes.append(buf, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_bulletin_bytes)
            throw Error(name + ": too large (the limit is " + std::to_string(max_bulletin_bytes) + " bytes per bulletin)");
    }
    if (in.bad()) throw Error(name + ": read error");
    return bytes;
}

Bulletin Pipeline::parse(std::string_view bytes, const std::string& source, const ParseOptions& options) {
    return parse(bytes, source, options, sha256_hex(bytes));
}

Bulletin Pipeline::parse(std::string_view bytes, const std::string& source, const ParseOptions& options,
                         std::string sha256) {
    Bulletin b;
    b.source = source;
    b.sha256 = std::move(sha256);
    DecodedText decoded = decode(bytes, source, options.encoding);
    b.encoding = decoded.encoding;
    std::string text = normalise(decoded.text);
    b.text_sha256 = sha256_hex(text);

    // Traditional-character bulletins are read through a simplified copy, so the lexicons (all
    // simplified) apply; the records keep the text as written, entity names come out simplified.
    const bool traditional = looks_traditional(text);
    BulletinText parsed = parse_bulletin_text(text, traditional);
    std::optional<PartialDate> issued;
    // A month given or taken from the file name is refined by the masthead's day of that month
    // (qichuan-2024-06.txt or --issued 2024-06, 2024年6月18日): 昨日 then finds its day.
    auto refine = [&] {
        if (issued->day == 0 && issued->month)
            if (auto m = issue_date_from_masthead(parsed.masthead); m && m->day && m->year == issued->year && m->month == issued->month)
                issued = m;
    };
    if (options.issued) {
        issued = parse_partial_date(*options.issued);
        if (!issued) throw Error("--issued: '" + *options.issued + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", exit_usage);
        refine();
    } else if ((issued = issue_date_from_name(fs::path(source).filename().string()))) {
        b.issued_inferred = true;
        refine();
    } else if ((issued = issue_date_from_masthead(parsed.masthead))) {
        b.issued_inferred = true;
    } else if ((issued = issue_date_from_text(text))) {
        b.issued_inferred = true;
    }
    // An issue known to the year only (二〇二四年第十二期) takes the month most of its month-and-day dates
    // name (the later one on a tie): a December issue's 12月3日, 12月12日 over the plan's 1月5日, a January
    // issue's 1月8日, 1月15日 over the 12月31日 it looks back to. Its dates then find their year.
    if (issued && issued->month == 0 && !options.issued) {
        const std::vector<Span> no_words;
        ExtractContext ctx{text, no_words, *issued, false};
        std::array<int, 13> by_month{};
        for (const auto& d : impl_->dates.extract(ctx))
            if (d.value && d.value->size() == 10 && d.value->compare(0, 4, std::to_string(issued->year)) == 0)
                ++by_month[static_cast<std::size_t>(std::stoi(d.value->substr(5, 2)))];
        int best = 0;
        for (int m = 1; m <= 12; ++m)
            if (by_month[static_cast<std::size_t>(m)] >= 2 && by_month[static_cast<std::size_t>(m)] >= by_month[static_cast<std::size_t>(best)]) best = m;
        if (best) issued->month = best;
    }
    if (issued) b.issued = format_partial_date(*issued);

    b.records = std::move(parsed.records);
    b.masthead = std::move(parsed.masthead);
    b.colophon = std::move(parsed.colophon);
    // A bulletin without a single Chinese character (a log, a CSV, stray punctuation) is not one.
    bool has_han = false;
    for (std::size_t i = 0; i < text.size() && !has_han;) has_han = utf8::is_han(utf8::next(text, i));
    if (!has_han) throw Error(source + ": no recognisable article in the file (no Chinese text)");
    if (b.records.empty()) throw Error(source + ": no recognisable article in the file (only a masthead or colophon)");

    // The place the masthead names the issuer by (临溪县商务工作动态, 青阳县应急管理局): a place in
    // every record. The first masthead line that opens with one.
    std::vector<std::string> home;
    for (const std::string& l : b.masthead) {
        const std::string line = traditional ? to_simplified(l) : l;
        const std::vector<Span> words = impl_->segmenter.words(line);
        if (!(home = impl_->places.home_places(ExtractContext{line, words, PartialDate{}, false})).empty()) break;
    }
    for (Record& r : b.records) {
        std::string rtext = traditional ? to_simplified(r.text()) : r.text();
        std::vector<Span> words = impl_->segmenter.words(rtext);
        ExtractContext ctx{rtext, words, issued.value_or(PartialDate{}), r.title.has_value(), &home};
        r.dates = impl_->dates.extract(ctx);
        RecordDate rd = impl_->dates.record_date(ctx, r.dates);
        r.date = rd.date;
        r.time_of_day = rd.time_of_day;
        r.date_text = rd.date_text;
        r.organizations = impl_->organizations.extract(ctx);
        r.places = impl_->places.extract(ctx);
        r.people = impl_->people.extract(ctx);
        // Whether every occurrence of `place` meets an occurrence [q, qe) of a person's name (of two
        // characters or more) as `meets(person, q, qe, at, end)` says, and it occurs at all.
        auto every_occurrence_meets = [&](const std::string& place, auto meets) {
            bool any = false;
            for (std::size_t at = rtext.find(place); at != std::string::npos; at = rtext.find(place, at + 1)) {
                any = true;
                const std::size_t end = at + place.size();
                bool met = false;
                for (const Person& x : r.people) {
                    if (x.name.size() <= 3) continue; // (one character, in bytes: no name)
                    for (std::size_t q = rtext.find(x.name, at >= x.name.size() ? at - x.name.size() + 1 : 0);
                         q != std::string::npos && q < end && !met; q = rtext.find(x.name, q + 1))
                        met = meets(x, q, q + x.name.size(), at, end);
                    if (met) break;
                }
                if (!met) return false;
            }
            return any;
        };
        // A name the people extractor is sure of is no place (内塔尼亚胡 reads like 坦桑尼亚 to the
        // name tagger, which never saw it).
        // Nor a place that, wherever it is written, runs into the name of a person with a title
        // (市长江一鸣: 长|江一鸣; not an untitled one, who may be the error: 耿|庄镇东|耿村).
        auto crosses_a_name = [&](const std::string& place) {
            return every_occurrence_meets(place, [](const Person& x, std::size_t q, std::size_t qe, std::size_t at, std::size_t end) {
                return !x.titles.empty() && q < end && at < qe && !(q <= at && end <= qe) && !(at <= q && qe <= end);
            });
        };
        // Nor one written only inside a person's name (长顺 in 种粮大户贺长顺).
        auto inside_a_name = [&](const std::string& place) {
            return every_occurrence_meets(place, [&](const Person& x, std::size_t q, std::size_t qe, std::size_t at, std::size_t end) {
                return x.name.size() > place.size() && q <= at && end <= qe;
            });
        };
        std::erase_if(r.places, [&](const Place& p) {
            return std::any_of(r.people.begin(), r.people.end(), [&](const Person& x) { return x.name == p.name; }) ||
                   crosses_a_name(p.name) || inside_a_name(p.name);
        });
        drop_people_inside_names(rtext, r);
        r.events = impl_->events.extract(ctx, r);
    }
    return b;
}

} // namespace jianbao
