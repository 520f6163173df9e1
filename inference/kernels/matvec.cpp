#include "kernels/matvec.h"

#include <algorithm>

#include <fmt/format.h>

#include "common/error.h"
#include "kernels/ops_dispatch.h"

namespace sikao::kernels {
namespace {

// Spelled as in shaders/matvec.comp.
struct PushConstants {
  uint32_t n_cols;
  uint32_t n_rows;
  uint32_t row_bytes;
  uint32_t weight_offset;
  uint32_t row_begin;
};

constexpr uint32_t k_rows_per_workgroup = 2;

// Four subgroups' worth of threads (a power of two, as the shared-memory reduction needs),
// within 64..256 and the device's limit, halved (down to one subgroup) while half of it still
// covers a row at 4 weights per thread: idle invocations are not free, least of all on lavapipe,
// where they made short-row decode (stories260K, 64 columns) 40% slower.
uint32_t workgroup_size(const vk::DeviceInfo& info, uint32_t n_cols) {
  uint32_t size = std::clamp<uint32_t>(4 * std::max<uint32_t>(info.subgroup_size, 1), 64, 256);
  const uint32_t one_subgroup = std::max<uint32_t>(info.subgroup_size, 1);
  while (size > one_subgroup && 4 * (size / 2) >= n_cols) {
    size /= 2;
  }
  while (size > info.max_workgroup_invocations && size > 1) {
    size /= 2;
  }
  return size;
}

} // namespace

void matvec(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
            vk::BufferView y, uint64_t max_binding_bytes, MatvecReduction reduction) {
  const vk::DeviceInfo& info = ctx.info();
  const uint32_t row_bytes = weight_row_bytes(w);
  if (reduction == MatvecReduction::Auto) {
    reduction = info.subgroup_arithmetic ? MatvecReduction::Subgroup : MatvecReduction::SharedMemory;
  }
  if (reduction == MatvecReduction::Subgroup && !info.subgroup_arithmetic) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{} has no subgroup arithmetic for the matvec reduction", info.name));
  }
  const std::string variant =
      weight_shader("matvec", w.type) + (reduction == MatvecReduction::Subgroup ? "" : "_shared");
  const vk::Pipeline& pipeline = ctx.pipeline(vk::PipelineDesc{
      variant, {workgroup_size(info, w.n_cols), k_rows_per_workgroup}, 3, sizeof(PushConstants)});
  for (const RowWindow& win : row_windows(info, w, max_binding_bytes)) {
    const PushConstants push{w.n_cols, win.n_rows, row_bytes, win.weight_offset, win.row_begin};
    const uint64_t groups = (win.n_rows + k_rows_per_workgroup - 1) / k_rows_per_workgroup;
    const Grid g = fold_grid(groups, info, "matvec");
    seq.dispatch(pipeline, {win.binding, x, y}, push, g.x, g.y);
  }
}

} // namespace sikao::kernels
