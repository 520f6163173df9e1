#version 450
#extension GL_EXT_control_flow_attributes : require
// The gated delta rule of a Gated DeltaNet layer (Qwen3.5) in its chunked form: the outputs and
// final state of delta_net.comp (which states the per-token rule, the norms and the gates),
// with the batch walked in chunks of CHUNK tokens, so that a long prompt pays a few barriers per
// chunk instead of several per token. One workgroup per value head h, invocation j owning column
// j of the head's state S (D_K × D_V) in registers, as in the recurrent form.
//
// Within a chunk of L ≤ CHUNK tokens r = 0 … L−1, with S₀ the state before it, k̂ and q̂ the
// normed key and query (q̂ carrying the 1/√D_K), β_r the sigmoid gate, g_r ≤ 0 the log-decay and
// γ_r = g_0 + … + g_r its running sum, unrolling S_r = e^{g_r} S_{r−1} + k̂_r δ_rᵀ gives
//
//   S_r = e^{γ_r} S₀ + Σ_{s≤r} e^{γ_r−γ_s} k̂_s δ_sᵀ
//   δ_r = β_r (v_r − (e^{g_r} S_{r−1})ᵀ k̂_r), that is
//         δ_r + Σ_{s<r} A[r][s] δ_s = β_r (v_r − e^{γ_r} S₀ᵀ k̂_r)
//   o_r = S_rᵀ q̂_r = e^{γ_r} S₀ᵀ q̂_r + Σ_{s≤r} P[r][s] δ_s
//   S_{L−1} = e^{γ_{L−1}} S₀ + Σ_s e^{γ_{L−1}−γ_s} k̂_s δ_sᵀ      (the next chunk's S₀)
//
// with A[r][s] = β_r e^{γ_r−γ_s} k̂_r·k̂_s (s < r) and P[r][s] = e^{γ_r−γ_s} q̂_r·k̂_s (s ≤ r).
//
// The δ line is the unit lower-triangular system (I + A) δ = β (V − e^γ K S₀) of the WY
// form, δ = U − W S₀ with U = (I + A)⁻¹ β V and W = (I + A)⁻¹ β e^γ K; each invocation solves it
// for its own column by forward substitution instead of forming (I + A)⁻¹. Every decay is the
// exponential of a difference of running sums inside one chunk (an exponent ≤ 0, a decay ≤ 1):
// nothing divides by a small cumulative product. A and P are the same for every column and built by the whole
// workgroup; the gated RMSNorm needs each token's whole o row, so o passes through shared
// memory. Buffers, bindings and push constants are delta_net.comp's.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 128;  // a power of two >= D_V
layout(constant_id = 1) const uint D_K = 128;
layout(constant_id = 2) const uint CHUNK = 32;
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

// Keys, queries and the state's columns go in fours (vec4), zero-padded to D_K4 · 4: one
// shared-memory read serves four products (a CPU device such as lavapipe pays per read).
const uint D_K4 = (D_K + 3) / 4;

// Shared memory, in floats: 5 CHUNK + 2 CHUNK² + CHUNK · WORKGROUP_SIZE + 8 CHUNK · D_K4
// (kernels/delta_net.cpp chunked_shared_bytes mirrors this).
shared float gamma[CHUNK];      // g_r, then the running sum γ_r
shared float beta_gate[CHUNK];  // β_r
shared float q_scale[CHUNK];    // 1 / (max(|q_r|, eps) √D_K)
shared float k_scale[CHUNK];    // 1 / max(|k_r|, eps)
shared float row_scale[CHUNK];  // the RMSNorm's 1 / √(mean_j o_r[j]² + eps)
shared float kk[CHUNK * CHUNK];  // A[r][s] at r CHUNK + s (s < r)
shared float qk[CHUNK * CHUNK];  // P[r][s] at r CHUNK + s (s ≤ r)
shared float o_rows[CHUNK * WORKGROUP_SIZE];  // o_r[j] at r WORKGROUP_SIZE + j
// The chunk's normed keys and queries, read by every column: k̂_r[4 i4 … 4 i4 + 3] at
// r D_K4 + i4.
shared vec4 k_rows[CHUNK * D_K4];
shared vec4 q_rows[CHUNK * D_K4];

// x[at + i], or 0 past the key head's D_K.
float key_element(uint at, uint i) {
  return i < D_K ? x[at + i] : 0.0;
}

void main() {
  const uint h = gl_WorkGroupID.x;
  const uint j = gl_LocalInvocationIndex;
  const bool owns_column = j < pc.d_v;
  const uint kh = h % pc.n_k_heads;  // ggml's tiled head mapping, as delta_net.comp
  const uint k_width = pc.n_k_heads * D_K;
  const uint v_width = pc.n_v_heads * pc.d_v;
  const uint x_row = 2 * k_width + v_width;
  const uint q_at = kh * D_K;  // q, k and v (column j) within a row of x
  const uint k_at = k_width + kh * D_K;
  const uint v_at = 2 * k_width + h * pc.d_v + min(j, pc.d_v - 1);
  const float dt_bias = head_params[h];
  const float a = head_params[pc.n_v_heads + h];

  // Column j of S: s[i4][c] = S[4 i4 + c][j].
  vec4 s[D_K4];
  const uint column = (h * pc.d_v + j) * D_K;
  [[unroll]] for (uint i4 = 0; i4 < D_K4; ++i4) {
    [[unroll]] for (uint c = 0; c < 4; ++c) {
      s[i4][c] = owns_column && 4 * i4 + c < D_K ? state[column + 4 * i4 + c] : 0.0;
    }
  }
  float delta[CHUNK];

  for (uint first = 0; first < pc.n_tokens; first += CHUNK) {
    const uint len = min(CHUNK, pc.n_tokens - first);

    for (uint r = j; r < len; r += WORKGROUP_SIZE) {
      const uint row = (first + r) * x_row;
      float q_sq = 0.0, k_sq = 0.0;
      for (uint i = 0; i < D_K; ++i) {
        const float qi = x[row + q_at + i];
        const float ki = x[row + k_at + i];
        q_sq += qi * qi;
        k_sq += ki * ki;
      }
      q_scale[r] = 1.0 / (max(sqrt(q_sq), pc.eps) * sqrt(float(D_K)));
      k_scale[r] = 1.0 / max(sqrt(k_sq), pc.eps);
      const uint t = (first + r) * pc.n_v_heads + h;
      beta_gate[r] = 1.0 / (1.0 + exp(-beta_in[t]));
      const float raw = alpha_in[t] + dt_bias;
      gamma[r] = (raw > 20.0 ? raw : log(1.0 + exp(raw))) * a;
    }
    barrier();  // gamma (g_r), q_scale, k_scale -> the running sum, the normed rows
    if (j == 0) {
      for (uint r = 1; r < len; ++r) {
        gamma[r] += gamma[r - 1];
      }
    }
    for (uint e = j; e < len * D_K4; e += WORKGROUP_SIZE) {
      const uint r = e / D_K4;
      const uint i = 4 * (e % D_K4);
      const uint row = (first + r) * x_row;
      k_rows[e] = vec4(key_element(row + k_at, i), key_element(row + k_at, i + 1),
                       key_element(row + k_at, i + 2), key_element(row + k_at, i + 3)) *
                  k_scale[r];
      q_rows[e] = vec4(key_element(row + q_at, i), key_element(row + q_at, i + 1),
                       key_element(row + q_at, i + 2), key_element(row + q_at, i + 3)) *
                  q_scale[r];
    }
    barrier();  // gamma, k_rows, q_rows -> A and P

    for (uint e = j; e < len * len; e += WORKGROUP_SIZE) {
      const uint r = e / len;
      const uint c = e % len;
      if (c <= r) {
        float qk_dot = 0.0, kk_dot = 0.0;
        for (uint i4 = 0; i4 < D_K4; ++i4) {
          const vec4 kc = k_rows[c * D_K4 + i4];
          qk_dot += dot(q_rows[r * D_K4 + i4], kc);
          kk_dot += dot(k_rows[r * D_K4 + i4], kc);
        }
        const float decay = exp(gamma[r] - gamma[c]);
        qk[r * CHUNK + c] = qk_dot * decay;
        kk[r * CHUNK + c] = beta_gate[r] * kk_dot * decay;
      }
    }
    barrier();  // kk, qk -> every column's solve

    // Every invocation runs this, those past D_V on a zero column with results never used:
    // uniform control flow keeps the reads of k̂ and q̂ uniform (one read, not one per lane).
    for (uint r = 0; r < len; ++r) {
      float sk = 0.0, sq = 0.0;  // (S₀ᵀ k̂_r)[j], (S₀ᵀ q̂_r)[j]
      [[unroll]] for (uint i4 = 0; i4 < D_K4; ++i4) {
        sk += dot(s[i4], k_rows[r * D_K4 + i4]);
        sq += dot(s[i4], q_rows[r * D_K4 + i4]);
      }
      const float decay = exp(gamma[r]);
      float d = beta_gate[r] * (x[(first + r) * x_row + v_at] - decay * sk);
      float o = decay * sq;
      for (uint c = 0; c < r; ++c) {
        d -= kk[r * CHUNK + c] * delta[c];
        o += qk[r * CHUNK + c] * delta[c];
      }
      delta[r] = d;
      o_rows[r * WORKGROUP_SIZE + j] = o + qk[r * CHUNK + r] * d;
    }
    const float last = gamma[len - 1];
    const float decay = exp(last);
    [[unroll]] for (uint i4 = 0; i4 < D_K4; ++i4) {
      s[i4] *= decay;
    }
    for (uint r = 0; r < len; ++r) {
      const float w = exp(last - gamma[r]) * delta[r];
      [[unroll]] for (uint i4 = 0; i4 < D_K4; ++i4) {
        s[i4] += w * k_rows[r * D_K4 + i4];
      }
    }
    // Also orders this chunk's reads of gamma, beta_gate, kk, qk, k_rows and q_rows before
    // the next chunk's writes.
    barrier();  // o_rows -> the rows' RMSNorm

    for (uint r = j; r < len; r += WORKGROUP_SIZE) {
      float sum = 0.0;
      for (uint c = 0; c < pc.d_v; ++c) {
        const float o = o_rows[r * WORKGROUP_SIZE + c];
        sum += o * o;
      }
      row_scale[r] = inversesqrt(sum / float(pc.d_v) + pc.eps);
    }
    barrier();  // row_scale -> the gated outputs
    if (owns_column) {
      for (uint r = 0; r < len; ++r) {
        const uint at = (first + r) * v_width + h * pc.d_v + j;
        const float gate = z[at];
        result[at] = o_rows[r * WORKGROUP_SIZE + j] * row_scale[r] * norm_weight[j] *
                     (gate / (1.0 + exp(-gate)));
      }
    }
    // The next chunk writes o_rows and row_scale only after its first three barriers.
  }
  if (owns_column) {
    [[unroll]] for (uint i4 = 0; i4 < D_K4; ++i4) {
      [[unroll]] for (uint c = 0; c < 4; ++c) {
        if (4 * i4 + c < D_K) {
          state[column + 4 * i4 + c] = s[i4][c];
        }
      }
    }
  }
}
