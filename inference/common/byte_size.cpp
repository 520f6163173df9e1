#include "common/byte_size.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "common/error.h"

namespace sikao {

uint64_t parse_byte_size(std::string_view text) {
  const auto fail = [&] {
    return Error(ErrorCode::InvalidArgument,
                 fmt::format("'{}' is not a size (bytes, or a number with K, M, G, T, KiB, MiB, "
                             "GiB or TiB, e.g. 8G)", text));
  };
  std::string_view rest = text;
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.front()))) {
    rest.remove_prefix(1);
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
  if (ec != std::errc() || !std::isfinite(value) || value < 0) {
    throw fail();
  }
  rest.remove_prefix(static_cast<size_t>(end - rest.data()));
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.front()))) {
    rest.remove_prefix(1);
  }
  static constexpr std::array<std::pair<std::string_view, double>, 14> k_units{{
      {"", 1.0}, {"B", 1.0},
      {"K", 1e3}, {"KB", 1e3}, {"KiB", 1024.0},
      {"M", 1e6}, {"MB", 1e6}, {"MiB", 1048576.0},
      {"G", 1e9}, {"GB", 1e9}, {"GiB", 1073741824.0},
      {"T", 1e12}, {"TB", 1e12}, {"TiB", 1099511627776.0},
  }};
  double scale = 0;
  const auto same = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  };
  for (const auto& [unit, factor] : k_units) {
    if (same(rest, unit)) {
      scale = factor;
    }
  }
  const double bytes = std::round(value * scale);
  if (scale == 0 || bytes >= 18446744073709551616.0) {
    throw fail();
  }
  return static_cast<uint64_t>(bytes);
}

std::string format_byte_size(uint64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (b >= 1e9) {
    return fmt::format("{:.1f} GB", b / 1e9);
  }
  if (b >= 1e6) {
    return fmt::format("{:.{}f} MB", b / 1e6, b >= 1e7 ? 0 : 1);
  }
  if (b >= 1e3) {
    return fmt::format("{:.0f} KB", b / 1e3);
  }
  return fmt::format("{} bytes", bytes);
}

} // namespace sikao
