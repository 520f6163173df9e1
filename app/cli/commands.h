#pragma once
// sikao-cli subcommands. Each takes the arguments after its name and returns the exit status;
// errors are reported on stderr as one line by the dispatcher in main.cpp.

#include <string>
#include <vector>

namespace sikao::cli {

using Args = std::vector<std::string>;

struct GlobalOptions {
  bool verbose = false;
  std::string db_path;  // --db FILE; empty: the default history in the XDG data directory
};

int template_command(const Args& args, const GlobalOptions& global);

} // namespace sikao::cli
