#include "jianbao/query/graph.hpp"

#include "jianbao/query/date_span.hpp"

#include "jianbao/store/sqlite.hpp"

#include <algorithm>
#include <unordered_map>

namespace jianbao {

namespace {

// Per node while reading: how often each title was used, in order of first use.
struct TitleCounts {
    std::vector<std::pair<std::string, std::size_t>> counts;
    void add(const std::string& t) {
        for (auto& [title, n] : counts)
            if (title == t) {
                ++n;
                return;
            }
        counts.emplace_back(t, 1);
    }
};

} // namespace

CoAppearanceGraph co_appearance_graph(const Archive& archive, const SearchFilter& filter, std::size_t min_weight) {
    const sqlite::Db& db = archive.db();
    std::vector<std::pair<std::int64_t, std::optional<std::string>>> records;
    for_each_record_id(archive, filter, [&](std::int64_t id, const std::optional<std::string>& date) {
        records.emplace_back(id, date);
    });

    CoAppearanceGraph g;
    std::unordered_map<std::int64_t, std::size_t> node_of; // person id → node index
    std::vector<std::int64_t> person_of;                    // node index → person id
    std::vector<TitleCounts> titles;
    // Pairs as (smaller node << 32 | larger node): a record naming k people adds k(k−1)/2 of them
    // (a congress's member list: two million), so the key is one integer.
    std::unordered_map<std::uint64_t, std::uint32_t> pairs;
    sqlite::Stmt people = db.prepare(
        "SELECT m.person_id, t.title FROM mentions m LEFT JOIN mention_titles t ON t.mention_id = m.id "
        "WHERE m.record_id = ?1 ORDER BY m.ordinal, t.ordinal");
    std::vector<std::size_t> here;      // the record's people, each once
    std::vector<std::size_t> last_seen; // node → 1 + index of the last record naming it
    for (std::size_t r = 0; r < records.size(); ++r) {
        const auto& [rid, date] = records[r];
        here.clear();
        people.bind(1, rid);
        while (people.step()) {
            std::int64_t pid = people.int64(0);
            auto [it, fresh] = node_of.try_emplace(pid, g.nodes.size());
            if (fresh) {
                g.nodes.emplace_back();
                person_of.push_back(pid);
                titles.emplace_back();
                last_seen.push_back(0);
            }
            std::size_t n = it->second;
            if (last_seen[n] != r + 1) {
                last_seen[n] = r + 1;
                here.push_back(n);
                GraphNode& node = g.nodes[n];
                ++node.records;
                widen_span(node.first_date, node.last_date, date);
            }
            if (!people.is_null(1)) titles[n].add(people.text(1));
        }
        people.reset();
        std::sort(here.begin(), here.end());
        for (std::size_t i = 0; i < here.size(); ++i)
            for (std::size_t j = i + 1; j < here.size(); ++j)
                ++pairs[static_cast<std::uint64_t>(here[i]) << 32 | here[j]];
    }

    sqlite::Stmt name_of = db.prepare("SELECT name FROM people WHERE id = ?1");
    for (std::size_t n = 0; n < g.nodes.size(); ++n) {
        name_of.bind(1, person_of[n]);
        if (name_of.step()) g.nodes[n].name = name_of.text(0);
        name_of.reset();
        auto& counts = titles[n].counts;
        std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        for (auto& [title, count] : counts) g.nodes[n].titles.push_back(std::move(title));
    }
    for (const auto& [key, weight] : pairs)
        if (weight >= min_weight) g.edges.push_back({static_cast<std::size_t>(key >> 32), static_cast<std::size_t>(key & 0xFFFFFFFFu), weight});
    std::sort(g.edges.begin(), g.edges.end(), [](const GraphEdge& a, const GraphEdge& b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    return g;
}

} // namespace jianbao
