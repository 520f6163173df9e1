#include "kernels/delta_net.h"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace sikao::kernels {
namespace {

// Spelled as in shaders/delta_net_conv.comp, and as in delta_net.comp and delta_net_chunked.comp.
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

// Both forms' operands: the shape, the sizes of every view for n_tokens.
void require_delta_inputs(const char* kernel, const DeltaNetInputs& in, vk::BufferView out,
                          uint32_t n_tokens, const DeltaNetShape& shape) {
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
}

// Both forms run one invocation per column of a value head: a power of two >= D_V.
uint32_t delta_workgroup(const vk::DeviceInfo& info, const DeltaNetShape& shape) {
  return pow2_workgroup(shape.d_v, 32, info.max_workgroup_invocations);
}

void require_workgroup(const char* kernel, const vk::DeviceInfo& info, const DeltaNetShape& shape) {
  require(delta_workgroup(info, shape) >= shape.d_v, kernel,
          fmt::format("value heads of {} exceed the device's workgroup of {}", shape.d_v,
                      info.max_workgroup_invocations));
}

// shaders/delta_net_chunked.comp's shared arrays: 5 of CHUNK floats, two CHUNK × CHUNK, the
// chunk's o rows (CHUNK × WORKGROUP_SIZE) and its normed keys and queries (2 × CHUNK rows of
// D_K rounded up to fours).
uint64_t chunked_shared_bytes(uint32_t chunk, uint32_t workgroup, uint32_t d_k) {
  const uint64_t c = chunk;
  const uint64_t padded_key = 4 * ceil_div(d_k, 4);
  return (5 * c + 2 * c * c + c * workgroup + 2 * c * padded_key) * sizeof(float);
}

void dispatch_delta_rule(vk::Context& ctx, vk::Sequence& seq, const std::string& shader,
                         std::vector<uint32_t> spec_constants, const DeltaNetInputs& in,
                         vk::BufferView out, uint32_t n_tokens, const DeltaNetShape& shape,
                         float eps) {
  const auto& pipeline = ctx.pipeline(vk::PipelineDesc{.shader = shader,
                                                       .spec_constants = std::move(spec_constants),
                                                       .bindings = 8,
                                                       .push_constant_bytes = sizeof(DeltaPush)});
  seq.dispatch(pipeline,
               {in.x, in.z, in.beta, in.alpha, in.head_params, in.norm_weight, in.state, out},
               DeltaPush{n_tokens, shape.n_k_heads, shape.n_v_heads, shape.d_v, eps},
               shape.n_v_heads);
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
  require_delta_inputs(kernel, in, out, n_tokens, shape);
  const auto& info = ctx.info();
  require_workgroup(kernel, info, shape);
  dispatch_delta_rule(ctx, seq, reduction_variant(kernel, info, reduction),
                      {delta_workgroup(info, shape), shape.d_k}, in, out, n_tokens, shape, eps);
}

void delta_net_chunked(vk::Context& ctx, vk::Sequence& seq, const DeltaNetInputs& in,
                       vk::BufferView out, uint32_t n_tokens, const DeltaNetShape& shape,
                       float eps, uint32_t chunk) {
  constexpr const char* kernel = "delta_net_chunked";
  require_delta_inputs(kernel, in, out, n_tokens, shape);
  const auto& info = ctx.info();
  require_workgroup(kernel, info, shape);
  require(chunk >= 1 && chunk <= k_max_delta_chunk, kernel,
          fmt::format("chunks of {} tokens (1 to {})", chunk, k_max_delta_chunk));
  const uint32_t workgroup = delta_workgroup(info, shape);
  const uint64_t shared = chunked_shared_bytes(chunk, workgroup, shape.d_k);
  require(shared <= info.max_shared_memory_bytes, kernel,
          fmt::format("chunks of {} tokens need {} bytes of shared memory, the device has {}",
                      chunk, shared, info.max_shared_memory_bytes));
  dispatch_delta_rule(ctx, seq, kernel, {workgroup, shape.d_k, chunk}, in, out, n_tokens, shape,
                      eps);
}

uint32_t delta_net_max_chunk(const vk::DeviceInfo& info, const DeltaNetShape& shape) {
  const uint32_t workgroup = delta_workgroup(info, shape);
  for (uint32_t chunk = k_max_delta_chunk; chunk >= 1; chunk /= 2) {
    if (chunked_shared_bytes(chunk, workgroup, shape.d_k) <= info.max_shared_memory_bytes) {
      return chunk;
    }
  }
  return 0;
}

}  // namespace sikao::kernels
