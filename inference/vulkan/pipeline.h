#pragma once
// A compute pipeline built from one embedded SPIR-V module (sikao::shaders::all()).

#include <array>
#include <compare>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vulkan/handle.h"

namespace sikao::vk {

struct DeviceInfo;

// What a pipeline is built from, and the key Context caches it by.
//   shader:              variant name in shaders/CMakeLists.txt ("add", "matvec_q4_0", ...)
//   spec_constants:      value i is constant_id i, as uint32 (bit-cast floats yourself). Every
//                        constant_id the module declares must be given: nothing is left to the
//                        defaults in the .comp (checked against the SPIR-V).
//   bindings:            buffers at binding 0..bindings-1 of set 0: storage buffers, except
//   uniform_bindings:    bit i set: binding i is a uniform buffer instead (read-only, at most
//                        maxUniformBufferRange: 64 KiB on lavapipe, whose shaders read uniform
//                        buffers with vector gathers where storage buffers take a loop over
//                        the lanes)
//   texel_bindings:      bit i set: binding i is a uniform texel buffer of uvec4 texels
//                        (R32G32B32A32_UINT, read with texelFetch: read-only, up to
//                        maxTexelBufferElements texels): lavapipe reads texel buffers with
//                        vector gathers where storage buffers take a loop over the lanes, and
//                        unlike uniform buffers they may be as large as a weight matrix
//   push_constant_bytes: size of the push-constant struct (multiple of 4; 0 = none)
struct PipelineDesc {
  std::string shader;
  std::vector<uint32_t> spec_constants;
  uint32_t bindings = 0;
  uint32_t push_constant_bytes = 0;
  uint32_t uniform_bindings = 0;
  uint32_t texel_bindings = 0;

  auto operator<=>(const PipelineDesc&) const = default;
  bool operator==(const PipelineDesc&) const = default;
};

// The descriptor type of binding i under desc (PipelineDesc::uniform_bindings, texel_bindings).
VkDescriptorType descriptor_type(const PipelineDesc& desc, uint32_t binding);

// Shader module + descriptor set layout + pipeline layout + compute pipeline. Owned by the
// Context that built it (Context::pipeline); referenced, never copied.
class Pipeline {
 public:
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  Pipeline(Pipeline&&) = default;
  ~Pipeline() = default;

  const PipelineDesc& desc() const { return desc_; }
  // local_size after specialisation (read from the SPIR-V): groups = ceil(n / workgroup_size).
  const std::array<uint32_t, 3>& workgroup_size() const { return workgroup_size_; }
  // True when the pipeline runs with subgroups of exactly DeviceInfo::subgroup_size
  // (VK_EXT_subgroup_size_control); false where the driver may pick another size.
  bool subgroup_size_pinned() const { return subgroup_size_pinned_; }

 private:
  friend class Context;
  friend class Sequence;
  Pipeline() = default;
  // Checks desc against the module (every constant_id pinned, binding count) and the device
  // limits, then builds. Error(InvalidArgument) naming the shader on a mismatch.
  static std::unique_ptr<Pipeline> create(VkDevice device, VkPipelineCache cache,
                                          const DeviceInfo& info, const PipelineDesc& desc);

  PipelineDesc desc_;
  std::array<uint32_t, 3> workgroup_size_{1, 1, 1};
  bool subgroup_size_pinned_ = false;
  ShaderModuleHandle module_;
  DescriptorSetLayoutHandle set_layout_;
  PipelineLayoutHandle layout_;
  PipelineHandle pipeline_;
};

} // namespace sikao::vk
