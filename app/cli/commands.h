#pragma once
// sikao-cli subcommands. Each takes the arguments after its name and returns the exit status;
// errors are reported on stderr as one line by the dispatcher in main.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sikao::cli {

using Args = std::vector<std::string>;

struct GlobalOptions {
  bool verbose = false;
  std::string db_path;  // --db FILE; empty: the default history in the XDG data directory
  std::optional<uint32_t> device;  // --device N: the Vulkan device (else SIKAO_DEVICE, else best)
};

// "N" as a device index; Error(InvalidArgument) otherwise.
uint32_t parse_device_index(const std::string& text);

int devices(const Args& args, const GlobalOptions& global);

int info(const Args& args, const GlobalOptions& global);
int tokenize(const Args& args, const GlobalOptions& global);
int detokenize(const Args& args, const GlobalOptions& global);
int eval(const Args& args, const GlobalOptions& global);
int run(const Args& args, const GlobalOptions& global);
int chat(const Args& args, const GlobalOptions& global);
int history(const Args& args, const GlobalOptions& global);
int template_command(const Args& args, const GlobalOptions& global);

} // namespace sikao::cli
