#include "kernels/weights.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "common/error.h"
#include "quant/quant.h"

namespace sikao::kernels {
namespace {

// The shaders read weights as 16-bit words (shaders/dequant.glsl). A row of an odd-sized type
// (MXFP4: 17-byte blocks) can end on an even byte, the low half of a word; the binding then takes
// that word's other byte too, or the word would straddle the binding's end (undefined to read;
// zero on devices that check bounds). Buffers hold whole words (vk::Context::create_buffer).
uint64_t window_end(const WeightMatrix& w, uint64_t end) {
  const uint64_t padded = end + (end & 1);
  if (padded > w.data.buffer->size()) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} weights end at byte {}, the last of their {}-byte buffer: the "
                            "kernels read whole 16-bit words",
                            gguf::traits(w.type).name, end, w.data.buffer->size()));
  }
  return padded;
}

} // namespace

uint32_t weight_row_bytes(const WeightMatrix& w) {
  const std::string_view name = gguf::traits(w.type).name;
  if (!quant::is_supported(w.type)) {
    throw Error(ErrorCode::Unsupported, fmt::format("no GPU kernels for weight type {}", name));
  }
  // dequant4() reads four neighbouring weights: rows of the float types must come in fours.
  if (w.n_cols % 4 != 0) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{} weight rows of {} weights: the GPU kernels need a multiple of 4",
                            name, w.n_cols));
  }
  return static_cast<uint32_t>(gguf::row_bytes(w.type, w.n_cols));
}

std::vector<RowWindow> row_windows(const vk::DeviceInfo& info, const WeightMatrix& w,
                                   uint64_t max_binding_bytes) {
  const uint64_t row_bytes = weight_row_bytes(w);
  uint64_t limit = info.max_storage_buffer_range;
  if (max_binding_bytes != 0) {
    limit = std::min(limit, max_binding_bytes);
  }
  const uint64_t align = std::max<uint64_t>(info.min_storage_buffer_offset_alignment, 4);
  // A window starts up to align − 1 bytes before its first row and ends at most one byte after
  // its last (see window_end), so rows_per_window rows always fit in align + rows · row_bytes.
  if (limit < align + row_bytes) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("a {}-byte weight row does not fit in a {}-byte storage binding",
                            row_bytes, limit));
  }
  const uint64_t matrix_bytes = row_bytes * w.n_rows;
  if (w.data.resolved_size() < matrix_bytes) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("a {} × {} {} weight matrix needs {} bytes; its buffer view holds {}",
                            w.n_rows, w.n_cols, gguf::traits(w.type).name, matrix_bytes,
                            w.data.resolved_size()));
  }
  const uint64_t rows_per_window = (limit - align) / row_bytes;
  std::vector<RowWindow> windows;
  for (uint64_t r0 = 0; r0 < w.n_rows; r0 += rows_per_window) {
    const uint64_t n = std::min<uint64_t>(rows_per_window, w.n_rows - r0);
    const uint64_t begin = w.data.offset + r0 * row_bytes;
    const uint64_t aligned = begin / align * align;
    RowWindow win;
    win.binding = vk::BufferView{w.data.buffer, aligned, window_end(w, begin + n * row_bytes) - aligned};
    win.row_begin = static_cast<uint32_t>(r0);
    win.n_rows = static_cast<uint32_t>(n);
    win.weight_offset = static_cast<uint32_t>(begin - aligned);
    windows.push_back(win);
  }
  return windows;
}

std::vector<RowWindow> expert_windows(const vk::DeviceInfo& info, const ExpertMatrices& experts,
                                      uint64_t max_binding_bytes) {
  const WeightMatrix& w = experts.w;
  // One "row" per expert, its whole matrix: rows are whole blocks, so the bytes are the same.
  const WeightMatrix stack{w.data, w.type, experts.n_expert, w.n_cols * w.n_rows};
  return row_windows(info, stack, max_binding_bytes);
}

void require_expert_bias(const ExpertMatrices& experts, const char* kernel) {
  const uint64_t rows = uint64_t(experts.n_expert) * experts.w.n_rows;
  if (experts.bias && experts.bias->resolved_size() < rows * sizeof(float)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{}: the experts' bias needs {} × {} floats", kernel, experts.n_expert,
                            experts.w.n_rows));
  }
}

std::string weight_shader(const std::string& operation, gguf::TensorType type) {
  std::string name = operation + "_";
  for (const char c : gguf::traits(type).name) {
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return name;
}

uint32_t row_alignment(uint32_t row_bytes, const RowWindow& win) {
  uint32_t alignment = 16;
  while (alignment > 2 && (row_bytes % alignment != 0 || win.weight_offset % alignment != 0)) {
    alignment /= 2;
  }
  return alignment;
}

bool uniform_block_fits(const vk::DeviceInfo& info, uint64_t offset, uint64_t bytes) {
  return bytes <= std::min<uint64_t>(info.max_uniform_buffer_range, 65536) &&
         info.min_uniform_buffer_offset_alignment > 0 &&
         offset % info.min_uniform_buffer_offset_alignment == 0;
}

std::optional<vk::BufferView> whole_uvec4_binding(const vk::DeviceInfo& info, const RowWindow& win) {
  const uint64_t size = (win.binding.resolved_size() + 15) / 16 * 16;
  if (win.binding.offset + size > win.binding.buffer->size() ||
      size / 16 > info.max_texel_buffer_elements ||
      win.binding.offset % std::max<uint64_t>(info.min_texel_buffer_offset_alignment, 1) != 0) {
    return std::nullopt;
  }
  return vk::BufferView{win.binding.buffer, win.binding.offset, size};
}

} // namespace sikao::kernels
