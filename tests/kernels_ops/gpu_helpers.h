#pragma once
// Small helpers shared by the kernel tests: device buffers filled from host vectors, reads back
// into host vectors, and the reduction variants a device can run.

#include <cstdint>
#include <span>
#include <vector>

#include "kernels/ops_dispatch.h"
#include "vulkan/context.h"

namespace sikao::test::ops {

template <class T>
vk::Buffer device_buffer(vk::Context& ctx, std::span<const T> data) {
  vk::Buffer buffer = ctx.create_buffer(data.size_bytes());
  ctx.upload(buffer.view(), data);
  return buffer;
}

template <class T>
vk::Buffer device_buffer(vk::Context& ctx, const std::vector<T>& data) {
  return device_buffer(ctx, std::span<const T>(data));
}

template <class T>
std::vector<T> read_back(vk::Context& ctx, const vk::Buffer& buffer, size_t count) {
  return ctx.template download<T>(buffer.view(), count);
}

// Shared memory everywhere, and subgroups where the device has subgroup arithmetic.
inline std::vector<kernels::Reduction> reductions(const vk::Context& ctx) {
  std::vector<kernels::Reduction> r{kernels::Reduction::SharedMemory};
  if (ctx.info().subgroup_arithmetic) r.push_back(kernels::Reduction::Subgroup);
  return r;
}

// For data tags.
inline const char* name(kernels::Reduction r) {
  return r == kernels::Reduction::Subgroup ? "subgroup" : "shared";
}

}  // namespace sikao::test::ops
