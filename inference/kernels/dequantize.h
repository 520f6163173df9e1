#pragma once
// A whole weight matrix decoded to f32 on the GPU (tests of the decoders; debugging).

#include <cstdint>

#include "kernels/weights.h"
#include "vulkan/context.h"

namespace sikao::kernels {

// out = W as f32, [w.n_rows][w.n_cols]; one dispatch per binding window of w
// (max_binding_bytes = 0 means the device limit).
void dequantize(vk::Context& ctx, vk::Sequence& seq, const WeightMatrix& w, vk::BufferView out,
                uint64_t max_binding_bytes = 0);

} // namespace sikao::kernels
