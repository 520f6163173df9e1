#pragma once
// Small helpers shared by the kernel tests: device buffers filled from host vectors, and reads
// back into host vectors.

#include <cstdint>
#include <span>
#include <vector>

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

}  // namespace sikao::test::ops
