#include "cli.hpp"

#include "jianbao/extract/dates.hpp"
#include "jianbao/query/person_lookup.hpp"
#include "jianbao/util/error.hpp"

#include <iostream>

#include <cstdlib>
#include <unistd.h>

namespace jianbao::cli {

std::filesystem::path archive_path(const Globals& g) {
    if (!g.db.empty()) return g.db;
    if (const char* env = std::getenv("JIANBAO_DB"); env && *env) return env;
    return "jianbao.db";
}

Archive open_existing(const Globals& g, Archive::Mode mode) {
    auto path = archive_path(g);
    if (!std::filesystem::exists(path))
        throw Error(path.string() + ": no archive here (import a bulletin first, or give --db)", exit_archive);
    return Archive(path, mode);
}

bool stdout_color(const Globals& g) {
    if (g.color == "always") return true;
    if (g.color == "never") return false;
    if (const char* nc = std::getenv("NO_COLOR"); nc && *nc) return false;
    return isatty(STDOUT_FILENO) == 1;
}

std::string counted(std::size_t n, const std::string& noun) {
    return std::to_string(n) + " " + noun + (n == 1 || noun == "people" ? "" : "s");
}

std::string render_marks(const std::string& s, bool color) {
    std::string out;
    out.reserve(s.size() + 16);
    for (char c : s) {
        if (c == '\x01') out += color ? "\x1b[1;31m" : "[";
        else if (c == '\x02') out += color ? "\x1b[0m" : "]";
        else out += c;
    }
    return out;
}

void add_filter_options(CLI::App& cmd, FilterOptions& f) {
    cmd.add_option("--person", f.person, "records where this person appears (simplified, traditional or pinyin)");
    cmd.add_option("--org", f.org, "records naming an organisation containing this text");
    cmd.add_option("--from", f.from, "records dated on or after YYYY, YYYY-MM or YYYY-MM-DD");
    cmd.add_option("--to", f.to, "records dated on or before YYYY, YYYY-MM or YYYY-MM-DD");
    cmd.add_option("--kind", f.kind, "article, brief or caption")->check(CLI::IsMember({"article", "brief", "caption"}));
    cmd.add_option("--limit", f.limit, "at most N records");
    cmd.add_option("--sort", f.sort, "relevance or date (default: relevance with TEXT, else date)")
        ->check(CLI::IsMember({"auto", "relevance", "date"}));
}

namespace {
std::optional<std::string> nonempty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}
void check_date(const std::string& option, const std::string& value) {
    if (!value.empty() && !parse_partial_date(value))
        throw Error(option + ": '" + value + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", exit_usage);
}
} // namespace

SearchFilter to_filter(const FilterOptions& f, const std::string& text) {
    check_date("--from", f.from);
    check_date("--to", f.to);
    SearchFilter q;
    q.text = nonempty(text);
    q.person = nonempty(f.person);
    q.org = nonempty(f.org);
    if (!f.from.empty()) q.from = format_partial_date(*parse_partial_date(f.from));
    if (!f.to.empty()) q.to = format_partial_date(*parse_partial_date(f.to));
    q.kind = nonempty(f.kind);
    if (f.limit) q.limit = f.limit;
    q.sort = f.sort == "relevance" ? SearchFilter::Sort::relevance
             : f.sort == "date"    ? SearchFilter::Sort::date
                                   : SearchFilter::Sort::automatic;
    return q;
}

std::optional<std::string> resolve_person(const Archive& archive, const std::string& name) {
    std::vector<std::string> found = lookup_person(archive, name);
    if (found.empty()) return std::nullopt;
    if (found.size() > 1) {
        // Never guess between people who read alike: list them and let the user choose.
        std::cerr << "jianbao: " << name << ": " << found.size() << " people match this spelling; give one of:\n";
        for (const auto& f : found) std::cerr << "  " << f << '\n';
        throw ExitStatus{exit_not_found};
    }
    return found.front();
}

} // namespace jianbao::cli
