#include "jianbao/model/record.hpp"

namespace jianbao {

const char* to_string(RecordKind k) {
    switch (k) {
    case RecordKind::article: return "article";
    case RecordKind::brief: return "brief";
    case RecordKind::caption: return "caption";
    }
    return "article";
}

std::string Record::text() const {
    std::string out;
    if (title) out = *title;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += '\n';
        out += p;
    }
    return out;
}

} // namespace jianbao
