#include "kernels/dequantize.h"

#include <algorithm>

namespace sikao::kernels {
namespace {

// Spelled as in shaders/dequant.comp.
struct PushConstants {
  uint32_t n_cols;
  uint32_t n_rows;
  uint32_t row_bytes;
  uint32_t weight_offset;
  uint32_t row_begin;
};

constexpr uint32_t k_workgroup_size = 64;

uint32_t column_groups(uint32_t n_cols) {
  return (n_cols / 4 + k_workgroup_size - 1) / k_workgroup_size;
}

} // namespace

void dequantize(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView out,
                uint64_t max_binding_bytes) {
  const vk::DeviceInfo& info = ctx.info();
  const uint32_t row_bytes = weight_row_bytes(w);
  const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
      weight_shader("dequant", w.type), {k_workgroup_size}, 2, sizeof(PushConstants)});
  for (const RowWindow& win : row_windows(info, w, max_binding_bytes)) {
    const PushConstants push{w.n_cols, win.n_rows, row_bytes, win.weight_offset, win.row_begin};
    seq.dispatch(pipeline, {win.binding, out}, push, column_groups(w.n_cols),
                 std::min(win.n_rows, info.max_workgroup_count[1]));
  }
}

} // namespace sikao::kernels
