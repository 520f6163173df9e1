#include "vulkan/device.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "vulkan/check.h"
#include "vulkan/instance.h"

namespace sikao::vk {
namespace {

constexpr const char* k_install_advice =
    "install a Vulkan driver: on Debian/Ubuntu `sudo apt install mesa-vulkan-drivers` (lavapipe "
    "runs on the CPU; it also provides the drivers for AMD and Intel GPUs), or your GPU vendor's "
    "driver for NVIDIA";

DeviceType device_type(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return DeviceType::Discrete;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return DeviceType::Integrated;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return DeviceType::Virtual;
    case VK_PHYSICAL_DEVICE_TYPE_CPU: return DeviceType::Cpu;
    default: return DeviceType::Other;
  }
}

// Lower is preferred: discrete > integrated > virtual > cpu > other.
int type_rank(DeviceType type) {
  switch (type) {
    case DeviceType::Discrete: return 0;
    case DeviceType::Integrated: return 1;
    case DeviceType::Virtual: return 2;
    case DeviceType::Cpu: return 3;
    case DeviceType::Other: return 4;
  }
  return 5;
}

std::optional<uint32_t> parse_index(std::string_view text) {
  if (text.empty() || text.size() > 9) {
    return std::nullopt;
  }
  uint32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + static_cast<uint32_t>(c - '0');
  }
  return value;
}

} // namespace

bool has_extension(VkPhysicalDevice physical, const char* name) {
  uint32_t count = 0;
  check(vkEnumerateDeviceExtensionProperties(physical, nullptr, &count, nullptr),
        "vkEnumerateDeviceExtensionProperties");
  std::vector<VkExtensionProperties> extensions(count);
  const VkResult result =
      vkEnumerateDeviceExtensionProperties(physical, nullptr, &count, extensions.data());
  if (result != VK_INCOMPLETE) {
    check(result, "vkEnumerateDeviceExtensionProperties");
  }
  extensions.resize(count);
  return std::any_of(extensions.begin(), extensions.end(), [&](const VkExtensionProperties& e) {
    return std::strcmp(e.extensionName, name) == 0;
  });
}

const char* to_string(DeviceType type) {
  switch (type) {
    case DeviceType::Discrete: return "discrete";
    case DeviceType::Integrated: return "integrated";
    case DeviceType::Virtual: return "virtual";
    case DeviceType::Cpu: return "cpu";
    case DeviceType::Other: return "other";
  }
  return "other";
}

std::string DeviceInfo::api_version_string() const {
  return fmt::format("{}.{}.{}", VK_API_VERSION_MAJOR(api_version),
                     VK_API_VERSION_MINOR(api_version), VK_API_VERSION_PATCH(api_version));
}

Instance::Instance() {
  uint32_t loader_version = VK_API_VERSION_1_0;
  // vkEnumerateInstanceVersion is 1.1; a 1.0 loader does not export it through the core table,
  // but Debian's loader always does.
  check(vkEnumerateInstanceVersion(&loader_version), "vkEnumerateInstanceVersion");
  if (loader_version < VK_API_VERSION_1_2) {
    throw Error(ErrorCode::NoDevice,
                fmt::format("the Vulkan loader supports only Vulkan {}.{}; Sikao needs 1.2: {}",
                            VK_API_VERSION_MAJOR(loader_version),
                            VK_API_VERSION_MINOR(loader_version), k_install_advice));
  }
  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = "Sikao";
  app.applicationVersion = VK_MAKE_API_VERSION(0, 0, 1, 0);
  app.pEngineName = "Sikao";
  app.apiVersion = VK_API_VERSION_1_2;
  VkInstanceCreateInfo create{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  create.pApplicationInfo = &app;
  const VkResult result = vkCreateInstance(&create, nullptr, &instance_);
  if (result == VK_ERROR_INCOMPATIBLE_DRIVER || result == VK_ERROR_INITIALIZATION_FAILED) {
    throw Error(ErrorCode::NoDevice,
                fmt::format("no Vulkan driver found (vkCreateInstance: {}); {}",
                            to_string(result), k_install_advice));
  }
  check(result, "vkCreateInstance");
}

Instance::~Instance() { vkDestroyInstance(instance_, nullptr); }

std::vector<VkPhysicalDevice> Instance::physical_devices() const {
  uint32_t count = 0;
  const VkResult first = vkEnumeratePhysicalDevices(instance_, &count, nullptr);
  if (first == VK_ERROR_INITIALIZATION_FAILED) {
    throw Error(ErrorCode::NoDevice,
                fmt::format("no Vulkan device found (vkEnumeratePhysicalDevices: {}); {}",
                            to_string(first), k_install_advice));
  }
  check(first, "vkEnumeratePhysicalDevices");
  std::vector<VkPhysicalDevice> devices(count);
  VkResult result = VK_SUCCESS;
  if (count > 0) {
    result = vkEnumeratePhysicalDevices(instance_, &count, devices.data());
  }
  if (result != VK_INCOMPLETE) {
    check(result, "vkEnumeratePhysicalDevices");
  }
  devices.resize(count);
  if (devices.empty()) {
    throw Error(ErrorCode::NoDevice,
                fmt::format("the Vulkan loader found no device; {}", k_install_advice));
  }
  return devices;
}

std::optional<uint32_t> compute_queue_family(VkPhysicalDevice physical) {
  uint32_t count = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(physical, &count, nullptr);
  std::vector<VkQueueFamilyProperties> families(count);
  vkGetPhysicalDeviceQueueFamilyProperties(physical, &count, families.data());
  std::optional<uint32_t> any;
  for (uint32_t i = 0; i < count; ++i) {
    if ((families[i].queueFlags & VK_QUEUE_COMPUTE_BIT) == 0 || families[i].queueCount == 0) {
      continue;
    }
    if (families[i].timestampValidBits > 0) {
      return i;
    }
    if (!any) {
      any = i;
    }
  }
  return any;
}

DeviceInfo describe_device(VkPhysicalDevice physical, uint32_t index) {
  VkPhysicalDeviceProperties basic{};
  vkGetPhysicalDeviceProperties(physical, &basic);

  DeviceInfo info{};
  info.index = index;
  info.name = basic.deviceName;
  info.type = device_type(basic.deviceType);
  info.vendor_id = basic.vendorID;
  info.device_id = basic.deviceID;
  info.api_version = basic.apiVersion;
  const VkPhysicalDeviceLimits& limits = basic.limits;
  info.max_storage_buffer_range = limits.maxStorageBufferRange;
  info.min_storage_buffer_offset_alignment = limits.minStorageBufferOffsetAlignment;
  info.max_uniform_buffer_range = limits.maxUniformBufferRange;
  info.min_uniform_buffer_offset_alignment = limits.minUniformBufferOffsetAlignment;
  info.max_texel_buffer_elements = limits.maxTexelBufferElements;
  info.min_texel_buffer_offset_alignment = limits.minTexelBufferOffsetAlignment;
  info.max_workgroup_invocations = limits.maxComputeWorkGroupInvocations;
  std::copy_n(limits.maxComputeWorkGroupCount, 3, info.max_workgroup_count.begin());
  std::copy_n(limits.maxComputeWorkGroupSize, 3, info.max_workgroup_size.begin());
  info.max_shared_memory_bytes = limits.maxComputeSharedMemorySize;
  info.max_push_constants_size = limits.maxPushConstantsSize;
  info.timestamp_period_ns = limits.timestampPeriod;

  const auto family = compute_queue_family(physical);
  if (family) {
    uint32_t count = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(physical, &count, nullptr);
    std::vector<VkQueueFamilyProperties> families(count);
    vkGetPhysicalDeviceQueueFamilyProperties(physical, &count, families.data());
    info.timestamps = families[*family].timestampValidBits > 0 && limits.timestampPeriod > 0.0f;
  }

  VkPhysicalDeviceMemoryProperties memory{};
  vkGetPhysicalDeviceMemoryProperties(physical, &memory);
  for (uint32_t i = 0; i < memory.memoryHeapCount; ++i) {
    info.heaps.push_back({memory.memoryHeaps[i].size,
                          (memory.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) != 0});
  }

  if (basic.apiVersion < VK_API_VERSION_1_2) {
    // The 1.1/1.2 property and feature structs below may only be queried on a 1.2 device.
    info.driver_name = "unknown";
    info.unsupported_reason =
        fmt::format("Vulkan {} device; Sikao needs 1.2", info.api_version_string());
    return info;
  }

  const bool has_size_control = has_extension(physical, VK_EXT_SUBGROUP_SIZE_CONTROL_EXTENSION_NAME);
  VkPhysicalDeviceSubgroupSizeControlPropertiesEXT size_props{
      VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_PROPERTIES_EXT};
  VkPhysicalDeviceVulkan12Properties p12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_PROPERTIES};
  p12.pNext = has_size_control ? &size_props : nullptr;
  VkPhysicalDeviceVulkan11Properties p11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_PROPERTIES};
  p11.pNext = &p12;
  VkPhysicalDeviceProperties2 props{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2};
  props.pNext = &p11;
  vkGetPhysicalDeviceProperties2(physical, &props);
  info.driver_name = p12.driverName;
  info.driver_info = p12.driverInfo;
  info.subgroup_size = p11.subgroupSize;
  info.subgroup_arithmetic = (p11.subgroupSupportedStages & VK_SHADER_STAGE_COMPUTE_BIT) != 0 &&
                             (p11.subgroupSupportedOperations & VK_SUBGROUP_FEATURE_ARITHMETIC_BIT) != 0;
  info.max_memory_allocation_size = p11.maxMemoryAllocationSize;
  info.min_subgroup_size = info.max_subgroup_size = info.subgroup_size;

  VkPhysicalDeviceSubgroupSizeControlFeaturesEXT size_features{
      VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_FEATURES_EXT};
  VkPhysicalDeviceVulkan12Features f12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
  f12.pNext = has_size_control ? &size_features : nullptr;
  VkPhysicalDeviceVulkan11Features f11{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES};
  f11.pNext = &f12;
  VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2};
  features.pNext = &f11;
  vkGetPhysicalDeviceFeatures2(physical, &features);
  info.storage_buffer_16bit = f11.storageBuffer16BitAccess;
  info.shader_float16 = f12.shaderFloat16;
  info.shader_int8 = f12.shaderInt8;
  info.storage_buffer_8bit = f12.storageBuffer8BitAccess;
  info.shader_int16 = features.features.shaderInt16;
  info.shader_int64 = features.features.shaderInt64;
  if (has_size_control && size_features.subgroupSizeControl &&
      (size_props.requiredSubgroupSizeStages & VK_SHADER_STAGE_COMPUTE_BIT) != 0) {
    info.subgroup_size_control = true;
    info.min_subgroup_size = size_props.minSubgroupSize;
    info.max_subgroup_size = size_props.maxSubgroupSize;
    info.max_compute_workgroup_subgroups = size_props.maxComputeWorkgroupSubgroups;
  }

  if (!info.storage_buffer_16bit) {
    info.unsupported_reason = "no storageBuffer16BitAccess (16-bit storage buffers)";
  } else if (!family) {
    info.unsupported_reason = "no compute queue";
  } else {
    info.supported = true;
  }
  return info;
}

void log_device(const DeviceInfo& d) {
  auto log = log::get("vulkan");
  if (!log->should_log(spdlog::level::debug)) {
    return;
  }
  log->debug("device {}: {} ({}, vendor 0x{:04x}, device 0x{:04x}), driver {} [{}], Vulkan {}",
             d.index, d.name, to_string(d.type), d.vendor_id, d.device_id, d.driver_name,
             d.driver_info, d.api_version_string());
  log->debug("device {}: subgroup size control {} ({}..{}, at most {} per workgroup)", d.index,
             d.subgroup_size_control, d.min_subgroup_size, d.max_subgroup_size,
             d.max_compute_workgroup_subgroups);
  log->debug("device {}: subgroup {} (arithmetic {}), fp16 {}, int8 {}, int16 {}, int64 {}, "
             "16-bit storage {}, 8-bit storage {}",
             d.index, d.subgroup_size, d.subgroup_arithmetic, d.shader_float16, d.shader_int8,
             d.shader_int16, d.shader_int64, d.storage_buffer_16bit, d.storage_buffer_8bit);
  log->debug("device {}: maxStorageBufferRange {}, minStorageBufferOffsetAlignment {}, "
             "maxMemoryAllocationSize {}, workgroup invocations {}, counts {}x{}x{}, "
             "shared memory {}, push constants {}, timestamps {} ({} ns/tick)",
             d.index, d.max_storage_buffer_range, d.min_storage_buffer_offset_alignment,
             d.max_memory_allocation_size, d.max_workgroup_invocations, d.max_workgroup_count[0],
             d.max_workgroup_count[1], d.max_workgroup_count[2], d.max_shared_memory_bytes,
             d.max_push_constants_size, d.timestamps, d.timestamp_period_ns);
  for (size_t i = 0; i < d.heaps.size(); ++i) {
    log->debug("device {}: heap {}: {} MiB{}", d.index, i, d.heaps[i].size >> 20,
               d.heaps[i].device_local ? " device-local" : "");
  }
  if (!d.supported) {
    log->debug("device {}: not usable: {}", d.index, d.unsupported_reason);
  }
}

std::vector<DeviceInfo> list_devices() {
  Instance instance;
  const auto physical = instance.physical_devices();
  std::vector<DeviceInfo> devices;
  for (uint32_t i = 0; i < physical.size(); ++i) {
    devices.push_back(describe_device(physical[i], i));
    log_device(devices.back());
  }
  return devices;
}

uint32_t choose_device(std::span<const DeviceInfo> devices, std::optional<uint32_t> requested) {
  std::string source = "--device";
  if (!requested) {
    if (const char* env = std::getenv("SIKAO_DEVICE"); env && *env) {
      requested = parse_index(env);
      if (!requested) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("SIKAO_DEVICE='{}' is not a device index (see `sikao-cli "
                                "devices`)",
                                env));
      }
      source = "SIKAO_DEVICE";
    }
  }
  if (requested) {
    const auto it = std::find_if(devices.begin(), devices.end(),
                                 [&](const DeviceInfo& d) { return d.index == *requested; });
    if (it == devices.end()) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("{} {} does not exist: there {} {} Vulkan device{} (see "
                              "`sikao-cli devices`)",
                              source, *requested, devices.size() == 1 ? "is" : "are",
                              devices.size(), devices.size() == 1 ? "" : "s"));
    }
    if (!it->supported) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("{} {} ({}) cannot run Sikao: {}", source, *requested, it->name,
                              it->unsupported_reason));
    }
    return it->index;
  }
  const DeviceInfo* best = nullptr;
  for (const auto& d : devices) {
    if (d.supported && (!best || type_rank(d.type) < type_rank(best->type))) {
      best = &d;
    }
  }
  if (!best) {
    std::string reasons;
    for (const auto& d : devices) {
      reasons += fmt::format("; device {} ({}): {}", d.index, d.name, d.unsupported_reason);
    }
    throw Error(ErrorCode::NoDevice,
                fmt::format("no Vulkan device can run Sikao{}. {}", reasons, k_install_advice));
  }
  return best->index;
}

} // namespace sikao::vk
