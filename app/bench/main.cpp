// sikao-bench: speed of the engine, measured the way llama-bench reports it.
//
//   sikao-bench -m MODEL [-p 512] [-n 128] [-r 3] [-d 0] [--device N] [--turn N] [--json]
//       prompt processing (ppN) and generation (tgN) tokens/s, mean ± sd over repetitions
//   sikao-bench kernels [--device N] [--json] [--rows R] [--cols C] [--tokens T] [--types Q8_0,Q4_K] [--matvec subgroup|shared|rows] [--stream]
//       matrix-vector (decode) bandwidth of every weight type
//   sikao-bench delta-net [--device N] [--tokens 1,16,512] [--chunk C] [--k-heads H] [--v-heads H] [--head-dim D]
//       the gated delta rule, recurrent against chunked form, per batch length
//   sikao-bench make-model -o PATH --type Q4_K_M --preset qwen2-0.5b [--seed S] [--force]
//       a random-weight GGUF model of a real model's shape (shape flags: make_model.cpp)
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
    {"kernels", sikao::bench::run_kernels, "matvec (or, with --tokens T, matmul) speed per weight type [--device N] [--json] [--rows R] [--cols C] [--tokens T] [--types A,B] [--matvec subgroup|shared|rows] [--stream]"},
    {"delta-net", sikao::bench::run_delta_net, "the gated delta rule, recurrent against chunked, per batch length [--device N] [--tokens 1,16,512] [--chunk C] [--k-heads H] [--v-heads H] [--head-dim D]"},
    {"make-model", sikao::bench::run_make_model, "write a random-weight GGUF: -o PATH --type T --preset P [shape flags] [--seed S] [--force] [--chat-template F.jinja] [--split-max-tensors N] [--fused-gate-up-exps]"},
};

void usage() {
  std::fprintf(stderr, "usage: sikao-bench -m MODEL [-p 512] [-n 128] [-r 3] [--device N] [--device-memory-budget SIZE] [--turn N] [--json]\n"
                       "       sikao-bench COMMAND [options]\n");
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
  try {
    for (const Command& c : k_commands) {
      if (std::strcmp(argv[1], c.name) == 0) {
        return c.run(std::vector<std::string>(argv + 2, argv + argc));
      }
    }
    if (argv[1][0] == '-') {
      return sikao::bench::run_model(std::vector<std::string>(argv + 1, argv + argc));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sikao-bench: %s\n", e.what());
    return 1;
  }
  std::fprintf(stderr, "sikao-bench: unknown command '%s'\n", argv[1]);
  usage();
  return 2;
}
