#include "jianbao/export/json.hpp"

namespace jianbao {

using json = nlohmann::ordered_json;

namespace {
json opt(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }
} // namespace

json record_to_json(const Record& r, const BulletinInfo& b, std::optional<std::int64_t> record_id) {
    json j;
    j["id"] = record_id ? json(*record_id) : json(nullptr);
    j["bulletin"] = {{"id", b.id ? json(b.id) : json(nullptr)},
                     {"source", b.source},
                     {"sha256", b.sha256},
                     {"encoding", b.encoding},
                     {"issued", opt(b.issued)}};
    j["seq"] = r.seq;
    j["kind"] = to_string(r.kind);
    j["section"] = opt(r.section);
    j["title"] = opt(r.title);
    j["date"] = opt(r.date);
    j["time_of_day"] = opt(r.time_of_day);
    j["date_text"] = opt(r.date_text);
    j["paragraphs"] = r.paragraphs;
    j["dates"] = json::array();
    for (const auto& d : r.dates)
        j["dates"].push_back({{"text", d.text}, {"value", opt(d.value)}, {"time_of_day", opt(d.time_of_day)}});
    j["people"] = json::array();
    for (const auto& p : r.people)
        j["people"].push_back({{"name", p.name}, {"titles", p.titles}, {"mentions", p.mentions}});
    j["organizations"] = json::array();
    for (const auto& o : r.organizations)
        j["organizations"].push_back({{"name", o.name}, {"type", o.type}, {"mentions", o.mentions}});
    j["places"] = json::array();
    for (const auto& p : r.places) j["places"].push_back({{"name", p.name}, {"mentions", p.mentions}});
    j["events"] = json::array();
    for (const auto& e : r.events)
        j["events"].push_back({{"trigger", e.trigger},
                               {"type", e.type},
                               {"date", opt(e.date)},
                               {"time_of_day", opt(e.time_of_day)},
                               {"sentence", e.sentence},
                               {"participants", e.participants},
                               {"organizations", e.organizations}});
    return j;
}

json record_to_json(const StoredRecord& s) { return record_to_json(s.record, s.bulletin, s.id); }

RecordWriter::RecordWriter(std::ostream& out, Format format) : out_(out), format_(format) {}

RecordWriter::~RecordWriter() {
    try {
        finish();
    } catch (...) {
    }
}

void RecordWriter::write(const json& record) {
    if (format_ == Format::ndjson) {
        out_ << record.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    } else {
        out_ << (count_ == 0 ? "[\n" : ",\n");
        out_ << record.dump(2, ' ', false, json::error_handler_t::replace);
    }
    ++count_;
}

void RecordWriter::finish() {
    if (finished_) return;
    finished_ = true;
    if (format_ == Format::json) out_ << (count_ == 0 ? "[]\n" : "\n]\n");
    out_.flush();
}

} // namespace jianbao
