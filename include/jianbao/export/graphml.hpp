// The co-appearance network as GraphML (http://graphml.graphdrawing.org/), which Gephi, networkx,
// igraph and Cytoscape read. Node attributes: label (the name), records, titles (joined by 、),
// first_date, last_date; edge attribute: weight (records shared).
#pragma once
#include "jianbao/model/graph.hpp"

#include <ostream>

namespace jianbao {

void write_graphml(std::ostream& out, const CoAppearanceGraph& graph);

} // namespace jianbao
