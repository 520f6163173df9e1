#pragma once
// The tensor-type registry: every GGUF/ggml tensor type id Sikao can name, with its block layout.
// This is the ONE table of quant types; kernels, the GGUF reader and `sikao-cli info` all read it.
//
// A quantised tensor row of n elements is n / block_size blocks of block_bytes each; rows must be
// a whole number of blocks. Ids are ggml's `enum ggml_type` values as stored in GGUF tensor infos.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace sikao::gguf {

enum class TensorType : uint32_t {
  F32 = 0,
  F16 = 1,
  Q4_0 = 2,
  Q4_1 = 3,
  // 4 (Q4_2) and 5 (Q4_3) were removed from ggml before GGUF existed.
  Q5_0 = 6,
  Q5_1 = 7,
  Q8_0 = 8,
  Q8_1 = 9,
  Q2_K = 10,
  Q3_K = 11,
  Q4_K = 12,
  Q5_K = 13,
  Q6_K = 14,
  Q8_K = 15,
  IQ2_XXS = 16,
  IQ2_XS = 17,
  IQ3_XXS = 18,
  IQ1_S = 19,
  IQ4_NL = 20,
  IQ3_S = 21,
  IQ2_S = 22,
  IQ4_XS = 23,
  I8 = 24,
  I16 = 25,
  I32 = 26,
  I64 = 27,
  F64 = 28,
  IQ1_M = 29,
  BF16 = 30,
  // 31..33 (Q4_0_4_4, Q4_0_4_8, Q4_0_8_8) and 36..38 (IQ4_NL_x_y) were repacking formats that
  // ggml has since removed from files; they are rejected as unknown.
  TQ1_0 = 34,
  TQ2_0 = 35,
  MXFP4 = 39,
};

struct TypeTraits {
  std::string_view name;  // ggml's spelling: "Q4_K", "BF16"
  uint32_t block_size;    // elements per block (1 for plain scalar types)
  uint32_t block_bytes;   // bytes per block
  bool gpu_supported;     // Sikao has dequantise / matrix-vector kernels for it
};

// Traits of a known type. Every enumerator above has an entry.
const TypeTraits& traits(TensorType type);

// The type with this GGUF id, or nullopt for ids Sikao does not know (including removed ones).
std::optional<TensorType> tensor_type_from_id(uint32_t id);

// The type named `name` (ggml spelling, case-sensitive), or nullopt.
std::optional<TensorType> tensor_type_from_name(std::string_view name);

// Every known type, in id order.
std::span<const TensorType> all_tensor_types();

constexpr uint32_t tensor_type_id(TensorType type) { return static_cast<uint32_t>(type); }

// Bytes of a row of `n` elements. Throws sikao::Error(InvalidArgument) when n is not a multiple of
// the block size.
uint64_t row_bytes(TensorType type, uint64_t n);

} // namespace sikao::gguf
