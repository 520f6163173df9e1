#include "support/test_support.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include <QProcess>

#ifndef SIKAO_SHARED_DIR
#error "SIKAO_SHARED_DIR must be defined by the build"
#endif

namespace sikao::test {

std::string shared_dir() { return SIKAO_SHARED_DIR; }

bool shared_dir_exists() { return std::filesystem::is_directory(shared_dir()); }

std::string shared_path(const std::string& relative) { return shared_dir() + "/" + relative; }

uint64_t fresh_seed() {
  if (const char* env = std::getenv("SIKAO_TEST_SEED")) {
    return std::strtoull(env, nullptr, 10);
  }
  return static_cast<uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
}

std::vector<float> random_floats(std::mt19937_64& rng, size_t n, float stddev) {
  std::normal_distribution<float> dist(0.0f, stddev);
  std::vector<float> v(n);
  for (auto& x : v) {
    x = dist(rng);
  }
  return v;
}

double relative_error(std::span<const float> actual, std::span<const double> reference) {
  if (actual.size() != reference.size()) {
    return INFINITY;
  }
  double diff = 0.0;
  double norm = 0.0;
  for (size_t i = 0; i < actual.size(); ++i) {
    const double d = static_cast<double>(actual[i]) - reference[i];
    diff += d * d;
    norm += reference[i] * reference[i];
  }
  if (norm == 0.0) {
    return std::sqrt(diff);
  }
  return std::sqrt(diff / norm);
}

double relative_error(std::span<const float> actual, std::span<const float> reference) {
  std::vector<double> ref(reference.begin(), reference.end());
  return relative_error(actual, std::span<const double>(ref));
}

namespace {

ProcessResult run_cli_process(const QStringList& args, const QByteArray& input, int timeout_ms,
                              std::function<void()> in_child) {
  ProcessResult result;
  QProcess p;
  if (in_child) {
    p.setChildProcessModifier(std::move(in_child));
  }
  p.start(QStringLiteral(SIKAO_CLI_PATH_STR), args);
  if (!p.waitForStarted(10000)) {
    result.err = QStringLiteral("could not start sikao-cli");
    return result;
  }
  p.write(input);  // written while waitForFinished waits
  p.closeWriteChannel();
  if (!p.waitForFinished(timeout_ms)) {
    p.kill();
    p.waitForFinished();
    result.timed_out = true;
  }
  result.exit_code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  result.out = QString::fromUtf8(p.readAllStandardOutput());
  result.err = QString::fromUtf8(p.readAllStandardError());
  return result;
}

} // namespace

ProcessResult run_cli(const QStringList& args, int timeout_ms, std::function<void()> in_child) {
  return run_cli_process(args, {}, timeout_ms, std::move(in_child));
}

ProcessResult run_cli_with_input(const QStringList& args, const QByteArray& input, int timeout_ms) {
  return run_cli_process(args, input, timeout_ms, {});
}

} // namespace sikao::test
