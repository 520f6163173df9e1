#include "kernels/matmul.h"

#include <algorithm>

#include <fmt/format.h>

#include "common/error.h"

namespace sikao::kernels {
namespace {

// Spelled as in shaders/matmul.comp.
struct PushConstants {
  uint32_t n_cols;
  uint32_t n_rows;
  uint32_t n_tokens;
  uint32_t row_bytes;
  uint32_t weight_offset;
  uint32_t row_begin;
  uint32_t out_stride;
  float output_scale;
  uint32_t expert_bytes;
  uint32_t n_experts;
  uint32_t row_capacity;
  uint32_t x_row_divisor;
  uint32_t expert_begin;  // the first expert of this dispatch's binding
};

// A 64-row tile of Y per workgroup, 32 columns per step. The tile is 64 tokens wide, or the
// smallest of 4 / 8 / 16 / 32 that holds a smaller batch: the work per workgroup is
// proportional to the tile's width, and a chat turn after prefix reuse is often a few dozen
// tokens, which a 64-wide tile would mostly pad.
//
// Each thread computes rows_per_thread × tokens_per_thread of the tile. GPUs: 4 × 4 (16
// accumulators in registers, 256 threads for a full tile). CPU devices (lavapipe) run a
// workgroup's invocations one SIMD chunk after another, so what costs is the number of
// invocations and each one's shared-memory loads per multiply-add, not registers: 16 × 16 per
// thread (16 invocations for a full tile) ran a 1024 × 1024 Q8_0 matmul over 256 tokens at
// 6.4-7.4 GFLOP/s against 2.0-2.2 for 4 × 4 (`sikao-bench kernels --tokens 256`, see
// docs/BENCHMARKS.md); narrower tiles take 8 × 8 (8 × 4 for 4 tokens).
constexpr uint32_t k_tile_m = 64;
constexpr uint32_t k_max_tile_n = 64;
constexpr uint32_t k_tile_k = 32;

struct TileShape {
  uint32_t tile_n;
  uint32_t rows_per_thread;
  uint32_t tokens_per_thread;
  uint32_t threads() const { return (k_tile_m / rows_per_thread) * (tile_n / tokens_per_thread); }
};

TileShape tile_shape(const vk::DeviceInfo& info, MatmulThreadBlock block, uint32_t n_tokens) {
  uint32_t tile_n = 4;
  while (tile_n < n_tokens && tile_n < k_max_tile_n) {
    tile_n *= 2;
  }
  if (block == MatmulThreadBlock::Auto) {
    block = info.type == vk::DeviceType::Cpu ? MatmulThreadBlock::Cpu : MatmulThreadBlock::Gpu;
  }
  if (block == MatmulThreadBlock::Gpu) {
    return {tile_n, 4, 4};
  }
  if (tile_n >= 32) {
    return {tile_n, 16, 16};
  }
  return {tile_n, 8, std::min<uint32_t>(tile_n, 8)};
}

const vk::Pipeline& matmul_pipeline(vk::Context& ctx, gguf::TensorType type, const TileShape& shape,
                                    bool accumulate, bool experts, bool expert_bias) {
  return ctx.pipeline(vk::PipelineDesc{
      weight_shader("matmul", type),
      {shape.threads(), k_tile_m, shape.tile_n, k_tile_k, accumulate ? 1u : 0u,
       shape.rows_per_thread, shape.tokens_per_thread, experts ? 1u : 0u,
       expert_bias ? 1u : 0u},
      5,
      sizeof(PushConstants)});
}

// The widest tile decides whether the device can run prefill at all.
void require_tile_threads(const vk::DeviceInfo& info, MatmulThreadBlock block) {
  const uint32_t most_threads = tile_shape(info, block, k_max_tile_n).threads();
  if (info.max_workgroup_invocations < most_threads) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("matmul needs {} threads per workgroup; the device allows {}",
                            most_threads, info.max_workgroup_invocations));
  }
}

} // namespace

void matmul(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
            vk::BufferView y, uint32_t n_tokens, uint64_t max_binding_bytes,
            MatmulOutput output, MatmulThreadBlock block, float output_scale) {
  const vk::DeviceInfo& info = ctx.info();
  const uint32_t row_bytes = weight_row_bytes(w);
  require_tile_threads(info, block);
  if (n_tokens == 0) {
    return;
  }
  const TileShape shape = tile_shape(info, block, n_tokens);
  const uint32_t tile_n = shape.tile_n;
  const vk::Pipeline& pipeline =
      matmul_pipeline(ctx, w.type, shape, output == MatmulOutput::Accumulate, false, false);
  const uint32_t token_groups = (n_tokens + tile_n - 1) / tile_n;
  for (const RowWindow& win : row_windows(info, w, max_binding_bytes)) {
    const PushConstants push{w.n_cols,  win.n_rows, n_tokens, row_bytes, win.weight_offset,
                             win.row_begin, w.n_rows, output_scale, 0, 0, 0, 1, 0};
    seq.dispatch(pipeline, {win.binding, x, y, x, x}, push, (win.n_rows + k_tile_m - 1) / k_tile_m,
                 token_groups);
  }
}

void matmul_experts(vk::Context& ctx, vk::Sequence& seq, const ExpertMatrices& experts,
                    vk::BufferView expert_rows, uint32_t n_tokens, uint32_t x_row_divisor,
                    vk::BufferView x, vk::BufferView y, MatmulThreadBlock block,
                    uint64_t max_binding_bytes) {
  const vk::DeviceInfo& info = ctx.info();
  const WeightMatrix& w = experts.w;
  require_tile_threads(info, block);
  if (n_tokens == 0) {
    return;
  }
  if (x_row_divisor == 0) {
    throw Error(ErrorCode::InvalidArgument, "matmul_experts: the row divisor must be positive");
  }
  const uint32_t row_bytes = weight_row_bytes(w);
  const TileShape shape = tile_shape(info, block, n_tokens);
  require_expert_bias(experts, "matmul_experts");
  const vk::Pipeline& pipeline =
      matmul_pipeline(ctx, w.type, shape, false, true, experts.bias.has_value());
  // The bindings' experts write disjoint rows of Y (their own pairs): no barrier between.
  for (const RowWindow& win : expert_windows(info, experts, max_binding_bytes)) {
    const PushConstants push{w.n_cols,         w.n_rows,          n_tokens,      row_bytes,
                             win.weight_offset, 0,                w.n_rows,      1.0f,
                             row_bytes * w.n_rows, experts.n_expert, n_tokens, x_row_divisor,
                             win.row_begin};
    seq.dispatch(pipeline, {win.binding, x, y, expert_rows, experts.bias.value_or(x)}, push,
                 (w.n_rows + k_tile_m - 1) / k_tile_m,
                 (n_tokens + shape.tile_n - 1) / shape.tile_n, win.n_rows);
  }
}

} // namespace sikao::kernels
