#include "kernels/matmul.h"

#include <algorithm>
#include <span>
#include <vector>

#include <fmt/format.h>

#include "common/error.h"
#include "kernels/ops_dispatch.h"

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

// matmul_cpu.comp: tokens per dispatch (one uniform binding each; lavapipe allows 15 per
// stage), rows per invocation, invocations per workgroup (one SIMD register's lanes).
constexpr uint32_t k_cpu_tokens = 8;
constexpr uint32_t k_cpu_rows_per_invocation = 8;
// row_chunk.glsl's CHUNK_COLS for the types of 32-weight blocks (K-quants: a block, 256).
constexpr uint32_t k_cpu_chunk_cols = 128;

// matmul_cpu.comp reads the weights (binding 0) as a texel buffer (row_chunk.glsl).
constexpr uint32_t k_cpu_weight_texels = 1u << 0;

// Spelled as in shaders/matmul_cpu.comp.
struct CpuPushConstants {
  uint32_t n_cols;
  uint32_t n_rows;
  uint32_t n_tokens;
  uint32_t row_bytes;
  uint32_t weight_offset;
  uint32_t row_begin;
  uint32_t out_stride;
  uint32_t first_token;
  float output_scale;
  uint32_t accumulate;
};

// One dispatch per window of rows and group of k_cpu_tokens tokens: token t of a group is bound
// as uniform buffer 1 + t (tokens past the batch repeat its last token and are not stored).
void record_row_per_invocation(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w,
                               vk::BufferView x, vk::BufferView y, uint32_t n_tokens,
                               uint64_t max_binding_bytes, bool accumulate, float output_scale) {
  const vk::DeviceInfo& info = ctx.info();
  const uint32_t row_bytes = weight_row_bytes(w);
  const uint32_t lanes = std::max<uint32_t>(info.subgroup_size, 1);
  const uint32_t rows_per_group = lanes * k_cpu_rows_per_invocation;
  const uint64_t x_row_bytes = uint64_t(w.n_cols) * sizeof(float);
  for (const RowWindow& win : row_windows(info, w, max_binding_bytes)) {
    const std::optional<vk::BufferView> weights = whole_uvec4_binding(info, win);
    if (!weights) {
      throw Error(ErrorCode::Unsupported,
                  fmt::format("matmul: a window of {} bytes cannot be bound as whole uvec4s",
                              win.binding.resolved_size()));
    }
    const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
        weight_shader("matmul_cpu", w.type),
        {lanes, rows_per_group, row_alignment(row_bytes, win),
         w.n_cols % k_cpu_chunk_cols == 0 ? 1u : 0u},
        2 + k_cpu_tokens,
        sizeof(CpuPushConstants),
        ((1u << k_cpu_tokens) - 1) << 1,
        k_cpu_weight_texels});
    const Grid g = fold_grid((win.n_rows + rows_per_group - 1) / rows_per_group, info, "matmul");
    for (uint32_t first = 0; first < n_tokens; first += k_cpu_tokens) {
      const uint32_t count = std::min(k_cpu_tokens, n_tokens - first);
      std::vector<vk::BufferView> bindings{*weights};
      for (uint32_t t = 0; t < k_cpu_tokens; ++t) {
        const uint32_t token = first + std::min(t, count - 1);
        bindings.push_back(vk::BufferView{x.buffer, x.offset + token * x_row_bytes, x_row_bytes});
      }
      bindings.push_back(y);
      const CpuPushConstants push{w.n_cols,  win.n_rows, count,  row_bytes,   win.weight_offset,
                                  win.row_begin, w.n_rows, first, output_scale,
                                  accumulate ? 1u : 0u};
      seq.dispatch(pipeline, bindings,
                   std::span(reinterpret_cast<const std::byte*>(&push), sizeof push), g.x, g.y);
    }
  }
}

} // namespace

bool row_per_invocation_matmul_applies(const vk::DeviceInfo& info, gguf::TensorType type,
                                       uint32_t n_cols) {
  using T = gguf::TensorType;
  const bool has_kernel = type == T::Q8_0 || type == T::Q4_0 || type == T::Q5_0 ||
                          type == T::Q4_K || type == T::Q5_K || type == T::Q6_K;
  const uint64_t x_row_bytes = uint64_t(n_cols) * sizeof(float);
  // Token t's row is bound at t rows past x's own offset: a row apart must be a legal offset.
  return has_kernel && uniform_block_fits(info, x_row_bytes, x_row_bytes) &&
         info.subgroup_size <= info.max_workgroup_invocations;
}

void matmul(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
            vk::BufferView y, uint32_t n_tokens, uint64_t max_binding_bytes,
            MatmulOutput output, MatmulThreadBlock block, float output_scale) {
  const vk::DeviceInfo& info = ctx.info();
  const uint32_t row_bytes = weight_row_bytes(w);
  const auto windows_are_texels = [&] {
    return std::ranges::all_of(row_windows(info, w, max_binding_bytes), [&](const RowWindow& win) {
      return whole_uvec4_binding(info, win).has_value();
    });
  };
  const bool rows_applies =
      row_per_invocation_matmul_applies(info, w.type, w.n_cols) &&
      uniform_block_fits(info, x.offset, uint64_t(w.n_cols) * sizeof(float)) && windows_are_texels();
  if (block == MatmulThreadBlock::Auto && info.type == vk::DeviceType::Cpu && rows_applies) {
    block = MatmulThreadBlock::RowsPerInvocation;
  }
  if (block == MatmulThreadBlock::RowsPerInvocation) {
    if (!rows_applies) {
      throw Error(ErrorCode::Unsupported,
                  fmt::format("no row-per-invocation matmul for this {} × {} {} product on {}",
                              w.n_rows, w.n_cols, gguf::traits(w.type).name, info.name));
    }
    if (n_tokens > 0) {
      record_row_per_invocation(ctx, seq, w, x, y, n_tokens, max_binding_bytes,
                                output == MatmulOutput::Accumulate, output_scale);
    }
    return;
  }
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
