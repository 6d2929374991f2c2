// Shared pieces of the command line: global options, filters, terminal output. The CLI is the
// only part of jianbao that prints.
#pragma once
#include "jianbao/query/query.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <string>

namespace jianbao::cli {

struct Globals {
    std::string db;            // --db, else $JIANBAO_DB, else ./jianbao.db
    std::string color = "auto"; // --color=auto|always|never
    bool quiet = false;
    bool verbose = false;
};

std::filesystem::path archive_path(const Globals& g);
// Opens an archive that must already exist (queries never create one); throws a clear Error if not.
Archive open_existing(const Globals& g, Archive::Mode mode = Archive::Mode::read_only);
// Whether stdout gets ANSI colour: --color, NO_COLOR, and whether stdout is a terminal.
bool stdout_color(const Globals& g);
// "1 record", "2 records": a count and an English noun in the right number ("people" is its own plural).
std::string counted(std::size_t n, const std::string& noun);
// Renders a snippet's \x01…\x02 match markers as colour or as [ ].
std::string render_marks(const std::string& s, bool color);

// Options shared by `search` and `export`.
struct FilterOptions {
    std::string person, org, from, to, kind;
    std::size_t limit = 0;
    std::string sort = "auto";
};
void add_filter_options(CLI::App& cmd, FilterOptions& f);
SearchFilter to_filter(const FilterOptions& f, const std::string& text);

// Resolves a person as typed (simplified, traditional or pinyin) to the stored name; nullopt when
// nobody matches. Several pinyin matches are listed on stderr and end the command with exit 1.
std::optional<std::string> resolve_person(const Archive& archive, const std::string& name);

void setup_import(CLI::App& app, Globals& g);
void setup_parse(CLI::App& app, Globals& g);
void setup_search(CLI::App& app, Globals& g);
void setup_show(CLI::App& app, Globals& g);
void setup_person(CLI::App& app, Globals& g);
void setup_export(CLI::App& app, Globals& g);
void setup_stats(CLI::App& app, Globals& g);
void setup_check(CLI::App& app, Globals& g);
void setup_remove(CLI::App& app, Globals& g);
void setup_directory(CLI::App& app, Globals& g);

// Thrown by a subcommand that has already printed what it had to say and must exit non-zero
// (1 when nothing was found, like grep; 3 when some input files failed).
struct ExitStatus {
    int code;
};

} // namespace jianbao::cli
