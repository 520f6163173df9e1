#pragma once
// The Vulkan device layer's entry point, after Kompute's four nouns: a Context (instance, device,
// queue) makes Buffers, Pipelines and Sequences; nothing above inference/vulkan/ calls vk*.
//
//   vk::Context ctx;                                   // best device, or --device / SIKAO_DEVICE
//   auto a = ctx.create_buffer(n * 4);
//   ctx.upload<float>(a, values);
//   const auto& add = ctx.pipeline({"add", {256}, 3, 8});
//   auto seq = ctx.create_sequence();
//   seq.begin(); seq.dispatch(add, {a, b, out}, Push{n, n}, groups); seq.run();
//   auto result = ctx.download<float>(out, n);

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "vulkan/buffer.h"
#include "vulkan/device.h"
#include "vulkan/pipeline.h"
#include "vulkan/sequence.h"

namespace sikao::vk {

class Instance;  // RAII VkInstance (instance.h)
class Device;    // RAII VkDevice (context.cpp)

// How the host writes and reads device-local buffers. Where the device's memory is system memory
// (a CPU device such as lavapipe, an integrated GPU) and the host can map it coherently,
// Automatic maps each device buffer and copies in place: the bytes are held once and no staging
// copy is made. Staged always goes through a staging buffer (what a discrete GPU needs; tests
// use it to exercise that path on any device).
enum class DeviceMemoryAccess { Automatic, Staged };

// Threads: pipeline(), create_*, upload and download may be called from several threads; each
// Sequence is used by one thread at a time. After Error(DeviceLost) the device is gone: destroy
// the Context (and everything made from it) and make a new one.
class Context {
 public:
  // The device `device_index` (or $SIKAO_DEVICE, or the best one: choose_device).
  // Error(NoDevice) with install advice when there is no driver or device.
  explicit Context(std::optional<uint32_t> device_index = std::nullopt,
                   DeviceMemoryAccess access = DeviceMemoryAccess::Automatic);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const DeviceInfo& info() const { return info_; }

  // Sizes round up to a whole number of 16-bit words (an odd byte count gets one more byte,
  // left undefined): shaders read bytes through 16-bit words, and the word holding a buffer's
  // last byte must lie inside it (MXFP4 weights end on odd bytes).
  Buffer create_buffer(uint64_t bytes);       // device-local storage buffer (mapped: see DeviceMemoryAccess)
  Buffer create_host_buffer(uint64_t bytes);  // host-visible + coherent, mapped; also bindable
  // Whether create_buffer's buffers are mapped (DeviceMemoryAccess::Automatic on unified memory).
  bool maps_device_memory() const { return map_device_memory_; }

  // Through a staging buffer (in chunks, so any size works); blocking. Sizes: dst/src view
  // size 0 means "as many bytes as the span"; otherwise they must match.
  void upload(BufferView dst, std::span<const std::byte> src);
  void download(BufferView src, std::span<std::byte> dst);
  template <class T>
  void upload(BufferView dst, std::span<const T> src) {
    upload(dst, std::as_bytes(src));
  }
  template <class T>
  void upload(BufferView dst, const std::vector<T>& src) {
    upload(dst, std::as_bytes(std::span<const T>(src)));
  }
  template <class T>
  std::vector<T> download(BufferView src, size_t count) {
    std::vector<T> out(count);
    download(src, std::as_writable_bytes(std::span<T>(out)));
    return out;
  }

  // Frees the staging buffer (it is made again when a transfer needs it): after a model's
  // weights are uploaded, its 64 MiB of host memory are not kept for the occasional download.
  void release_staging();

  // Built on first use, then cached by desc (the reference stays valid for the Context's life).
  const Pipeline& pipeline(const PipelineDesc& desc);
  size_t pipeline_count();  // pipelines built so far

  Sequence create_sequence();

 private:
  friend class Sequence;
  Buffer make_buffer(uint64_t bytes, bool host);
  void submit_and_wait(VkCommandBuffer cmd, VkFence fence);
  void staged_transfer(BufferView device_view, std::span<std::byte> host, bool to_device);

  std::unique_ptr<Instance> instance_;
  VkPhysicalDevice physical_ = VK_NULL_HANDLE;
  DeviceInfo info_;
  VkPhysicalDeviceMemoryProperties memory_{};
  DeviceMemoryAccess access_ = DeviceMemoryAccess::Automatic;
  bool map_device_memory_ = false;  // decided once the device is chosen
  uint32_t queue_family_ = 0;
  uint32_t timestamp_valid_bits_ = 0;
  std::unique_ptr<Device> device_;
  VkDevice vk_device_ = VK_NULL_HANDLE;
  VkQueue queue_ = VK_NULL_HANDLE;
  std::mutex queue_mutex_;  // vkQueueSubmit needs the queue externally synchronised

  PipelineCacheHandle pipeline_cache_;
  std::mutex pipelines_mutex_;
  std::map<PipelineDesc, std::unique_ptr<Pipeline>> pipelines_;

  // Staging for upload/download: one host buffer reused in chunks, and its command buffer.
  std::mutex transfer_mutex_;
  std::optional<Sequence> transfer_;
  Buffer staging_;
};

} // namespace sikao::vk
