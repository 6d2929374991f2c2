// The co-appearance network of people: plain data, built by query/graph and written by
// export/graphml.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace jianbao {

struct GraphNode {
    std::string name;
    std::size_t records = 0;                   // records naming the person (among those selected)
    std::vector<std::string> titles;           // every title seen, most used first
    std::optional<std::string> first_date, last_date; // dated records only (YYYY…)
};

// Two people named in the same records; `weight` is how many. source < target (node indices).
struct GraphEdge {
    std::size_t source = 0, target = 0;
    std::size_t weight = 0;
};

struct CoAppearanceGraph {
    std::vector<GraphNode> nodes; // in order of first appearance (export order of the records)
    std::vector<GraphEdge> edges; // by source, then target
};

} // namespace jianbao
