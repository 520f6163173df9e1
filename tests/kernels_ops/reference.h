#pragma once
// Plain double-precision references for the non-weight kernels (naive loops, written from the
// math and not from the shaders), and an IEEE binary16 codec for the f16 KV cache.

#include <cstdint>
#include <span>
#include <vector>

namespace sikao::test::ops {

// IEEE 754 binary16, round to nearest even (subnormals, infinities and NaN included).
uint16_t float_to_half(float value);
float half_to_float(uint16_t bits);

// out[r][i] = x[r][i] / sqrt(mean_k x[r][k]^2 + eps) * weight[i]
std::vector<double> rms_norm(std::span<const float> x, std::span<const float> weight, uint32_t rows,
                             uint32_t n, double eps);

// out[r][i] = exp(scale x[r][i]) / sum_k exp(scale x[r][k])
std::vector<double> softmax(std::span<const float> x, uint32_t rows, uint32_t n, double scale);

// out[i] = gate[i] / (1 + exp(-gate[i])) * up[i]
std::vector<double> silu_mul(std::span<const float> gate, std::span<const float> up);

// out[i] = gelu(gate[i]) * up[i], gelu(g) = 0.5 g (1 + tanh(sqrt(2/pi) (g + 0.044715 g^3)))
std::vector<double> gelu_mul(std::span<const float> gate, std::span<const float> up);

// gpt-oss's clamped SwiGLU: out[i] = g sigmoid(1.702 g) (u + 1), g = min(gate[i], 7),
// u = clamp(up[i], -7, 7)
std::vector<double> swiglu_oai(std::span<const float> gate, std::span<const float> up);

// out[i] = cap tanh(x[i] / cap)
std::vector<double> softcap(std::span<const float> x, double cap);

enum class RopeOrder { Normal, NeoX };

// x: [n_tokens][n_heads][head_dim]; token t rotated at positions[t] with
// theta_i = p * base^(-2i/n_rot) on pairs (2i, 2i+1) (Normal) or (i, i + n_rot/2) (NeoX).
std::vector<double> rope(std::span<const float> x, std::span<const uint32_t> positions,
                         uint32_t n_heads, uint32_t head_dim, uint32_t n_rot, double base,
                         RopeOrder order);

// How scores are made (kernels/attention.h AttentionShape): score = softcap(scale t(p) q·k),
// t(p) = 1 + temperature ln(1 + floor(p / temperature_length)); window 0 = every earlier key.
// sinks (one logit per query head, or empty): exp(sink_h) joins each softmax's denominator.
struct AttentionScores {
  double scale = 0.0;  // 0: 1/sqrt(head_dim)
  double softcap = 0.0;
  double temperature = 0.0;
  uint32_t temperature_length = 1;
  uint32_t window = 0;
  std::span<const float> sinks;
};

// Causal GQA attention of q [n_tokens][n_heads][head_dim] against f16 caches
// [n_kv_heads][capacity][head_dim]: token t attends positions 0..positions[t] (the last `window`
// of them with a window).
std::vector<double> attention(std::span<const float> q, std::span<const uint16_t> k_cache,
                              std::span<const uint16_t> v_cache,
                              std::span<const uint32_t> positions, uint32_t n_heads,
                              uint32_t n_kv_heads, uint32_t head_dim, uint32_t capacity,
                              const AttentionScores& scores = {});

// out[i] = a[i] / (1 + exp(-b[i]))
std::vector<double> mul_sigmoid(std::span<const float> a, std::span<const float> b);

// Causal depthwise convolution then SiLU over n_tokens rows of `channels`:
// out[t][c] = silu(sum_j weight[c][j] * in_c(t - K + 1 + j)), where in_c(u) is x[u][c] for u >= 0
// and state[c][K - 1 + u] before the batch (u < 0). state ([channels][K-1]) is replaced by the
// last K - 1 inputs.
std::vector<double> causal_conv_silu(std::span<const float> x, std::span<const float> weight,
                                     std::vector<double>& state, uint32_t n_tokens,
                                     uint32_t channels, uint32_t kernel);

// The Gated DeltaNet recurrence, token by token (Yang et al., "Gated Delta Networks", with
// Qwen3.5's gates): for value head h, key head h mod n_k_heads,
//   q, k = x / max(|x|, eps);  beta = sigmoid(beta_raw);  g = softplus(alpha_raw + dt_bias) a
//   S = exp(g) S;  S = S + k (beta (v - S^T k))^T;  o = S^T q / sqrt(d_k)
//   out = o / sqrt(mean(o^2) + eps) * norm_weight * silu(z)
// conv_out: [n][q (H_K D_K), k (H_K D_K), v (H_V D_V)]; z: [n][H_V D_V]; beta_raw, alpha_raw:
// [n][H_V]; state: [H_V][D_V][D_K] (S[i][j] at h, j, i), updated.
struct DeltaRuleShape {
  uint32_t n_k_heads, d_k, n_v_heads, d_v;
};
std::vector<double> gated_delta_rule(std::span<const float> conv_out, std::span<const float> z,
                                     std::span<const float> beta_raw,
                                     std::span<const float> alpha_raw,
                                     std::span<const float> dt_bias, std::span<const float> a,
                                     std::span<const float> norm_weight,
                                     std::vector<double>& state, uint32_t n_tokens,
                                     const DeltaRuleShape& shape, double eps);

// The same rule in its chunked (WY) form, chunks of `chunk` tokens (the last may be shorter):
// with gamma_r the running sum of the log-decays g inside a chunk, S0 the state before it,
// A[r][c] = beta_r exp(gamma_r - gamma_c) k_r.k_c (c < r) and T = (I + A)^-1,
//   U = T diag(beta) V,  W = T diag(beta exp(gamma)) K,  delta = U - W S0
//   o_r = exp(gamma_r) S0^T q_r + sum_{c<=r} exp(gamma_r - gamma_c) (q_r.k_c) delta_c
//   S = exp(gamma_last) S0 + sum_c exp(gamma_last - gamma_c) k_c delta_c^T
// (o before its 1/sqrt(d_k) and the gated RMSNorm). Equal to gated_delta_rule in exact
// arithmetic; same arguments, same layouts.
std::vector<double> gated_delta_rule_chunked(
    std::span<const float> conv_out, std::span<const float> z, std::span<const float> beta_raw,
    std::span<const float> alpha_raw, std::span<const float> dt_bias, std::span<const float> a,
    std::span<const float> norm_weight, std::vector<double>& state, uint32_t n_tokens,
    const DeltaRuleShape& shape, double eps, uint32_t chunk);

}  // namespace sikao::test::ops
