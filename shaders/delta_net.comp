#version 450
#extension GL_GOOGLE_include_directive : require
#ifdef USE_SUBGROUP
#extension GL_KHR_shader_subgroup_arithmetic : require
#endif
// The gated delta rule of a Gated DeltaNet layer (Qwen3.5), recurrent form, over a batch of
// tokens: one workgroup per value head h, invocation j owning column j of the head's state
// S (D_K × D_V) in registers. For each token t, in order:
//
//   q, k   = l2norm(q_t[h mod H_K]), l2norm(k_t[h mod H_K])     (ggml's tiled head mapping)
//   β      = sigmoid(beta_t[h]),  g = softplus(alpha_t[h] + dt_bias[h]) · a[h]   (a < 0)
//   S      = exp(g) · S
//   δ_j    = β (v_t[h][j] − Σ_i S[i][j] k[i])
//   S[i][j] += k[i] δ_j
//   o_j    = Σ_i S[i][j] q[i] / √D_K
//   out[t][h][j] = rmsnorm(o)_j · norm[j] · silu(z_t[h][j])        (the gated RMSNorm)
//
// x is the convolution's output [n_tokens][2 H_K D_K + H_V D_V] (q, k, v); z and out are
// [n_tokens][H_V D_V]; beta and alpha [n_tokens][H_V]; head_params holds dt_bias [H_V] then
// a [H_V]; state is [H_V][D_V][D_K] (column j of head h contiguous), read at the start and
// written at the end.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 128;  // a power of two >= D_V
layout(constant_id = 1) const uint D_K = 128;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer X { float x[]; };
layout(std430, binding = 1) readonly buffer Z { float z[]; };
layout(std430, binding = 2) readonly buffer Beta { float beta_in[]; };
layout(std430, binding = 3) readonly buffer Alpha { float alpha_in[]; };
layout(std430, binding = 4) readonly buffer HeadParams { float head_params[]; };
layout(std430, binding = 5) readonly buffer NormWeight { float norm_weight[]; };
layout(std430, binding = 6) buffer State { float state[]; };
layout(std430, binding = 7) writeonly buffer Out { float result[]; };

layout(push_constant) uniform PushConstants {
  uint n_tokens;
  uint n_k_heads;
  uint n_v_heads;
  uint d_v;
  float eps;
} pc;

#include "reduce.glsl"

shared float q_shared[D_K];
shared float k_shared[D_K];

void main() {
  const uint h = gl_WorkGroupID.x;
  const uint j = gl_LocalInvocationIndex;
  const bool owns_column = j < pc.d_v;
  const uint kh = h % pc.n_k_heads;
  const uint k_width = pc.n_k_heads * D_K;
  const uint v_width = pc.n_v_heads * pc.d_v;
  const uint x_row = 2 * k_width + v_width;
  const float dt_bias = head_params[h];
  const float a = head_params[pc.n_v_heads + h];

  float s[D_K];
  const uint column = (h * pc.d_v + j) * D_K;
  for (uint i = 0; i < D_K; ++i) {
    s[i] = owns_column ? state[column + i] : 0.0;
  }

  for (uint t = 0; t < pc.n_tokens; ++t) {
    const uint row = t * x_row;
    float q_sq = 0.0, k_sq = 0.0;
    for (uint i = j; i < D_K; i += WORKGROUP_SIZE) {
      const float qi = x[row + kh * D_K + i];
      const float ki = x[row + k_width + kh * D_K + i];
      q_shared[i] = qi;
      k_shared[i] = ki;
      q_sq += qi * qi;
      k_sq += ki * ki;
    }
    // The reductions' barriers also publish q_shared and k_shared.
    q_sq = workgroup_sum(q_sq);
    k_sq = workgroup_sum(k_sq);
    const float q_scale = 1.0 / (max(sqrt(q_sq), pc.eps) * sqrt(float(D_K)));
    const float k_scale = 1.0 / max(sqrt(k_sq), pc.eps);

    const float b = 1.0 / (1.0 + exp(-beta_in[t * pc.n_v_heads + h]));
    const float raw = alpha_in[t * pc.n_v_heads + h] + dt_bias;
    const float softplus = raw > 20.0 ? raw : log(1.0 + exp(raw));
    const float decay = exp(softplus * a);

    float o = 0.0;
    if (owns_column) {
      float kv = 0.0;
      for (uint i = 0; i < D_K; ++i) {
        s[i] *= decay;
        kv += s[i] * k_shared[i];
      }
      const float delta = b * (x[row + 2 * k_width + h * pc.d_v + j] - kv * k_scale);
      for (uint i = 0; i < D_K; ++i) {
        s[i] += k_shared[i] * k_scale * delta;
        o += s[i] * q_shared[i];
      }
      o *= q_scale;
    }
    // Its barriers also order this token's reads of q_shared / k_shared before the next
    // token's writes.
    const float o_sq = workgroup_sum(o * o);
    if (owns_column) {
      const uint at = t * v_width + h * pc.d_v + j;
      const float gate = z[at];
      result[at] = o * inversesqrt(o_sq / float(pc.d_v) + pc.eps) * norm_weight[j] *
                   (gate / (1.0 + exp(-gate)));
    }
  }
  if (owns_column) {
    for (uint i = 0; i < D_K; ++i) {
      state[column + i] = s[i];
    }
  }
}
