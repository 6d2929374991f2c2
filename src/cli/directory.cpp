// `jianbao people` and `jianbao orgs`: who and what the archive names, with counts and dates.
#include "cli.hpp"

#include "jianbao/extract/dates.hpp"
#include "jianbao/query/directory.hpp"
#include "jianbao/util/error.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace jianbao::cli {

namespace {

struct DirectoryOptions {
    std::string like, from, to;
    std::size_t limit = 0;
    bool json = false;
};

DirectoryFilter to_directory_filter(const DirectoryOptions& o) {
    DirectoryFilter f;
    if (!o.like.empty()) f.like = o.like;
    auto date = [](const std::string& option, const std::string& v) -> std::optional<std::string> {
        if (v.empty()) return std::nullopt;
        auto d = parse_partial_date(v);
        if (!d) throw Error(option + ": '" + v + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", exit_usage);
        return format_partial_date(*d);
    };
    f.from = date("--from", o.from);
    f.to = date("--to", o.to);
    if (o.limit) f.limit = o.limit;
    return f;
}

void print(const std::vector<DirectoryEntry>& entries, bool people, bool as_json) {
    if (entries.empty()) throw ExitStatus{exit_not_found};
    auto opt = [](const std::optional<std::string>& s) { return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json(); };
    if (as_json) {
        auto all = nlohmann::ordered_json::array();
        for (const auto& e : entries) {
            nlohmann::ordered_json j = {{"name", e.name}};
            if (people) j["titles"] = e.titles;
            else j["type"] = e.type;
            j["records"] = e.records;
            j["first_date"] = opt(e.first_date);
            j["last_date"] = opt(e.last_date);
            all.push_back(std::move(j));
        }
        std::cout << all.dump(2) << '\n';
        return;
    }
    for (const auto& e : entries) {
        std::cout << e.name << '\t' << e.records << '\t' << e.first_date.value_or("-") << '\t'
                  << e.last_date.value_or("-") << '\t';
        if (people) {
            for (std::size_t i = 0; i < e.titles.size(); ++i) std::cout << (i ? "、" : "") << e.titles[i];
        } else {
            std::cout << e.type;
        }
        std::cout << '\n';
    }
}

void add_options(CLI::App* cmd, DirectoryOptions& o) {
    cmd->add_option("--like", o.like, "names containing this text");
    cmd->add_option("--from", o.from, "counting only records dated on or after YYYY, YYYY-MM or YYYY-MM-DD");
    cmd->add_option("--to", o.to, "counting only records dated on or before YYYY, YYYY-MM or YYYY-MM-DD");
    cmd->add_option("--limit", o.limit, "at most N names");
    cmd->add_flag("--json", o.json, "print as JSON");
}

} // namespace

void setup_directory(CLI::App& app, Globals& g) {
    auto p = std::make_shared<DirectoryOptions>();
    auto* people = app.add_subcommand("people", "people named in the archive: records, first/last date, titles");
    add_options(people, *p);
    people->callback([&g, p] { print(list_people(open_existing(g), to_directory_filter(*p)), true, p->json); });
    auto o = std::make_shared<DirectoryOptions>();
    auto* orgs = app.add_subcommand("orgs", "organisations named in the archive: type, records, first/last date");
    add_options(orgs, *o);
    orgs->callback([&g, o] { print(list_organizations(open_existing(g), to_directory_filter(*o)), false, o->json); });
}

} // namespace jianbao::cli
