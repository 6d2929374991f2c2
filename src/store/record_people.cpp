#include "jianbao/store/record_people.hpp"

#include "jianbao/store/sqlite.hpp"
#include "jianbao/util/error.hpp"

#include <charconv>
#include <unordered_set>

namespace jianbao::record_people {

std::string pack(const std::vector<std::int64_t>& ids) {
    std::string out;
    std::unordered_set<std::int64_t> seen;
    seen.reserve(ids.size());
    for (std::int64_t id : ids) {
        if (!seen.insert(id).second) continue;
        if (!out.empty()) out += ',';
        out += std::to_string(id);
    }
    return out;
}

void unpack(std::string_view packed, std::int64_t record_id, std::vector<std::int64_t>& out) {
    const char* p = packed.data();
    const char* end = p + packed.size();
    while (p < end) {
        std::int64_t id = 0;
        auto [next, ec] = std::from_chars(p, end, id);
        // (a ',' must be followed by another id: "1,2," is malformed)
        if (ec != std::errc() || (next < end && (*next != ',' || next + 1 == end)) || next == p)
            throw Error("archive: record_people of record " + std::to_string(record_id) + " is malformed", exit_archive);
        out.push_back(id);
        p = next < end ? next + 1 : next;
    }
}

void from_mentions(const sqlite::Db& db, const std::function<void(std::int64_t record_id, const std::string& packed)>& visit) {
    sqlite::Stmt read = db.prepare("SELECT record_id, person_id FROM mentions ORDER BY record_id, ordinal");
    std::int64_t record = -1;
    std::vector<std::int64_t> ids;
    auto flush = [&] {
        if (record >= 0) visit(record, pack(ids));
        ids.clear();
    };
    while (read.step()) {
        if (read.int64(0) != record) {
            flush();
            record = read.int64(0);
        }
        ids.push_back(read.int64(1));
    }
    flush();
}

} // namespace jianbao::record_people
