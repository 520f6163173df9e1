// --device N, shared by every subcommand that opens a Vulkan device.

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/error.h"

namespace sikao::cli {

uint32_t parse_device_index(const std::string& text) {
  uint64_t value = 0;
  bool ok = !text.empty() && text.size() <= 9;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  if (!ok) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("--device '{}' is not a device index (see `sikao-cli devices`)",
                            text));
  }
  return static_cast<uint32_t>(value);
}

} // namespace sikao::cli
