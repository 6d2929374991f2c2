// `jianbao import FILE...` and `jianbao parse FILE`.
#include "cli.hpp"

#include "jianbao/export/json.hpp"
#include "jianbao/pipeline/pipeline.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/sha256.hpp"

#include <iostream>
#include <set>

namespace jianbao::cli {

namespace {

struct ImportOptions {
    std::vector<std::string> files;
    std::string name; // source name for a bulletin read from stdin
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
    std::string s = b.source + ": " + std::to_string(r.records) + " records, " + std::to_string(r.people) +
                    " people, " + std::to_string(r.organizations) + " organisations, " + std::to_string(r.events) +
                    " events";
    if (b.issued) s += b.issued_inferred ? " (issued " + *b.issued + ", inferred)" : " (issued " + *b.issued + ")";
    else s += " (no issue date known: dates kept without a year, e.g. --12-09; give --issued YYYY-MM)";
    return s;
}

// A bulletin piped in (`import -`), bounded like a file.
std::string read_stdin() {
    std::string bytes;
    char buf[1 << 16];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
        bytes.append(buf, static_cast<std::size_t>(std::cin.gcount()));
        if (bytes.size() > max_bulletin_bytes)
            throw Error("stdin: input too large (the limit is " + std::to_string(max_bulletin_bytes) + " bytes per bulletin)");
    }
    return bytes;
}

void run_import(const Globals& g, const ImportOptions& o) {
    // The archive is created only once a file has parsed: a failed first import leaves no file behind.
    std::unique_ptr<Archive> archive;
    auto path = archive_path(g);
    if (std::filesystem::exists(path)) archive = std::make_unique<Archive>(path, Archive::Mode::read_write);
    Pipeline pipeline;
    ParseOptions popts = parse_options(o);
    int failed = 0;
    for (const auto& file : o.files) {
        try {
            const bool from_stdin = file == "-";
            const std::string source = from_stdin ? (o.name.empty() ? std::string("stdin") : o.name) : file;
            std::string bytes = from_stdin ? read_stdin() : read_bulletin_file(file);
            if (archive) {
                if (auto id = archive->find_bulletin(sha256_hex(bytes))) {
                    if (!g.quiet) std::cout << source << ": already imported (bulletin " << *id << ")\n";
                    continue;
                }
            }
            Bulletin b = pipeline.parse(bytes, source, popts);
            if (!archive) archive = std::make_unique<Archive>(path, Archive::Mode::read_write);
            ImportResult r = archive->import(b);
            if (g.quiet) continue;
            if (r.already_imported)
                std::cout << source << ": already imported (bulletin " << r.bulletin_id << ")\n";
            else
                std::cout << summary(b, r) << '\n';
        } catch (const Error& e) {
            // One bad file does not stop the others; each is its own transaction.
            if (e.exit_code() == exit_archive || e.exit_code() == exit_usage) throw;
            std::cout.flush();
            std::cerr << "jianbao: " << e.what() << '\n';
            ++failed;
        }
    }
    if (failed) throw ExitStatus{exit_input};
}

void run_parse(const ImportOptions& o) {
    Pipeline pipeline;
    const std::string& file = o.files.front();
    const bool from_stdin = file == "-";
    Bulletin b = pipeline.parse(from_stdin ? read_stdin() : read_bulletin_file(file), from_stdin ? "stdin" : file,
                                parse_options(o));
    BulletinInfo info{0, b.source, b.sha256, b.encoding, b.issued};
    RecordWriter writer(std::cout, RecordWriter::Format::json);
    for (const Record& r : b.records) writer.write(record_to_json(r, info, std::nullopt));
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
    cmd->add_option("files", o->files, "bulletin text files; - reads one from stdin")->required();
    cmd->add_option("--name", o->name, "source name of the bulletin read from stdin (default: stdin)");
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
