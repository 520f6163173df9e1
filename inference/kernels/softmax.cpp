#include "kernels/softmax.h"

#include <algorithm>

namespace sikao::kernels {

namespace {

// Spelled as in shaders/softmax.comp.
struct PushConstants {
  uint32_t rows;
  uint32_t n;
  float scale;
};

}  // namespace

void softmax(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, vk::BufferView out,
             uint32_t rows, uint32_t n, float scale, std::optional<Reduction> reduction) {
  require(n > 0 && rows > 0, "softmax", "rows and n must be positive");
  const auto& info = ctx.info();
  const uint32_t workgroup =
      pow2_workgroup(n, 32, std::min<uint32_t>(256, info.max_workgroup_invocations));
  const vk::Pipeline& pipeline =
      ctx.pipeline(vk::PipelineDesc{.shader = reduction_variant("softmax", info, reduction),
                                    .spec_constants = {workgroup},
                                    .bindings = 2,
                                    .push_constant_bytes = sizeof(PushConstants)});
  const Grid grid = fold_grid(rows, info, "softmax");
  seq.dispatch(pipeline, {x, out}, PushConstants{rows, n, scale}, grid.x, grid.y);
}

}  // namespace sikao::kernels
