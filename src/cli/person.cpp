// `jianbao person NAME` and `jianbao stats`.
#include "cli.hpp"

#include "jianbao/util/error.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace jianbao::cli {

namespace {

using json = nlohmann::ordered_json;

json opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

struct PersonOptions {
    std::string name;
    bool json = false;
    bool all = false;
};

// A terminal report names the first of each record's others and the most frequent companions;
// --all and --json name everyone (the counts are complete either way).
constexpr PersonReportLimits kTerminalLimits{12, 20};

void join(std::ostream& out, const std::vector<std::string>& v, const char* sep) {
    for (std::size_t i = 0; i < v.size(); ++i) out << (i ? sep : "") << v[i];
}

void run_person(const Globals& g, const PersonOptions& o) {
    Archive archive = open_existing(g);
    auto name = resolve_person(archive, o.name);
    auto report = name ? person_report(archive, *name, o.json || o.all ? PersonReportLimits{} : kTerminalLimits)
                       : std::nullopt;
    if (!report) {
        std::cerr << "jianbao: " << o.name << ": no such person in the archive\n";
        throw ExitStatus{exit_not_found};
    }
    if (o.json) {
        json j;
        j["name"] = report->name;
        j["timeline"] = json::array();
        for (const auto& t : report->timeline)
            j["timeline"].push_back({{"record", t.record_id}, {"date", opt(t.date)}, {"heading", t.heading},
                                     {"titles", t.titles}, {"event", opt(t.event)}, {"with", t.with}});
        j["titles"] = json::array();
        for (const auto& t : report->titles)
            j["titles"].push_back({{"title", t.title}, {"first_seen", opt(t.first_seen)},
                                   {"last_seen", opt(t.last_seen)}, {"records", t.records}});
        j["companions"] = json::array();
        for (const auto& c : report->companions) j["companions"].push_back({{"name", c.name}, {"records", c.records}});
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::cout << report->name << ": " << counted(report->timeline.size(), "record") << "\n\n";
    for (const auto& t : report->timeline) {
        std::cout << t.date.value_or("(no date) ") << "  #" << t.record_id << "  " << t.heading << '\n';
        if (!t.titles.empty()) {
            std::cout << "    as ";
            join(std::cout, t.titles, "、");
            std::cout << '\n';
        }
        if (t.event) std::cout << "    event " << *t.event << '\n';
        if (!t.with.empty()) {
            std::cout << "    with ";
            join(std::cout, t.with, "、");
            if (t.with_total > t.with.size()) std::cout << " … (+" << t.with_total - t.with.size() << " more)";
            std::cout << '\n';
        }
    }
    if (!report->titles.empty()) {
        std::cout << "\nTitles held:\n";
        for (const auto& t : report->titles)
            std::cout << "  " << t.title << "  " << t.first_seen.value_or("?") << " … " << t.last_seen.value_or("?")
                      << "  (" << counted(t.records, "record") << ")\n";
    }
    if (!report->companions.empty()) {
        std::cout << "\nAppears most with:\n";
        for (const auto& c : report->companions) std::cout << "  " << c.name << "  " << c.records << '\n';
        if (report->companions_total > report->companions.size())
            std::cout << "  … " << report->companions_total - report->companions.size() << " more (--all lists everyone)\n";
    }
}

void run_stats(const Globals& g, bool as_json) {
    Archive archive = open_existing(g);
    Stats s = stats(archive);
    if (as_json) {
        json j = {{"bulletins", s.bulletins}, {"records", s.records}, {"people", s.people},
                  {"organizations", s.organizations}, {"places", s.places}, {"events", s.events},
                  {"first_date", opt(s.first_date)}, {"last_date", opt(s.last_date)}};
        std::cout << j.dump(2) << '\n';
        return;
    }
    std::cout << "archive        " << archive.path().string() << '\n'
              << "bulletins      " << s.bulletins << '\n'
              << "records        " << s.records << '\n'
              << "people         " << s.people << '\n'
              << "organisations  " << s.organizations << '\n'
              << "places         " << s.places << '\n'
              << "events         " << s.events << '\n'
              << "dates          " << s.first_date.value_or("-") << " … " << s.last_date.value_or("-") << '\n';
}

} // namespace

void setup_person(CLI::App& app, Globals& g) {
    auto o = std::make_shared<PersonOptions>();
    auto* cmd = app.add_subcommand("person", "a person's timeline, titles held and companions");
    cmd->add_option("name", o->name, "the person's name")->required();
    cmd->add_flag("--json", o->json, "print as JSON (names everyone, like --all)");
    cmd->add_flag("--all", o->all, "name every other person of each record and every companion");
    cmd->callback([&g, o] { run_person(g, *o); });
}

void setup_stats(CLI::App& app, Globals& g) {
    auto as_json = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("stats", "counts of bulletins, records, people, organisations, events");
    cmd->add_flag("--json", *as_json, "print as JSON");
    cmd->callback([&g, as_json] { run_stats(g, *as_json); });
}

} // namespace jianbao::cli
