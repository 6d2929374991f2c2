#include "jianbao/export/csv.hpp"

#include <algorithm>

namespace jianbao {

namespace {
std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += sep;
        out += v[i];
    }
    return out;
}
std::string heading(const Record& r) {
    if (r.title) return *r.title;
    return r.paragraphs.empty() ? std::string() : r.paragraphs.front();
}
} // namespace

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::optional<CsvWriter::Table> CsvWriter::table_from(const std::string& name) {
    if (name == "records") return Table::records;
    if (name == "people") return Table::people;
    if (name == "appearances") return Table::appearances;
    if (name == "events") return Table::events;
    if (name == "organizations") return Table::organizations;
    return std::nullopt;
}

CsvWriter::CsvWriter(std::ostream& out, Table table, bool bom) : out_(out), table_(table) {
    if (bom) out_ << "\xEF\xBB\xBF"; // Excel reads UTF-8 only with it
    switch (table_) {
    case Table::records:
        row({"record_id", "bulletin", "seq", "kind", "section", "title", "date", "time_of_day", "people",
             "organizations", "places", "main_event", "text"});
        break;
    case Table::people: row({"name", "records", "first_date", "last_date", "titles"}); break;
    case Table::appearances:
        row({"date", "name", "titles", "record_id", "title", "event_type", "event_trigger", "co_present"});
        break;
    case Table::events:
        row({"record_id", "date", "time_of_day", "trigger", "type", "participants", "organizations", "sentence"});
        break;
    case Table::organizations: row({"name", "type", "records", "first_date", "last_date"}); break;
    }
}

void CsvWriter::row(const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out_ << ',';
        out_ << csv_field(fields[i]);
    }
    out_ << "\r\n";
}

void CsvWriter::add(const StoredRecord& s) {
    const Record& r = s.record;
    const std::string date = r.date.value_or("");
    auto note = [&](const std::string& name, const std::string& type, const std::vector<std::string>& titles) {
        auto [it, fresh] = summary_.try_emplace(name);
        if (fresh) order_.push_back(name);
        Summary& m = it->second;
        m.type = type;
        ++m.records;
        if (r.date) {
            if (!m.first || *r.date < *m.first) m.first = r.date;
            if (!m.last || *r.date > *m.last) m.last = r.date;
        }
        for (const auto& t : titles)
            if (std::find(m.titles.begin(), m.titles.end(), t) == m.titles.end()) m.titles.push_back(t);
    };
    std::vector<std::string> names;
    for (const auto& p : r.people) names.push_back(p.name);
    switch (table_) {
    case Table::records: {
        std::vector<std::string> orgs, places;
        for (const auto& o : r.organizations) orgs.push_back(o.name);
        for (const auto& p : r.places) places.push_back(p.name);
        row({std::to_string(s.id), s.bulletin.source, std::to_string(r.seq), to_string(r.kind),
             r.section.value_or(""), r.title.value_or(""), date, r.time_of_day.value_or(""), join(names, ";"),
             join(orgs, ";"), join(places, ";"), r.events.empty() ? "" : r.events.front().trigger,
             join(r.paragraphs, "\n")});
        break;
    }
    case Table::appearances:
        for (const auto& p : r.people) {
            std::vector<std::string> others;
            for (const auto& n : names)
                if (n != p.name) others.push_back(n);
            row({date, p.name, join(p.titles, ";"), std::to_string(s.id), heading(r),
                 r.events.empty() ? "" : r.events.front().type, r.events.empty() ? "" : r.events.front().trigger,
                 join(others, ";")});
        }
        break;
    case Table::events:
        for (const auto& e : r.events)
            row({std::to_string(s.id), e.date.value_or(""), e.time_of_day.value_or(""), e.trigger, e.type,
                 join(e.participants, ";"), join(e.organizations, ";"), e.sentence});
        break;
    case Table::people:
        for (const auto& p : r.people) note(p.name, "", p.titles);
        break;
    case Table::organizations:
        for (const auto& o : r.organizations) note(o.name, o.type, {});
        break;
    }
}

void CsvWriter::finish() {
    if (table_ == Table::people || table_ == Table::organizations) {
        for (const auto& name : order_) {
            const Summary& m = summary_.at(name);
            if (table_ == Table::people)
                row({name, std::to_string(m.records), m.first.value_or(""), m.last.value_or(""), join(m.titles, ";")});
            else
                row({name, m.type, std::to_string(m.records), m.first.value_or(""), m.last.value_or("")});
        }
        summary_.clear();
        order_.clear();
    }
    out_.flush();
}

} // namespace jianbao
