#pragma once
// sikao-bench subcommands: each takes the arguments after its name and returns the exit code.
#include <cstdint>
#include <string>
#include <vector>

namespace sikao::bench {

// A count option's value, min ≤ value ≤ max; InvalidArgument naming the option otherwise.
uint32_t parse_count(const std::string& option, const std::string& value, unsigned long min = 1,
                     unsigned long max = 1u << 20);

int run_kernels(const std::vector<std::string>& args);
// [--device N] [--tokens 1,16,512] [--chunk C] [--k-heads H] [--v-heads H] [--head-dim D]: the
// gated delta rule's recurrent and chunked forms, µs per dispatch at each batch length.
int run_delta_net(const std::vector<std::string>& args);
// -m MODEL [-p 512] [-n 128] [-r 3] [--device N] [--turn N] [--json]: pp/tg tokens/s, llama-bench
// style; --turn N times a chat's second turn after a first of N tokens.
int run_model(const std::vector<std::string>& args);
// -o PATH --type T (--preset P | shape flags) [--seed S] [--force]: a random-weight GGUF model.
int run_make_model(const std::vector<std::string>& args);

} // namespace sikao::bench
