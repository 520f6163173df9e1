#pragma once
// Matrix-vector product with quantised weights, the decode hot path: y = W x.

#include <cstdint>

#include "kernels/weights.h"
#include "vulkan/context.h"

namespace sikao::kernels {

// How a workgroup sums its threads' partial dot products.
enum class MatvecReduction {
  Auto,          // Subgroup where the device has subgroup arithmetic, else SharedMemory
  Subgroup,      // subgroupAdd, then across subgroups in shared memory
  SharedMemory,  // a shared-memory tree only (the fallback; also what tests pin to check it)
};

// y[r] = Σ_c W[r, c] · x[c] for every row r of w; x holds w.n_cols floats, y w.n_rows floats.
// Records one dispatch per binding window of w (see row_windows; max_binding_bytes = 0 means
// the device limit).
void matvec(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView x,
            vk::BufferView y, uint64_t max_binding_bytes = 0,
            MatvecReduction reduction = MatvecReduction::Auto);

} // namespace sikao::kernels
