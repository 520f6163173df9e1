#include "vulkan/buffer.h"

#include <utility>

#include <fmt/format.h>

#include "common/error.h"

namespace sikao::vk {

Buffer::Buffer(Buffer&& other) noexcept
    : memory_(std::move(other.memory_)),
      buffer_(std::move(other.buffer_)),
      size_(std::exchange(other.size_, 0)),
      mapped_(std::exchange(other.mapped_, nullptr)) {}

Buffer& Buffer::operator=(Buffer&& other) noexcept {
  if (this != &other) {
    buffer_ = std::move(other.buffer_);  // the old buffer goes before the old memory
    memory_ = std::move(other.memory_);
    size_ = std::exchange(other.size_, 0);
    mapped_ = std::exchange(other.mapped_, nullptr);
  }
  return *this;
}

std::span<std::byte> Buffer::mapped() const {
  if (!mapped_) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("buffer of {} bytes is not mapped: read it with Context::download",
                            size_));
  }
  return {mapped_, static_cast<size_t>(size_)};
}

uint64_t BufferView::resolved_size() const {
  if (!buffer || !buffer->valid()) {
    throw Error(ErrorCode::InvalidArgument, "buffer view without a buffer");
  }
  const uint64_t total = buffer->size();
  if (offset > total || (size != 0 && size > total - offset)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("buffer view [offset {}, size {}] runs past the end of a buffer of "
                            "{} bytes",
                            offset, size, total));
  }
  const uint64_t resolved = size != 0 ? size : total - offset;
  if (resolved == 0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("buffer view at offset {} of a {}-byte buffer is empty", offset,
                            total));
  }
  return resolved;
}

} // namespace sikao::vk
