#pragma once
// The KV cache and causal attention against it (shaders/kv_store.comp, rope_store.comp,
// attention.comp, attention_combine.comp).
//
// KV cache layout. Each layer has a K cache and a V cache, each IEEE binary16 (f16)
//   [n_kv_heads][capacity][head_dim]
// i.e. element (head h, position p, dimension d) at index (h * capacity + p) * head_dim + d.
// One head's keys are contiguous across positions, so attention streams them; capacity is the
// session's context length. KvCacheShape gives the sizes; where the caches of all layers share
// one buffer, layer l's K and V are the views at k_offset(l) and v_offset(l) (a capacity that is
// a multiple of 64 keeps those offsets aligned for any minStorageBufferOffsetAlignment <= 256;
// a single cache must stay within maxStorageBufferRange, 128 MiB on lavapipe).
//
// Kernels: kv_store (k, v -> cache), rope_kv_store (RoPE on q and k fused with the store),
// attention (one workgroup per query head and token), attention_split (keys also split over
// workgroups, for decode on GPUs; shaders/attention_combine.comp merges the splits) and
// attention_rope_store (decode with rope_kv_store fused in).
//
// Positions. All of them read the tokens' positions from a buffer of n_tokens uint32 (the same
// one RoPE reads), so a recorded forward pass replays for the next token by rewriting it.
// Query token t at position p attends cache positions 0..p, its own key included: store the
// block's keys and values (kv_store or rope_kv_store) and record a barrier before attention.
// Decode is n_tokens = 1 at p = n - 1 for a cache holding n positions; prefill is a block of
// n_tokens at positions p0, p0+1, ...

#include <cstdint>
#include <optional>

#include "kernels/ops_dispatch.h"
#include "kernels/rope.h"
#include "vulkan/context.h"

namespace sikao::kernels {

struct KvCacheShape {
  uint32_t n_layers = 0;
  uint32_t n_kv_heads = 0;
  uint32_t head_dim = 0;
  uint32_t capacity = 0;  // positions per head

  uint64_t elements_per_cache() const { return uint64_t(n_kv_heads) * capacity * head_dim; }
  uint64_t bytes_per_cache() const { return elements_per_cache() * 2; }
  // Offsets in one buffer holding, per layer, K then V.
  uint64_t k_offset(uint32_t layer) const { return uint64_t(layer) * 2 * bytes_per_cache(); }
  uint64_t v_offset(uint32_t layer) const { return k_offset(layer) + bytes_per_cache(); }
  uint64_t total_bytes() const { return uint64_t(n_layers) * 2 * bytes_per_cache(); }
};

// Stores k_new and v_new (f32 [n_tokens][n_kv_heads][head_dim]) as f16 into one layer's
// k_cache and v_cache at positions[t]. A position >= capacity is not stored.
void kv_store(vk::Context& ctx, vk::Sequence& seq, vk::BufferView k_new, vk::BufferView v_new,
              vk::BufferView positions, vk::BufferView k_cache, vk::BufferView v_cache,
              uint32_t n_tokens, uint32_t n_kv_heads, uint32_t head_dim, uint32_t capacity);

// rope on q (in place) and kv_store of the rotated k and of v, fused in one dispatch (k_new is
// left unrotated). shape.n_kv_heads > 0; the caches as for kv_store.
void rope_kv_store(vk::Context& ctx, vk::Sequence& seq, RopeOrdering ordering, vk::BufferView q,
                   vk::BufferView k_new, vk::BufferView v_new, vk::BufferView positions,
                   vk::BufferView table, uint32_t table_positions, const RopeShape& shape,
                   vk::BufferView k_cache, vk::BufferView v_cache, uint32_t capacity);

struct AttentionShape {
  uint32_t n_tokens = 0;  // query tokens: 1 for decode, the block size for prefill
  uint32_t n_heads = 0;   // query heads, a multiple of n_kv_heads (GQA)
  uint32_t n_kv_heads = 0;
  uint32_t head_dim = 0;  // any value up to the device's workgroup size limit (8 .. 256 tested)
  uint32_t capacity = 0;  // of the caches, as in KvCacheShape
  // How a score is made from q·k (the defaults: plain attention):
  //   score = softcap · tanh(s / softcap) (softcap > 0; else s),  s = scale · t(p) · q·k,
  //   t(p) = 1 + temperature · ln(1 + floor(p / temperature_length))  (Llama 4 / Ministral 3
  //   temperature tuning, p the query's position; 1 when temperature is 0).
  float scale = 0.0f;  // 0: 1 / sqrt(head_dim)
  float softcap = 0.0f;
  float temperature = 0.0f;
  uint32_t temperature_length = 1;
  // Sliding window: a query at position p attends positions p - window + 1 .. p only (0: all).
  uint32_t window = 0;
  // Attention sinks (gpt-oss): f32 [n_heads], one learned logit per query head that joins the
  // softmax's denominator without a value,
  //   softmax_j = exp(score_j - m) / (sum_i exp(score_i - m) + exp(sink_h - m)),
  //   m = max(max_i score_i, sink_h).
  // None by default.
  std::optional<vk::BufferView> sinks;
};

// out[t][h] = sum_j softmax_j(score(q[t][h], k[h'][j])) v[h'][j] over the keys j <= positions[t]
// inside the window (with the sink in the denominator where shape.sinks is set),
// h' = h / (n_heads / n_kv_heads). q and out f32 [n_tokens][n_heads][head_dim]; f32
// arithmetic throughout, online softmax (any cache length). A query whose position is >=
// capacity gets NaN.
//
// Two kernels compute it. KeyPerInvocation (attention.comp): a workgroup per query token and
// head, its invocations scoring one key each. QueryPerInvocation (attention_cpu.comp, CPU
// devices): each invocation one query token of one head, the lanes of a workgroup consecutive
// tokens of one head reading the same keys, or for fewer tokens than lanes consecutive heads
// (head_dim a multiple of 8, at most 256). Auto takes QueryPerInvocation on CPU devices where
// it applies.
enum class AttentionKernel { Auto, KeyPerInvocation, QueryPerInvocation };
void attention(vk::Context& ctx, vk::Sequence& seq, vk::BufferView q, vk::BufferView k_cache,
               vk::BufferView v_cache, vk::BufferView positions, vk::BufferView out,
               const AttentionShape& shape, std::optional<Reduction> reduction = std::nullopt,
               AttentionKernel kernel = AttentionKernel::Auto);
bool query_per_invocation_applies(const vk::DeviceInfo& info, const AttentionShape& shape);

// The same result with each query's keys cut into n_splits ranges handled by separate
// workgroups (flash decoding), merged by a second dispatch through scratch (at least
// attention_scratch_bytes). For decode on a GPU: one query per head is too few workgroups to
// fill the device, so choose n_splits so that n_heads * n_splits covers its compute units
// (ranges past the current length cost an empty workgroup each). Records its own barrier.
void attention_split(vk::Context& ctx, vk::Sequence& seq, vk::BufferView q, vk::BufferView k_cache,
                     vk::BufferView v_cache, vk::BufferView positions, vk::BufferView out,
                     const AttentionShape& shape, uint32_t n_splits, vk::BufferView scratch,
                     std::optional<Reduction> reduction = std::nullopt);

// RoPE and the KV store of one new token, fused into decode attention.
struct DecodeRope {
  RopeOrdering ordering = RopeOrdering::Normal;
  vk::BufferView k_new, v_new;  // f32 [n_kv_heads][head_dim], before RoPE
  vk::BufferView table;         // rope_table(n_rot, base, table_positions)
  uint32_t table_positions = 0;
  uint32_t n_rot = 0;
};

// Decode (shape.n_tokens = 1) with RoPE and the KV store fused in: one dispatch (plus the merge
// where n_splits > 1) that leaves out and the caches as rope_kv_store, a barrier and
// attention_split would, from q before RoPE (q itself is left unrotated). On CPU devices, where
// QueryPerInvocation applies and n_splits is 1, attention_cpu.comp does it.
void attention_rope_store(vk::Context& ctx, vk::Sequence& seq, vk::BufferView q,
                          const DecodeRope& rope, vk::BufferView positions, vk::BufferView k_cache,
                          vk::BufferView v_cache, vk::BufferView out, const AttentionShape& shape,
                          uint32_t n_splits, vk::BufferView scratch,
                          std::optional<Reduction> reduction = std::nullopt);

// A split count for decode (n_tokens = 1): 1 on CPU devices (lavapipe: no idle units to fill);
// on GPUs enough that n_heads * splits reaches ~128 workgroups, but no more than one split per
// 512 cache positions, so that each split keeps several 128-key chunks at full context.
uint32_t decode_attention_splits(const vk::DeviceInfo& info, const AttentionShape& shape);

// f32 partials of attention_split: n_tokens * n_heads * n_splits * (head_dim + 2) floats.
uint64_t attention_scratch_bytes(const AttentionShape& shape, uint32_t n_splits);

}  // namespace sikao::kernels
