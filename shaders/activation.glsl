// The gate activations of the gated FFNs (SwiGLU, GeGLU, gpt-oss's clamped SwiGLU), shared by
// silu_mul.comp and the fused matvec outputs.
//   silu(g) = g / (1 + exp(-g))
//   gelu(g) = 0.5 g (1 + tanh(sqrt(2/pi) (g + 0.044715 g^3)))   (the tanh form Gemma uses)
//   swiglu_oai(g, u) = g' sigmoid(1.702 g') (u' + 1),  g' = min(g, 7), u' = clamp(u, -7, 7)
// (gelu below is that formula rearranged.)

float silu(float g) {
  return g / (1.0 + exp(-g));
}

// Computed as g · sigmoid(2z) = g / (1 + exp(−2z)), z = sqrt(2/pi) (g + 0.044715 g^3), the same
// function: 1 + tanh(z) loses all but a few bits for z below about −3 (a Q6_K GeGLU test row
// came out 3e-4 off in relative terms), the quotient none; exp overflowing to inf gives −0.
float gelu(float g) {
  const float sqrt_2_over_pi = 0.7978845608028654;
  return g / (1.0 + exp(-2.0 * sqrt_2_over_pi * g * (1.0 + 0.044715 * g * g)));
}

// gpt-oss's constants (llama.cpp hard-codes the same: alpha 1.702, limit 7).
const float SWIGLU_OAI_ALPHA = 1.702;
const float SWIGLU_OAI_LIMIT = 7.0;

float swiglu_oai(float g, float u) {
  const float gate = min(g, SWIGLU_OAI_LIMIT);
  const float up = clamp(u, -SWIGLU_OAI_LIMIT, SWIGLU_OAI_LIMIT);
  return gate / (1.0 + exp(-SWIGLU_OAI_ALPHA * gate)) * (up + 1.0);
}
