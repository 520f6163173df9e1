#include "vulkan/sequence.h"

#include <bit>

#include <fmt/format.h>

#include "common/error.h"
#include "vulkan/check.h"
#include "vulkan/context.h"

namespace sikao::vk {
namespace {

// Descriptor pools hold this many sets of up to k_bindings_per_set storage buffers and
// k_uniform_bindings_per_set uniform buffers each.
constexpr uint32_t k_sets_per_pool = 128;
constexpr uint32_t k_bindings_per_set = 8;
constexpr uint32_t k_uniform_bindings_per_set = 2;
constexpr uint32_t k_texel_bindings_per_set = 1;
constexpr uint32_t k_timestamps_per_pool = 64;

constexpr VkPipelineStageFlags k_gpu_stages =
    VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;

void memory_barrier(VkCommandBuffer cmd, VkPipelineStageFlags src_stages, VkAccessFlags src,
                    VkPipelineStageFlags dst_stages, VkAccessFlags dst) {
  VkMemoryBarrier barrier{VK_STRUCTURE_TYPE_MEMORY_BARRIER};
  barrier.srcAccessMask = src;
  barrier.dstAccessMask = dst;
  vkCmdPipelineBarrier(cmd, src_stages, dst_stages, 0, 1, &barrier, 0, nullptr, 0, nullptr);
}

const char* state_name(int state) {
  switch (state) {
    case 0: return "not recorded";
    case 1: return "recording";
    default: return "recorded";
  }
}

} // namespace

Sequence::Sequence(Context& context) : context_(&context) {
  const VkDevice device = context.vk_device_;
  VkCommandPoolCreateInfo pool_info{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool_info.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pool_info.queueFamilyIndex = context.queue_family_;
  VkCommandPool pool = VK_NULL_HANDLE;
  check(vkCreateCommandPool(device, &pool_info, nullptr, &pool), "vkCreateCommandPool");
  pool_ = CommandPoolHandle(device, pool);

  VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  alloc.commandPool = pool;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  check(vkAllocateCommandBuffers(device, &alloc, &cmd_), "vkAllocateCommandBuffers");

  VkFenceCreateInfo fence_info{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence = VK_NULL_HANDLE;
  check(vkCreateFence(device, &fence_info, nullptr, &fence), "vkCreateFence");
  fence_ = FenceHandle(device, fence);
}

Sequence::~Sequence() = default;

void Sequence::require(State state, const char* operation) const {
  if (state_ != state) {
    throw Error(ErrorCode::Internal,
                fmt::format("Sequence::{} on a sequence that is {} (needs: {})", operation,
                            state_name(static_cast<int>(state_)),
                            state_name(static_cast<int>(state))));
  }
}

void Sequence::begin(Profile profile) {
  if (state_ == State::Recording) {
    check(vkEndCommandBuffer(cmd_), "vkEndCommandBuffer");
  }
  state_ = State::Initial;
  check(vkResetCommandBuffer(cmd_, 0), "vkResetCommandBuffer");
  for (auto& pool : descriptor_pools_) {
    check(vkResetDescriptorPool(context_->vk_device_, pool.get(), 0), "vkResetDescriptorPool");
  }
  descriptor_pool_in_use_ = 0;
  texel_views_.clear();
  timestamp_count_ = 0;
  dispatch_count_ = 0;
  submitted_ = false;
  VkCommandBufferBeginInfo begin_info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  check(vkBeginCommandBuffer(cmd_, &begin_info), "vkBeginCommandBuffer");
  state_ = State::Recording;
  profile_ = profile;
  profile_labels_.clear();
  if (profile_ == Profile::EachOperation) {
    write_timestamp();
  }
}

void Sequence::profile_operation(std::string_view label) {
  if (profile_ == Profile::EachOperation && context_->info().timestamps) {
    write_timestamp();
    profile_labels_.emplace_back(label);
  }
}

std::vector<Sequence::OperationTime> Sequence::profile() const {
  const std::vector<double> t = timestamps_ns();
  std::vector<OperationTime> out;
  if (t.size() != profile_labels_.size() + 1) {
    return out;
  }
  for (size_t i = 0; i < profile_labels_.size(); ++i) {
    out.push_back({profile_labels_[i], t[i + 1] - t[i]});
  }
  return out;
}

VkDescriptorSet Sequence::allocate_set(const Pipeline& pipeline) {
  const VkDevice device = context_->vk_device_;
  const VkDescriptorSetLayout layout = pipeline.set_layout_.get();
  VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
  alloc.descriptorSetCount = 1;
  alloc.pSetLayouts = &layout;
  for (;; ++descriptor_pool_in_use_) {
    if (descriptor_pool_in_use_ == descriptor_pools_.size()) {
      const uint32_t per_set = std::max(k_bindings_per_set, pipeline.desc().bindings);
      const uint32_t uniform_per_set =
          std::max<uint32_t>(k_uniform_bindings_per_set, std::popcount(pipeline.desc().uniform_bindings));
      const uint32_t texel_per_set =
          std::max<uint32_t>(k_texel_bindings_per_set, std::popcount(pipeline.desc().texel_bindings));
      const VkDescriptorPoolSize sizes[] = {
          {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, k_sets_per_pool * per_set},
          {VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, k_sets_per_pool * uniform_per_set},
          {VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER, k_sets_per_pool * texel_per_set}};
      VkDescriptorPoolCreateInfo pool_info{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
      pool_info.maxSets = k_sets_per_pool;
      pool_info.poolSizeCount = 3;
      pool_info.pPoolSizes = sizes;
      VkDescriptorPool pool = VK_NULL_HANDLE;
      check(vkCreateDescriptorPool(device, &pool_info, nullptr, &pool), "vkCreateDescriptorPool");
      descriptor_pools_.emplace_back(device, pool);
    }
    alloc.descriptorPool = descriptor_pools_[descriptor_pool_in_use_].get();
    VkDescriptorSet set = VK_NULL_HANDLE;
    const VkResult result = vkAllocateDescriptorSets(device, &alloc, &set);
    if (result == VK_ERROR_OUT_OF_POOL_MEMORY || result == VK_ERROR_FRAGMENTED_POOL) {
      continue;  // this pool is full: the next one (new if need be)
    }
    check(result, "vkAllocateDescriptorSets");
    return set;
  }
}

VkBufferView Sequence::texel_view(const PipelineDesc& desc, uint32_t binding, const BufferView& view) {
  const DeviceInfo& info = context_->info();
  const uint64_t size = view.resolved_size();
  constexpr uint64_t k_texel_bytes = 16;  // R32G32B32A32_UINT
  if (size % k_texel_bytes != 0 || size / k_texel_bytes > info.max_texel_buffer_elements ||
      view.offset % info.min_texel_buffer_offset_alignment != 0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("dispatch of '{}': texel binding {} is {} bytes at offset {}; the "
                            "device takes whole 16-byte texels, at most {} of them, at multiples "
                            "of {}",
                            desc.shader, binding, size, view.offset, info.max_texel_buffer_elements,
                            info.min_texel_buffer_offset_alignment));
  }
  VkBufferViewCreateInfo view_info{VK_STRUCTURE_TYPE_BUFFER_VIEW_CREATE_INFO};
  view_info.buffer = view.buffer->buffer_.get();
  view_info.format = VK_FORMAT_R32G32B32A32_UINT;
  view_info.offset = view.offset;
  view_info.range = size;
  VkBufferView handle = VK_NULL_HANDLE;
  check(vkCreateBufferView(context_->vk_device_, &view_info, nullptr, &handle), "vkCreateBufferView");
  texel_views_.emplace_back(context_->vk_device_, handle);
  return handle;
}

void Sequence::dispatch(const Pipeline& pipeline, std::initializer_list<BufferView> bindings,
                        std::span<const std::byte> push, uint32_t groups_x, uint32_t groups_y,
                        uint32_t groups_z) {
  dispatch(pipeline, std::span<const BufferView>(bindings.begin(), bindings.size()), push,
           groups_x, groups_y, groups_z);
}

void Sequence::dispatch(const Pipeline& pipeline, std::span<const BufferView> bindings,
                        std::span<const std::byte> push, uint32_t groups_x, uint32_t groups_y,
                        uint32_t groups_z) {
  require(State::Recording, "dispatch");
  const PipelineDesc& desc = pipeline.desc();
  const DeviceInfo& info = context_->info();
  if (bindings.size() != desc.bindings) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("dispatch of '{}' with {} buffers; the pipeline has {} bindings",
                            desc.shader, bindings.size(), desc.bindings));
  }
  if (push.size() != desc.push_constant_bytes) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("dispatch of '{}' with {} push-constant bytes; the pipeline takes {}",
                            desc.shader, push.size(), desc.push_constant_bytes));
  }
  const uint32_t groups[3] = {groups_x, groups_y, groups_z};
  for (int axis = 0; axis < 3; ++axis) {
    if (groups[axis] > info.max_workgroup_count[axis]) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("dispatch of '{}' with {} workgroups along axis {}; the device "
                              "allows {} (maxComputeWorkGroupCount): split the work",
                              desc.shader, groups[axis], "xyz"[axis],
                              info.max_workgroup_count[axis]));
    }
  }
  std::vector<VkDescriptorBufferInfo> buffer_infos(bindings.size());
  std::vector<VkBufferView> texel_views(bindings.size(), VK_NULL_HANDLE);
  for (size_t i = 0; i < bindings.size(); ++i) {
    const BufferView& view = bindings[i];
    const uint64_t size = view.resolved_size();
    if ((desc.texel_bindings >> i) & 1u) {
      texel_views[i] = texel_view(desc, static_cast<uint32_t>(i), view);
      continue;
    }
    if ((desc.uniform_bindings >> i) & 1u) {
      if (size > info.max_uniform_buffer_range ||
          view.offset % info.min_uniform_buffer_offset_alignment != 0) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("dispatch of '{}': uniform binding {} is {} bytes at offset {}; "
                                "the device takes at most {} bytes at multiples of {}",
                                desc.shader, i, size, view.offset, info.max_uniform_buffer_range,
                                info.min_uniform_buffer_offset_alignment));
      }
      buffer_infos[i] = {view.buffer->buffer_.get(), view.offset, size};
      continue;
    }
    if (size > info.max_storage_buffer_range) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("dispatch of '{}': binding {} is {} bytes, larger than the "
                              "device's maxStorageBufferRange of {} bytes: split the work or "
                              "bind a smaller view",
                              desc.shader, i, size, info.max_storage_buffer_range));
    }
    if (view.offset % info.min_storage_buffer_offset_alignment != 0) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("dispatch of '{}': binding {} starts at offset {}, not a multiple "
                              "of the device's minStorageBufferOffsetAlignment ({})",
                              desc.shader, i, view.offset,
                              info.min_storage_buffer_offset_alignment));
    }
    buffer_infos[i] = {view.buffer->buffer_.get(), view.offset, size};
  }

  const VkDescriptorSet set = allocate_set(pipeline);
  std::vector<VkWriteDescriptorSet> writes(bindings.size());
  for (uint32_t i = 0; i < writes.size(); ++i) {
    writes[i] = {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
    writes[i].dstSet = set;
    writes[i].dstBinding = i;
    writes[i].descriptorCount = 1;
    writes[i].descriptorType = descriptor_type(desc, i);
    writes[i].pBufferInfo = &buffer_infos[i];
    writes[i].pTexelBufferView = &texel_views[i];
  }
  vkUpdateDescriptorSets(context_->vk_device_, static_cast<uint32_t>(writes.size()),
                         writes.data(), 0, nullptr);

  vkCmdBindPipeline(cmd_, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.pipeline_.get());
  vkCmdBindDescriptorSets(cmd_, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.layout_.get(), 0, 1,
                          &set, 0, nullptr);
  if (!push.empty()) {
    vkCmdPushConstants(cmd_, pipeline.layout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0,
                       static_cast<uint32_t>(push.size()), push.data());
  }
  vkCmdDispatch(cmd_, groups_x, groups_y, groups_z);
  ++dispatch_count_;
  profile_operation(desc.shader);
}

void Sequence::barrier() {
  require(State::Recording, "barrier");
  memory_barrier(cmd_, k_gpu_stages, VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT,
                 k_gpu_stages,
                 VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_UNIFORM_READ_BIT |
                     VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT |
                     VK_ACCESS_TRANSFER_WRITE_BIT);
}

void Sequence::copy(BufferView src, BufferView dst) {
  require(State::Recording, "copy");
  const uint64_t src_size = src.resolved_size();
  if (dst.size == 0 && dst.buffer && dst.offset <= dst.buffer->size() &&
      dst.buffer->size() - dst.offset >= src_size) {
    dst.size = src_size;
  }
  const uint64_t dst_size = dst.resolved_size();
  if (src_size != dst_size) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("copy of {} bytes into a view of {} bytes", src_size, dst_size));
  }
  if (src.buffer == dst.buffer && src.offset < dst.offset + dst_size &&
      dst.offset < src.offset + src_size) {
    // vkCmdCopyBuffer's regions must not overlap (VUID-vkCmdCopyBuffer-pRegions-00117).
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("copy within one buffer from [offset {}, size {}] to [offset {}]: "
                            "the ranges overlap",
                            src.offset, src_size, dst.offset));
  }
  const VkBufferCopy region{src.offset, dst.offset, src_size};
  vkCmdCopyBuffer(cmd_, src.buffer->buffer_.get(), dst.buffer->buffer_.get(), 1, &region);
  profile_operation("copy");
}

void Sequence::fill_zero(BufferView dst) {
  require(State::Recording, "fill_zero");
  const uint64_t size = dst.resolved_size();
  if (dst.offset % 4 != 0 || size % 4 != 0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("fill_zero of [offset {}, size {}]: both must be multiples of 4",
                            dst.offset, size));
  }
  vkCmdFillBuffer(cmd_, dst.buffer->buffer_.get(), dst.offset, size, 0);
  profile_operation("fill");
}

void Sequence::write_timestamp() {
  require(State::Recording, "write_timestamp");
  if (!context_->info().timestamps) {
    return;
  }
  const uint32_t pool_index = timestamp_count_ / k_timestamps_per_pool;
  const uint32_t slot = timestamp_count_ % k_timestamps_per_pool;
  if (pool_index == query_pools_.size()) {
    VkQueryPoolCreateInfo info{VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO};
    info.queryType = VK_QUERY_TYPE_TIMESTAMP;
    info.queryCount = k_timestamps_per_pool;
    VkQueryPool pool = VK_NULL_HANDLE;
    check(vkCreateQueryPool(context_->vk_device_, &info, nullptr, &pool), "vkCreateQueryPool");
    query_pools_.emplace_back(context_->vk_device_, pool);
  }
  const VkQueryPool pool = query_pools_[pool_index].get();
  if (slot == 0) {
    // Queries must be reset before they are written; doing it in the recording makes every
    // replay reset them again.
    vkCmdResetQueryPool(cmd_, pool, 0, k_timestamps_per_pool);
  }
  vkCmdWriteTimestamp(cmd_, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, pool, slot);
  ++timestamp_count_;
}

void Sequence::end() {
  require(State::Recording, "end");
  // GPU writes -> host reads of mapped buffers after the fence.
  memory_barrier(cmd_, k_gpu_stages, VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT,
                 VK_PIPELINE_STAGE_HOST_BIT, VK_ACCESS_HOST_READ_BIT);
  check(vkEndCommandBuffer(cmd_), "vkEndCommandBuffer");
  state_ = State::Executable;
}

void Sequence::submit_and_wait() {
  require(State::Executable, "submit_and_wait");
  context_->submit_and_wait(cmd_, fence_.get());
  submitted_ = true;
}

std::vector<double> Sequence::timestamps_ns() const {
  std::vector<double> out;
  if (timestamp_count_ == 0 || !submitted_) {
    return out;
  }
  std::vector<uint64_t> ticks;
  for (uint32_t first = 0; first < timestamp_count_; first += k_timestamps_per_pool) {
    const uint32_t count = std::min(k_timestamps_per_pool, timestamp_count_ - first);
    std::vector<uint64_t> part(count);
    const VkResult result = vkGetQueryPoolResults(
        context_->vk_device_, query_pools_[first / k_timestamps_per_pool].get(), 0, count,
        count * sizeof(uint64_t), part.data(), sizeof(uint64_t), VK_QUERY_RESULT_64_BIT);
    check(result, "vkGetQueryPoolResults");
    ticks.insert(ticks.end(), part.begin(), part.end());
  }
  const uint32_t bits = context_->timestamp_valid_bits_;
  const uint64_t mask = bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
  const double period = context_->info().timestamp_period_ns;
  for (uint64_t t : ticks) {
    // Differences modulo 2^bits survive one counter wrap-around.
    out.push_back(static_cast<double>((t - ticks[0]) & mask) * period);
  }
  return out;
}

} // namespace sikao::vk
