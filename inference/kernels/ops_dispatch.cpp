#include "kernels/ops_dispatch.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>

#include "common/error.h"

namespace sikao::kernels {

Reduction best_reduction(const vk::DeviceInfo& info) {
  return info.subgroup_arithmetic ? Reduction::Subgroup : Reduction::SharedMemory;
}

std::string reduction_variant(const std::string& name, const vk::DeviceInfo& info,
                              std::optional<Reduction> reduction) {
  const Reduction r = reduction.value_or(best_reduction(info));
  if (r == Reduction::Subgroup) {
    require(info.subgroup_arithmetic, name.c_str(),
            "subgroup reduction requested but the device has no subgroup arithmetic");
    return name + "_subgroup";
  }
  return name;
}

Grid fold_grid(uint64_t workgroups, const vk::DeviceInfo& info, const char* kernel) {
  const uint64_t max_x = std::min<uint64_t>(info.max_workgroup_count[0], 65535);
  const uint64_t max_y = info.max_workgroup_count[1];
  require(workgroups > 0, kernel, "nothing to dispatch (a size is zero)");
  const uint64_t x = std::min(workgroups, max_x);
  const uint64_t y = ceil_div(workgroups, x);
  require(
      y <= max_y, kernel,
      fmt::format("{} workgroups exceed the device's grid ({} x {})", workgroups, max_x, max_y));
  return Grid{static_cast<uint32_t>(x), static_cast<uint32_t>(y)};
}

uint32_t pow2_workgroup(uint32_t n, uint32_t lo, uint32_t hi) {
  // Both bounds kept powers of two: the shared-memory reduction halves the workgroup each step.
  const uint32_t top = std::bit_floor(hi);
  return std::clamp(std::bit_ceil(std::max(n, 1u)), std::min(std::bit_floor(lo), top), top);
}

void require(bool condition, const char* kernel, const std::string& what) {
  if (!condition) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("{}: {}", kernel, what));
  }
}

void require_floats(const char* kernel, const char* name, vk::BufferView view, uint64_t floats) {
  require(view.resolved_size() >= floats * sizeof(float), kernel,
          fmt::format("{} holds {} bytes, needs {} floats", name, view.resolved_size(), floats));
}

}  // namespace sikao::kernels
