#include "jianbao/export/json.hpp"

#include "jianbao/util/utf8.hpp"

#include <array>
#include <charconv>
#include <utility>

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
                     {"issued", opt(b.issued)},
                     {"masthead", b.masthead},
                     {"colophon", b.colophon}};
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

// ---- the streaming writer ----

namespace {

// Bytes that cannot be copied into a JSON string as they are: control characters, '"', '\\'
// (escaped) and the start of a multi-byte sequence (checked for well-formed UTF-8).
constexpr std::array<bool, 256> kSpecialBytes = [] {
    std::array<bool, 256> t{};
    for (std::size_t c = 0; c < 256; ++c) t[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
    return t;
}();

void append_escape(std::string& out, unsigned char c) {
    switch (c) {
    case '"': out += "\\\""; return;
    case '\\': out += "\\\\"; return;
    case '\b': out += "\\b"; return;
    case '\t': out += "\\t"; return;
    case '\n': out += "\\n"; return;
    case '\f': out += "\\f"; return;
    case '\r': out += "\\r"; return;
    default: break;
    }
    static constexpr char hex[] = "0123456789abcdef"; // lowercase, as nlohmann's "\\u%04x"
    const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
    out.append(u, sizeof u);
}

// A multi-byte sequence at p: well-formed (Unicode table 3-7, as nlohmann's decoder checks: no
// overlong forms, surrogates or code points past U+10FFFF) and its length, or ill-formed and the
// bytes one U+FFFD stands for under nlohmann's replace handler: the lead byte and the continuation
// bytes that fitted, so the byte that did not fit is read again as the start of the next character.
struct Utf8Sequence {
    std::size_t size;
    bool valid;
};

Utf8Sequence utf8_sequence(const unsigned char* p, const unsigned char* end) {
    const unsigned char lead = p[0];
    std::size_t continuations = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the range of the first continuation byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuations = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuations = 2;
        if (lead == 0xE0) lo = 0xA0; // overlong below U+0800
        if (lead == 0xED) hi = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuations = 3;
        if (lead == 0xF0) lo = 0x90; // overlong below U+10000
        if (lead == 0xF4) hi = 0x8F; // past U+10FFFF
    } else {
        return {1, false}; // a continuation byte, C0, C1 or F5..FF on its own
    }
    for (std::size_t i = 1; i <= continuations; ++i) {
        if (p + i == end || p[i] < lo || p[i] > hi) return {i, false};
        lo = 0x80;
        hi = 0xBF;
    }
    return {continuations + 1, true};
}

void append_integer(std::string& out, std::int64_t v) {
    char digits[24];
    auto res = std::to_chars(digits, digits + sizeof digits, v);
    out.append(digits, res.ptr);
}

// Appends JSON values to a string with nlohmann's layout: compact `{"a":1,"b":[]}`, or pretty with
// `indent` spaces per level, `"key": value`, one member or element per line, and empty containers
// as `{}` / `[]`. A container's first member decides whether its closing bracket gets a line of
// its own, so the writer remembers, per open container, whether anything went into it.
class JsonWriter {
public:
    JsonWriter(std::string& out, int indent) : out_(out), indent_(indent) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // Keys are our own ASCII literals: nothing in them to escape.
    void key(std::string_view k) {
        next_item();
        out_ += '"';
        out_ += k;
        out_ += indent_ < 0 ? "\":" : "\": ";
    }
    void string(std::string_view s) { append_json_string(out_, s); }
    void integer(std::int64_t v) { append_integer(out_, v); }
    void null() { out_ += "null"; }
    void optional(const std::optional<std::string>& s) { s ? string(*s) : null(); }
    void strings(const std::vector<std::string>& v) {
        array(v, [this](const std::string& s) { string(s); });
    }
    // Call before each array element (key() does it for members).
    void next_item() {
        if (has_items_[depth_]) out_ += ',';
        has_items_[depth_] = true;
        if (indent_ >= 0) new_line(depth_);
    }

    template <class T, class F>
    void array(const std::vector<T>& items, F&& element) {
        begin_array();
        for (const auto& item : items) {
            next_item();
            element(item);
        }
        end_array();
    }
    // A member; the overloads for std::string and const char* keep the calls unambiguous (either
    // converts to std::string_view and to std::optional<std::string> alike).
    void field(std::string_view k, std::string_view s) {
        key(k);
        string(s);
    }
    void field(std::string_view k, const std::string& s) { field(k, std::string_view(s)); }
    void field(std::string_view k, const char* s) { field(k, std::string_view(s)); }
    void field(std::string_view k, const std::optional<std::string>& s) {
        key(k);
        optional(s);
    }
    void field(std::string_view k, std::int64_t v) {
        key(k);
        integer(v);
    }
    void field(std::string_view k, const std::vector<std::string>& v) {
        key(k);
        strings(v);
    }

private:
    void open(char bracket) {
        out_ += bracket;
        has_items_[++depth_] = false;
    }
    void close(char bracket) {
        if (has_items_[depth_] && indent_ >= 0) new_line(depth_ - 1);
        --depth_;
        out_ += bracket;
    }
    void new_line(std::size_t depth) {
        out_ += '\n';
        out_.append(depth * static_cast<std::size_t>(indent_), ' ');
    }

    std::string& out_;
    int indent_;
    std::size_t depth_ = 0;
    std::array<bool, 8> has_items_{}; // a record nests four deep (record, people, person, titles)
};

} // namespace

void append_json_string(std::string& out, std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    const auto* pending = p; // start of the bytes checked but not yet appended
    auto flush = [&] { out.append(reinterpret_cast<const char*>(pending), static_cast<std::size_t>(p - pending)); };
    out += '"';
    while (p != end) {
        if (!kSpecialBytes[*p]) {
            ++p;
        } else if (*p >= 0x80) {
            Utf8Sequence seq = utf8_sequence(p, end);
            if (!seq.valid) {
                flush();
                out += "\xEF\xBF\xBD";
                pending = p + seq.size;
            }
            p += seq.size;
        } else {
            flush();
            append_escape(out, *p);
            pending = ++p;
        }
    }
    flush();
    out += '"';
}

// Mirrors record_to_json member for member: the same keys in the same order.
void append_record_json(std::string& out, const Record& r, const BulletinInfo& b,
                        std::optional<std::int64_t> record_id, int indent, std::optional<std::string_view> snippet) {
    JsonWriter w(out, indent);
    w.begin_object();
    w.key("id");
    record_id ? w.integer(*record_id) : w.null();
    w.key("bulletin");
    w.begin_object();
    w.key("id");
    b.id ? w.integer(b.id) : w.null();
    w.field("source", b.source);
    w.field("sha256", b.sha256);
    w.field("encoding", b.encoding);
    w.field("issued", b.issued);
    w.field("masthead", b.masthead);
    w.field("colophon", b.colophon);
    w.end_object();
    w.field("seq", r.seq);
    w.field("kind", to_string(r.kind));
    w.field("section", r.section);
    w.field("title", r.title);
    w.field("date", r.date);
    w.field("time_of_day", r.time_of_day);
    w.field("date_text", r.date_text);
    w.field("paragraphs", r.paragraphs);
    w.key("dates");
    w.array(r.dates, [&](const DateMention& d) {
        w.begin_object();
        w.field("text", d.text);
        w.field("value", d.value);
        w.field("time_of_day", d.time_of_day);
        w.end_object();
    });
    w.key("people");
    w.array(r.people, [&](const Person& p) {
        w.begin_object();
        w.field("name", p.name);
        w.field("titles", p.titles);
        w.field("mentions", p.mentions);
        w.end_object();
    });
    w.key("organizations");
    w.array(r.organizations, [&](const Organization& o) {
        w.begin_object();
        w.field("name", o.name);
        w.field("type", o.type);
        w.field("mentions", o.mentions);
        w.end_object();
    });
    w.key("places");
    w.array(r.places, [&](const Place& p) {
        w.begin_object();
        w.field("name", p.name);
        w.field("mentions", p.mentions);
        w.end_object();
    });
    w.key("events");
    w.array(r.events, [&](const Event& e) {
        w.begin_object();
        w.field("trigger", e.trigger);
        w.field("type", e.type);
        w.field("date", e.date);
        w.field("time_of_day", e.time_of_day);
        w.field("sentence", e.sentence);
        w.field("participants", e.participants);
        w.field("organizations", e.organizations);
        w.end_object();
    });
    if (snippet) w.field("snippet", *snippet);
    w.end_object();
}

void append_record_json(std::string& out, const StoredRecord& s, int indent, std::optional<std::string_view> snippet) {
    append_record_json(out, s.record, s.bulletin, s.id, indent, snippet);
}

// ---- RecordWriter ----

namespace {
constexpr std::size_t kFlushBytes = 256 * 1024;
}

std::optional<std::string> es_index_problem(std::string_view name) {
    if (name.empty()) return "it is empty";
    if (utf8::first_invalid(name) != std::string_view::npos) return "it is not UTF-8";
    if (name.size() > 255) return "it is longer than 255 bytes";
    if (name == "." || name == "..") return "it cannot be . or ..";
    if (name[0] == '-' || name[0] == '_' || name[0] == '+') return "it cannot start with - _ or +";
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') return "it must be lowercase";
        if (static_cast<unsigned char>(c) < 0x20 || std::string_view("\\/*?\"<>|,#: ").find(c) != std::string_view::npos)
            return "it cannot hold \\ / * ? \" < > | , # : spaces or control characters";
    }
    return std::nullopt;
}

RecordWriter::RecordWriter(std::ostream& out, Format format, std::string es_index)
    : out_(out), format_(format), es_index_(std::move(es_index)) {}

RecordWriter::~RecordWriter() {
    try {
        finish();
    } catch (...) {
    }
}

void RecordWriter::begin_record(std::optional<std::int64_t> record_id) {
    if (format_ == Format::json) {
        buffer_ += count_ == 0 ? "[\n" : ",\n";
    } else if (format_ == Format::es_bulk) {
        // nlohmann's strict dump: an index name that is not UTF-8 is an error (at the first record).
        if (es_action_.empty()) es_action_ = "{\"index\":{\"_index\":" + json(es_index_).dump() + ",\"_id\":\"";
        buffer_ += es_action_;
        buffer_ += record_id ? std::to_string(*record_id) : std::string();
        buffer_ += "\"}}\n";
    }
}

void RecordWriter::end_record() {
    if (format_ != Format::json) buffer_ += '\n';
    ++count_;
    if (buffer_.size() >= kFlushBytes) {
        out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        buffer_.clear();
    }
}

void RecordWriter::write(const StoredRecord& stored, std::optional<std::string_view> snippet) {
    begin_record(stored.id);
    append_record_json(buffer_, stored, format_ == Format::json ? 2 : -1, snippet);
    end_record();
}

void RecordWriter::write(const Record& record, const BulletinInfo& bulletin, std::optional<std::int64_t> record_id) {
    begin_record(record_id);
    append_record_json(buffer_, record, bulletin, record_id, format_ == Format::json ? 2 : -1);
    end_record();
}

void RecordWriter::finish() {
    if (finished_) return;
    finished_ = true;
    if (format_ == Format::json) buffer_ += count_ == 0 ? "[]\n" : "\n]\n";
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
    out_.flush();
}

} // namespace jianbao
