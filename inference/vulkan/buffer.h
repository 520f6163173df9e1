#pragma once
// A storage buffer and the memory behind it. Allocation is one VkDeviceMemory per buffer for now:
// models hold a few hundred tensors at most, well under maxMemoryAllocationCount (4096), and a
// suballocator can replace this later without changing Buffer's interface.

#include <cstddef>
#include <cstdint>
#include <span>

#include "vulkan/handle.h"

namespace sikao::vk {

struct BufferView;

// RAII VkBuffer + VkDeviceMemory. Device-local buffers (Context::create_buffer) are reached
// through Context::upload/download (which copy in place where the buffer is mapped: unified
// memory, DeviceMemoryAccess); host buffers (Context::create_host_buffer) are mapped for the
// whole of their life. Created only by Context; must not outlive it. Move-only.
class Buffer {
 public:
  Buffer() = default;
  Buffer(Buffer&& other) noexcept;
  Buffer& operator=(Buffer&& other) noexcept;

  uint64_t size() const { return size_; }
  bool valid() const { return static_cast<bool>(buffer_); }
  bool is_mapped() const { return mapped_ != nullptr; }
  // The mapped bytes (host-visible + coherent memory); Error(InvalidArgument) for a buffer that
  // is not mapped. Read only after the Sequence that wrote it has been waited for.
  std::span<std::byte> mapped() const;

  // The whole buffer, or a part of it (size 0 = to the end); Buffer converts to a whole view.
  BufferView view(uint64_t offset = 0, uint64_t size = 0) const;
  operator BufferView() const;

 private:
  friend class Context;
  friend class Sequence;

  // Declaration order is destruction order reversed: the buffer goes before its memory.
  MemoryHandle memory_;
  BufferHandle buffer_;
  uint64_t size_ = 0;
  std::byte* mapped_ = nullptr;  // mapping ends when memory_ is freed
};

// A byte range of a buffer, as bound to a shader or used by a copy.
struct BufferView {
  const Buffer* buffer = nullptr;
  uint64_t offset = 0;
  uint64_t size = 0;  // 0 = to the end of the buffer

  // The size this view covers once "0 = to end" is resolved; Error(InvalidArgument) when the
  // view has no buffer or runs past the end of it.
  uint64_t resolved_size() const;
};

inline BufferView Buffer::view(uint64_t offset, uint64_t size) const { return {this, offset, size}; }
inline Buffer::operator BufferView() const { return {this, 0, 0}; }

} // namespace sikao::vk
