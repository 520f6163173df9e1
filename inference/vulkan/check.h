#pragma once
// The one place a VkResult becomes an error: check(vkFoo(...), "vkFoo") throws sikao::Error
// naming the call and the result, with device loss and memory exhaustion as their own codes.

#include <vulkan/vulkan_core.h>

namespace sikao::vk {

const char* to_string(VkResult result);

// Throws unless result is VK_SUCCESS (or another non-negative status the caller accepts first).
void check(VkResult result, const char* call);

} // namespace sikao::vk
