#include "paths/data_paths.h"

#include <system_error>

namespace sikao::app {

std::optional<std::filesystem::path> executable_dir() {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::canonical("/proc/self/exe", error);
  if (error) return std::nullopt;
  return exe.parent_path();
}

std::optional<std::filesystem::path> data_dir() {
  const auto bin = executable_dir();
  if (!bin) return std::nullopt;
  return (*bin / SIKAO_DATA_DIR_FROM_BIN).lexically_normal();
}

std::optional<std::filesystem::path> bundled_model_path() {
  const auto data = data_dir();
  if (!data) return std::nullopt;
  return *data / "models" / SIKAO_BUNDLED_MODEL_FILE;
}

} // namespace sikao::app
