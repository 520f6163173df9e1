#include "kernels_ops/reference.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace sikao::test::ops {

uint16_t float_to_half(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  const uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
  const uint32_t abs = bits & 0x7fffffffu;
  if (abs >= 0x7f800000u) {  // inf or NaN
    return sign | 0x7c00u | (abs > 0x7f800000u ? 0x200u : 0u);
  }
  const int exponent = static_cast<int>(abs >> 23) - 127;
  if (exponent > 15) {
    return sign | 0x7c00u;
  }
  // Scale the magnitude so that one unit in the last place of the half result is 1, then round
  // to nearest even with the float's own rounding (the product is exact in double).
  const double magnitude = std::fabs(static_cast<double>(value));
  const int half_exponent = std::max(exponent, -14);  // subnormals share exponent -14
  const double ulp = std::ldexp(1.0, half_exponent - 10);
  const double units = std::nearbyint(magnitude / ulp);  // default mode: round half to even
  const double rounded = units * ulp;
  if (rounded >= 65520.0) {
    return sign | 0x7c00u;
  }
  if (rounded < std::ldexp(1.0, -14)) {
    return sign | static_cast<uint16_t>(units);  // subnormal: mantissa = units
  }
  int e;
  const double m = std::frexp(rounded, &e);  // rounded = m * 2^e, m in [0.5, 1)
  const uint16_t biased = static_cast<uint16_t>(e - 1 + 15);
  const uint16_t mantissa = static_cast<uint16_t>(std::ldexp(m, 11) - 1024.0);
  return sign | static_cast<uint16_t>(biased << 10) | mantissa;
}

float half_to_float(uint16_t bits) {
  const double sign = (bits & 0x8000u) ? -1.0 : 1.0;
  const int exponent = (bits >> 10) & 0x1f;
  const int mantissa = bits & 0x3ff;
  if (exponent == 0x1f) {
    return mantissa ? std::numeric_limits<float>::quiet_NaN()
                    : static_cast<float>(sign * std::numeric_limits<double>::infinity());
  }
  if (exponent == 0) {
    return static_cast<float>(sign * std::ldexp(mantissa, -24));
  }
  return static_cast<float>(sign * std::ldexp(1024 + mantissa, exponent - 25));
}

std::vector<double> rms_norm(std::span<const float> x, std::span<const float> weight, uint32_t rows,
                             uint32_t n, double eps) {
  std::vector<double> out(size_t(rows) * n);
  for (uint32_t r = 0; r < rows; ++r) {
    double sum_sq = 0.0;
    for (uint32_t i = 0; i < n; ++i) {
      sum_sq += double(x[size_t(r) * n + i]) * x[size_t(r) * n + i];
    }
    const double rms = std::sqrt(sum_sq / n + eps);
    for (uint32_t i = 0; i < n; ++i) {
      out[size_t(r) * n + i] = x[size_t(r) * n + i] / rms * weight[i];
    }
  }
  return out;
}

std::vector<double> softmax(std::span<const float> x, uint32_t rows, uint32_t n, double scale) {
  std::vector<double> out(size_t(rows) * n);
  for (uint32_t r = 0; r < rows; ++r) {
    const float* row = x.data() + size_t(r) * n;
    double max_v = -std::numeric_limits<double>::infinity();
    for (uint32_t i = 0; i < n; ++i) {
      max_v = std::max(max_v, scale * row[i]);
    }
    double sum = 0.0;
    for (uint32_t i = 0; i < n; ++i) {
      sum += std::exp(scale * row[i] - max_v);
    }
    for (uint32_t i = 0; i < n; ++i) {
      out[size_t(r) * n + i] = std::exp(scale * row[i] - max_v) / sum;
    }
  }
  return out;
}

std::vector<double> silu_mul(std::span<const float> gate, std::span<const float> up) {
  std::vector<double> out(gate.size());
  for (size_t i = 0; i < gate.size(); ++i) {
    const double g = gate[i];
    out[i] = g / (1.0 + std::exp(-g)) * up[i];
  }
  return out;
}

std::vector<double> gelu_mul(std::span<const float> gate, std::span<const float> up) {
  std::vector<double> out(gate.size());
  const double c = std::sqrt(2.0 / M_PI);
  for (size_t i = 0; i < gate.size(); ++i) {
    const double g = gate[i];
    out[i] = 0.5 * g * (1.0 + std::tanh(c * (g + 0.044715 * g * g * g))) * up[i];
  }
  return out;
}

std::vector<double> swiglu_oai(std::span<const float> gate, std::span<const float> up) {
  std::vector<double> out(gate.size());
  for (size_t i = 0; i < gate.size(); ++i) {
    const double g = std::min(double(gate[i]), 7.0);
    const double u = std::clamp(double(up[i]), -7.0, 7.0);
    out[i] = g / (1.0 + std::exp(-1.702 * g)) * (u + 1.0);
  }
  return out;
}

std::vector<double> softcap(std::span<const float> x, double cap) {
  std::vector<double> out(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    out[i] = cap * std::tanh(x[i] / cap);
  }
  return out;
}

std::vector<double> rope(std::span<const float> x, std::span<const uint32_t> positions,
                         uint32_t n_heads, uint32_t head_dim, uint32_t n_rot, double base,
                         RopeOrder order) {
  std::vector<double> out(x.begin(), x.end());
  for (size_t t = 0; t < positions.size(); ++t) {
    for (uint32_t h = 0; h < n_heads; ++h) {
      const size_t head = (t * n_heads + h) * head_dim;
      for (uint32_t i = 0; i < n_rot / 2; ++i) {
        const double theta = positions[t] * std::pow(base, -2.0 * i / n_rot);
        const uint32_t a = order == RopeOrder::Normal ? 2 * i : i;
        const uint32_t b = order == RopeOrder::Normal ? 2 * i + 1 : i + n_rot / 2;
        const double xa = x[head + a];
        const double xb = x[head + b];
        out[head + a] = xa * std::cos(theta) - xb * std::sin(theta);
        out[head + b] = xa * std::sin(theta) + xb * std::cos(theta);
      }
    }
  }
  return out;
}

std::vector<double> attention(std::span<const float> q, std::span<const uint16_t> k_cache,
                              std::span<const uint16_t> v_cache,
                              std::span<const uint32_t> positions, uint32_t n_heads,
                              uint32_t n_kv_heads, uint32_t head_dim, uint32_t capacity,
                              const AttentionScores& how) {
  const uint32_t heads_per_kv = n_heads / n_kv_heads;
  std::vector<double> out(q.size(), 0.0);
  for (size_t t = 0; t < positions.size(); ++t) {
    const uint32_t p = positions[t];
    // Keys first..p: all of them, or the last `window`.
    const uint32_t first = how.window > 0 && p + 1 > how.window ? p + 1 - how.window : 0;
    const double temperature =
        1.0 + how.temperature * std::log(1.0 + std::floor(double(p) / how.temperature_length));
    const double scale =
        (how.scale != 0.0 ? how.scale : 1.0 / std::sqrt(double(head_dim))) * temperature;
    for (uint32_t h = 0; h < n_heads; ++h) {
      const float* query = q.data() + (t * n_heads + h) * head_dim;
      const size_t cache = size_t(h / heads_per_kv) * capacity * head_dim;
      std::vector<double> scores(p + 1, -INFINITY);
      for (uint32_t j = first; j <= p; ++j) {
        double dot = 0.0;
        for (uint32_t d = 0; d < head_dim; ++d) {
          dot += double(query[d]) * half_to_float(k_cache[cache + size_t(j) * head_dim + d]);
        }
        scores[j] = dot * scale;
        if (how.softcap > 0.0) {
          scores[j] = how.softcap * std::tanh(scores[j] / how.softcap);
        }
      }
      const uint32_t n_keys = p + 1;
      double max_s = *std::max_element(scores.begin(), scores.end());
      double sum = 0.0;
      if (!how.sinks.empty()) {
        // The sink is one more logit in the softmax, with no value behind it.
        max_s = std::max(max_s, double(how.sinks[h]));
        sum = std::exp(how.sinks[h] - max_s);
      }
      for (double& s : scores) {
        s = std::exp(s - max_s);
        sum += s;
      }
      double* o = out.data() + (t * n_heads + h) * head_dim;
      for (uint32_t j = 0; j < n_keys; ++j) {
        for (uint32_t d = 0; d < head_dim; ++d) {
          o[d] += scores[j] / sum * half_to_float(v_cache[cache + size_t(j) * head_dim + d]);
        }
      }
    }
  }
  return out;
}

namespace {
double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
}  // namespace

std::vector<double> mul_sigmoid(std::span<const float> a, std::span<const float> b) {
  std::vector<double> out(a.size());
  for (size_t i = 0; i < a.size(); ++i) out[i] = a[i] * sigmoid(b[i]);
  return out;
}

std::vector<double> causal_conv_silu(std::span<const float> x, std::span<const float> weight,
                                     std::vector<double>& state, uint32_t n_tokens,
                                     uint32_t channels, uint32_t kernel) {
  const uint32_t history = kernel - 1;
  std::vector<double> out(size_t(n_tokens) * channels);
  for (uint32_t c = 0; c < channels; ++c) {
    // The channel's whole input: its history, then the batch.
    std::vector<double> input(state.begin() + size_t(c) * history,
                              state.begin() + size_t(c + 1) * history);
    for (uint32_t t = 0; t < n_tokens; ++t) input.push_back(x[size_t(t) * channels + c]);
    for (uint32_t t = 0; t < n_tokens; ++t) {
      double acc = 0.0;
      for (uint32_t j = 0; j < kernel; ++j) acc += weight[size_t(c) * kernel + j] * input[t + j];
      out[size_t(t) * channels + c] = acc * sigmoid(acc);
    }
    for (uint32_t j = 0; j < history; ++j) {
      state[size_t(c) * history + j] = input[n_tokens + j];
    }
  }
  return out;
}

namespace {

// One token's per-head inputs of the delta rule (reference.h gated_delta_rule states them).
struct DeltaRuleToken {
  std::vector<double> q, k;  // L2-normed
  const float* v;            // [d_v]
  double beta;               // sigmoid(beta_raw)
  double g;                  // softplus(alpha_raw + dt_bias) a, the log of the decay
};

DeltaRuleToken delta_rule_token(std::span<const float> conv_out, std::span<const float> beta_raw,
                                std::span<const float> alpha_raw, std::span<const float> dt_bias,
                                std::span<const float> a, uint32_t t, uint32_t h,
                                const DeltaRuleShape& s, double eps) {
  const size_t key_width = size_t(s.n_k_heads) * s.d_k;
  const size_t row = 2 * key_width + size_t(s.n_v_heads) * s.d_v;
  const float* x = conv_out.data() + t * row;
  const uint32_t kh = h % s.n_k_heads;
  const auto normalized = [&](const float* v) {
    double sq = 0.0;
    for (uint32_t i = 0; i < s.d_k; ++i) sq += double(v[i]) * v[i];
    const double norm = std::max(std::sqrt(sq), eps);
    std::vector<double> r(s.d_k);
    for (uint32_t i = 0; i < s.d_k; ++i) r[i] = v[i] / norm;
    return r;
  };
  const double raw = double(alpha_raw[t * s.n_v_heads + h]) + dt_bias[h];
  return DeltaRuleToken{normalized(x + size_t(kh) * s.d_k),
                        normalized(x + key_width + size_t(kh) * s.d_k),
                        x + 2 * key_width + size_t(h) * s.d_v,
                        sigmoid(beta_raw[t * s.n_v_heads + h]), std::log1p(std::exp(raw)) * a[h]};
}

// out = o / sqrt(mean(o^2) + eps) * norm_weight * silu(z), for one token's head.
void gated_rms_norm(std::span<const double> o, std::span<const float> z,
                    std::span<const float> norm_weight, double eps, std::span<double> out) {
  double sq = 0.0;
  for (double oj : o) sq += oj * oj;
  const double scale = 1.0 / std::sqrt(sq / o.size() + eps);
  for (size_t j = 0; j < o.size(); ++j) {
    out[j] = o[j] * scale * norm_weight[j] * z[j] * sigmoid(z[j]);
  }
}

}  // namespace

std::vector<double> gated_delta_rule(std::span<const float> conv_out, std::span<const float> z,
                                     std::span<const float> beta_raw,
                                     std::span<const float> alpha_raw,
                                     std::span<const float> dt_bias, std::span<const float> a,
                                     std::span<const float> norm_weight,
                                     std::vector<double>& state, uint32_t n_tokens,
                                     const DeltaRuleShape& s, double eps) {
  const size_t value_width = size_t(s.n_v_heads) * s.d_v;
  std::vector<double> out(n_tokens * value_width);
  for (uint32_t t = 0; t < n_tokens; ++t) {
    for (uint32_t h = 0; h < s.n_v_heads; ++h) {
      const DeltaRuleToken in = delta_rule_token(conv_out, beta_raw, alpha_raw, dt_bias, a, t, h,
                                                 s, eps);
      // S[i][j] is state[(h d_v + j) d_k + i].
      const auto S = [&](uint32_t i, uint32_t j) -> double& {
        return state[(size_t(h) * s.d_v + j) * s.d_k + i];
      };
      for (uint32_t j = 0; j < s.d_v; ++j) {
        for (uint32_t i = 0; i < s.d_k; ++i) S(i, j) *= std::exp(in.g);
      }
      std::vector<double> o(s.d_v);
      for (uint32_t j = 0; j < s.d_v; ++j) {
        double stk = 0.0;
        for (uint32_t i = 0; i < s.d_k; ++i) stk += S(i, j) * in.k[i];
        const double delta = in.beta * (in.v[j] - stk);
        for (uint32_t i = 0; i < s.d_k; ++i) S(i, j) += in.k[i] * delta;
        for (uint32_t i = 0; i < s.d_k; ++i) o[j] += S(i, j) * in.q[i];
        o[j] /= std::sqrt(double(s.d_k));
      }
      const size_t at = t * value_width + size_t(h) * s.d_v;
      gated_rms_norm(o, z.subspan(at, s.d_v), norm_weight, eps,
                     std::span(out).subspan(at, s.d_v));
    }
  }
  return out;
}

std::vector<double> gated_delta_rule_chunked(
    std::span<const float> conv_out, std::span<const float> z, std::span<const float> beta_raw,
    std::span<const float> alpha_raw, std::span<const float> dt_bias, std::span<const float> a,
    std::span<const float> norm_weight, std::vector<double>& state, uint32_t n_tokens,
    const DeltaRuleShape& s, double eps, uint32_t chunk) {
  const size_t value_width = size_t(s.n_v_heads) * s.d_v;
  const uint32_t dk = s.d_k, dv = s.d_v;
  std::vector<double> out(n_tokens * value_width);
  using Matrix = std::vector<std::vector<double>>;
  const auto matrix = [](size_t rows, size_t cols) {
    return Matrix(rows, std::vector<double>(cols, 0.0));
  };
  const auto dot = [](const std::vector<double>& x, const std::vector<double>& y) {
    double sum = 0.0;
    for (size_t i = 0; i < x.size(); ++i) sum += x[i] * y[i];
    return sum;
  };
  for (uint32_t h = 0; h < s.n_v_heads; ++h) {
    // S0[i][j] = state[(h d_v + j) d_k + i], the state before the chunk.
    Matrix S0 = matrix(dk, dv);
    for (uint32_t i = 0; i < dk; ++i) {
      for (uint32_t j = 0; j < dv; ++j) S0[i][j] = state[(size_t(h) * dv + j) * dk + i];
    }
    for (uint32_t first = 0; first < n_tokens; first += chunk) {
      const uint32_t L = std::min(chunk, n_tokens - first);
      std::vector<DeltaRuleToken> tok;
      std::vector<double> gamma(L);  // gamma[r] = g_0 + ... + g_r
      for (uint32_t r = 0; r < L; ++r) {
        tok.push_back(
            delta_rule_token(conv_out, beta_raw, alpha_raw, dt_bias, a, first + r, h, s, eps));
        gamma[r] = (r > 0 ? gamma[r - 1] : 0.0) + tok[r].g;
      }
      // A[r][c] = beta_r exp(gamma_r - gamma_c) k_r.k_c below the diagonal; T = (I + A)^-1 by
      // forward substitution on the identity's columns.
      Matrix A = matrix(L, L), T = matrix(L, L);
      for (uint32_t r = 0; r < L; ++r) {
        for (uint32_t c = 0; c < r; ++c) {
          A[r][c] = tok[r].beta * std::exp(gamma[r] - gamma[c]) * dot(tok[r].k, tok[c].k);
        }
      }
      for (uint32_t col = 0; col < L; ++col) {
        for (uint32_t r = 0; r < L; ++r) {
          double t = r == col ? 1.0 : 0.0;
          for (uint32_t c = 0; c < r; ++c) t -= A[r][c] * T[c][col];
          T[r][col] = t;
        }
      }
      // The WY form: U = T diag(beta) V, W = T diag(beta exp(gamma)) K, delta = U - W S0.
      Matrix U = matrix(L, dv), W = matrix(L, dk), D = matrix(L, dv);
      for (uint32_t r = 0; r < L; ++r) {
        for (uint32_t c = 0; c < L; ++c) {
          for (uint32_t j = 0; j < dv; ++j) U[r][j] += T[r][c] * tok[c].beta * tok[c].v[j];
          const double w = T[r][c] * tok[c].beta * std::exp(gamma[c]);
          for (uint32_t i = 0; i < dk; ++i) W[r][i] += w * tok[c].k[i];
        }
        for (uint32_t j = 0; j < dv; ++j) {
          double ws = 0.0;
          for (uint32_t i = 0; i < dk; ++i) ws += W[r][i] * S0[i][j];
          D[r][j] = U[r][j] - ws;
        }
      }
      // o_r = (exp(gamma_r) S0^T q_r + sum_{c<=r} exp(gamma_r - gamma_c) (q_r.k_c) delta_c)
      //       / sqrt(d_k)
      for (uint32_t r = 0; r < L; ++r) {
        std::vector<double> o(dv);
        for (uint32_t j = 0; j < dv; ++j) {
          double sq = 0.0;
          for (uint32_t i = 0; i < dk; ++i) sq += S0[i][j] * tok[r].q[i];
          o[j] = std::exp(gamma[r]) * sq;
        }
        for (uint32_t c = 0; c <= r; ++c) {
          const double p = std::exp(gamma[r] - gamma[c]) * dot(tok[r].q, tok[c].k);
          for (uint32_t j = 0; j < dv; ++j) o[j] += p * D[c][j];
        }
        for (double& oj : o) oj /= std::sqrt(double(dk));
        const size_t at = (first + r) * value_width + size_t(h) * dv;
        gated_rms_norm(o, z.subspan(at, dv), norm_weight, eps, std::span(out).subspan(at, dv));
      }
      // S = exp(gamma_last) S0 + sum_c exp(gamma_last - gamma_c) k_c delta_c^T
      const double last = gamma[L - 1];
      for (uint32_t i = 0; i < dk; ++i) {
        for (uint32_t j = 0; j < dv; ++j) {
          double v = std::exp(last) * S0[i][j];
          for (uint32_t c = 0; c < L; ++c) {
            v += std::exp(last - gamma[c]) * tok[c].k[i] * D[c][j];
          }
          S0[i][j] = v;
        }
      }
    }
    for (uint32_t i = 0; i < dk; ++i) {
      for (uint32_t j = 0; j < dv; ++j) state[(size_t(h) * dv + j) * dk + i] = S0[i][j];
    }
  }
  return out;
}

}  // namespace sikao::test::ops
