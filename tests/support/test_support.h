#pragma once
// Shared helpers for the test suites: where the shared test data is, seeded random data, and
// the relative-error measure the kernel tests state their tolerances in.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <QByteArray>
#include <QString>

namespace sikao::test {

// The ../shared folder (CMake cache variable SIKAO_SHARED_DIR). QFAILs with a clear message,
// from the calling test, when it is missing: call it through SIKAO_SHARED_PATH.
std::string shared_dir();
bool shared_dir_exists();
std::string shared_path(const std::string& relative);

// ../shared/vocab/hf-FAMILY/tokenizer.json.gz unzipped, with its tokenizer_config.json beside it,
// into a folder that lives as long as the test run; returns the tokenizer.json path.
std::string hf_tokenizer_json(const std::string& family);

// Time bars of the suites are for a plain build; AddressSanitizer and UBSan (the sanitizer
// build, SIKAO_FUZZ) make the same work about three times slower.
#if defined(SIKAO_SANITIZED)
constexpr int k_time_bar_factor = 4;
#else
constexpr int k_time_bar_factor = 1;
#endif

// A seed that differs per run unless SIKAO_TEST_SEED is set; the tests print it so a failure
// can be replayed.
uint64_t fresh_seed();

std::vector<float> random_floats(std::mt19937_64& rng, size_t n, float stddev = 1.0f);

// ‖a − b‖ / ‖b‖ in double precision (b is the reference).
double relative_error(std::span<const float> actual, std::span<const double> reference);
double relative_error(std::span<const float> actual, std::span<const float> reference);
// ‖a − b‖ / ‖m‖: the error in units of `magnitude`, the size of the terms an f32 computation of
// b rounds (Σ|w·x| for a dot product). Where b itself cancels to near zero, a relative error
// measures the cancellation, not the kernel.
double scaled_error(std::span<const float> actual, std::span<const double> reference,
                    std::span<const double> magnitude);

// The median of a few timings (the upper middle one of an even count): one turn's time to its
// first token is a few tens of milliseconds, and one scheduling hiccup on a loaded machine
// doubles it; a comparison of medians of several turns says what a single pair cannot.
template <class T>
T median(std::vector<T> values) {
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

// Runs sikao-cli with the arguments; returns its exit code, stdout and stderr.
struct ProcessResult {
  int exit_code = -1;
  QString out;
  QString err;
  bool timed_out = false;
};
// in_child, when given, runs in the child between fork and exec (what the CLI runs under: a
// user, a file size limit); it _exits with 99 if it cannot.
ProcessResult run_cli(const QStringList& args, int timeout_ms = 120000,
                      std::function<void()> in_child = {});
// The same with `input` on its standard input (run_cli gives it an empty one).
ProcessResult run_cli_with_input(const QStringList& args, const QByteArray& input, int timeout_ms = 120000);

// A copy of the GGUF file `file` with its tokenizer.chat_template replaced (a model carrying a
// hostile template); throws std::runtime_error when the file is malformed or has none.
QByteArray gguf_with_chat_template(const QByteArray& file, const QByteArray& chat_template);

} // namespace sikao::test

// Skips nothing: a missing ../shared is a failure, with the path it looked at.
#define SIKAO_REQUIRE_SHARED()                                                              \
  do {                                                                                      \
    if (!sikao::test::shared_dir_exists())                                                  \
      QFAIL(qPrintable(QString("shared test data not found at %1 (set SIKAO_SHARED_DIR)")  \
                           .arg(QString::fromStdString(sikao::test::shared_dir()))));       \
  } while (0)
