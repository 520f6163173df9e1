#include "kernels/delta_net.h"

#include <fmt/format.h>

namespace sikao::kernels {
namespace {

// Spelled as in shaders/delta_net_conv.comp and delta_net.comp.
struct ConvPush {
  uint32_t n_tokens;
  uint32_t channels;
  uint32_t kernel;
};
struct DeltaPush {
  uint32_t n_tokens;
  uint32_t n_k_heads;
  uint32_t n_v_heads;
  uint32_t d_v;
  float eps;
};

constexpr uint32_t k_conv_workgroup = 64;

void require_conv(const char* kernel, uint32_t taps) {
  require(taps >= 1 && taps <= k_max_conv_kernel, kernel,
          fmt::format("a convolution of {} taps (1 to {})", taps, k_max_conv_kernel));
}

void require_shape(const char* kernel, const DeltaNetShape& s) {
  require(s.n_k_heads > 0 && s.d_k > 0 && s.n_v_heads > 0 && s.d_v > 0, kernel,
          "head counts and lengths must be positive");
  require(s.n_v_heads % s.n_k_heads == 0, kernel,
          fmt::format("{} value heads are not a multiple of {} key heads", s.n_v_heads,
                      s.n_k_heads));
  require_conv(kernel, s.conv_kernel);
  require(s.d_k <= k_max_delta_key_length, kernel,
          fmt::format("key heads of {} (at most {})", s.d_k, k_max_delta_key_length));
}

}  // namespace

void delta_net_conv(vk::Context& ctx, vk::Sequence& seq, vk::BufferView x, vk::BufferView weight,
                    vk::BufferView state, vk::BufferView out, uint32_t n_tokens,
                    uint32_t channels, uint32_t taps) {
  constexpr const char* kernel = "delta_net_conv";
  require_conv(kernel, taps);
  require(n_tokens > 0 && channels > 0, kernel, "no tokens or no channels");
  const uint64_t n = n_tokens;
  require_floats(kernel, "x", x, n * channels);
  require_floats(kernel, "out", out, n * channels);
  require_floats(kernel, "weight", weight, uint64_t(channels) * taps);
  require_floats(kernel, "state", state, std::max<uint64_t>(1, uint64_t(channels) * (taps - 1)));
  const auto& pipeline = ctx.pipeline(
      vk::PipelineDesc{.shader = kernel, .spec_constants = {k_conv_workgroup}, .bindings = 4,
                       .push_constant_bytes = sizeof(ConvPush)});
  seq.dispatch(pipeline, {x, weight, state, out},
               ConvPush{n_tokens, channels, taps},
               static_cast<uint32_t>(ceil_div(channels, k_conv_workgroup)));
}

void delta_net(vk::Context& ctx, vk::Sequence& seq, const DeltaNetInputs& in, vk::BufferView out,
               uint32_t n_tokens, const DeltaNetShape& shape, float eps,
               std::optional<Reduction> reduction) {
  constexpr const char* kernel = "delta_net";
  require_shape(kernel, shape);
  require(n_tokens > 0, kernel, "no tokens");
  const uint64_t n = n_tokens;
  require_floats(kernel, "x", in.x, n * shape.conv_channels());
  require_floats(kernel, "z", in.z, n * shape.value_width());
  require_floats(kernel, "beta", in.beta, n * shape.n_v_heads);
  require_floats(kernel, "alpha", in.alpha, n * shape.n_v_heads);
  require_floats(kernel, "head_params", in.head_params, 2ull * shape.n_v_heads);
  require_floats(kernel, "norm_weight", in.norm_weight, shape.d_v);
  require_floats(kernel, "state", in.state, shape.delta_state_floats());
  require_floats(kernel, "out", out, n * shape.value_width());
  const auto& info = ctx.info();
  const uint32_t workgroup = pow2_workgroup(shape.d_v, 32, info.max_workgroup_invocations);
  require(workgroup >= shape.d_v, kernel,
          fmt::format("value heads of {} exceed the device's workgroup of {}", shape.d_v,
                      info.max_workgroup_invocations));
  const auto& pipeline = ctx.pipeline(
      vk::PipelineDesc{.shader = reduction_variant(kernel, info, reduction),
                       .spec_constants = {workgroup, shape.d_k},
                       .bindings = 8,
                       .push_constant_bytes = sizeof(DeltaPush)});
  seq.dispatch(pipeline,
               {in.x, in.z, in.beta, in.alpha, in.head_params, in.norm_weight, in.state, out},
               DeltaPush{n_tokens, shape.n_k_heads, shape.n_v_heads, shape.d_v, eps},
               shape.n_v_heads);
}

}  // namespace sikao::kernels
