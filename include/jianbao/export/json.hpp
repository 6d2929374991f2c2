// Records → the public JSON format (spec/export.schema.json), streamed one record at a time.
#pragma once
#include "jianbao/store/archive.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>

namespace jianbao {

// One record in the export format; ids are null for records not (yet) in an archive.
nlohmann::ordered_json record_to_json(const Record& record, const BulletinInfo& bulletin,
                                      std::optional<std::int64_t> record_id);
nlohmann::ordered_json record_to_json(const StoredRecord& stored);

// Writes records as a JSON array (pretty, one record per element) or NDJSON, without holding
// more than one record in memory.
class RecordWriter {
public:
    enum class Format { json, ndjson };
    RecordWriter(std::ostream& out, Format format);
    ~RecordWriter(); // closes the array if finish() was not called (never throws)
    void write(const nlohmann::ordered_json& record);
    void finish();
    std::size_t count() const { return count_; }

private:
    std::ostream& out_;
    Format format_;
    std::size_t count_ = 0;
    bool finished_ = false;
};

} // namespace jianbao
