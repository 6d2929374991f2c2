// Records → CSV tables for spreadsheets and statistics packages (RFC 4180, UTF-8).
#pragma once
#include "jianbao/store/archive.hpp"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace jianbao {

// Writes one table from a stream of records. Row tables (records, appearances, events) are written
// as records arrive; summary tables (people, organizations) are written by finish().
class CsvWriter {
public:
    enum class Table { records, people, appearances, events, organizations };
    static std::optional<Table> table_from(const std::string& name);

    CsvWriter(std::ostream& out, Table table, bool bom);
    void add(const StoredRecord& record);
    void finish();

private:
    void row(const std::vector<std::string>& fields);
    struct Summary {
        std::string type;
        std::size_t records = 0;
        std::optional<std::string> first, last;
        std::vector<std::string> titles;
    };
    std::ostream& out_;
    Table table_;
    std::map<std::string, Summary> summary_;
    std::vector<std::string> order_; // names in order first seen
};

// RFC 4180 quoting of one field.
std::string csv_field(const std::string& s);

} // namespace jianbao
