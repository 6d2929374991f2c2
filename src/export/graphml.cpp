#include "jianbao/export/graphml.hpp"

namespace jianbao {

namespace {

// XML text and attribute values: the five special characters, and the control characters XML 1.0
// cannot carry at all (dropped; names and titles never hold them in practice).
std::string xml_escaped(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
        }
    }
    return out;
}

void data(std::ostream& out, const char* key, const std::string& value) {
    out << "      <data key=\"" << key << "\">" << xml_escaped(value) << "</data>\n";
}

} // namespace

void write_graphml(std::ostream& out, const CoAppearanceGraph& graph) {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
           "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
           "  <key id=\"records\" for=\"node\" attr.name=\"records\" attr.type=\"int\"/>\n"
           "  <key id=\"titles\" for=\"node\" attr.name=\"titles\" attr.type=\"string\"/>\n"
           "  <key id=\"first_date\" for=\"node\" attr.name=\"first_date\" attr.type=\"string\"/>\n"
           "  <key id=\"last_date\" for=\"node\" attr.name=\"last_date\" attr.type=\"string\"/>\n"
           "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
           "  <graph id=\"co-appearance\" edgedefault=\"undirected\">\n";
    for (std::size_t n = 0; n < graph.nodes.size(); ++n) {
        const GraphNode& node = graph.nodes[n];
        out << "    <node id=\"n" << n << "\">\n";
        data(out, "label", node.name);
        data(out, "records", std::to_string(node.records));
        if (!node.titles.empty()) {
            std::string joined;
            for (const std::string& t : node.titles) joined += (joined.empty() ? "" : "、") + t;
            data(out, "titles", joined);
        }
        if (node.first_date) data(out, "first_date", *node.first_date);
        if (node.last_date) data(out, "last_date", *node.last_date);
        out << "    </node>\n";
    }
    for (const GraphEdge& e : graph.edges)
        out << "    <edge source=\"n" << e.source << "\" target=\"n" << e.target << "\"><data key=\"weight\">" << e.weight
            << "</data></edge>\n";
    out << "  </graph>\n</graphml>\n";
}

} // namespace jianbao
