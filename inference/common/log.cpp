#include "common/log.h"

#include <mutex>

#include <spdlog/sinks/stdout_color_sinks.h>

namespace sikao::log {
namespace {

std::mutex g_mutex;
spdlog::level::level_enum g_level = spdlog::level::warn;

} // namespace

std::shared_ptr<spdlog::logger> get(const std::string& module) {
  std::lock_guard lock(g_mutex);
  if (auto existing = spdlog::get(module)) {
    return existing;
  }
  auto logger = spdlog::stderr_color_mt(module);
  logger->set_level(g_level);
  logger->set_pattern("[%H:%M:%S.%e] [%n] [%l] %v");
  return logger;
}

void set_verbose(bool verbose) {
  std::lock_guard lock(g_mutex);
  g_level = verbose ? spdlog::level::debug : spdlog::level::warn;
  spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& l) { l->set_level(g_level); });
}

} // namespace sikao::log
