#version 450
// out[i] = a[i] (op) b[i % n_b] for i < n: element-wise add, multiply or multiply by a sigmoid
// gate, with b broadcast when shorter than a (a row of weights applied to every row of a matrix).

layout(constant_id = 0) const uint WORKGROUP_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(std430, binding = 0) readonly buffer A { float a[]; };
layout(std430, binding = 1) readonly buffer B { float b[]; };
layout(std430, binding = 2) writeonly buffer Out { float result[]; };

layout(push_constant) uniform PushConstants {
  uint n;
  uint n_b;
} pc;

void main() {
  const uint i = gl_GlobalInvocationID.x;
  if (i >= pc.n) {
    return;
  }
#if defined(OP_ADD)
  result[i] = a[i] + b[i % pc.n_b];
#elif defined(OP_MUL)
  result[i] = a[i] * b[i % pc.n_b];
#elif defined(OP_MUL_SIGMOID)
  result[i] = a[i] / (1.0 + exp(-b[i % pc.n_b]));
#elif defined(OP_MUL_SIGMOID_ROWS)
  // Here n_b is the row length: one gate per row of a.
  result[i] = a[i] / (1.0 + exp(-b[i / pc.n_b]));
#else
#error "elementwise.comp needs OP_ADD, OP_MUL, OP_MUL_SIGMOID or OP_MUL_SIGMOID_ROWS"
#endif
}
