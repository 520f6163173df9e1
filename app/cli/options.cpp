#include "cli/options.h"

#include <fmt/format.h>

#include "common/byte_size.h"
#include "common/error.h"

namespace sikao::cli {

OptionParser::OptionParser(std::string command, const Args& args)
    : command_(std::move(command)), args_(args), used_(args.size(), false) {}

std::optional<std::string> OptionParser::value(const std::string& name) {
  for (size_t i = 0; i < args_.size(); ++i) {
    if (!used_[i] && args_[i] == name) {
      if (i + 1 >= args_.size()) {
        throw Error(ErrorCode::InvalidArgument, fmt::format("{}: {} needs a value", command_, name));
      }
      used_[i] = used_[i + 1] = true;
      return args_[i + 1];
    }
  }
  return std::nullopt;
}

std::string OptionParser::required(const std::string& name) {
  auto v = value(name);
  if (!v) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("{}: {} is required", command_, name));
  }
  return *v;
}

int64_t OptionParser::integer(const std::string& name, int64_t fallback, int64_t min, int64_t max) {
  const auto v = value(name);
  if (!v) {
    return fallback;
  }
  size_t used = 0;
  int64_t n = 0;
  try {
    n = std::stoll(*v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != v->size() || n < min || n > max) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: {} takes an integer from {} to {}, not '{}'", command_, name, min,
                            max, *v));
  }
  return n;
}

double OptionParser::number(const std::string& name, double fallback, double min, double max) {
  const auto v = value(name);
  if (!v) {
    return fallback;
  }
  size_t used = 0;
  double x = 0;
  try {
    x = std::stod(*v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != v->size() || !(x >= min && x <= max)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: {} takes a number from {} to {}, not '{}'", command_, name, min,
                            max, *v));
  }
  return x;
}

std::optional<uint64_t> OptionParser::byte_size(const std::string& name) {
  const auto v = value(name);
  if (!v) {
    return std::nullopt;
  }
  try {
    return parse_byte_size(*v);
  } catch (const Error& e) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("{}: {}: {}", command_, name, e.what()));
  }
}

bool OptionParser::flag(const std::string& name) {
  for (size_t i = 0; i < args_.size(); ++i) {
    if (!used_[i] && args_[i] == name) {
      used_[i] = true;
      return true;
    }
  }
  return false;
}

std::optional<uint32_t> OptionParser::device(const GlobalOptions& global) {
  if (const auto v = value("--device")) {
    return parse_device_index(*v);
  }
  return global.device;
}

std::vector<std::string> OptionParser::positional() {
  std::vector<std::string> out;
  for (size_t i = 0; i < args_.size(); ++i) {
    if (!used_[i] && !(args_[i].size() > 1 && args_[i][0] == '-')) {
      used_[i] = true;
      out.push_back(args_[i]);
    }
  }
  return out;
}

void OptionParser::finish() {
  for (size_t i = 0; i < args_.size(); ++i) {
    if (!used_[i]) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("{}: unexpected argument '{}'", command_, args_[i]));
    }
  }
}

} // namespace sikao::cli
