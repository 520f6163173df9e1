#pragma once
// Embedding lookup from a quantised table: the rows of the token ids, as f32.

#include <cstdint>

#include "kernels/weights.h"
#include "vulkan/context.h"

namespace sikao::kernels {

// out[i, :] = scale · W[ids[i], :] as f32 for i < n_ids: ids holds n_ids uint32 row indices
// (each < table.n_rows), out n_ids × table.n_cols floats. One dispatch per binding window of the
// table (max_binding_bytes = 0 means the device limit). The scale is the embedding multiplier of
// Gemma (√n_embd) and Granite.
void get_rows(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& table, vk::BufferView ids,
              vk::BufferView out, uint32_t n_ids, uint64_t max_binding_bytes = 0,
              float scale = 1.0f);

} // namespace sikao::kernels
