#pragma once
// What a Vulkan device can do, read once at enumeration: the capabilities kernels choose their
// variants by (subgroup size, fp16/int8, 8/16-bit storage) and the limits they must respect
// (maxStorageBufferRange, offset alignment, workgroup counts).

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sikao::vk {

enum class DeviceType { Discrete, Integrated, Virtual, Cpu, Other };
const char* to_string(DeviceType type);

struct MemoryHeap {
  uint64_t size;
  bool device_local;
};

struct DeviceInfo {
  uint32_t index;  // position in vkEnumeratePhysicalDevices order; what --device N names
  std::string name;
  DeviceType type;
  uint32_t vendor_id, device_id;
  std::string driver_name, driver_info;
  uint32_t api_version;  // VK_MAKE_API_VERSION encoding
  uint32_t subgroup_size;
  bool subgroup_arithmetic;  // VK_SUBGROUP_FEATURE_ARITHMETIC_BIT in compute shaders
  bool shader_float16, shader_int8, storage_buffer_16bit, storage_buffer_8bit;
  uint64_t max_storage_buffer_range;
  uint64_t min_storage_buffer_offset_alignment;
  uint64_t max_uniform_buffer_range = 0;             // maxUniformBufferRange
  uint64_t min_uniform_buffer_offset_alignment = 0;  // minUniformBufferOffsetAlignment
  uint64_t max_texel_buffer_elements = 0;            // maxTexelBufferElements
  uint64_t min_texel_buffer_offset_alignment = 0;    // minTexelBufferOffsetAlignment
  uint32_t max_workgroup_invocations;
  std::array<uint32_t, 3> max_workgroup_count;
  uint32_t max_push_constants_size;
  bool timestamps;  // compute queue writes timestamps (timestampComputeAndGraphics, valid bits)
  float timestamp_period_ns;
  std::vector<MemoryHeap> heaps;

  // Additions beyond the list.
  bool shader_int16 = false, shader_int64 = false;
  uint64_t max_memory_allocation_size = 0;  // VkPhysicalDeviceMaintenance3Properties
  std::array<uint32_t, 3> max_workgroup_size{};
  uint32_t max_shared_memory_bytes = 0;     // maxComputeSharedMemorySize
  // VK_EXT_subgroup_size_control for compute. Where present, Sikao pins every pipeline's
  // subgroup size to `subgroup_size` (so a subgroup size passed as a specialisation constant is
  // the one the shader runs with), provided the workgroup has at most
  // max_compute_workgroup_subgroups subgroups; Pipeline::subgroup_size_pinned() says if it did.
  bool subgroup_size_control = false;
  uint32_t min_subgroup_size = 0, max_subgroup_size = 0;
  uint32_t max_compute_workgroup_subgroups = 0;
  // Sikao needs Vulkan 1.2 and storageBuffer16BitAccess; a device without them is listed but
  // never chosen, and `unsupported_reason` says why.
  bool supported = false;
  std::string unsupported_reason;

  std::string api_version_string() const;  // "1.3.230"
};

// Every device the Vulkan loader reports. No loader, no driver or no device:
// Error(NoDevice, "... install mesa-vulkan-drivers ...").
std::vector<DeviceInfo> list_devices();

// `requested` if given, else $SIKAO_DEVICE if set, else the best supported device by type
// (discrete > integrated > virtual > cpu > other; ties: the lower index). A request naming a
// missing or unsupported device is Error(InvalidArgument); no supported device, Error(NoDevice).
uint32_t choose_device(std::span<const DeviceInfo> devices, std::optional<uint32_t> requested);

} // namespace sikao::vk
