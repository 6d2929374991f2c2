// The shared main of the build-time table generators (src/store/t2s, src/query/pinyin): `rows`
// computes the table's text, written to the one argument, OUTPUT.inc.
#pragma once
#include <cstdio>
#include <string>

namespace jianbao::generate {

template <class Rows>
int write_table(int argc, char** argv, Rows rows) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT.inc\n", argv[0]);
        return 2;
    }
    const std::string out = rows();
    std::FILE* f = std::fopen(argv[1], "w");
    if (!f || std::fwrite(out.data(), 1, out.size(), f) != out.size() || std::fclose(f) != 0) {
        std::perror(argv[1]);
        return 1;
    }
    return 0;
}

} // namespace jianbao::generate
