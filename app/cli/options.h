#pragma once
// A small option parser for sikao-cli subcommands: "-m FILE", "--top 5", "--json". Unknown
// options and missing values are errors naming the subcommand and the option.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace sikao::cli {

class OptionParser {
 public:
  OptionParser(std::string command, const Args& args);

  // The value of an option that must be present.
  std::string required(const std::string& name);
  std::optional<std::string> value(const std::string& name);
  int64_t integer(const std::string& name, int64_t fallback, int64_t min, int64_t max);
  double number(const std::string& name, double fallback, double min, double max);
  bool flag(const std::string& name);
  // A size such as 8G or 512MiB (common/byte_size.h).
  std::optional<uint64_t> byte_size(const std::string& name);
  // --device N after the subcommand, else the global one; nothing lets the engine read
  // $SIKAO_DEVICE or pick the best.
  std::optional<uint32_t> device(const GlobalOptions& global);
  // Arguments that are not options, in order.
  std::vector<std::string> positional();
  // Throws if any argument was not consumed.
  void finish();

 private:
  std::string command_;
  std::vector<std::string> args_;
  std::vector<bool> used_;
};

} // namespace sikao::cli
