#pragma once
// Internal to inference/vulkan/: the VkInstance owner and the physical-device queries that
// list_devices() and Context share.

#include <cstdint>
#include <optional>
#include <vector>

#include <vulkan/vulkan_core.h>

#include "vulkan/device.h"

namespace sikao::vk {

// RAII VkInstance (Vulkan 1.2). No loader or no driver: Error(NoDevice) with install advice.
class Instance {
 public:
  Instance();
  ~Instance();
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;

  VkInstance get() const { return instance_; }
  // At least one; none is Error(NoDevice).
  std::vector<VkPhysicalDevice> physical_devices() const;

 private:
  VkInstance instance_ = VK_NULL_HANDLE;
};

// The queue family Sikao submits compute work to: the first with VK_QUEUE_COMPUTE_BIT,
// preferring one that writes timestamps.
std::optional<uint32_t> compute_queue_family(VkPhysicalDevice physical);

bool has_extension(VkPhysicalDevice physical, const char* name);

DeviceInfo describe_device(VkPhysicalDevice physical, uint32_t index);

void log_device(const DeviceInfo& info);

} // namespace sikao::vk
