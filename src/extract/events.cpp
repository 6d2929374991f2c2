#include "jianbao/extract/events.hpp"

#include "jianbao/util/lexicon.hpp"
#include "jianbao/util/utf8.hpp"
#include "org_matcher.hpp"

#include <algorithm>

namespace jianbao {

struct EventExtractor::Impl {
    ent::Trie triggers;
    std::vector<std::string> type;
    std::vector<int> weight;
    std::vector<std::size_t> lead; // characters of context before the trigger (警示|教育: 2)
    std::vector<std::u32string> companions; // event_companions.txt
    std::vector<std::string> byline_roles;  // person_byline_roles.txt: 记者, 通讯员
    std::vector<std::string> objects_before; // event_objects_before.txt: 任命, 纪念 before a name
    std::vector<std::u32string> noun_after;  // event_noun_after.txt: 情况, 精神 after a trigger
    ent::Trie speech;                        // event_reported_speech.txt: 强调, 要求
    std::vector<std::string> attendance;     // event_attendance.txt: 出席, 致辞
};

EventExtractor::EventExtractor() : impl_(std::make_unique<Impl>()) {
    for (const auto& row : lexicon::read_table("event_types.tsv", 3)) {
        impl_->type.push_back(row[1]);
        impl_->weight.push_back(std::stoi(row[2]));
        std::u32string w = ent::to_u32(row[0]);
        const std::size_t bar = w.find(U'|');
        impl_->lead.push_back(bar == std::u32string::npos ? 0 : bar);
        if (bar != std::u32string::npos) w.erase(bar, 1);
        impl_->triggers.insert(w, static_cast<std::int32_t>(impl_->type.size() - 1));
    }
    for (const auto& w : lexicon::read_words("event_companions.txt")) impl_->companions.push_back(ent::to_u32(w));
    impl_->byline_roles = lexicon::read_words("person_byline_roles.txt");
    impl_->objects_before = lexicon::read_words("event_objects_before.txt");
    for (const auto& w : lexicon::read_words("event_noun_after.txt")) impl_->noun_after.push_back(ent::to_u32(w));
    for (const auto& w : lexicon::read_words("event_reported_speech.txt")) impl_->speech.insert(ent::to_u32(w), 0);
    impl_->attendance = lexicon::read_words("event_attendance.txt");
}
EventExtractor::~EventExtractor() = default;

namespace {
struct Hit {
    std::size_t b, e; // chars
    std::int32_t id;
};
bool sentence_end(char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == U'\n' || c == U'；'; }
} // namespace

std::vector<Event> EventExtractor::extract(const ExtractContext& ctx, const Record& record) const {
    const std::vector<DateMention>& dates = record.dates;
    ent::Chars t = ent::index(ctx.text, ctx.words);
    const std::size_t n = t.size();
    // Triggers inside organisation names (宣讲团, 慰问团) are part of a name, not an event.
    std::vector<std::uint8_t> in_org(n, 0); // (or of a quoted name, below)
    for (const auto& o : record.organizations) {
        for (std::size_t p = ctx.text.find(o.name); p != std::string_view::npos; p = ctx.text.find(o.name, p + 1)) {
            auto b = std::lower_bound(t.off.begin(), t.off.end(), p) - t.off.begin();
            auto e = std::lower_bound(t.off.begin(), t.off.end(), p + o.name.size()) - t.off.begin();
            for (auto k = b; k < e && k < static_cast<std::ptrdiff_t>(n); ++k) in_org[static_cast<std::size_t>(k)] = 1;
        }
    }
    // So are triggers inside the quoted name of a campaign or a document (“家庭医生签约服务进万家”
    // 活动启动, 《…会议纪要》): a short quotation on one line.
    constexpr std::u32string_view opens = U"“‘《「『", closes = U"”’》」』";
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t q = opens.find(t.c[i]);
        if (q == std::u32string_view::npos) continue;
        std::size_t j = i + 1;
        while (j < n && j <= i + 24 && t.c[j] != closes[q] && t.c[j] != U'\n') ++j;
        if (j < n && t.c[j] == closes[q])
            for (std::size_t k = i; k <= j; ++k) in_org[k] = 1;
    }
    std::vector<Hit> hits;
    for (std::size_t i = 0; i < n;) {
        std::int32_t id = -1;
        std::size_t len = impl_->triggers.longest(t, i, &id, false);
        // 安全生产检查|情况, 会议|精神: the trigger is a noun there.
        const bool noun = len && std::any_of(impl_->noun_after.begin(), impl_->noun_after.end(), [&](const std::u32string& w) {
            return i + len + w.size() <= n && std::equal(w.begin(), w.end(), t.c.begin() + static_cast<std::ptrdiff_t>(i + len));
        });
        if (len && impl_->type[static_cast<std::size_t>(id)] == "-") {
            i += len; // 协调解决: a phrase that holds a trigger (调解) and reports no event
        } else if (len && !noun && !in_org[i] && !in_org[i + len - 1]) {
            hits.push_back({i + impl_->lead[static_cast<std::size_t>(id)], i + len, id});
            i += len;
        } else {
            ++i;
        }
    }
    // Sentences (char spans); the title line is one, each paragraph line ends one.
    std::vector<std::pair<std::size_t, std::size_t>> sents;
    for (std::size_t b = 0, i = 0; i <= n; ++i)
        if (i == n || sentence_end(t.c[i])) {
            if (i > b) sents.emplace_back(b, i + (i < n && t.c[i] != U'\n' ? 1 : 0));
            b = i + 1;
        }
    auto sent_of = [&](std::size_t pos) {
        for (std::size_t k = 0; k < sents.size(); ++k)
            if (pos >= sents[k].first && pos < sents[k].second) return k;
        return sents.size() - 1;
    };
    // What a speaker asks for (…要求，要全面排查…) is no event: triggers after a verb of speech
    // in their sentence are dropped.
    // (per sentence, where its first verb of speech ends; npos when it has none)
    std::vector<std::size_t> speech_end(sents.size(), std::string::npos);
    for (std::size_t k = 0; k < sents.size(); ++k)
        for (std::size_t q = sents[k].first; q < sents[k].second && speech_end[k] == std::string::npos; ++q)
            if (const std::size_t l = impl_->speech.longest(t, q)) speech_end[k] = q + l;
    std::erase_if(hits, [&](const Hit& h) { return speech_end[sent_of(h.b)] <= h.b; });
    // Best trigger of a char range: highest weight, first on ties; a verb of attendance (出席) yields
    // to the event it attends (出席揭牌仪式: the ceremony) at equal weight.
    auto attendance_hit = [&](std::size_t k) {
        const std::string w = t.str(hits[k].b, hits[k].e);
        return std::find(impl_->attendance.begin(), impl_->attendance.end(), w) != impl_->attendance.end();
    };
    auto best_in = [&](std::size_t b, std::size_t e) {
        int best = -1;
        for (std::size_t k = 0; k < hits.size(); ++k) {
            if (hits[k].b < b || hits[k].e > e) continue;
            if (best < 0) {
                best = static_cast<int>(k);
                continue;
            }
            const auto bk = static_cast<std::size_t>(best);
            const int wk = impl_->weight[static_cast<std::size_t>(hits[k].id)], wb = impl_->weight[static_cast<std::size_t>(hits[bk].id)];
            if (wk > wb || (wk == wb && attendance_hit(bk) && !attendance_hit(k))) best = static_cast<int>(k);
        }
        return best;
    };
    std::size_t first_line_end = 0;
    while (first_line_end < n && t.c[first_line_end] != U'\n') ++first_line_end;
    const std::size_t first_body = ctx.has_title ? std::min(n, first_line_end + 1) : 0;
    int main_hit = -1;
    if (ctx.has_title) main_hit = best_in(0, first_line_end);
    if (main_hit < 0) { // first paragraph of the body
        std::size_t pb = ctx.has_title ? std::min(n, first_line_end + 1) : 0;
        std::size_t pe = pb;
        while (pe < n && t.c[pe] != U'\n') ++pe;
        main_hit = best_in(pb, pe);
        if (main_hit < 0) main_hit = best_in(0, n);
    }

    // The record's people and organisations written in `sentence`, added to the event once each;
    // not the reporter of a byline in brackets (本报讯（记者 陆文斌）12月3日下午，…).
    auto add_names_in = [&](Event& ev, std::string_view whole) {
        std::string blanked;
        std::string_view sentence = whole;
        for (std::size_t open = whole.find("（"); open != std::string_view::npos; open = whole.find("（", open + 1)) {
            const std::size_t close = whole.find("）", open);
            if (close == std::string_view::npos) break;
            std::string_view inner = whole.substr(open + 3, close - open - 3);
            if (std::none_of(impl_->byline_roles.begin(), impl_->byline_roles.end(),
                             [&](const std::string& r) { return inner.substr(0, r.size()) == r; }))
                continue;
            if (blanked.empty()) blanked.assign(whole);
            std::fill(blanked.begin() + static_cast<std::ptrdiff_t>(open), blanked.begin() + static_cast<std::ptrdiff_t>(close), ' ');
            sentence = blanked;
        }
        // Where the sentence writes `name` from `from` on, npos if nowhere; a two-character name padded
        // to line up in a list is written 赵　刚.
        auto find_name = [&](const std::string& name, std::size_t from) {
            std::size_t at = sentence.find(name, from);
            if (const std::u32string u = ent::to_u32(name); u.size() == 2)
                for (const char* pad : {"\u3000", " "}) {
                    std::string padded;
                    utf8::append(padded, u[0]);
                    padded += pad;
                    utf8::append(padded, u[1]);
                    at = std::min(at, sentence.find(padded, from));
                }
            return at;
        };
        auto add = [&](std::vector<std::string>& list, const std::string& name) {
            if (find_name(name, 0) != std::string_view::npos && std::find(list.begin(), list.end(), name) == list.end())
                list.push_back(name);
        };
        // A person named only as the object of what is told (任命韩志刚为…, 纪念…) takes no part.
        auto takes_part = [&](const std::string& name) {
            for (std::size_t at = find_name(name, 0); at != std::string_view::npos; at = find_name(name, at + 1))
                if (std::none_of(impl_->objects_before.begin(), impl_->objects_before.end(),
                                 [&](const std::string& w) { return sentence.substr(0, at).ends_with(w); }))
                    return true;
            return false;
        };
        for (const auto& p : record.people)
            if (takes_part(p.name)) add(ev.participants, p.name);
        for (const auto& o : record.organizations) add(ev.organizations, o.name);
    };
    auto make = [&](const Hit& h) {
        Event ev;
        ev.trigger = t.str(h.b, h.e);
        ev.type = impl_->type[static_cast<std::size_t>(h.id)];
        auto [sb, se] = sents[sent_of(h.b)];
        std::size_t bb = t.off[sb], be = t.off[se];
        ev.sentence = std::string(ctx.text.substr(bb, be - bb));
        ev.date = record.date;
        ev.time_of_day = record.time_of_day;
        // A sentence naming no day tells of the last day named before it (11月13日下午，双方签署…。
        // …代表双方签约。), in the body; else the record's. Not the last day of a span (10月15日
        // 至16日，…召开…会。会议由…主持。: the meeting began on the 15th).
        for (const auto& d : dates)
            if (d.end <= bb && d.value && d.value->size() == 10 && record.date && d.begin >= t.off[first_body] &&
                *d.value >= *record.date && !d.no_event && !d.range_end) {
                ev.date = d.value;
                ev.time_of_day = d.time_of_day;
            }
        for (const auto& d : dates)
            if (d.begin >= bb && d.end <= be && d.value && !d.no_event) {
                // a coarser date the record's own date lies in (2022年上半年 in the headline of a
                // meeting held 2022-07-08) does not replace it
                if (record.date && record.date->size() > d.value->size() && record.date->compare(0, d.value->size(), *d.value) == 0)
                    break;
                // nor a year alone, the time of what is told (会议总结了2024年…工作, 通报了今年以来…),
                // not of the event, whether or not the record names its day
                if (d.value->size() == 4 && d.value->front() != '-') continue;
                ev.date = d.value;
                ev.time_of_day = d.time_of_day;
                break;
            }
        add_names_in(ev, ev.sentence);
        return ev;
    };
    std::vector<Event> out;
    if (main_hit < 0) return out;
    const Hit& mh = hits[static_cast<std::size_t>(main_hit)];
    out.push_back(make(mh));
    // The headline names the main event's lead actor; the body's first sentence of the same type
    // tells it again with everyone who took part, and a sentence right after it closing with
    // 陪同 lists who went along (event_companions.txt): they are its participants too.
    auto join_people = [&](std::size_t k, std::size_t into = 0) {
        const auto [sb, se] = sents[k];
        add_names_in(out[into], ctx.text.substr(t.off[sb], t.off[se] - t.off[sb]));
    };
    auto closes_with_companions = [&](std::size_t k) {
        std::size_t e = sents[k].second;
        while (e > sents[k].first && !ent::is_han(t.c[e - 1])) --e;
        for (const auto& w : impl_->companions)
            if (e - sents[k].first >= w.size() && std::equal(w.begin(), w.end(), t.c.begin() + static_cast<std::ptrdiff_t>(e - w.size())))
                return true;
        return false;
    };
    const std::size_t main_sent = sent_of(mh.b);
    std::vector<std::uint8_t> folded(sents.size(), 0);
    folded[main_sent] = 1;
    if (ctx.has_title && mh.e <= first_line_end)
        for (std::size_t k = main_sent + 1; k < sents.size(); ++k) {
            // The sentence tells the main event when a trigger of its type is in it; when its
            // strongest trigger is of another type (…会见了…一行，双方签署了…), that event is
            // reported too.
            const int best = best_in(sents[k].first, sents[k].second);
            int h = -1;
            for (std::size_t q = 0; q < hits.size() && h < 0; ++q)
                if (hits[q].b >= sents[k].first && hits[q].e <= sents[k].second &&
                    impl_->type[static_cast<std::size_t>(hits[q].id)] == out[0].type)
                    h = static_cast<int>(q);
            if (h < 0) continue;
            join_people(k);
            if (impl_->type[static_cast<std::size_t>(hits[static_cast<std::size_t>(best)].id)] == out[0].type) folded[k] = 1;
            // and its day, where that sentence names one (11月12日-13日 the talks, 11月13日下午 the signing)
            if (const Event told = make(hits[static_cast<std::size_t>(h)]); told.date) {
                out[0].date = told.date;
                out[0].time_of_day = told.time_of_day;
            }
            if (k + 1 < sents.size() && closes_with_companions(k + 1)) {
                join_people(k + 1);
                folded[k + 1] = 1;
            }
            break;
        }
    // Then one event per other sentence, its strongest trigger, in reading order — unless it
    // goes on telling an event already reported: a trigger of the same type with no other day
    // (会上…, 主持会议 in a meeting's report; 实地察看 on an inspection; …参加会见 after 会见了…)
    // adds its people to that event.
    for (std::size_t k = 0; k < sents.size(); ++k) {
        if (folded[k]) continue;
        const int h = best_in(sents[k].first, sents[k].second);
        // A sentence of no event of its own closing with who went along (…何静、宋涛等同志参加活动。)
        // lists the main event's people.
        if (h < 0 && closes_with_companions(k)) join_people(k);
        // A sentence of no event of its own told "at the meeting" (会上，…分别作交流发言。) names the
        // meeting's people.
        if (h < 0) {
            const std::size_t b = sents[k].first;
            auto opens = [&](std::u32string_view w) {
                return b + w.size() <= n && std::equal(w.begin(), w.end(), t.c.begin() + static_cast<std::ptrdiff_t>(b));
            };
            if (opens(U"会上") || opens(U"会议上") || opens(U"座谈会上"))
                for (std::size_t e = out.size(); e-- > 0;)
                    if (out[e].type == "meeting") {
                        join_people(k, e);
                        break;
                    }
            continue;
        }
        // A roll call (出席会议的还有：| 何静　宋涛…): the lead-in and the names under it took part in the
        // main event.
        if (const auto [rb, re] = sents[k]; !out.empty() && re > rb + 3 && (t.c[re - 1] == U'：' || t.c[re - 1] == U':') &&
                                             t.c[re - 2] == U'有' && h >= 0 && hits[static_cast<std::size_t>(h)].b >= rb) {
            if (std::any_of(impl_->attendance.begin(), impl_->attendance.end(), [&](const std::string& w) {
                    const std::u32string u = ent::to_u32(w);
                    return rb + u.size() <= n && std::equal(u.begin(), u.end(), t.c.begin() + static_cast<std::ptrdiff_t>(rb));
                })) {
                join_people(k);
                if (k + 1 < sents.size()) {
                    join_people(k + 1);
                    folded[k + 1] = 1;
                }
                continue;
            }
        }
        // A sentence opening with 会议 (会议传达学习了…, 会议强调…) tells the meeting reported: its
        // triggers and days (去年12月召开的…会议精神) are what the meeting dealt with, no events.
        if (const std::size_t b = sents[k].first; b + 3 <= n && t.c[b] == U'会' && t.c[b + 1] == U'议' && ent::is_han(t.c[b + 2]) &&
                                                  t.c[b + 2] != U'室' && t.c[b + 2] != U'中')
            if (const auto m = std::find_if(out.begin(), out.end(), [](const Event& e) { return e.type == "meeting"; }); m != out.end()) {
                join_people(k, static_cast<std::size_t>(m - out.begin()));
                continue;
            }
        // Its strongest trigger and one of each other type it tells, in reading order (…赶赴石门镇
        // 检查防汛工作，慰问转移安置群众: the inspection and the visit).
        std::vector<std::size_t> told{static_cast<std::size_t>(h)};
        for (std::size_t q = 0; q < hits.size(); ++q)
            if (q != told[0] && hits[q].b >= sents[k].first && hits[q].e <= sents[k].second &&
                std::none_of(told.begin(), told.end(), [&](std::size_t x) { return impl_->type[static_cast<std::size_t>(hits[x].id)] == impl_->type[static_cast<std::size_t>(hits[q].id)]; }))
                told.push_back(q);
        std::sort(told.begin(), told.end()); // in reading order
        // (出席 beside another trigger tells who took part in that one)
        if (std::any_of(told.begin(), told.end(), [&](std::size_t x) { return !attendance_hit(x); })) {
            std::erase_if(told, attendance_hit);
        } else if (!out.empty()) { // (alone: the event reported last, unless the sentence names a day of its own)
            if (const Event ev = make(hits[told[0]]); ev.date == out.back().date || !ev.date) {
                join_people(k, out.size() - 1);
                continue;
            }
        }
        for (std::size_t x : told) {
            Event ev = make(hits[x]);
            const auto same = std::find_if(out.begin(), out.end(), [&](const Event& o) { return o.type == ev.type && o.date == ev.date; });
            if (same != out.end()) {
                join_people(k, static_cast<std::size_t>(same - out.begin()));
                continue;
            }
            out.push_back(std::move(ev));
        }
    }
    return out;
}

} // namespace jianbao
