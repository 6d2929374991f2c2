// Who appears with whom: the co-appearance network over the records a filter selects.
#pragma once
#include "jianbao/model/graph.hpp"
#include "jianbao/query/query.hpp"

namespace jianbao {

// People of the selected records as nodes; an edge for every pair named in at least `min_weight`
// of the same records (0 and 1 both mean every pair). People left without an edge stay as nodes.
CoAppearanceGraph co_appearance_graph(const Archive& archive, const SearchFilter& filter, std::size_t min_weight = 1);

} // namespace jianbao
