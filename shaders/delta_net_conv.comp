#version 450
// The causal depthwise convolution of a Gated DeltaNet layer (Qwen3.5) over a batch of tokens,
// with its state, followed by SiLU. One invocation per channel c walks the tokens in order:
//
//   window_t = (x_{t-K+1}, …, x_t)[c]       (the first K−1 from state[c] before the batch)
//   out[t][c] = silu(Σ_j weight[c][j] · window_t[j])
//
// and leaves the last K−1 inputs in state[c] for the next batch. weight is [channels][K] f32
// (GGUF ssm_conv1d dims {K, channels}), state [channels][K−1], x and out [n_tokens][channels].

layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
layout(local_size_x_id = 0) in;

// The longest kernel this shader takes (Qwen3.5: 4).
#define MAX_KERNEL 8

layout(std430, binding = 0) readonly buffer X { float x[]; };
layout(std430, binding = 1) readonly buffer Weight { float weight[]; };
layout(std430, binding = 2) buffer State { float state[]; };
layout(std430, binding = 3) writeonly buffer Out { float result[]; };

layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint channels;
  uint kernel;
} pc;

void main() {
  const uint c = gl_GlobalInvocationID.x;
  if (c >= pc.channels) {
    return;
  }
  const uint history = pc.kernel - 1;
  float w[MAX_KERNEL];
  float window[MAX_KERNEL];
  for (uint j = 0; j < pc.kernel; ++j) {
    w[j] = weight[c * pc.kernel + j];
  }
  for (uint j = 0; j < history; ++j) {
    window[j] = state[c * history + j];
  }
  for (uint t = 0; t < pc.n_tokens; ++t) {
    const float value = x[t * pc.channels + c];
    float acc = w[history] * value;
    for (uint j = 0; j < history; ++j) {
      acc += w[j] * window[j];
    }
    result[t * pc.channels + c] = acc / (1.0 + exp(-acc));
    for (uint j = 0; j + 1 < history; ++j) {
      window[j] = window[j + 1];
    }
    if (history > 0) {
      window[history - 1] = value;
    }
  }
  for (uint j = 0; j < history; ++j) {
    state[c * history + j] = window[j];
  }
}
