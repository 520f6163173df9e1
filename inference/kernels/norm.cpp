#include "kernels/norm.h"

#include <algorithm>

namespace sikao::kernels {

namespace {

// Spelled as in shaders/rms_norm.comp.
struct PushConstants {
  uint32_t rows;
  uint32_t n;
  float eps;
};

const vk::Pipeline& norm_pipeline(vk::Context& ctx, const char* kernel, uint32_t bindings,
                                  uint32_t rows, uint32_t n, std::optional<Reduction> reduction) {
  require(n > 0 && rows > 0, kernel, "rows and n must be positive");
  const auto& info = ctx.info();
  // GPUs: short rows (head_dim) get a small workgroup, long rows (embedding) 256 invocations.
  // CPU devices run a workgroup's invocations one SIMD chunk after another, each barrier a
  // switch between them: one subgroup's lanes each take n / lanes of the row (lavapipe,
  // smollm2-135m decode: 61 norms of 576 took 7.05 ms a step with 256 invocations).
  const uint32_t lanes = std::max<uint32_t>(info.subgroup_size, 1);
  const bool cpu = info.type == vk::DeviceType::Cpu;
  const uint32_t workgroup =
      pow2_workgroup(n, cpu ? lanes : 32,
                     std::min<uint32_t>(cpu ? lanes : 256, info.max_workgroup_invocations));
  return ctx.pipeline(vk::PipelineDesc{.shader = reduction_variant(kernel, info, reduction),
                                       .spec_constants = {workgroup},
                                       .bindings = bindings,
                                       .push_constant_bytes = sizeof(PushConstants)});
}

}  // namespace

void rms_norm(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, vk::BufferView weight,
              vk::BufferView out, uint32_t rows, uint32_t n, float eps,
              std::optional<Reduction> reduction) {
  const vk::Pipeline& pipeline = norm_pipeline(ctx, "rms_norm", 3, rows, n, reduction);
  const Grid grid = fold_grid(rows, ctx.info(), "rms_norm");
  seq.dispatch(pipeline, {x, weight, out}, PushConstants{rows, n, eps}, grid.x, grid.y);
}

void add_rms_norm(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, vk::BufferView residual,
                  vk::BufferView weight, vk::BufferView sum, vk::BufferView out, uint32_t rows,
                  uint32_t n, float eps, std::optional<Reduction> reduction) {
  const vk::Pipeline& pipeline = norm_pipeline(ctx, "add_rms_norm", 5, rows, n, reduction);
  const Grid grid = fold_grid(rows, ctx.info(), "add_rms_norm");
  seq.dispatch(pipeline, {x, weight, out, residual, sum}, PushConstants{rows, n, eps}, grid.x,
               grid.y);
}

}  // namespace sikao::kernels
