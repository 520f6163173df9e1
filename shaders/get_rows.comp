#version 450
#extension GL_GOOGLE_include_directive : require
// Embedding lookup: out[i, :] = scale * dequantise(W[ids[i], :]) for every id in this dispatch's row
// window [row_begin, row_begin + n_rows) (the host loops over windows when the table is larger
// than maxStorageBufferRange; ids outside the window are left to the other dispatches).
// Threads cover four columns each along x; workgroups stride over the ids along y.

layout(constant_id = 0) const uint WORKGROUP_SIZE = 64;
layout(local_size_x_id = 0) in;

#include "dequant.glsl"

layout(std430, binding = 1) readonly buffer Ids { uint ids[]; };
layout(std430, binding = 2) writeonly buffer Out { vec4 result[]; };

layout(push_constant) uniform PushConstants {
  uint n_cols;         // a multiple of 4 and of QK
  uint n_ids;
  uint row_bytes;
  uint weight_offset;  // byte offset of row row_begin inside the weight binding
  uint row_begin;      // first row of the table in the weight binding
  uint n_rows;         // rows of the table in the weight binding
  float scale;         // the embedding multiplier (1 for most models)
} pc;

void main() {
  const uint col = 4u * gl_GlobalInvocationID.x;
  if (col >= pc.n_cols) {
    return;
  }
  for (uint i = gl_WorkGroupID.y; i < pc.n_ids; i += gl_NumWorkGroups.y) {
    const uint row = ids[i] - pc.row_begin;  // wraps to a huge value for ids below the window
    if (row < pc.n_rows) {
      result[(i * pc.n_cols + col) / 4u] = pc.scale * dequant4(pc.weight_offset + row * pc.row_bytes, col);
    }
  }
}
