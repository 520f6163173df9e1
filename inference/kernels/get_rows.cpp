#include "kernels/get_rows.h"

#include <algorithm>

namespace sikao::kernels {
namespace {

// Spelled as in shaders/get_rows.comp.
struct PushConstants {
  uint32_t n_cols;
  uint32_t n_ids;
  uint32_t row_bytes;
  uint32_t weight_offset;
  uint32_t row_begin;
  uint32_t n_rows;
  float scale;
};

constexpr uint32_t k_workgroup_size = 64;

uint32_t column_groups(uint32_t n_cols) {
  return (n_cols / 4 + k_workgroup_size - 1) / k_workgroup_size;
}

} // namespace

void get_rows(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& table, vk::BufferView ids,
              vk::BufferView out, uint32_t n_ids, uint64_t max_binding_bytes, float scale) {
  if (n_ids == 0) {
    return;
  }
  const vk::DeviceInfo& info = ctx.info();
  const uint32_t row_bytes = weight_row_bytes(table);
  const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
      weight_shader("get_rows", table.type), {k_workgroup_size}, 3, sizeof(PushConstants)});
  const uint32_t id_groups = std::min(n_ids, info.max_workgroup_count[1]);
  // Each window writes only the ids whose row it holds: the dispatches write disjoint rows of out.
  for (const RowWindow& win : row_windows(info, table, max_binding_bytes)) {
    const PushConstants push{table.n_cols,      n_ids,          row_bytes,
                             win.weight_offset, win.row_begin, win.n_rows, scale};
    seq.dispatch(pipeline, {win.binding, ids, out}, push, column_groups(table.n_cols), id_groups);
  }
}

} // namespace sikao::kernels
