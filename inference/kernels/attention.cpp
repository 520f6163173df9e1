#include "kernels/attention.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace sikao::kernels {

namespace {

constexpr uint32_t k_store_workgroup = 256;

// Spelled as in shaders/kv_store.comp.
struct StorePushConstants {
  uint32_t n_tokens;
  uint32_t n_kv_heads;
  uint32_t head_dim;
  uint32_t capacity;
};

// Spelled as in shaders/rope_store.comp.
struct RopeStorePushConstants {
  uint32_t n_tokens;
  uint32_t n_heads;
  uint32_t n_kv_heads;
  uint32_t head_dim;
  uint32_t n_rot;
  uint32_t n_positions;
  uint32_t capacity;
};

// Spelled as in shaders/attention.comp.
struct AttentionPushConstants {
  uint32_t n_tokens;
  uint32_t n_heads;
  uint32_t n_kv_heads;
  uint32_t head_dim;
  uint32_t capacity;
  float scale;
  uint32_t n_splits;
  uint32_t n_rot;
  uint32_t n_positions;
  uint32_t window;
  float softcap;
  float temperature;
  uint32_t temperature_length;
  uint32_t use_sinks;
};

// attention_cpu.comp's ROPE specialisation.
constexpr uint32_t k_cpu_rope_normal = 1;
constexpr uint32_t k_cpu_rope_neox = 2;

// Spelled as in shaders/attention_combine.comp.
struct CombinePushConstants {
  uint32_t n_heads;
  uint32_t head_dim;
  uint32_t n_splits;
  uint32_t use_sinks;
};

constexpr uint32_t k_combine_workgroup = 64;

}  // namespace

void kv_store(vk::Context& ctx, vk::Sequence& seq, vk::BufferView k_new, vk::BufferView v_new,
              vk::BufferView positions, vk::BufferView k_cache, vk::BufferView v_cache,
              uint32_t n_tokens, uint32_t n_kv_heads, uint32_t head_dim, uint32_t capacity) {
  require(n_tokens > 0 && n_kv_heads > 0 && head_dim > 0 && capacity > 0, "kv_store",
          "n_tokens, n_kv_heads, head_dim and capacity must be positive");
  const uint64_t elements = uint64_t(n_tokens) * n_kv_heads * head_dim;
  require(elements <= UINT32_MAX && uint64_t(n_kv_heads) * capacity * head_dim <= UINT32_MAX,
          "kv_store", "too many elements for 32-bit indexing");
  const vk::Pipeline& pipeline =
      ctx.pipeline(vk::PipelineDesc{.shader = "kv_store",
                                    .spec_constants = {k_store_workgroup},
                                    .bindings = 5,
                                    .push_constant_bytes = sizeof(StorePushConstants)});
  const Grid grid = fold_grid(ceil_div(elements, k_store_workgroup), ctx.info(), "kv_store");
  seq.dispatch(pipeline, {k_new, v_new, positions, k_cache, v_cache},
               StorePushConstants{n_tokens, n_kv_heads, head_dim, capacity}, grid.x, grid.y);
}

void rope_kv_store(vk::Context& ctx, vk::Sequence& seq, RopeOrdering ordering, vk::BufferView q,
                   vk::BufferView k_new, vk::BufferView v_new, vk::BufferView positions,
                   vk::BufferView table, uint32_t table_positions, const RopeShape& s,
                   vk::BufferView k_cache, vk::BufferView v_cache, uint32_t capacity) {
  require(s.n_tokens > 0 && s.n_heads > 0 && s.n_kv_heads > 0 && capacity > 0, "rope_kv_store",
          "n_tokens, n_heads, n_kv_heads and capacity must be positive");
  require(
      s.n_rot > 0 && s.n_rot % 2 == 0 && s.n_rot <= s.head_dim, "rope_kv_store",
      fmt::format("n_rot {} must be even, positive and at most head_dim {}", s.n_rot, s.head_dim));
  const uint64_t invocations = uint64_t(s.n_tokens) * s.n_heads * (s.n_rot / 2) +
                               uint64_t(s.n_tokens) * s.n_kv_heads * s.head_dim;
  require(invocations <= UINT32_MAX && uint64_t(s.n_kv_heads) * capacity * s.head_dim <= UINT32_MAX,
          "rope_kv_store", "too many elements for 32-bit indexing");
  const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
      .shader = ordering == RopeOrdering::Normal ? "rope_store_normal" : "rope_store_neox",
      .spec_constants = {k_store_workgroup},
      .bindings = 7,
      .push_constant_bytes = sizeof(RopeStorePushConstants)});
  const Grid grid =
      fold_grid(ceil_div(invocations, k_store_workgroup), ctx.info(), "rope_kv_store");
  seq.dispatch(pipeline, {q, k_new, v_new, positions, table, k_cache, v_cache},
               RopeStorePushConstants{s.n_tokens, s.n_heads, s.n_kv_heads, s.head_dim, s.n_rot,
                                      table_positions, capacity},
               grid.x, grid.y);
}

namespace {

// What every attention kernel requires of the shape (attention_cpu.comp adds its own).
void check_shape(const vk::DeviceInfo& info, const AttentionShape& s) {
  require(s.n_tokens > 0 && s.n_heads > 0 && s.n_kv_heads > 0 && s.head_dim > 0 && s.capacity > 0,
          "attention", "n_tokens, n_heads, n_kv_heads, head_dim and capacity must be positive");
  require(s.n_heads % s.n_kv_heads == 0, "attention",
          fmt::format("n_heads {} is not a multiple of n_kv_heads {}", s.n_heads, s.n_kv_heads));
  require(uint64_t(s.n_kv_heads) * s.capacity * s.head_dim <= UINT32_MAX, "attention",
          "cache too large for 32-bit indexing");
  require(s.n_heads <= info.max_workgroup_count[0] && s.n_tokens <= info.max_workgroup_count[1],
          "attention",
          fmt::format("{} heads x {} tokens exceed the device's grid", s.n_heads, s.n_tokens));
  require(s.temperature_length > 0, "attention", "temperature_length must be positive");
  require(!s.sinks || s.sinks->resolved_size() >= uint64_t(s.n_heads) * sizeof(float), "attention",
          fmt::format("the sinks need {} floats, one per head", s.n_heads));
}

AttentionPushConstants push_constants(const AttentionShape& s, uint32_t n_splits,
                                      const DecodeRope* rope) {
  const float scale =
      s.scale != 0.0f ? s.scale : static_cast<float>(1.0 / std::sqrt(double(s.head_dim)));
  return AttentionPushConstants{s.n_tokens,
                                s.n_heads,
                                s.n_kv_heads,
                                s.head_dim,
                                s.capacity,
                                scale,
                                n_splits,
                                rope ? rope->n_rot : 0u,
                                rope ? rope->table_positions : 0u,
                                s.window,
                                s.softcap,
                                s.temperature,
                                s.temperature_length,
                                s.sinks ? 1u : 0u};
}

// What Auto takes on this device: QueryPerInvocation on CPU devices where it applies (for
// decode with RoPE and the KV store fused in too).
bool query_per_invocation_is_auto(const vk::DeviceInfo& info, const AttentionShape& shape) {
  return info.type == vk::DeviceType::Cpu && query_per_invocation_applies(info, shape);
}

// attention_cpu.comp: the lanes of a workgroup are consecutive query tokens of one head, or for
// fewer tokens than lanes (decode) consecutive heads of one token. The caches are texel buffers.
// With rope (one token) RoPE and the KV store are done in the same dispatch.
void record_query_per_invocation(vk::Context& ctx, vk::Sequence& seq, vk::BufferView q,
                                 vk::BufferView k_cache, vk::BufferView v_cache,
                                 vk::BufferView positions, vk::BufferView out,
                                 const AttentionShape& s, const DecodeRope* rope = nullptr) {
  const vk::DeviceInfo& info = ctx.info();
  check_shape(info, s);
  require(query_per_invocation_applies(info, s), "attention",
          fmt::format("no query-per-invocation attention for head_dim {} on {}", s.head_dim,
                      info.name));
  const uint32_t lanes = std::max<uint32_t>(info.subgroup_size, 1);
  const bool lanes_are_heads = s.n_tokens < lanes;
  require(!rope || (s.n_tokens == 1 && rope->n_rot % 2 == 0 && rope->n_rot <= s.head_dim),
          "attention_rope_store", "one token, and an even n_rot of at most head_dim");
  const uint32_t rope_kind =
      !rope ? 0u : (rope->ordering == RopeOrdering::Normal ? k_cpu_rope_normal : k_cpu_rope_neox);
  const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
      .shader = "attention_cpu",
      .spec_constants = {lanes, s.head_dim, lanes_are_heads ? 1u : 0u, rope_kind,
                         rope ? rope->n_rot : 0u},
      .bindings = 11,
      .push_constant_bytes = sizeof(AttentionPushConstants),
      .texel_bindings = (1u << 1) | (1u << 2)});
  const uint32_t groups_x = lanes_are_heads ? (s.n_heads + lanes - 1) / lanes : s.n_heads;
  const uint32_t groups_y = lanes_are_heads ? s.n_tokens : (s.n_tokens + lanes - 1) / lanes;
  // Without rope, q stands in for the rope bindings (never read or written).
  seq.dispatch(pipeline,
               {q, k_cache, v_cache, positions, out, s.sinks.value_or(q), rope ? rope->k_new : q,
                rope ? rope->v_new : q, rope ? rope->table : q, rope ? k_cache : q,
                rope ? v_cache : q},
               push_constants(s, 1, rope), groups_x, groups_y);
}

// Records attention.comp; with n_splits > 1 it writes partials to `partials` instead of out.
void record_attention(vk::Context& ctx, vk::Sequence& seq, vk::BufferView q, vk::BufferView k_cache,
                      vk::BufferView v_cache, vk::BufferView positions, vk::BufferView out,
                      vk::BufferView partials, const AttentionShape& s, uint32_t n_splits,
                      std::optional<Reduction> reduction, const DecodeRope* rope = nullptr) {
  const auto& info = ctx.info();
  check_shape(info, s);
  const uint32_t max_workgroup = std::min<uint32_t>(1024, info.max_workgroup_invocations);
  require(
      s.head_dim <= max_workgroup, "attention",
      fmt::format("head_dim {} exceeds the device's workgroup size {}", s.head_dim, max_workgroup));
  // GPUs: at least 128 invocations score 128 keys per step; small heads split the value sum
  // over 128 / head_dim groups so the workgroup stays busy. CPU devices run the invocations one
  // SIMD chunk after another, so more than head_dim (or one subgroup) only adds work and
  // barriers: stories260K decode on lavapipe (head_dim 8), 128 -> 8 invocations: 230 -> 115 us
  // per attention dispatch.
  const uint32_t least = info.type == vk::DeviceType::Cpu ? std::max<uint32_t>(info.subgroup_size, 1) : 128;
  const uint32_t workgroup =
      pow2_workgroup(s.head_dim, std::min<uint32_t>(least, max_workgroup), max_workgroup);
  if (rope) {
    require(s.n_tokens == 1, "attention_rope_store", "decode only: one query token");
    require(rope->n_rot > 0 && rope->n_rot % 2 == 0 && rope->n_rot <= s.head_dim,
            "attention_rope_store",
            fmt::format("n_rot {} must be even, positive and at most head_dim {}", rope->n_rot,
                        s.head_dim));
  }
  const std::string shader =
      !rope ? "attention"
            : (rope->ordering == RopeOrdering::Normal ? "attention_rope_normal" : "attention_rope_neox");
  const vk::Pipeline& pipeline =
      ctx.pipeline(vk::PipelineDesc{.shader = reduction_variant(shader, info, reduction),
                                    .spec_constants = {workgroup},
                                    .bindings = rope ? 10u : 7u,
                                    .push_constant_bytes = sizeof(AttentionPushConstants)});
  const AttentionPushConstants push = push_constants(s, n_splits, rope);
  // Without sinks q stands in for their binding (never read).
  const vk::BufferView sinks = s.sinks.value_or(q);
  if (rope) {
    seq.dispatch(pipeline,
                 {q, k_cache, v_cache, positions, out, partials, sinks, rope->k_new, rope->v_new,
                  rope->table},
                 push, s.n_heads, s.n_tokens, n_splits);
  } else {
    seq.dispatch(pipeline, {q, k_cache, v_cache, positions, out, partials, sinks}, push,
                 s.n_heads, s.n_tokens, n_splits);
  }
}

}  // namespace

void attention(vk::Context& ctx, vk::Sequence& seq, vk::BufferView q, vk::BufferView k_cache,
               vk::BufferView v_cache, vk::BufferView positions, vk::BufferView out,
               const AttentionShape& shape, std::optional<Reduction> reduction,
               AttentionKernel kernel) {
  const vk::DeviceInfo& info = ctx.info();
  if (kernel == AttentionKernel::Auto) {
    kernel = query_per_invocation_is_auto(info, shape)
                 ? AttentionKernel::QueryPerInvocation
                 : AttentionKernel::KeyPerInvocation;
  }
  if (kernel == AttentionKernel::QueryPerInvocation) {
    record_query_per_invocation(ctx, seq, q, k_cache, v_cache, positions, out, shape);
    return;
  }
  // One split writes out directly; the partials binding is never touched, out stands in.
  record_attention(ctx, seq, q, k_cache, v_cache, positions, out, out, shape, 1, reduction);
}

bool query_per_invocation_applies(const vk::DeviceInfo& info, const AttentionShape& s) {
  // The caches are texel buffers of 16-byte texels: a layer's cache starts on a multiple of 16
  // bytes (KvCacheShape, head_dim a multiple of 8), which the device must take as a texel
  // buffer offset, and must not have more texels than a view may.
  const uint64_t cache_texels = uint64_t(s.n_kv_heads) * s.capacity * s.head_dim * 2 / 16;
  return s.head_dim % 8 == 0 && s.head_dim <= 256 && info.subgroup_size >= 1 &&
         info.subgroup_size <= info.max_workgroup_invocations &&
         info.min_texel_buffer_offset_alignment <= 16 &&
         cache_texels <= info.max_texel_buffer_elements;
}

uint32_t decode_attention_splits(const vk::DeviceInfo& info, const AttentionShape& s) {
  if (info.type == vk::DeviceType::Cpu || s.n_heads == 0) {
    return 1;
  }
  constexpr uint32_t k_target_workgroups = 128;
  constexpr uint32_t k_positions_per_split = 512;
  const uint32_t wanted = (k_target_workgroups + s.n_heads - 1) / s.n_heads;
  const uint32_t most = std::max<uint32_t>(1, s.capacity / k_positions_per_split);
  return std::clamp<uint32_t>(wanted, 1, most);
}

uint64_t attention_scratch_bytes(const AttentionShape& s, uint32_t n_splits) {
  return uint64_t(s.n_tokens) * s.n_heads * n_splits * (s.head_dim + 2) * sizeof(float);
}

namespace {

void split_attention(vk::Context& ctx, vk::Sequence& seq, vk::BufferView q, vk::BufferView k_cache,
                     vk::BufferView v_cache, vk::BufferView positions, vk::BufferView out,
                     const AttentionShape& shape, uint32_t n_splits, vk::BufferView scratch,
                     std::optional<Reduction> reduction, const DecodeRope* rope) {
  require(n_splits > 0 && n_splits <= ctx.info().max_workgroup_count[2], "attention_split",
          fmt::format("n_splits {} out of range", n_splits));
  require(scratch.size == 0 || scratch.size >= attention_scratch_bytes(shape, n_splits),
          "attention_split",
          fmt::format("scratch of {} bytes, {} needed", scratch.size,
                      attention_scratch_bytes(shape, n_splits)));
  if (n_splits == 1 && rope && query_per_invocation_is_auto(ctx.info(), shape)) {
    record_query_per_invocation(ctx, seq, q, k_cache, v_cache, positions, out, shape, rope);
    return;
  }
  if (n_splits == 1) {
    // One split writes out directly; the partials binding is never touched, out stands in.
    record_attention(ctx, seq, q, k_cache, v_cache, positions, out, out, shape, 1, reduction, rope);
    return;
  }
  record_attention(ctx, seq, q, k_cache, v_cache, positions, out, scratch, shape, n_splits,
                   reduction, rope);
  seq.barrier();  // scratch: attention's partials written -> combine reads them
  const vk::Pipeline& combine =
      ctx.pipeline(vk::PipelineDesc{.shader = "attention_combine",
                                    .spec_constants = {k_combine_workgroup},
                                    .bindings = 3,
                                    .push_constant_bytes = sizeof(CombinePushConstants)});
  // The sinks join the denominator here, once, not in each split's partials.
  seq.dispatch(combine, {scratch, out, shape.sinks.value_or(scratch)},
               CombinePushConstants{shape.n_heads, shape.head_dim, n_splits,
                                    shape.sinks ? 1u : 0u},
               shape.n_heads, shape.n_tokens);
}

}  // namespace

void attention_split(vk::Context& ctx, vk::Sequence& seq, vk::BufferView q, vk::BufferView k_cache,
                     vk::BufferView v_cache, vk::BufferView positions, vk::BufferView out,
                     const AttentionShape& shape, uint32_t n_splits, vk::BufferView scratch,
                     std::optional<Reduction> reduction) {
  split_attention(ctx, seq, q, k_cache, v_cache, positions, out, shape, n_splits, scratch,
                  reduction, nullptr);
}

void attention_rope_store(vk::Context& ctx, vk::Sequence& seq, vk::BufferView q,
                          const DecodeRope& rope, vk::BufferView positions, vk::BufferView k_cache,
                          vk::BufferView v_cache, vk::BufferView out, const AttentionShape& shape,
                          uint32_t n_splits, vk::BufferView scratch,
                          std::optional<Reduction> reduction) {
  split_attention(ctx, seq, q, k_cache, v_cache, positions, out, shape, n_splits, scratch,
                  reduction, &rope);
}

}  // namespace sikao::kernels
