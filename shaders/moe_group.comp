#version 450
// Groups a batch's routed (token, slot) pairs by expert for the experts' matrix products
// (matmul.comp's EXPERTS): expert_rows[e] = how many pairs chose expert e, and
// expert_rows[n_expert + e · row_capacity + i] = the i-th of them, p = token · n_used + slot, in
// ascending p. One invocation per expert scans all pairs: a batch is at most a few thousand
// pairs. row_capacity ≥ n_tokens (a token chooses an expert at most once).

layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer Ids { uint ids[]; };
layout(std430, binding = 1) writeonly buffer ExpertRows { uint expert_rows[]; };

layout(push_constant) uniform PushConstants {
  uint n_pairs;  // n_tokens · n_used
  uint n_expert;
  uint row_capacity;
} pc;

void main() {
  const uint e = gl_GlobalInvocationID.x;
  if (e >= pc.n_expert) {
    return;
  }
  const uint base = pc.n_expert + e * pc.row_capacity;
  uint count = 0u;
  for (uint p = 0u; p < pc.n_pairs; ++p) {
    if (ids[p] == e) {
      expert_rows[base + count] = p;
      ++count;
    }
  }
  expert_rows[e] = count;
}
