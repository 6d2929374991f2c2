// `jianbao import FILE...` and `jianbao parse FILE`.
#include "cli.hpp"

#include "jianbao/export/json.hpp"
#include "jianbao/pipeline/batch.hpp"
#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/error.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <chrono>
#include <cstdio>
#include <unistd.h>
#include <unordered_set>

namespace jianbao::cli {

namespace {

struct ImportOptions {
    std::vector<std::string> files;
    std::string name; // source name for a bulletin read from stdin
    unsigned threads = 0; // 0: one per core
    bool json = false;
    std::string issued;
    std::string encoding;
};

ParseOptions parse_options(const ImportOptions& o) {
    ParseOptions p;
    if (!o.issued.empty()) p.issued = o.issued;
    if (!o.encoding.empty()) p.encoding = o.encoding;
    return p;
}

std::string summary(const Bulletin& b, const ImportResult& r) {
    std::string s = b.source + ": " + counted(r.records, "record") + ", " + counted(r.people, "people") + ", " +
                    counted(r.organizations, "organisation") + ", " + counted(r.events, "event");
    if (b.issued) s += b.issued_inferred ? " (issued " + *b.issued + ", inferred)" : " (issued " + *b.issued + ")";
    else s += " (no issue date known: dates kept without a year, e.g. --12-09; give --issued YYYY-MM)";
    return s;
}

// A bulletin piped in (`import -`), bounded like a file.
std::string read_stdin() { return read_bulletin_stream(std::cin, "stdin"); }

// Files done / total, MB/s and ETA on one rewritten stderr line, only when stderr is a terminal.
class Progress {
public:
    Progress(std::size_t total_files, std::uintmax_t total_bytes, bool enabled)
        : total_files_(total_files), total_bytes_(total_bytes), enabled_(enabled && isatty(STDERR_FILENO) == 1),
          start_(std::chrono::steady_clock::now()) {}
    void update(std::size_t bytes) {
        ++files_;
        bytes_ += bytes;
        if (!enabled_) return;
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
        if (secs < 0.5) return; // a quick import shows nothing
        double rate = bytes_ / 1e6 / secs;
        double eta = rate > 0 && total_bytes_ > bytes_ ? (total_bytes_ - bytes_) / 1e6 / rate : 0;
        std::fprintf(stderr, "\r\x1b[K%zu/%zu files  %.1f MB/s  ETA %d:%02d", files_, total_files_, rate,
                     static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
        shown_ = true;
    }
    void clear() {
        if (shown_) std::fprintf(stderr, "\r\x1b[K");
        shown_ = false;
    }
    ~Progress() { clear(); }

private:
    std::size_t files_ = 0, total_files_;
    std::uintmax_t bytes_ = 0, total_bytes_;
    bool enabled_, shown_ = false;
    std::chrono::steady_clock::time_point start_;
};

// The bulletins of a directory given to import: its .txt files (any case), its subdirectories'
// too, hidden ones skipped, in path order (so the archive is the same on every machine).
std::vector<std::string> bulletin_files_in(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
    if (ec) throw Error(dir + ": cannot read the directory (" + ec.message() + ")");
    for (; it != end; it.increment(ec)) {
        if (ec) throw Error(dir + ": cannot read the directory (" + ec.message() + ")");
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        std::string ext = it->path().extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (ext == ".txt" && it->is_regular_file(ec)) out.push_back(it->path().string());
    }
    std::sort(out.begin(), out.end());
    if (out.empty()) throw Error(dir + ": no .txt bulletin files in this directory");
    return out;
}

void run_import(const Globals& g, const ImportOptions& o) {
    const auto started = std::chrono::steady_clock::now();
    // The archive is created only once a file has parsed: a failed first import leaves no file behind.
    std::unique_ptr<Archive> archive;
    auto path = archive_path(g);
    std::unordered_set<std::string> known;
    if (std::filesystem::exists(path)) {
        archive = std::make_unique<Archive>(path, Archive::Mode::read_write);
        auto st = archive->db().prepare("SELECT sha256 FROM bulletins");
        while (st.step()) known.insert(st.text(0));
    }
    std::vector<BatchInput> inputs;
    std::uintmax_t total_bytes = 0;
    std::vector<std::string> unreadable; // directories that hold no bulletin or cannot be read
    auto add_file = [&](const std::string& file) {
        inputs.push_back({file, file, std::nullopt});
        std::error_code ec;
        if (auto size = std::filesystem::file_size(file, ec); !ec) total_bytes += size;
    };
    for (const auto& file : o.files) {
        std::error_code ec;
        if (file == "-") {
            inputs.push_back({file, o.name.empty() ? std::string("stdin") : o.name, read_stdin()});
            total_bytes += inputs.back().bytes->size();
        } else if (std::filesystem::is_directory(file, ec)) {
            try {
                for (const auto& f : bulletin_files_in(file)) add_file(f);
            } catch (const Error& e) {
                unreadable.push_back(e.what());
            }
        } else {
            add_file(file);
        }
    }
    Progress progress(inputs.size(), total_bytes, !g.quiet);
    auto say = [&](const std::string& line, bool error) {
        progress.clear();
        (error ? std::cerr : std::cout) << line << '\n';
        (error ? std::cerr : std::cout).flush();
    };
    int failed = 0;
    for (const auto& why : unreadable) {
        say("jianbao: " + why, true);
        ++failed;
    }
    std::size_t imported = 0; // records
    unsigned threads = o.threads ? o.threads : default_threads();
    parse_in_order(inputs, parse_options(o), threads, known, [&](BatchResult&& r) {
        progress.update(r.bytes);
        if (r.error) {
            // One bad file does not stop the others; each is its own transaction.
            if (r.exit_code == exit_usage) throw Error(*r.error, exit_usage);
            say("jianbao: " + *r.error, true);
            ++failed;
            return;
        }
        std::optional<ImportResult> res;
        if (!r.known) {
            if (!archive) archive = std::make_unique<Archive>(path, Archive::Mode::read_write);
            res = archive->import(*r.bulletin);
            if (!res->already_imported) imported += res->records;
        }
        if (g.quiet) return;
        if (o.json) {
            nlohmann::ordered_json j = {{"source", r.source}, {"sha256", r.sha256}};
            if (r.known || res->already_imported) {
                j["status"] = "already imported";
            } else {
                j["status"] = "imported";
                j["bulletin"] = res->bulletin_id;
                j["records"] = res->records;
                j["people"] = res->people;
                j["organizations"] = res->organizations;
                j["events"] = res->events;
                j["issued"] = r.bulletin->issued ? nlohmann::ordered_json(*r.bulletin->issued) : nullptr;
            }
            say(j.dump(), false);
        } else if (r.known || res->already_imported) {
            say(r.source + ": already imported", false);
        } else {
            say(summary(*r.bulletin, *res), false);
        }
        if (r.bulletin) known.insert(r.sha256); // the same bytes twice in one command
    });
    if (archive && archive->compact_index(imported)) {
        if (g.verbose) std::fprintf(stderr, "jianbao: merged the full-text index into one segment\n");
    }
    if (g.verbose) {
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::fprintf(stderr, "jianbao: %zu files, %.2f MB in %.2f s (%.2f MB/s, %u threads)\n", inputs.size(),
                     static_cast<double>(total_bytes) / 1e6, secs, static_cast<double>(total_bytes) / 1e6 / secs, threads);
    }
    if (failed) throw ExitStatus{exit_input};
}

void run_parse(const ImportOptions& o) {
    Pipeline pipeline;
    const std::string& file = o.files.front();
    const bool from_stdin = file == "-";
    Bulletin b = pipeline.parse(from_stdin ? read_stdin() : read_bulletin_file(file), from_stdin ? "stdin" : file,
                                parse_options(o));
    BulletinInfo info{0, b.source, b.sha256, b.encoding, b.issued, b.masthead, b.colophon};
    RecordWriter writer(std::cout, RecordWriter::Format::json);
    for (const Record& r : b.records) writer.write(r, info, std::nullopt);
    writer.finish();
}

void add_common(CLI::App* cmd, ImportOptions& o) {
    cmd->add_option("--issued", o.issued, "issue date YYYY[-MM[-DD]] (else inferred from the file name or text)");
    cmd->add_option("--encoding", o.encoding, "input encoding, e.g. GB18030, Big5 (default: detect)");
}

} // namespace

void setup_import(CLI::App& app, Globals& g) {
    auto o = std::make_shared<ImportOptions>();
    auto* cmd = app.add_subcommand("import", "import bulletin files into the archive (each file one transaction)");
    cmd->add_option("files", o->files, "bulletin text files, or directories of them (their .txt files); - reads one from stdin")->required();
    cmd->add_option("--name", o->name, "source name of the bulletin read from stdin (default: stdin)");
    cmd->add_option("-j,--threads", o->threads, "parse on N threads (default: one per core; the archive is the same)");
    cmd->add_flag("--json", o->json, "print one JSON object per file instead of a summary line");
    add_common(cmd, *o);
    cmd->callback([&g, o] { run_import(g, *o); });
}

void setup_parse(CLI::App& app, Globals&) {
    auto o = std::make_shared<ImportOptions>();
    auto* cmd = app.add_subcommand("parse", "parse a bulletin and print its records as JSON (stores nothing)");
    cmd->add_option("file", o->files, "bulletin text file")->required()->expected(1);
    add_common(cmd, *o);
    cmd->callback([o] { run_parse(*o); });
}

} // namespace jianbao::cli
