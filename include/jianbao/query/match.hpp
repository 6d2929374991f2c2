// The search query language, translated to an FTS5 MATCH expression.
//
//   开发区 招商          terms separated by spaces must all occur (AND)
//   "二次 创业"          a phrase: one term, spaces inside ignored (as everywhere in matching)
//   开发区 OR 园区       either term (OR binds adjacent terms; AND is accepted and implied)
//   -招商  NOT 招商      the record must not contain the term
//
// Every term matches as a substring of the normalised text (see jianbao/store/fts.hpp).
// Everything else is literal text: ( ) * ^ : + NEAR and SQL fragments are searched for as
// written; "OR"/"AND"/"NOT" in quotes are words. Errors (exit 2, never an SQLite message):
// an unbalanced ", an empty phrase, an operator without its term(s), a term with nothing
// searchable in it, a query of excluded terms only, an excluded term inside an OR.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::query {

struct FtsQuery {
    std::string expr;               // the FTS5 MATCH expression
    std::vector<std::string> terms; // the terms a hit may contain (not the excluded ones), for snippets
};

// Throws Error(exit_usage) naming the query and the reason.
FtsQuery parse_query(std::string_view query);
std::string to_fts5(std::string_view query); // parse_query(query).expr

} // namespace jianbao::query
