// The one exception type of the project: a message that already names the file or
// argument at fault, and the exit code the CLI should return for it.
#pragma once
#include <stdexcept>
#include <string>

namespace jianbao {

enum ExitCode : int {
    exit_ok = 0,
    exit_not_found = 1,   // a query matched nothing (as grep)
    exit_usage = 2,       // bad command line
    exit_input = 3,       // an input file could not be read or parsed
    exit_archive = 4,     // the archive could not be opened, read or written
};

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what, int exit_code = exit_input)
        : std::runtime_error(what), code_(exit_code) {}
    int exit_code() const { return code_; }

private:
    int code_;
};

} // namespace jianbao
