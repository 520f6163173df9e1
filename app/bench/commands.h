#pragma once
// sikao-bench subcommands: each takes the arguments after its name and returns the exit code.
#include <string>
#include <vector>

namespace sikao::bench {

int run_kernels(const std::vector<std::string>& args);

} // namespace sikao::bench
