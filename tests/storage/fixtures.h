#pragma once
// Shared by the storage tests: a controllable clock and a scratch folder.

#include <chrono>
#include <memory>
#include <string>

#include <QTemporaryDir>

#include "storage/history.h"

namespace sikao::test {

// Wall and steady time that move only when the test says so.
struct FakeClock {
  int64_t wall_ms = 1'700'000'000'000;
  std::chrono::steady_clock::time_point steady{};

  void advance(std::chrono::milliseconds d) {
    wall_ms += d.count();
    steady += d;
  }
  storage::HistoryOptions options() {
    storage::HistoryOptions o;
    o.now_ms = [this] { return wall_ms; };
    o.steady_now = [this] { return steady; };
    return o;
  }
};

inline std::string temp_path(const QTemporaryDir& dir, const char* name) {
  return dir.filePath(name).toStdString();
}

} // namespace sikao::test
