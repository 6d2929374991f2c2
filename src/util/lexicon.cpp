#include "jianbao/util/lexicon.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/utf8.hpp"

#include <sstream>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace jianbao::lexicon {

namespace fs = std::filesystem;

namespace {
fs::path find_data_dir() {
    if (const char* env = std::getenv("JIANBAO_DATA"); env && *env) return fs::path(env);
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = exe.parent_path().parent_path() / "share" / "jianbao" / "lexicon";
        if (fs::is_directory(installed, ec)) return installed;
    }
    return fs::path(JIANBAO_SOURCE_DATA_DIR) / "lexicon";
}

std::string trim(const std::string& s) {
    std::size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    std::size_t e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}
} // namespace

const fs::path& data_dir() {
    static const fs::path dir = find_data_dir();
    return dir;
}

std::vector<std::string> read_lines(std::string_view file_name) {
    fs::path p = data_dir() / fs::path(file_name);
    std::ifstream in(p);
    if (!in) throw Error("lexicon: " + p.string() + ": cannot read (set JIANBAO_DATA to the lexicon directory)", 5);
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        line = trim(line);
        if (!line.empty()) out.push_back(std::move(line));
    }
    return out;
}

std::vector<std::vector<std::string>> read_table(std::string_view file_name, std::size_t min_fields) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& line : read_lines(file_name)) {
        std::vector<std::string> fields;
        std::size_t start = 0;
        while (true) {
            std::size_t tab = line.find('\t', start);
            fields.push_back(trim(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        if (fields.size() < min_fields)
            throw Error("lexicon: " + (data_dir() / fs::path(file_name)).string() + ": line '" + line +
                            "' has fewer than " + std::to_string(min_fields) + " tab-separated fields",
                        5);
        rows.push_back(std::move(fields));
    }
    return rows;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::istringstream in{std::string(text)};
    for (std::string w; in >> w;) out.push_back(std::move(w));
    return out;
}

std::vector<std::string> read_words(std::string_view file_name) {
    std::vector<std::string> out;
    for (const auto& line : read_lines(file_name))
        for (auto& w : words_of(line)) out.push_back(std::move(w));
    return out;
}

CharSet read_chars(std::string_view file_name) {
    CharSet out;
    for (const auto& line : read_lines(file_name))
        for (std::size_t i = 0; i < line.size();)
            if (const char32_t c = utf8::next(line, i); c != U' ' && c != U'\t') out.insert(c);
    return out;
}

std::unordered_set<std::string> read_set(std::string_view file_name) {
    std::unordered_set<std::string> out;
    for (auto& row : read_table(file_name, 1)) out.insert(row[0]);
    return out;
}

} // namespace jianbao::lexicon
