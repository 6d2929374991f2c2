// The first and last date something was seen, over records' dates as stored (YYYY, YYYY-MM,
// YYYY-MM-DD, --MM-DD or none): only dates with a year count, and they compare as text.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace jianbao {

inline bool has_year(std::string_view date) { return date.size() >= 4 && date[0] >= '0' && date[0] <= '9'; }

// Widens [first, last] to take in `date` when it has a year.
inline void widen_span(std::optional<std::string>& first, std::optional<std::string>& last,
                       const std::optional<std::string>& date) {
    if (!date || !has_year(*date)) return;
    if (!first || *date < *first) first = date;
    if (!last || *date > *last) last = date;
}

} // namespace jianbao
