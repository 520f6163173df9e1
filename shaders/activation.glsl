// The gate activations of the gated FFNs (SwiGLU, GeGLU, gpt-oss's clamped SwiGLU), shared by
// silu_mul.comp and the fused matvec outputs.
//   silu(g) = g / (1 + exp(-g))
//   gelu(g) = 0.5 g (1 + tanh(sqrt(2/pi) (g + 0.044715 g^3)))   (the tanh form Gemma uses)
//   swiglu_oai(g, u) = g' sigmoid(1.702 g') (u' + 1),  g' = min(g, 7), u' = clamp(u, -7, 7)
// tanh's argument is clamped: some drivers build tanh from exp, which overflows to inf / inf;
// tanh(15) is 1 in f32.

float silu(float g) {
  return g / (1.0 + exp(-g));
}

float gelu(float g) {
  const float sqrt_2_over_pi = 0.7978845608028654;
  return 0.5 * g * (1.0 + tanh(clamp(sqrt_2_over_pi * g * (1.0 + 0.044715 * g * g), -15.0, 15.0)));
}

// gpt-oss's constants (llama.cpp hard-codes the same: alpha 1.702, limit 7).
const float SWIGLU_OAI_ALPHA = 1.702;
const float SWIGLU_OAI_LIMIT = 7.0;

float swiglu_oai(float g, float u) {
  const float gate = min(g, SWIGLU_OAI_LIMIT);
  const float up = clamp(u, -SWIGLU_OAI_LIMIT, SWIGLU_OAI_LIMIT);
  return gate / (1.0 + exp(-SWIGLU_OAI_ALPHA * gate)) * (up + 1.0);
}
