#pragma once
// Shared choices of the non-weight kernels' host wrappers (norm, softmax, rope, activation,
// attention): which reduction a shader variant uses, workgroup sizes, and how a long 1-D range
// of workgroups is folded into the 2-D grid that maxComputeWorkGroupCount allows.

#include <cstdint>
#include <optional>
#include <string>

#include "vulkan/context.h"

namespace sikao::kernels {

// How a workgroup reduces across its invocations (shaders/reduce.glsl): subgroup arithmetic
// where the device has it, shared memory on any device. Each reducing kernel has both variants.
enum class Reduction { Subgroup, SharedMemory };

// The device's best: Subgroup when DeviceInfo::subgroup_arithmetic, else SharedMemory.
Reduction best_reduction(const vk::DeviceInfo& info);

// "name_subgroup" or "name": the shader variant of a reducing kernel (shaders/CMakeLists.txt).
std::string reduction_variant(const std::string& name, const vk::DeviceInfo& info,
                              std::optional<Reduction> reduction);

// Workgroups laid out as x * y >= count, x within the device limit; the shaders rebuild the
// linear index as y * gl_NumWorkGroups.x + x and drop the excess.
struct Grid {
  uint32_t x = 1;
  uint32_t y = 1;
};
Grid fold_grid(uint64_t workgroups, const vk::DeviceInfo& info, const char* kernel);

// The smallest power of two >= n, within [lo, hi].
uint32_t pow2_workgroup(uint32_t n, uint32_t lo, uint32_t hi);

constexpr uint64_t ceil_div(uint64_t a, uint64_t b) { return (a + b - 1) / b; }

// Throws InvalidArgument "<kernel>: <what>" when the condition is false.
void require(bool condition, const char* kernel, const std::string& what);

// Throws InvalidArgument "<kernel>: <name> holds B bytes, needs N floats" when the view is short.
void require_floats(const char* kernel, const char* name, vk::BufferView view, uint64_t floats);

}  // namespace sikao::kernels
