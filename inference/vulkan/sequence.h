#pragma once
// Recorded GPU work: a command buffer, the fence it is waited on with, and the descriptor sets
// its dispatches bind. Recorded once, submitted as often as needed. What a replay can change is
// the contents of the bound buffers; bindings, push constants and group counts are fixed at
// recording (so a per-token value such as the position belongs in a buffer, not a push constant,
// in a decode step that is replayed per token).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "vulkan/buffer.h"
#include "vulkan/handle.h"
#include "vulkan/pipeline.h"

namespace sikao::vk {

class Context;

// Created by Context::create_sequence; must not outlive its Context, and every buffer and
// pipeline it records must outlive its last submission. Move-only; one thread at a time.
class Sequence {
 public:
  Sequence(Sequence&&) noexcept = default;
  Sequence& operator=(Sequence&&) noexcept = default;
  ~Sequence();

  // Resets the command buffer, its descriptor sets and timestamps, and starts recording. A
  // profiled recording writes a timestamp before its first operation and after each dispatch,
  // copy and fill (timestamps_ns() and profile() then time each of them).
  enum class Profile { Off, EachOperation };
  void begin(Profile profile = Profile::Off);

  // Binds `bindings` to binding 0..n-1 (n must equal the pipeline's desc().bindings), pushes
  // `push` (size must equal desc().push_constant_bytes) and dispatches groups_x*y*z workgroups.
  // A view larger than maxStorageBufferRange, or an offset not a multiple of
  // minStorageBufferOffsetAlignment, is Error(InvalidArgument) naming the sizes: split the work.
  void dispatch(const Pipeline& pipeline, std::initializer_list<BufferView> bindings,
                std::span<const std::byte> push, uint32_t groups_x, uint32_t groups_y = 1,
                uint32_t groups_z = 1);
  template <class Push>
  void dispatch(const Pipeline& p, std::initializer_list<BufferView> b, const Push& push,
                uint32_t gx, uint32_t gy = 1, uint32_t gz = 1) {
    static_assert(std::is_trivially_copyable_v<Push>, "push constants are copied as bytes");
    const std::span<const std::byte> bytes(reinterpret_cast<const std::byte*>(&push),
                                           sizeof(Push));
    dispatch(p, b, bytes, gx, gy, gz);
  }
  // Same, with the bindings from a vector (for kernels whose binding count varies).
  void dispatch(const Pipeline& pipeline, std::span<const BufferView> bindings,
                std::span<const std::byte> push, uint32_t groups_x, uint32_t groups_y = 1,
                uint32_t groups_z = 1);

  // Makes every earlier compute-shader or transfer write visible to every later compute-shader
  // or transfer read/write (a global memory barrier). The caller says at the call which buffer's
  // write->read hazard it guards.
  void barrier();
  // Buffer-to-buffer copy; sizes must match after resolving (dst size 0 = src size), and a copy
  // within one buffer must not overlap itself.
  void copy(BufferView src, BufferView dst);
  // Zeroes the view; offset and size must be multiples of 4 (vkCmdFillBuffer).
  void fill_zero(BufferView dst);
  // Records a timestamp after all earlier work; no-op where the device has no compute timestamps.
  void write_timestamp();
  void end();

  // Submits the recording and blocks until the GPU finishes. May be called again to replay.
  void submit_and_wait();
  void run() { end(); submit_and_wait(); }

  // Time of each write_timestamp of the last submission relative to the first, in ns (empty
  // where timestamps are unsupported).
  std::vector<double> timestamps_ns() const;

  // What each operation of the last submission of a profiled recording took: the shader's
  // variant name (or "copy", "fill") and the time from the previous timestamp, in ns. On a
  // device that overlaps dispatches between barriers these are only indicative; lavapipe runs
  // them one after another. Empty for a recording that is not profiled.
  struct OperationTime {
    std::string label;
    double ns = 0;
  };
  std::vector<OperationTime> profile() const;

  // Dispatches recorded since the last begin() (what one submission of this recording runs).
  uint32_t dispatch_count() const { return dispatch_count_; }

 private:
  friend class Context;
  explicit Sequence(Context& context);

  enum class State { Initial, Recording, Executable };
  void require(State state, const char* operation) const;
  VkDescriptorSet allocate_set(const Pipeline& pipeline);
  // A texel view of `view` for texel binding `binding` of desc, kept until the next begin().
  VkBufferView texel_view(const PipelineDesc& desc, uint32_t binding, const BufferView& view);
  void profile_operation(std::string_view label);

  Context* context_ = nullptr;
  VkCommandBuffer cmd_ = VK_NULL_HANDLE;  // freed with pool_
  CommandPoolHandle pool_;
  FenceHandle fence_;
  // Descriptor sets come from fixed-size pools; another pool is added when one runs out, and
  // all are reset by begin().
  std::vector<DescriptorPoolHandle> descriptor_pools_;
  std::vector<BufferViewHandle> texel_views_;  // the texel-buffer bindings of what is recorded
  size_t descriptor_pool_in_use_ = 0;
  // Timestamps in fixed-size query pools, reset inside the recording before first use.
  std::vector<QueryPoolHandle> query_pools_;
  uint32_t timestamp_count_ = 0;
  uint32_t dispatch_count_ = 0;
  Profile profile_ = Profile::Off;
  std::vector<std::string> profile_labels_;  // the operation each timestamp after the first ends
  bool submitted_ = false;  // since the last begin(): the query results exist
  State state_ = State::Initial;
};

} // namespace sikao::vk
