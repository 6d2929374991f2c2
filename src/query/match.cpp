#include "jianbao/query/match.hpp"

#include "jianbao/store/fts.hpp"
#include "jianbao/util/error.hpp"
#include "jianbao/util/utf8.hpp"

#include <unicode/uchar.h>

#include <vector>

namespace jianbao::query {

namespace {

enum class Kind { term, op_or, op_and, op_not };

struct Item {
    Kind kind = Kind::term;
    std::string text;
    bool exclude = false;
};

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0; }

[[noreturn]] void bad(std::string_view query, const std::string& why) {
    throw Error("search: invalid query '" + std::string(query) + "': " + why, exit_usage);
}

std::vector<Item> lex(std::string_view q) {
    std::vector<Item> items;
    std::size_t i = 0;
    while (i < q.size()) {
        std::size_t at = i;
        char32_t c = utf8::next(q, i);
        if (is_space(c)) continue;
        i = at;
        Item item;
        if (q[i] == '-') { // exclusion, when something follows
            std::size_t k = i + 1;
            if (k >= q.size()) bad(q, "'-' must be followed by a term");
            std::size_t k2 = k;
            if (is_space(utf8::next(q, k2))) bad(q, "'-' must be followed by a term");
            item.exclude = true;
            i = k;
        }
        if (q[i] == '"') {
            std::size_t close = q.find('"', i + 1);
            if (close == std::string_view::npos) bad(q, "unbalanced \" (a phrase needs a closing quote)");
            item.text = std::string(q.substr(i + 1, close - i - 1));
            if (item.text.empty()) bad(q, "empty phrase \"\"");
            i = close + 1;
        } else {
            std::size_t start = i;
            while (i < q.size()) {
                std::size_t k = i;
                if (is_space(utf8::next(q, k))) break;
                i = k;
            }
            item.text = std::string(q.substr(start, i - start));
            if (!item.exclude) {
                if (item.text == "OR") item.kind = Kind::op_or;
                else if (item.text == "AND") item.kind = Kind::op_and;
                else if (item.text == "NOT") item.kind = Kind::op_not;
            }
        }
        items.push_back(std::move(item));
    }
    return items;
}

// An FTS5 string: the text in double quotes, quotes doubled, NUL bytes dropped. The tokenizer
// turns it into the phrase of its bigrams; a single character is the prefix query "c"* (every
// bigram it starts, or the character ending a paragraph) — see jianbao/store/fts.hpp.
std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += "\"\"";
        else if (c != '\0') out += c;
    }
    out += '"';
    if (fts::normalized_length(s) == 1) out += '*';
    return out;
}

} // namespace

FtsQuery parse_query(std::string_view query) {
    FtsQuery out;
    std::vector<Item> items = lex(query);
    if (items.empty()) bad(query, "nothing to search for");

    std::vector<std::vector<std::string>> groups; // ANDed groups of ORed terms
    std::vector<std::string> excluded;
    Kind pending = Kind::term; // the operator waiting for its right-hand term
    for (const Item& it : items) {
        if (it.kind != Kind::term) {
            const char* name = it.kind == Kind::op_or ? "OR" : it.kind == Kind::op_and ? "AND" : "NOT";
            if (pending != Kind::term) bad(query, std::string("'") + name + "' cannot follow another operator");
            if (it.kind != Kind::op_not && groups.empty() && excluded.empty())
                bad(query, std::string("'") + name + "' needs a term before it");
            if (it.kind == Kind::op_or && groups.empty())
                bad(query, "'OR' needs a term to search for before it");
            pending = it.kind;
            continue;
        }
        if (fts::normalize(it.text).empty())
            bad(query, "'" + it.text + "' has nothing to search for in it");
        bool exclude = it.exclude || pending == Kind::op_not;
        if (exclude) {
            if (pending == Kind::op_or) bad(query, "an excluded term cannot be part of an OR");
            excluded.push_back(quote(it.text));
        } else if (pending == Kind::op_or) {
            groups.back().push_back(quote(it.text));
            out.terms.push_back(it.text);
        } else {
            groups.push_back({quote(it.text)});
            out.terms.push_back(it.text);
        }
        pending = Kind::term;
    }
    if (pending != Kind::term) {
        const char* name = pending == Kind::op_or ? "OR" : pending == Kind::op_and ? "AND" : "NOT";
        bad(query, std::string("'") + name + "' needs a term after it");
    }
    if (groups.empty()) bad(query, "only excluded terms; add a term to search for");

    std::string expr;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (g) expr += " AND ";
        expr += '(';
        for (std::size_t t = 0; t < groups[g].size(); ++t) {
            if (t) expr += " OR ";
            expr += groups[g][t];
        }
        expr += ')';
    }
    if (!excluded.empty()) {
        expr = "(" + expr + ") NOT (";
        for (std::size_t t = 0; t < excluded.size(); ++t) {
            if (t) expr += " OR ";
            expr += excluded[t];
        }
        expr += ')';
    }
    out.expr = std::move(expr);
    return out;
}

std::string to_fts5(std::string_view query) { return parse_query(query).expr; }

} // namespace jianbao::query
