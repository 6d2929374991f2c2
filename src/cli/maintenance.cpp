// `jianbao check` and `jianbao remove`.
#include "cli.hpp"

#include "jianbao/store/maintenance.hpp"
#include "jianbao/util/error.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <unistd.h>

namespace jianbao::cli {

namespace {

void run_check(const Globals& g, bool as_json) {
    // Read-write when possible: FTS5's integrity-check is issued as a write to the index table.
    auto path = archive_path(g);
    bool writable = access(path.c_str(), W_OK) == 0;
    Archive archive = open_existing(g, writable ? Archive::Mode::read_write : Archive::Mode::read_only);
    std::vector<std::string> problems = check_archive(archive);
    Stats s = stats(archive);
    if (as_json) {
        nlohmann::ordered_json j = {{"archive", path.string()}, {"ok", problems.empty()}, {"problems", problems},
                                    {"bulletins", s.bulletins}, {"records", s.records}};
        std::cout << j.dump(2) << '\n';
    } else {
        for (const auto& p : problems) std::cout << "problem: " << p << '\n';
        if (problems.empty())
            std::cout << path.string() << ": ok (" << counted(s.bulletins, "bulletin") << ", " << counted(s.records, "record") << ")\n";
    }
    if (!problems.empty()) throw ExitStatus{exit_archive};
}

struct RemoveOptions {
    std::vector<std::string> keys;
    bool json = false;
};

void run_remove(const Globals& g, const RemoveOptions& o) {
    Archive archive = open_existing(g, Archive::Mode::read_write);
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    bool missing = false;
    for (const auto& key : o.keys) {
        auto removed = remove_bulletins(archive, key);
        if (removed.empty()) {
            std::cerr << "jianbao: " << key << ": no bulletin with this id or source name\n";
            missing = true;
        }
        for (const auto& b : removed) {
            if (o.json) all.push_back({{"bulletin", b.id}, {"source", b.source}, {"records", b.records}});
            else if (!g.quiet)
                std::cout << "removed bulletin " << b.id << " (" << b.source << "), " << counted(b.records, "record") << "\n";
        }
    }
    if (o.json) std::cout << all.dump(2) << '\n';
    if (missing) throw ExitStatus{exit_not_found};
}

} // namespace

void setup_check(CLI::App& app, Globals& g) {
    auto as_json = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("check", "verify the archive: SQLite and full-text integrity, foreign keys, counts");
    cmd->add_flag("--json", *as_json, "print as JSON");
    cmd->callback([&g, as_json] { run_check(g, *as_json); });
}

void setup_remove(CLI::App& app, Globals& g) {
    auto o = std::make_shared<RemoveOptions>();
    auto* cmd = app.add_subcommand("remove", "remove a bulletin (by id or source name) and everything from it");
    cmd->add_option("bulletin", o->keys, "bulletin id or the source name it was imported under")->required();
    cmd->add_flag("--json", o->json, "print what was removed as JSON");
    cmd->callback([&g, o] { run_remove(g, *o); });
}

} // namespace jianbao::cli
