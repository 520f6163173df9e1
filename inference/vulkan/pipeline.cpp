#include "vulkan/pipeline.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/error.h"
#include "embedded_shaders.h"
#include "vulkan/check.h"
#include "vulkan/device.h"

namespace sikao::vk {
namespace {

// What a module declares that a PipelineDesc must match: its SpecId and Binding decorations,
// and how its workgroup size is given (so the pinned size can be checked against the limits).
struct ModuleInterface {
  std::set<uint32_t> spec_ids;
  std::set<uint32_t> bindings;
  std::map<uint32_t, uint32_t> spec_id_of;       // result id -> SpecId
  std::map<uint32_t, uint32_t> literal_of;       // result id -> OpConstant/OpSpecConstant value
  std::map<uint32_t, std::vector<uint32_t>> composite_of;  // result id -> constituent ids
  std::optional<uint32_t> workgroup_builtin;     // id decorated BuiltIn WorkgroupSize
  std::array<uint32_t, 3> local_size_ids{};     // OpExecutionModeId LocalSizeId
  bool has_local_size_ids = false;
  std::array<uint32_t, 3> local_size{1, 1, 1};   // OpExecutionMode LocalSize
};

// The value an id has once the desc's specialisation constants are applied.
std::optional<uint32_t> value_of(const ModuleInterface& m, uint32_t id,
                                 const std::vector<uint32_t>& spec) {
  if (auto it = m.spec_id_of.find(id); it != m.spec_id_of.end() && it->second < spec.size()) {
    return spec[it->second];
  }
  if (auto it = m.literal_of.find(id); it != m.literal_of.end()) {
    return it->second;
  }
  return std::nullopt;
}

// Workgroup size after specialisation: a WorkgroupSize built-in wins over LocalSizeId, which
// wins over LocalSize (SPIR-V 2.2: "Specialization" and the WorkgroupSize built-in).
std::array<uint32_t, 3> specialised_workgroup_size(const ModuleInterface& m, const std::vector<uint32_t>& spec) {
  std::array<uint32_t, 3> size = m.local_size;
  auto resolve = [&](std::span<const uint32_t> ids) {
    for (size_t d = 0; d < 3 && d < ids.size(); ++d) {
      if (auto v = value_of(m, ids[d], spec)) {
        size[d] = *v;
      }
    }
  };
  if (m.has_local_size_ids) {
    resolve(m.local_size_ids);
  }
  if (m.workgroup_builtin) {
    if (auto it = m.composite_of.find(*m.workgroup_builtin); it != m.composite_of.end()) {
      resolve(it->second);
    }
  }
  return size;
}

// SPIR-V: a 5-word header, then instructions whose first word is (word count << 16) | opcode.
// OpDecorate (71) is: target id, decoration, literals; SpecId = 1, Binding = 33, BuiltIn = 11.
// Constants are: result type, result id, value (or constituent ids for composites).
ModuleInterface reflect(std::string_view name, std::span<const uint32_t> spirv) {
  constexpr uint32_t k_magic = 0x07230203;
  constexpr uint32_t k_op_decorate = 71;
  constexpr uint32_t k_decoration_spec_id = 1;
  constexpr uint32_t k_decoration_binding = 33;
  constexpr uint32_t k_decoration_builtin = 11;
  constexpr uint32_t k_builtin_workgroup_size = 25;
  constexpr uint32_t k_op_constant = 43;
  constexpr uint32_t k_op_constant_composite = 44;
  constexpr uint32_t k_op_spec_constant = 50;
  constexpr uint32_t k_op_spec_constant_composite = 51;
  constexpr uint32_t k_op_execution_mode = 16;
  constexpr uint32_t k_op_execution_mode_id = 331;
  constexpr uint32_t k_mode_local_size = 17;
  constexpr uint32_t k_mode_local_size_id = 38;
  if (spirv.size() < 5 || spirv[0] != k_magic) {
    throw Error(ErrorCode::Internal, fmt::format("embedded shader '{}' is not SPIR-V", name));
  }
  ModuleInterface out;
  for (size_t i = 5; i < spirv.size();) {
    const uint32_t words = spirv[i] >> 16;
    const uint32_t opcode = spirv[i] & 0xffffu;
    if (words == 0 || i + words > spirv.size()) {
      throw Error(ErrorCode::Internal,
                  fmt::format("embedded shader '{}' has a malformed instruction at word {}",
                              name, i));
    }
    const uint32_t* op = &spirv[i];
    if (opcode == k_op_decorate && words >= 4) {
      if (op[2] == k_decoration_spec_id) {
        out.spec_ids.insert(op[3]);
        out.spec_id_of[op[1]] = op[3];
      } else if (op[2] == k_decoration_binding) {
        out.bindings.insert(op[3]);
      } else if (op[2] == k_decoration_builtin && op[3] == k_builtin_workgroup_size) {
        out.workgroup_builtin = op[1];
      }
    } else if ((opcode == k_op_constant || opcode == k_op_spec_constant) && words == 4) {
      out.literal_of[op[2]] = op[3];  // 32-bit scalars only: one literal word
    } else if ((opcode == k_op_constant_composite || opcode == k_op_spec_constant_composite) &&
               words >= 3) {
      out.composite_of[op[2]].assign(op + 3, op + words);
    } else if (opcode == k_op_execution_mode && words >= 6 && op[2] == k_mode_local_size) {
      out.local_size = {op[3], op[4], op[5]};
    } else if (opcode == k_op_execution_mode_id && words >= 6 && op[2] == k_mode_local_size_id) {
      out.local_size_ids = {op[3], op[4], op[5]};
      out.has_local_size_ids = true;
    }
    i += words;
  }
  return out;
}

const shaders::Shader& find_shader(const std::string& name) {
  for (const auto& s : shaders::all()) {
    if (s.name == name) {
      return s;
    }
  }
  throw Error(ErrorCode::InvalidArgument,
              fmt::format("no embedded shader named '{}' (shader variants are listed in "
                          "shaders/CMakeLists.txt)",
                          name));
}

void validate(const PipelineDesc& desc, const ModuleInterface& module, const DeviceInfo& info) {
  const auto n = static_cast<uint32_t>(desc.spec_constants.size());
  for (uint32_t id : module.spec_ids) {
    if (id >= n) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("shader '{}': constant_id {} is not pinned (the desc gives {} "
                              "specialisation constants; the module declares ids {})",
                              desc.shader, id, n, module.spec_ids));
    }
  }
  const uint32_t declared = module.spec_ids.empty() ? 0 : *module.spec_ids.rbegin() + 1;
  if (n > declared) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("shader '{}': the desc gives {} specialisation constants but the "
                            "module declares only ids {}",
                            desc.shader, n, module.spec_ids));
  }
  if (!module.bindings.empty() && *module.bindings.rbegin() >= desc.bindings) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("shader '{}' uses binding {} but the desc declares {} bindings",
                            desc.shader, *module.bindings.rbegin(), desc.bindings));
  }
  const auto wg = specialised_workgroup_size(module, desc.spec_constants);
  const uint64_t invocations = uint64_t{wg[0]} * wg[1] * wg[2];
  for (int d = 0; d < 3; ++d) {
    if (wg[d] == 0 || wg[d] > info.max_workgroup_size[d]) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("shader '{}': workgroup size {}x{}x{} is outside the device's "
                              "maxComputeWorkGroupSize {}x{}x{}",
                              desc.shader, wg[0], wg[1], wg[2], info.max_workgroup_size[0],
                              info.max_workgroup_size[1], info.max_workgroup_size[2]));
    }
  }
  if (invocations > info.max_workgroup_invocations) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("shader '{}': workgroup size {}x{}x{} = {} invocations, more than "
                            "the device's maxComputeWorkGroupInvocations ({})",
                            desc.shader, wg[0], wg[1], wg[2], invocations,
                            info.max_workgroup_invocations));
  }
  if (desc.push_constant_bytes % 4 != 0 ||
      desc.push_constant_bytes > info.max_push_constants_size) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("shader '{}': {} push-constant bytes (must be a multiple of 4 and at "
                            "most maxPushConstantsSize = {})",
                            desc.shader, desc.push_constant_bytes, info.max_push_constants_size));
  }
}

} // namespace

std::unique_ptr<Pipeline> Pipeline::create(VkDevice device, VkPipelineCache cache,
                                           const DeviceInfo& info, const PipelineDesc& desc) {
  const auto& shader = find_shader(desc.shader);
  const ModuleInterface interface = reflect(shader.name, shader.spirv);
  validate(desc, interface, info);

  std::unique_ptr<Pipeline> p(new Pipeline());
  p->desc_ = desc;
  p->workgroup_size_ = specialised_workgroup_size(interface, desc.spec_constants);

  VkShaderModuleCreateInfo module_info{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
  module_info.codeSize = shader.spirv.size_bytes();
  module_info.pCode = shader.spirv.data();
  VkShaderModule module = VK_NULL_HANDLE;
  check(vkCreateShaderModule(device, &module_info, nullptr, &module), "vkCreateShaderModule");
  p->module_ = ShaderModuleHandle(device, module);

  std::vector<VkDescriptorSetLayoutBinding> bindings(desc.bindings);
  for (uint32_t i = 0; i < desc.bindings; ++i) {
    bindings[i] = {i, descriptor_type(desc, i), 1, VK_SHADER_STAGE_COMPUTE_BIT, nullptr};
  }
  VkDescriptorSetLayoutCreateInfo set_info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  set_info.bindingCount = desc.bindings;
  set_info.pBindings = bindings.data();
  VkDescriptorSetLayout set_layout = VK_NULL_HANDLE;
  check(vkCreateDescriptorSetLayout(device, &set_info, nullptr, &set_layout),
        "vkCreateDescriptorSetLayout");
  p->set_layout_ = DescriptorSetLayoutHandle(device, set_layout);

  const VkPushConstantRange push_range{VK_SHADER_STAGE_COMPUTE_BIT, 0, desc.push_constant_bytes};
  VkPipelineLayoutCreateInfo layout_info{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  layout_info.setLayoutCount = 1;
  layout_info.pSetLayouts = &set_layout;
  layout_info.pushConstantRangeCount = desc.push_constant_bytes > 0 ? 1 : 0;
  layout_info.pPushConstantRanges = &push_range;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  check(vkCreatePipelineLayout(device, &layout_info, nullptr, &layout), "vkCreatePipelineLayout");
  p->layout_ = PipelineLayoutHandle(device, layout);

  // Constant i is constant_id i, 4 bytes at offset 4*i of the data block.
  std::vector<VkSpecializationMapEntry> entries(desc.spec_constants.size());
  for (uint32_t i = 0; i < entries.size(); ++i) {
    entries[i] = {i, 4 * i, sizeof(uint32_t)};
  }
  VkSpecializationInfo spec{};
  spec.mapEntryCount = static_cast<uint32_t>(entries.size());
  spec.pMapEntries = entries.data();
  spec.dataSize = desc.spec_constants.size() * sizeof(uint32_t);
  spec.pData = desc.spec_constants.data();

  // Pin the subgroup size to the one DeviceInfo reports (and kernels specialise on) where the
  // device can, and the workgroup has at most maxComputeWorkgroupSubgroups subgroups of it
  // (VUID-VkPipelineShaderStageCreateInfo-pNext-02756).
  const auto& wg = p->workgroup_size_;
  const uint64_t invocations = uint64_t{wg[0]} * wg[1] * wg[2];
  VkPipelineShaderStageRequiredSubgroupSizeCreateInfoEXT required_size{
      VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_REQUIRED_SUBGROUP_SIZE_CREATE_INFO_EXT};
  required_size.requiredSubgroupSize = info.subgroup_size;
  p->subgroup_size_pinned_ =
      info.subgroup_size_control && info.subgroup_size >= info.min_subgroup_size &&
      info.subgroup_size <= info.max_subgroup_size &&
      invocations <= uint64_t{info.max_compute_workgroup_subgroups} * info.subgroup_size;

  VkComputePipelineCreateInfo pipeline_info{VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
  pipeline_info.stage = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
  pipeline_info.stage.pNext = p->subgroup_size_pinned_ ? &required_size : nullptr;
  pipeline_info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
  pipeline_info.stage.module = module;
  pipeline_info.stage.pName = "main";
  pipeline_info.stage.pSpecializationInfo = &spec;
  pipeline_info.layout = layout;
  VkPipeline pipeline = VK_NULL_HANDLE;
  check(vkCreateComputePipelines(device, cache, 1, &pipeline_info, nullptr, &pipeline),
        "vkCreateComputePipelines");
  p->pipeline_ = PipelineHandle(device, pipeline);
  return p;
}

VkDescriptorType descriptor_type(const PipelineDesc& desc, uint32_t binding) {
  if ((desc.texel_bindings >> binding) & 1u) return VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER;
  if ((desc.uniform_bindings >> binding) & 1u) return VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
  return VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
}

} // namespace sikao::vk
