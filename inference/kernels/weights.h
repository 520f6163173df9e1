#pragma once
// A weight matrix in GPU memory, as the weight-format kernels (matvec, matmul, get_rows,
// dequantize) take it: n_rows rows of n_cols weights of one GGUF type, the raw GGUF blocks of
// each row packed back to back (row r starts at byte r · row_bytes).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gguf/types.h"
#include "vulkan/context.h"

namespace sikao::kernels {

struct WeightMatrix {
  vk::BufferView data;
  gguf::TensorType type;
  uint32_t n_rows = 0;
  uint32_t n_cols = 0;
};

// A mixture-of-experts weight tensor (ffn_*_exps): n_expert matrices of w.n_rows × w.n_cols
// back to back in w.data, expert e starting at row e · w.n_rows; optionally a bias per expert
// (gpt-oss's ffn_*_exps.bias): f32 [n_expert][w.n_rows], expert e's at e · w.n_rows.
struct ExpertMatrices {
  WeightMatrix w;  // one expert's shape; data covers all of them
  uint32_t n_expert = 0;
  std::optional<vk::BufferView> bias;
};

// The part of a weight matrix one dispatch binds: at most the device's maxStorageBufferRange
// (or a smaller limit a caller asks for), starting at a legal binding offset. weight_offset is
// the byte offset of row row_begin inside the binding.
struct RowWindow {
  vk::BufferView binding;
  uint32_t row_begin = 0;
  uint32_t n_rows = 0;
  uint32_t weight_offset = 0;
};

// Splits w into windows of whole rows. max_binding_bytes = 0 means the device limit; a smaller
// one (tests) forces splitting. Throws Error(Unsupported) for a type without GPU kernels or a
// row length the kernels cannot take (not a multiple of the block size, or of 4 for the float
// types), Error(InvalidArgument) when w.data is smaller than the matrix or one row does not fit
// in a binding.
std::vector<RowWindow> row_windows(const vk::DeviceInfo& info, const WeightMatrix& w,
                                   uint64_t max_binding_bytes);

// Bytes per row of w (validated as row_windows does).
uint32_t weight_row_bytes(const WeightMatrix& w);

// The CPU-device kernels (shaders/row_chunk.glsl) read a window as uvec4 texels: the largest of
// 16, 8, 4, 2 that divides row_bytes and the window's weight_offset (their ROW_ALIGNMENT), and
// the window's binding widened to whole uvec4s (nullopt where that passes the buffer's end, is
// more texels than maxTexelBufferElements or starts off minTexelBufferOffsetAlignment).
uint32_t row_alignment(uint32_t row_bytes, const RowWindow& win);
std::optional<vk::BufferView> whole_uvec4_binding(const vk::DeviceInfo& info, const RowWindow& win);
// Whether `bytes` at `offset` can be bound as one of those kernels' uniform blocks of
// activations (declared 64 KiB: at most that and maxUniformBufferRange, at a legal offset).
bool uniform_block_fits(const vk::DeviceInfo& info, uint64_t offset, uint64_t bytes);

// The bindings that hold an expert tensor, whole experts each (the chosen experts are known only
// on the device, so every one is bound, by one dispatch per binding): row_begin is the first
// expert, n_rows the number of experts, weight_offset where the first one starts. One binding
// unless the tensor exceeds maxStorageBufferRange (or max_binding_bytes, when not 0; lavapipe:
// 128 MiB, less than one layer of Qwen3-30B-A3B's gate and up).
std::vector<RowWindow> expert_windows(const vk::DeviceInfo& info, const ExpertMatrices& w,
                                      uint64_t max_binding_bytes = 0);

// Error(InvalidArgument), named after the kernel, when w has a bias of fewer than n_expert rows
// of w.n_rows floats.
void require_expert_bias(const ExpertMatrices& w, const char* kernel);

// The shader variant of an operation for w's type: "matvec" + Q4_K -> "matvec_q4_k".
std::string weight_shader(const std::string& operation, gguf::TensorType type);

} // namespace sikao::kernels
