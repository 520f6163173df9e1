#pragma once
// The CPU side of the GGUF weight formats: the reference decoder every GPU kernel is checked
// against, and simple quantisers that make valid blocks from floats (for tests and benchmarks;
// not tuned for quality like llama.cpp's). Layouts: quant/blocks.h.

#include <cstddef>
#include <span>

#include "gguf/types.h"

namespace sikao::quant {

// The types with a decoder here and GPU kernels in shaders/dequant.glsl.
bool is_supported(gguf::TensorType type);

// dst.size() weights from src, which must hold exactly gguf::row_bytes(type, dst.size()) bytes.
// Error(Unsupported) for a type without a decoder, Error(InvalidArgument) for a size mismatch
// or a row that is not a whole number of blocks.
void dequantize_row(gguf::TensorType type, std::span<const std::byte> src, std::span<float> dst);

// src.size() weights into dst, which must hold exactly gguf::row_bytes(type, src.size()) bytes.
void quantize_row(gguf::TensorType type, std::span<const float> src, std::span<std::byte> dst);

} // namespace sikao::quant
