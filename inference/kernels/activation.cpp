#include "kernels/activation.h"

#include <fmt/format.h>

#include "kernels/ops_dispatch.h"

namespace sikao::kernels {

namespace {

constexpr uint32_t k_workgroup = 256;

// Spelled as in shaders/silu_mul.comp.
struct PushConstants {
  uint32_t n;
};

// Spelled as in shaders/softcap.comp.
struct SoftcapPushConstants {
  uint32_t n;
  float cap;
};

const char* shader_name(GateActivation act, bool interleaved) {
  switch (act) {
    case GateActivation::Gelu:
      return interleaved ? "gelu_mul_interleaved" : "gelu_mul";
    case GateActivation::SwiGluOai:
      return interleaved ? "swiglu_oai_mul_interleaved" : "swiglu_oai_mul";
    case GateActivation::Silu:
      break;
  }
  return interleaved ? "silu_mul_interleaved" : "silu_mul";
}

}  // namespace

void gated_activation(vk::Context& ctx, vk::Sequence& seq, GateActivation act,
                      vk::BufferView gate, vk::BufferView up, vk::BufferView out, uint32_t n) {
  require(n > 0, "gated_activation", "n must be positive");
  const char* shader = shader_name(act, false);
  const vk::Pipeline& pipeline =
      ctx.pipeline(vk::PipelineDesc{.shader = shader,
                                    .spec_constants = {k_workgroup},
                                    .bindings = 3,
                                    .push_constant_bytes = sizeof(PushConstants)});
  const Grid grid = fold_grid(ceil_div(n, k_workgroup), ctx.info(), shader);
  seq.dispatch(pipeline, {gate, up, out}, PushConstants{n}, grid.x, grid.y);
}

void gated_activation_interleaved(vk::Context& ctx, vk::Sequence& seq, GateActivation act,
                                  vk::BufferView gate_up, vk::BufferView out, uint32_t n) {
  require(n > 0, "gated_activation_interleaved", "n must be positive");
  const char* shader = shader_name(act, true);
  const vk::Pipeline& pipeline =
      ctx.pipeline(vk::PipelineDesc{.shader = shader,
                                    .spec_constants = {k_workgroup},
                                    .bindings = 2,
                                    .push_constant_bytes = sizeof(PushConstants)});
  const Grid grid = fold_grid(ceil_div(n, k_workgroup), ctx.info(), shader);
  seq.dispatch(pipeline, {gate_up, out}, PushConstants{n}, grid.x, grid.y);
}

void softcap(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, uint32_t n, float cap) {
  require(n > 0, "softcap", "n must be positive");
  require(cap > 0.0f, "softcap", fmt::format("the cap must be positive, got {}", cap));
  const vk::Pipeline& pipeline =
      ctx.pipeline(vk::PipelineDesc{.shader = "softcap",
                                    .spec_constants = {k_workgroup},
                                    .bindings = 1,
                                    .push_constant_bytes = sizeof(SoftcapPushConstants)});
  const Grid grid = fold_grid(ceil_div(n, k_workgroup), ctx.info(), "softcap");
  seq.dispatch(pipeline, {x}, SoftcapPushConstants{n, cap}, grid.x, grid.y);
}

}  // namespace sikao::kernels
