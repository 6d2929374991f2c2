// Parsing many bulletins on several threads while the caller consumes the results in input order
// (so an archive built from them is the same whatever the thread count).
#pragma once
#include "jianbao/pipeline/pipeline.hpp"

#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace jianbao {

struct BatchInput {
    std::string path;                 // file to read, unless `bytes` is given
    std::string source;               // the name the bulletin is known by
    std::optional<std::string> bytes; // already read (stdin)
};

struct BatchResult {
    std::string source;
    std::size_t bytes = 0;            // size of the input
    std::string sha256;               // of the input bytes (empty when it could not be read)
    bool known = false;               // sha256 was in the `known` set: not parsed
    std::optional<Bulletin> bulletin; // parsed
    std::optional<std::string> error; // the one-line message when reading or parsing failed
    int exit_code = 0;
};

// Parses `inputs` on `threads` worker threads (each with its own Pipeline); `consume` runs on the
// calling thread, once per input, in input order. At most a few results wait at any time, so memory
// does not grow with the number of files. An exception from `consume` stops the workers and propagates.
void parse_in_order(const std::vector<BatchInput>& inputs, const ParseOptions& options, unsigned threads,
                    const std::unordered_set<std::string>& known,
                    const std::function<void(BatchResult&&)>& consume);

// The default worker count: the machine's cores.
unsigned default_threads();

} // namespace jianbao
