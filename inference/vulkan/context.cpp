#include "vulkan/context.h"

#include <algorithm>
#include <chrono>
#include <cstring>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "vulkan/check.h"
#include "vulkan/instance.h"

namespace sikao::vk {

// RAII VkDevice.
class Device {
 public:
  explicit Device(VkDevice device) : device_(device) {}
  ~Device() { vkDestroyDevice(device_, nullptr); }
  Device(const Device&) = delete;
  Device& operator=(const Device&) = delete;
  VkDevice get() const { return device_; }

 private:
  VkDevice device_;
};

namespace {

// Upload/download move data through one staging buffer in chunks of this size.
constexpr uint64_t k_staging_bytes = 64ull << 20;
// A submission that has not finished after this long is reported, not waited on forever.
constexpr uint64_t k_fence_timeout_ns = 600ull * 1000 * 1000 * 1000;

// The first memory type allowed by `type_bits` that has all of `required`, preferring one that
// also has all of `preferred`.
std::optional<uint32_t> find_memory_type(const VkPhysicalDeviceMemoryProperties& memory,
                                         uint32_t type_bits, VkMemoryPropertyFlags required,
                                         VkMemoryPropertyFlags preferred) {
  std::optional<uint32_t> fallback;
  for (uint32_t i = 0; i < memory.memoryTypeCount; ++i) {
    const VkMemoryPropertyFlags flags = memory.memoryTypes[i].propertyFlags;
    if ((type_bits & (1u << i)) == 0 || (flags & required) != required) {
      continue;
    }
    if ((flags & preferred) == preferred) {
      return i;
    }
    if (!fallback) {
      fallback = i;
    }
  }
  return fallback;
}

std::unique_ptr<Device> create_device(VkPhysicalDevice physical, const DeviceInfo& info,
                                      uint32_t queue_family) {
  const float priority = 1.0f;
  VkDeviceQueueCreateInfo queue{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  queue.queueFamilyIndex = queue_family;
  queue.queueCount = 1;
  queue.pQueuePriorities = &priority;

  // 16-bit storage is required (checked by choose_device); the rest where present, so that
  // kernels can pick their variants from DeviceInfo.
  VkPhysicalDeviceSubgroupSizeControlFeaturesEXT size_control{
      VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_FEATURES_EXT};
  size_control.subgroupSizeControl = VK_TRUE;
  std::vector<const char*> extensions;
  VkPhysicalDeviceVulkan12Features f12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
  if (info.subgroup_size_control) {
    extensions.push_back(VK_EXT_SUBGROUP_SIZE_CONTROL_EXTENSION_NAME);
    f12.pNext = &size_control;
  }
  f12.shaderFloat16 = info.shader_float16;
  f12.shaderInt8 = info.shader_int8;
  f12.storageBuffer8BitAccess = info.storage_buffer_8bit;
  VkPhysicalDeviceVulkan11Features f11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES};
  f11.pNext = &f12;
  f11.storageBuffer16BitAccess = VK_TRUE;
  VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
  features.pNext = &f11;
  features.features.shaderInt16 = info.shader_int16;
  features.features.shaderInt64 = info.shader_int64;

  VkDeviceCreateInfo create{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  create.pNext = &features;
  create.queueCreateInfoCount = 1;
  create.pQueueCreateInfos = &queue;
  create.enabledExtensionCount = static_cast<uint32_t>(extensions.size());
  create.ppEnabledExtensionNames = extensions.data();
  VkDevice device = VK_NULL_HANDLE;
  check(vkCreateDevice(physical, &create, nullptr, &device), "vkCreateDevice");
  return std::make_unique<Device>(device);
}

} // namespace

Context::Context(std::optional<uint32_t> device_index, DeviceMemoryAccess access)
    : instance_(std::make_unique<Instance>()), access_(access) {
  const auto physical = instance_->physical_devices();
  std::vector<DeviceInfo> devices;
  for (uint32_t i = 0; i < physical.size(); ++i) {
    devices.push_back(describe_device(physical[i], i));
  }
  const uint32_t chosen = choose_device(devices, device_index);
  physical_ = physical[chosen];
  info_ = devices[chosen];
  log_device(info_);
  log::get("vulkan")->debug("using device {}: {}", info_.index, info_.name);

  vkGetPhysicalDeviceMemoryProperties(physical_, &memory_);
  map_device_memory_ = access_ == DeviceMemoryAccess::Automatic &&
                       (info_.type == DeviceType::Cpu || info_.type == DeviceType::Integrated);
  queue_family_ = *compute_queue_family(physical_);  // supported devices have one
  {
    uint32_t count = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(physical_, &count, nullptr);
    std::vector<VkQueueFamilyProperties> families(count);
    vkGetPhysicalDeviceQueueFamilyProperties(physical_, &count, families.data());
    timestamp_valid_bits_ = families[queue_family_].timestampValidBits;
  }
  device_ = create_device(physical_, info_, queue_family_);
  vk_device_ = device_->get();
  vkGetDeviceQueue(vk_device_, queue_family_, 0, &queue_);

  VkPipelineCacheCreateInfo cache_info{VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO};
  VkPipelineCache cache = VK_NULL_HANDLE;
  check(vkCreatePipelineCache(vk_device_, &cache_info, nullptr, &cache), "vkCreatePipelineCache");
  pipeline_cache_ = PipelineCacheHandle(vk_device_, cache);
}

Context::~Context() {
  if (vk_device_) {
    // Nothing may be destroyed while the GPU still uses it; an error here has nowhere to go.
    vkDeviceWaitIdle(vk_device_);
  }
}

Buffer Context::make_buffer(uint64_t bytes, bool host) {
  const char* kind = host ? "host" : "device";
  if (bytes == 0) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("a {} buffer of 0 bytes", kind));
  }
  if (info_.max_memory_allocation_size != 0 && bytes > info_.max_memory_allocation_size) {
    throw Error(ErrorCode::OutOfMemory,
                fmt::format("a {} buffer of {} bytes is larger than the device's "
                            "maxMemoryAllocationSize ({} bytes)",
                            kind, bytes, info_.max_memory_allocation_size));
  }
  bytes += bytes & 1;  // whole 16-bit words (create_buffer)
  Buffer buffer;
  buffer.size_ = bytes;

  VkBufferCreateInfo buffer_info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  buffer_info.size = bytes;
  buffer_info.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT |
                      VK_BUFFER_USAGE_UNIFORM_TEXEL_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT |
                      VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  buffer_info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  VkBuffer vk_buffer = VK_NULL_HANDLE;
  check(vkCreateBuffer(vk_device_, &buffer_info, nullptr, &vk_buffer), "vkCreateBuffer");
  buffer.buffer_ = BufferHandle(vk_device_, vk_buffer);

  VkMemoryRequirements requirements{};
  vkGetBufferMemoryRequirements(vk_device_, vk_buffer, &requirements);
  // Device-local where there is such memory (on lavapipe and many integrated GPUs it is also
  // host-visible; that is fine), any type otherwise. Host buffers must be host-visible and
  // coherent; cached is preferred because the host reads results back from them.
  const std::optional<uint32_t> type =
      host ? find_memory_type(memory_, requirements.memoryTypeBits,
                              VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                  VK_MEMORY_PROPERTY_HOST_COHERENT_BIT,
                              VK_MEMORY_PROPERTY_HOST_CACHED_BIT)
           : find_memory_type(memory_, requirements.memoryTypeBits, 0,
                              VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  if (!type) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("device {} has no {} memory type for storage buffers", info_.name,
                            host ? "host-visible coherent" : "usable"));
  }
  const uint32_t heap = memory_.memoryTypes[*type].heapIndex;
  if (requirements.size > memory_.memoryHeaps[heap].size) {
    throw Error(ErrorCode::OutOfMemory,
                fmt::format("a {} buffer of {} bytes is larger than memory heap {} ({} bytes)",
                            kind, bytes, heap, memory_.memoryHeaps[heap].size));
  }
  VkMemoryAllocateInfo alloc{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  alloc.allocationSize = requirements.size;
  alloc.memoryTypeIndex = *type;
  VkDeviceMemory memory = VK_NULL_HANDLE;
  check(vkAllocateMemory(vk_device_, &alloc, nullptr, &memory), "vkAllocateMemory");
  buffer.memory_ = MemoryHandle(vk_device_, memory);
  check(vkBindBufferMemory(vk_device_, vk_buffer, memory, 0), "vkBindBufferMemory");
  constexpr VkMemoryPropertyFlags k_mappable = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
  if (host || (map_device_memory_ && (memory_.memoryTypes[*type].propertyFlags & k_mappable) == k_mappable)) {
    void* mapped = nullptr;
    check(vkMapMemory(vk_device_, memory, 0, VK_WHOLE_SIZE, 0, &mapped), "vkMapMemory");
    buffer.mapped_ = static_cast<std::byte*>(mapped);
  }
  return buffer;
}

Buffer Context::create_buffer(uint64_t bytes) { return make_buffer(bytes, false); }

Buffer Context::create_host_buffer(uint64_t bytes) { return make_buffer(bytes, true); }

void Context::upload(BufferView dst, std::span<const std::byte> src) {
  // staged_transfer only reads `host` when copying to the device.
  staged_transfer(dst, {const_cast<std::byte*>(src.data()), src.size()}, true);
}

void Context::download(BufferView src, std::span<std::byte> dst) {
  staged_transfer(src, dst, false);
}

void Context::staged_transfer(BufferView view, std::span<std::byte> host, bool to_device) {
  const char* what = to_device ? "upload" : "download";
  if (view.size == 0 && view.buffer && view.offset < view.buffer->size() &&
      host.size() <= view.buffer->size() - view.offset) {
    view.size = host.size();
  }
  if (host.empty()) {
    return;
  }
  const uint64_t size = view.resolved_size();
  if (size != host.size()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} of {} bytes through a buffer view of {} bytes", what, host.size(),
                            size));
  }
  if (view.buffer->is_mapped()) {
    // Every Sequence waits for its work, so no GPU access to the buffer is in flight.
    std::byte* mapped = view.buffer->mapped_ + view.offset;
    if (to_device) {
      std::memcpy(mapped, host.data(), host.size());
    } else {
      std::memcpy(host.data(), mapped, host.size());
    }
    return;
  }
  std::lock_guard lock(transfer_mutex_);
  if (!transfer_) {
    staging_ = create_host_buffer(k_staging_bytes);
    transfer_.emplace(Sequence(*this));
  }
  for (uint64_t done = 0; done < size;) {
    const uint64_t chunk = std::min(k_staging_bytes, size - done);
    const BufferView staging{&staging_, 0, chunk};
    const BufferView device{view.buffer, view.offset + done, chunk};
    if (to_device) {
      std::memcpy(staging_.mapped_, host.data() + done, chunk);
    }
    transfer_->begin();
    if (to_device) {
      transfer_->copy(staging, device);
    } else {
      transfer_->copy(device, staging);
    }
    transfer_->run();
    if (!to_device) {
      std::memcpy(host.data() + done, staging_.mapped_, chunk);
    }
    done += chunk;
  }
}

void Context::release_staging() {
  std::lock_guard lock(transfer_mutex_);
  transfer_.reset();
  staging_ = Buffer();
}

const Pipeline& Context::pipeline(const PipelineDesc& desc) {
  std::lock_guard lock(pipelines_mutex_);
  auto it = pipelines_.find(desc);
  if (it == pipelines_.end()) {
    it = pipelines_.emplace(desc, Pipeline::create(vk_device_, pipeline_cache_.get(), info_, desc))
             .first;
  }
  return *it->second;
}

size_t Context::pipeline_count() {
  std::lock_guard lock(pipelines_mutex_);
  return pipelines_.size();
}

Sequence Context::create_sequence() { return Sequence(*this); }

void Context::submit_and_wait(VkCommandBuffer cmd, VkFence fence) {
  {
    std::lock_guard lock(queue_mutex_);
    check(vkResetFences(vk_device_, 1, &fence), "vkResetFences");
    VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &cmd;
    check(vkQueueSubmit(queue_, 1, &submit, fence), "vkQueueSubmit");
  }
  const VkResult result = vkWaitForFences(vk_device_, 1, &fence, VK_TRUE, k_fence_timeout_ns);
  if (result == VK_TIMEOUT) {
    throw Error(ErrorCode::DeviceLost,
                fmt::format("GPU work did not finish within {} s on {}", k_fence_timeout_ns / 1000000000,
                            info_.name));
  }
  check(result, "vkWaitForFences");
}

} // namespace sikao::vk
