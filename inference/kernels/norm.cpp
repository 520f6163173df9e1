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
  // Short rows (head_dim) get a small workgroup, long rows (embedding) 256 invocations.
  const uint32_t workgroup =
      pow2_workgroup(n, 32, std::min<uint32_t>(256, info.max_workgroup_invocations));
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
