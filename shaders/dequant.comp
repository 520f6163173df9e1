#version 450
#extension GL_GOOGLE_include_directive : require
// out[row, :] = dequantise(W[row, :]) for a window of rows: a whole tensor to f32.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
layout(local_size_x_id = 0) in;

#include "dequant.glsl"

layout(std430, binding = 1) writeonly buffer Out { vec4 result[]; };

layout(push_constant) uniform PushConstants {
  uint n_cols;         // a multiple of 4 and of QK
  uint n_rows;         // rows in this dispatch
  uint row_bytes;
  uint weight_offset;  // byte offset of the first row inside the weight binding
  uint row_begin;      // index in out of the first row
} pc;

void main() {
  const uint col = 4u * gl_GlobalInvocationID.x;
  if (col >= pc.n_cols) {
    return;
  }
  for (uint row = gl_WorkGroupID.y; row < pc.n_rows; row += gl_NumWorkGroups.y) {
    result[((pc.row_begin + row) * pc.n_cols + col) / 4u] =
        dequant4(pc.weight_offset + row * pc.row_bytes, col);
  }
}
