// `jianbao search`, `jianbao export`, `jianbao show`: finding records and printing them.
#include "cli.hpp"

#include "jianbao/export/csv.hpp"
#include "jianbao/export/graphml.hpp"
#include "jianbao/export/json.hpp"
#include "jianbao/query/graph.hpp"
#include "jianbao/util/error.hpp"

#include <fstream>
#include <iostream>

namespace jianbao::cli {

namespace {

struct SearchOptions {
    std::string text;
    FilterOptions filter;
    bool json = false;
};

// --person as typed → the stored name (an unknown name stays, and simply matches nothing).
void resolve_person_filter(const Archive& archive, SearchFilter& filter) {
    if (!filter.person) return;
    if (auto name = resolve_person(archive, *filter.person)) filter.person = *name;
}

void run_search(const Globals& g, const SearchOptions& o) {
    Archive archive = open_existing(g);
    SearchFilter filter = to_filter(o.filter, o.text);
    resolve_person_filter(archive, filter);
    std::vector<SearchHit> hits = search(archive, filter);
    if (hits.empty()) throw ExitStatus{exit_not_found};
    if (o.json) {
        RecordWriter writer(std::cout, RecordWriter::Format::json);
        for (const auto& h : hits) {
            auto rec = load_record(archive, h.id);
            if (!rec) continue;
            if (h.snippet.empty())
                writer.write(*rec);
            else
                writer.write(*rec, render_marks(h.snippet, false));
        }
        writer.finish();
        return;
    }
    bool color = stdout_color(g);
    for (const auto& h : hits) {
        std::cout << h.id << '\t' << h.date.value_or("----------") << '\t' << h.kind << '\t'
                  << render_marks(h.heading, color);
        if (!h.snippet.empty()) std::cout << "\t" << render_marks(h.snippet, color);
        std::cout << '\n';
    }
}

struct ExportOptions {
    std::string format = "json";
    std::string table = "records";
    std::string index = "jianbao";
    bool bom = false;
    bool graph = false;
    std::size_t min_weight = 1;
    std::string output;
    FilterOptions filter;
};

void run_export(const Globals& g, const ExportOptions& o) {
    if (o.format == "es-bulk")
        if (auto why = es_index_problem(o.index)) throw Error("export: --index '" + o.index + "': " + *why, exit_usage);
    Archive archive = open_existing(g);
    SearchFilter filter = to_filter(o.filter, "");
    resolve_person_filter(archive, filter);
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (!o.output.empty() && o.output != "-") {
        file.open(o.output, std::ios::binary | std::ios::trunc);
        if (!file) throw Error(o.output + ": cannot write", exit_input);
        out = &file;
    }
    if (o.graph) {
        write_graphml(*out, co_appearance_graph(archive, filter, o.min_weight));
    } else if (o.format == "csv") {
        CsvWriter writer(*out, *CsvWriter::table_from(o.table), o.bom);
        for_each_record(archive, filter, [&](const StoredRecord& r) { writer.add(r); });
        writer.finish();
    } else {
        const auto format = o.format == "ndjson"    ? RecordWriter::Format::ndjson
                            : o.format == "es-bulk" ? RecordWriter::Format::es_bulk
                                                    : RecordWriter::Format::json;
        RecordWriter writer(*out, format, o.index);
        for_each_record(archive, filter, [&](const StoredRecord& r) { writer.write(r); });
        writer.finish();
    }
    if (!*out) throw Error((o.output.empty() ? std::string("stdout") : o.output) + ": write failed", exit_input);
}

struct ShowOptions {
    std::int64_t id = 0;
    bool json = false;
};

void run_show(const Globals& g, const ShowOptions& o) {
    Archive archive = open_existing(g);
    auto rec = load_record(archive, o.id);
    if (!rec) {
        std::cerr << "jianbao: record " << o.id << ": no such record\n";
        throw ExitStatus{exit_not_found};
    }
    if (o.json) {
        std::string text;
        append_record_json(text, *rec, 2);
        std::cout << text << '\n';
        return;
    }
    const Record& r = rec->record;
    std::cout << "#" << rec->id << "  " << r.date.value_or("(no date)");
    if (r.time_of_day) std::cout << ' ' << *r.time_of_day;
    std::cout << "  " << to_string(r.kind);
    if (r.section) std::cout << "  [" << *r.section << "]";
    std::cout << "\n" << rec->bulletin.source << ", record " << r.seq << "\n";
    // The masthead says which bulletin this is (东湖街道工作简报 · 第12期 · …): one line.
    if (!rec->bulletin.masthead.empty()) {
        std::string line;
        for (const auto& m : rec->bulletin.masthead) line += (line.empty() ? "" : " · ") + m;
        std::cout << line << "\n";
    }
    std::cout << "\n";
    if (r.title) std::cout << *r.title << "\n\n";
    for (const auto& p : r.paragraphs) std::cout << p << "\n\n";
    if (!r.people.empty()) {
        std::cout << "People:\n";
        for (const auto& p : r.people) {
            std::cout << "  " << p.name;
            for (std::size_t i = 0; i < p.titles.size(); ++i) std::cout << (i ? "、" : "  ") << p.titles[i];
            std::cout << '\n';
        }
    }
    if (!r.organizations.empty()) {
        std::cout << "Organisations:\n";
        for (const auto& o2 : r.organizations) std::cout << "  " << o2.name << "  (" << o2.type << ")\n";
    }
    if (!r.places.empty()) {
        std::cout << "Places:";
        for (const auto& p : r.places) std::cout << "  " << p.name;
        std::cout << '\n';
    }
    if (!r.events.empty()) {
        std::cout << "Events:\n";
        for (const auto& e : r.events) {
            std::cout << "  " << e.trigger << " (" << e.type << ")  " << e.date.value_or("-");
            for (std::size_t i = 0; i < e.participants.size(); ++i) std::cout << (i ? "、" : "  ") << e.participants[i];
            std::cout << '\n';
        }
    }
}

} // namespace

void setup_search(CLI::App& app, Globals& g) {
    auto o = std::make_shared<SearchOptions>();
    auto* cmd = app.add_subcommand("search", "find records by text, person, organisation, date or kind");
    cmd->add_option("text", o->text, "full-text query: words are ANDed; \"a phrase\"; a OR b; -word excludes");
    add_filter_options(*cmd, o->filter);
    cmd->add_flag("--json", o->json, "print the records in the export format, with a snippet field");
    cmd->callback([&g, o] { run_search(g, *o); });
}

void setup_export(CLI::App& app, Globals& g) {
    auto o = std::make_shared<ExportOptions>();
    auto* cmd = app.add_subcommand("export", "print records in the JSON export format");
    auto* format = cmd->add_option("--format", o->format,
                                   "json (an array), ndjson (a record per line), csv, or es-bulk (Elasticsearch/OpenSearch bulk API)")
                       ->check(CLI::IsMember({"json", "ndjson", "csv", "es-bulk"}));
    auto* index = cmd->add_option("--index", o->index, "with --format es-bulk: the index name (default: jianbao)");
    auto* table = cmd->add_option("--table", o->table, "with --format csv: records, people, appearances, events or organizations")
                      ->check(CLI::IsMember({"records", "people", "appearances", "events", "organizations"}));
    auto* bom = cmd->add_flag("--bom", o->bom, "with --format csv: start with a UTF-8 byte order mark (for Excel)");
    auto* graph = cmd->add_flag("--graph", o->graph,
                                "the co-appearance network of the selected records' people as GraphML (Gephi, networkx, igraph)")
                      ->excludes(format, index, table, bom);
    cmd->add_option("--min-weight", o->min_weight, "with --graph: only edges of people sharing at least N records")
        ->needs(graph)
        ->check(CLI::PositiveNumber);
    cmd->add_option("-o,--output", o->output, "write to FILE (default or -: stdout)");
    add_filter_options(*cmd, o->filter);
    cmd->callback([&g, o] { run_export(g, *o); });
}

void setup_show(CLI::App& app, Globals& g) {
    auto o = std::make_shared<ShowOptions>();
    auto* cmd = app.add_subcommand("show", "show one record in full");
    cmd->add_option("id", o->id, "record id (as printed by search)")->required();
    cmd->add_flag("--json", o->json, "print the record in the export format");
    cmd->callback([&g, o] { run_show(g, *o); });
}

} // namespace jianbao::cli
