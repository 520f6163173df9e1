#include "vulkan/check.h"

#include <fmt/format.h>

#include "common/error.h"

namespace sikao::vk {

const char* to_string(VkResult result) {
  switch (result) {
#define SIKAO_VK_RESULT(name) \
  case name: return #name;
    SIKAO_VK_RESULT(VK_SUCCESS)
    SIKAO_VK_RESULT(VK_NOT_READY)
    SIKAO_VK_RESULT(VK_TIMEOUT)
    SIKAO_VK_RESULT(VK_EVENT_SET)
    SIKAO_VK_RESULT(VK_EVENT_RESET)
    SIKAO_VK_RESULT(VK_INCOMPLETE)
    SIKAO_VK_RESULT(VK_ERROR_OUT_OF_HOST_MEMORY)
    SIKAO_VK_RESULT(VK_ERROR_OUT_OF_DEVICE_MEMORY)
    SIKAO_VK_RESULT(VK_ERROR_INITIALIZATION_FAILED)
    SIKAO_VK_RESULT(VK_ERROR_DEVICE_LOST)
    SIKAO_VK_RESULT(VK_ERROR_MEMORY_MAP_FAILED)
    SIKAO_VK_RESULT(VK_ERROR_LAYER_NOT_PRESENT)
    SIKAO_VK_RESULT(VK_ERROR_EXTENSION_NOT_PRESENT)
    SIKAO_VK_RESULT(VK_ERROR_FEATURE_NOT_PRESENT)
    SIKAO_VK_RESULT(VK_ERROR_INCOMPATIBLE_DRIVER)
    SIKAO_VK_RESULT(VK_ERROR_TOO_MANY_OBJECTS)
    SIKAO_VK_RESULT(VK_ERROR_FORMAT_NOT_SUPPORTED)
    SIKAO_VK_RESULT(VK_ERROR_FRAGMENTED_POOL)
    SIKAO_VK_RESULT(VK_ERROR_UNKNOWN)
    SIKAO_VK_RESULT(VK_ERROR_OUT_OF_POOL_MEMORY)
    SIKAO_VK_RESULT(VK_ERROR_INVALID_EXTERNAL_HANDLE)
    SIKAO_VK_RESULT(VK_ERROR_FRAGMENTATION)
    SIKAO_VK_RESULT(VK_ERROR_INVALID_OPAQUE_CAPTURE_ADDRESS)
    SIKAO_VK_RESULT(VK_PIPELINE_COMPILE_REQUIRED)
#undef SIKAO_VK_RESULT
    default: return "VkResult(unknown)";
  }
}

void check(VkResult result, const char* call) {
  if (result == VK_SUCCESS) {
    return;
  }
  switch (result) {
    case VK_ERROR_DEVICE_LOST:
      throw Error(ErrorCode::DeviceLost,
                  fmt::format("{} failed: {}: the GPU was lost (driver crash, reset or timeout); "
                              "the work in flight is gone",
                              call, to_string(result)));
    case VK_ERROR_OUT_OF_HOST_MEMORY:
      throw Error(ErrorCode::OutOfMemory,
                  fmt::format("{} failed: {}: out of system memory", call, to_string(result)));
    case VK_ERROR_OUT_OF_DEVICE_MEMORY:
    case VK_ERROR_OUT_OF_POOL_MEMORY:
    case VK_ERROR_FRAGMENTATION:
    case VK_ERROR_TOO_MANY_OBJECTS:
      throw Error(ErrorCode::OutOfMemory,
                  fmt::format("{} failed: {}: out of GPU memory (try a smaller model or "
                              "context)",
                              call, to_string(result)));
    default:
      throw Error(ErrorCode::Vulkan, fmt::format("{} failed: {}", call, to_string(result)));
  }
}

} // namespace sikao::vk
