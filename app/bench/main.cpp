// sikao-bench: speed of the engine, measured the way llama-bench reports it.
#include <cstdio>

int main() {
  std::fprintf(stderr, "sikao-bench: no benchmarks are built yet\n");
  return 2;
}
