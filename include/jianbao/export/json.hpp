// Records → the public JSON format (spec/export.schema.json), streamed one record at a time.
#pragma once
#include "jianbao/store/archive.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace jianbao {

// One record in the export format as a JSON value; ids are null for records not (yet) in an
// archive. The reference for the writer below (and what the fuzz target checks for valid UTF-8).
nlohmann::ordered_json record_to_json(const Record& record, const BulletinInfo& bulletin,
                                      std::optional<std::int64_t> record_id);
nlohmann::ordered_json record_to_json(const StoredRecord& stored);

// Appends `s` as a JSON string, quotes included, byte for byte as nlohmann's
// dump(…, ensure_ascii = false, error_handler_t::replace) writes it: UTF-8 as is, ill-formed
// UTF-8 replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view s);

// Appends one record in the export format, byte for byte as
// record_to_json(…).dump(indent, ' ', false, error_handler_t::replace) prints it (indent < 0:
// one line), without building the JSON value. `snippet`, if given, is a last field "snippet".
void append_record_json(std::string& out, const Record& record, const BulletinInfo& bulletin,
                        std::optional<std::int64_t> record_id, int indent,
                        std::optional<std::string_view> snippet = std::nullopt);
void append_record_json(std::string& out, const StoredRecord& stored, int indent,
                        std::optional<std::string_view> snippet = std::nullopt);

// Writes records as a JSON array (pretty, one record per element), NDJSON, or the
// Elasticsearch/OpenSearch bulk format (an action line naming `es_index` and the record's id, then
// the record), without holding more than a buffer's worth of output in memory.
// Why `name` cannot be an Elasticsearch/OpenSearch index name (its documented rules: lowercase
// UTF-8, at most 255 bytes, none of \ / * ? " < > | , # : or space, not starting with - _ +,
// not . or ..), or nullopt when it can.
std::optional<std::string> es_index_problem(std::string_view name);

class RecordWriter {
public:
    enum class Format { json, ndjson, es_bulk };
    RecordWriter(std::ostream& out, Format format, std::string es_index = {});
    ~RecordWriter(); // closes the array if finish() was not called (never throws)
    RecordWriter(const RecordWriter&) = delete;
    RecordWriter& operator=(const RecordWriter&) = delete;

    void write(const StoredRecord& stored, std::optional<std::string_view> snippet = std::nullopt);
    void write(const Record& record, const BulletinInfo& bulletin, std::optional<std::int64_t> record_id);
    void finish();
    std::size_t count() const { return count_; }

private:
    void begin_record(std::optional<std::int64_t> record_id);
    void end_record();

    std::ostream& out_;
    Format format_;
    std::string es_index_;
    std::string es_action_; // {"index":{"_index":"NAME","_id":" — made at the first record
    std::string buffer_; // output not yet handed to out_, which gets it in large pieces
    std::size_t count_ = 0;
    bool finished_ = false;
};

} // namespace jianbao
