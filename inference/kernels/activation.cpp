#include "kernels/activation.h"

#include "kernels/ops_dispatch.h"

namespace sikao::kernels {

namespace {

constexpr uint32_t k_workgroup = 256;

// Spelled as in shaders/silu_mul.comp.
struct PushConstants {
  uint32_t n;
};

}  // namespace

void silu_mul(vk::Context& ctx, vk::Sequence& seq, vk::BufferView gate, vk::BufferView up,
              vk::BufferView out, uint32_t n) {
  require(n > 0, "silu_mul", "n must be positive");
  const vk::Pipeline& pipeline =
      ctx.pipeline(vk::PipelineDesc{.shader = "silu_mul",
                                    .spec_constants = {k_workgroup},
                                    .bindings = 3,
                                    .push_constant_bytes = sizeof(PushConstants)});
  const Grid grid = fold_grid(ceil_div(n, k_workgroup), ctx.info(), "silu_mul");
  seq.dispatch(pipeline, {gate, up, out}, PushConstants{n}, grid.x, grid.y);
}

void silu_mul_interleaved(vk::Context& ctx, vk::Sequence& seq, vk::BufferView gate_up,
                          vk::BufferView out, uint32_t n) {
  require(n > 0, "silu_mul_interleaved", "n must be positive");
  const vk::Pipeline& pipeline =
      ctx.pipeline(vk::PipelineDesc{.shader = "silu_mul_interleaved",
                                    .spec_constants = {k_workgroup},
                                    .bindings = 2,
                                    .push_constant_bytes = sizeof(PushConstants)});
  const Grid grid = fold_grid(ceil_div(n, k_workgroup), ctx.info(), "silu_mul_interleaved");
  seq.dispatch(pipeline, {gate_up, out}, PushConstants{n}, grid.x, grid.y);
}

}  // namespace sikao::kernels
