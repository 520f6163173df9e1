#include "support/test_support.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <filesystem>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#ifndef SIKAO_SHARED_DIR
#error "SIKAO_SHARED_DIR must be defined by the build"
#endif

namespace sikao::test {

std::string shared_dir() { return SIKAO_SHARED_DIR; }

bool shared_dir_exists() { return std::filesystem::is_directory(shared_dir()); }

std::string shared_path(const std::string& relative) { return shared_dir() + "/" + relative; }

std::string hf_tokenizer_json(const std::string& family) {
  static const QTemporaryDir scratch;
  const std::string source = shared_path("vocab/hf-" + family);
  const QString dir = scratch.filePath(QString::fromStdString("hf-" + family));
  const QString json = dir + "/tokenizer.json";
  if (QFile::exists(json)) return json.toStdString();
  QDir().mkpath(dir);
  QProcess gzip;
  gzip.setStandardOutputFile(json);
  gzip.start("gzip", {"-dc", QString::fromStdString(source + "/tokenizer.json.gz")});
  if (!gzip.waitForFinished(60000) || gzip.exitStatus() != QProcess::NormalExit ||
      gzip.exitCode() != 0) {
    throw std::runtime_error("gzip -dc " + source + "/tokenizer.json.gz failed: " +
                             gzip.readAllStandardError().toStdString() +
                             gzip.errorString().toStdString());
  }
  QFile::copy(QString::fromStdString(source + "/tokenizer_config.json"),
              dir + "/tokenizer_config.json");
  return json.toStdString();
}

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

double scaled_error(std::span<const float> actual, std::span<const double> reference,
                    std::span<const double> magnitude) {
  if (actual.size() != reference.size() || actual.size() != magnitude.size()) {
    return INFINITY;
  }
  double diff = 0.0;
  double norm = 0.0;
  for (size_t i = 0; i < actual.size(); ++i) {
    const double d = static_cast<double>(actual[i]) - reference[i];
    diff += d * d;
    norm += magnitude[i] * magnitude[i];
  }
  return norm == 0.0 ? std::sqrt(diff) : std::sqrt(diff / norm);
}

// ‖|b|‖ = ‖b‖: the relative error is the error in units of the reference itself.
double relative_error(std::span<const float> actual, std::span<const double> reference) {
  return scaled_error(actual, reference, reference);
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

// A copy of a GGUF file with its tokenizer.chat_template replaced, rewritten byte by byte from
// the format (header, key/values, tensor infos, padding to general.alignment, then the tensor
// data, whose offsets are relative to its start and so copy unchanged):
//   "GGUF" u32 version, u64 n_tensors, u64 n_kv; key/value = str key, u32 type, value;
//   str = u64 length + bytes; array = u32 element type, u64 count, elements;
//   tensor info = str name, u32 n_dims, u64 ne[n_dims], u32 type, u64 offset.
QByteArray gguf_with_chat_template(const QByteArray& file, const QByteArray& chat_template) {
  size_t at = 0;
  const auto take = [&](size_t n) {
    if (at + n > static_cast<size_t>(file.size())) throw std::runtime_error("truncated GGUF");
    at += n;
    return at - n;
  };
  const auto u32 = [&] { uint32_t v; std::memcpy(&v, file.constData() + take(4), 4); return v; };
  const auto u64 = [&] { uint64_t v; std::memcpy(&v, file.constData() + take(8), 8); return v; };
  const auto str = [&] { const uint64_t n = u64(); return file.mid(static_cast<qsizetype>(take(n)), static_cast<qsizetype>(n)); };
  const auto scalar_size = [](uint32_t type) -> size_t {
    static const size_t sizes[] = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};  // U8 .. F64; 8: str, 9: array
    if (type > 12 || type == 8 || type == 9) throw std::runtime_error("not a scalar type");
    return sizes[type];
  };
  const std::function<void(uint32_t)> skip_value = [&](uint32_t type) {
    if (type == 8) {
      str();
    } else if (type == 9) {
      const uint32_t element = u32();
      const uint64_t count = u64();
      for (uint64_t i = 0; i < count; ++i) skip_value(element);
    } else {
      take(scalar_size(type));
    }
  };
  const auto put_u64 = [](QByteArray& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); };
  take(8);
  const uint64_t n_tensors = u64();
  const uint64_t n_kv = u64();
  QByteArray out = file.left(24);
  uint64_t alignment = 32;
  bool replaced = false;
  for (uint64_t i = 0; i < n_kv; ++i) {
    const size_t start = at;
    const QByteArray key = str();
    const uint32_t type = u32();
    const size_t value_start = at;
    if (key == "general.alignment" && type == 4) alignment = u32();
    else skip_value(type);
    if (key == "tokenizer.chat_template") {
      out.append(file.mid(static_cast<qsizetype>(start), static_cast<qsizetype>(value_start - start)));
      put_u64(out, static_cast<uint64_t>(chat_template.size()));
      out.append(chat_template);
      replaced = true;
    } else {
      out.append(file.mid(static_cast<qsizetype>(start), static_cast<qsizetype>(at - start)));
    }
  }
  if (!replaced) throw std::runtime_error("no tokenizer.chat_template");
  const size_t infos = at;
  for (uint64_t i = 0; i < n_tensors; ++i) {
    str();
    const uint32_t dims = u32();
    take(8 * static_cast<size_t>(dims) + 4 + 8);
  }
  out.append(file.mid(static_cast<qsizetype>(infos), static_cast<qsizetype>(at - infos)));
  const auto aligned = [alignment](uint64_t n) { return (n + alignment - 1) / alignment * alignment; };
  out.append(QByteArray(static_cast<qsizetype>(aligned(out.size()) - out.size()), '\0'));
  out.append(file.mid(static_cast<qsizetype>(aligned(at))));
  return out;
}

} // namespace sikao::test
