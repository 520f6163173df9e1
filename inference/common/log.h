#pragma once
// One spdlog logger per module ("gguf", "vulkan", "model", ...), quiet by default: warnings and
// errors only, to stderr. `--verbose` raises every logger to debug.

#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace sikao::log {

std::shared_ptr<spdlog::logger> get(const std::string& module);
void set_verbose(bool verbose);

} // namespace sikao::log
