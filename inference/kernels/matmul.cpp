#include "kernels/matmul.h"

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
};

// A 64-row tile of Y per workgroup, 4 × 4 per thread, 32 columns per step. The tile is 64
// tokens wide, or the smallest of 4 / 8 / 16 / 32 that holds a smaller batch: the work per
// workgroup is proportional to the tile's width, and a chat turn after prefix reuse is often a
// few dozen tokens, which a 64-wide tile would mostly pad.
constexpr uint32_t k_tile_m = 64;
constexpr uint32_t k_max_tile_n = 64;
constexpr uint32_t k_tile_k = 32;
constexpr uint32_t k_max_workgroup_size = (k_tile_m / 4) * (k_max_tile_n / 4);

uint32_t tile_width(uint32_t n_tokens) {
  uint32_t tile_n = 4;
  while (tile_n < n_tokens && tile_n < k_max_tile_n) {
    tile_n *= 2;
  }
  return tile_n;
}

} // namespace

void matmul(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
            vk::BufferView y, uint32_t n_tokens, uint64_t max_binding_bytes,
            MatmulOutput output) {
  const vk::DeviceInfo& info = ctx.info();
  const uint32_t row_bytes = weight_row_bytes(w);
  if (info.max_workgroup_invocations < k_max_workgroup_size) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("matmul needs {} threads per workgroup; the device allows {}",
                            k_max_workgroup_size, info.max_workgroup_invocations));
  }
  if (n_tokens == 0) {
    return;
  }
  const uint32_t tile_n = tile_width(n_tokens);
  const uint32_t workgroup_size = (k_tile_m / 4) * (tile_n / 4);
  const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
      weight_shader("matmul", w.type),
      {workgroup_size, k_tile_m, tile_n, k_tile_k, output == MatmulOutput::Accumulate ? 1u : 0u},
      3,
      sizeof(PushConstants)});
  const uint32_t token_groups = (n_tokens + tile_n - 1) / tile_n;
  for (const RowWindow& win : row_windows(info, w, max_binding_bytes)) {
    const PushConstants push{w.n_cols,  win.n_rows, n_tokens, row_bytes, win.weight_offset,
                             win.row_begin, w.n_rows};
    seq.dispatch(pipeline, {win.binding, x, y}, push, (win.n_rows + k_tile_m - 1) / k_tile_m,
                 token_groups);
  }
}

} // namespace sikao::kernels
