// sikao-bench: speed of the engine, measured the way llama-bench reports it.
//
//   sikao-bench kernels [--device N] [--json] [--rows R] [--cols C]
//       matrix-vector (decode) bandwidth of every weight type
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>& args);
  const char* help;
};

const Command k_commands[] = {
    {"kernels", sikao::bench::run_kernels, "matvec GB/s per weight type [--device N] [--json] [--rows R] [--cols C]"},
};

void usage() {
  std::fprintf(stderr, "usage: sikao-bench COMMAND [options]\n");
  for (const Command& c : k_commands) {
    std::fprintf(stderr, "  %-10s %s\n", c.name, c.help);
  }
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage();
    return 2;
  }
  const std::vector<std::string> args(argv + 2, argv + argc);
  for (const Command& c : k_commands) {
    if (std::strcmp(argv[1], c.name) == 0) {
      return c.run(args);
    }
  }
  std::fprintf(stderr, "sikao-bench: unknown command '%s'\n", argv[1]);
  usage();
  return 2;
}
