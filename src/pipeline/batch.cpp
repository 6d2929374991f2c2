#include "jianbao/pipeline/batch.hpp"

#include "jianbao/util/error.hpp"
#include "jianbao/util/sha256.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

namespace jianbao {

unsigned default_threads() {
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : n;
}

namespace {

BatchResult parse_one(Pipeline& pipeline, const BatchInput& in, const ParseOptions& options,
                      const std::unordered_set<std::string>& known) {
    BatchResult r;
    r.source = in.source;
    try {
        std::string bytes = in.bytes ? *in.bytes : read_bulletin_file(in.path);
        r.bytes = bytes.size();
        r.sha256 = sha256_hex(bytes);
        if (known.count(r.sha256)) {
            r.known = true;
            return r;
        }
        r.bulletin = pipeline.parse(bytes, in.source, options, r.sha256);
    } catch (const Error& e) {
        r.error = e.what();
        r.exit_code = e.exit_code();
    }
    return r;
}

} // namespace

void parse_in_order(const std::vector<BatchInput>& inputs, const ParseOptions& options, unsigned threads,
                    const std::unordered_set<std::string>& known,
                    const std::function<void(BatchResult&&)>& consume) {
    if (threads <= 1 || inputs.size() <= 1) {
        Pipeline pipeline;
        for (const auto& in : inputs) consume(parse_one(pipeline, in, options, known));
        return;
    }
    const std::size_t window = static_cast<std::size_t>(threads) * 2; // results allowed to wait
    std::mutex m;
    std::condition_variable ready, room;
    std::map<std::size_t, BatchResult> done;
    std::size_t next_to_take = 0;     // next input a worker claims
    std::size_t next_to_consume = 0;  // next result the caller gets
    bool stop = false;
    std::exception_ptr worker_failure;

    auto worker = [&] {
        try {
            Pipeline pipeline;
            while (true) {
                std::size_t i;
                {
                    std::unique_lock lock(m);
                    room.wait(lock, [&] { return stop || next_to_take < next_to_consume + window; });
                    if (stop || next_to_take >= inputs.size()) return;
                    i = next_to_take++;
                }
                BatchResult r = parse_one(pipeline, inputs[i], options, known);
                {
                    std::lock_guard lock(m);
                    done.emplace(i, std::move(r));
                }
                ready.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(m);
            if (!worker_failure) worker_failure = std::current_exception();
            stop = true;
            ready.notify_all();
            room.notify_all();
        }
    };
    std::vector<std::thread> pool;
    unsigned n = std::min<std::size_t>(threads, inputs.size());
    for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
    auto shutdown = [&] {
        {
            std::lock_guard lock(m);
            stop = true;
        }
        room.notify_all();
        for (auto& t : pool) t.join();
    };
    try {
        while (next_to_consume < inputs.size()) {
            BatchResult r;
            {
                std::unique_lock lock(m);
                ready.wait(lock, [&] { return worker_failure || done.count(next_to_consume); });
                if (worker_failure) std::rethrow_exception(worker_failure);
                auto it = done.find(next_to_consume);
                r = std::move(it->second);
                done.erase(it);
                ++next_to_consume;
            }
            room.notify_all();
            consume(std::move(r));
        }
    } catch (...) {
        shutdown();
        throw;
    }
    shutdown();
}

} // namespace jianbao
