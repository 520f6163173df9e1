#include "gguf/types.h"

#include <array>
#include <fmt/format.h>

#include "common/error.h"

namespace sikao::gguf {
namespace {

struct Entry {
  TensorType type;
  TypeTraits traits;
};

// Block layouts (bytes) as ggml defines them; QK_K = 256 for the K and most IQ types.
//   Q4_0: f16 d + 16 B nibbles                        = 18 per 32
//   Q4_1: f16 d, m + 16 B nibbles                     = 20 per 32
//   Q5_0: f16 d + 4 B high bits + 16 B nibbles        = 22 per 32
//   Q5_1: f16 d, m + 4 B high bits + 16 B nibbles     = 24 per 32
//   Q8_0: f16 d + 32 int8                             = 34 per 32
//   Q8_1: f16 d, s + 32 int8                          = 36 per 32
//   MXFP4: E8M0 e + 16 B E2M1 nibbles                 = 17 per 32
//   Q2_K: 16 B scales/mins + 64 B 2-bit q + f16 d, dmin                 = 84 per 256
//   Q3_K: 32 B high-bit mask + 64 B 2-bit q + 12 B 6-bit scales + f16 d = 110 per 256
//   Q4_K: f16 d, dmin + 12 B 6-bit scales/mins + 128 B nibbles          = 144 per 256
//   Q5_K: f16 d, dmin + 12 B scales/mins + 32 B high bits + 128 B nibbles = 176 per 256
//   Q6_K: 128 B low nibbles + 64 B high 2 bits + 16 int8 scales + f16 d = 210 per 256
//   Q8_K: f32 d + 256 int8 + 16 int16 block sums                        = 292 per 256
constexpr std::array k_types{
    Entry{TensorType::F32, {"F32", 1, 4, true}},
    Entry{TensorType::F16, {"F16", 1, 2, true}},
    Entry{TensorType::Q4_0, {"Q4_0", 32, 18, true}},
    Entry{TensorType::Q4_1, {"Q4_1", 32, 20, true}},
    Entry{TensorType::Q5_0, {"Q5_0", 32, 22, true}},
    Entry{TensorType::Q5_1, {"Q5_1", 32, 24, true}},
    Entry{TensorType::Q8_0, {"Q8_0", 32, 34, true}},
    Entry{TensorType::Q8_1, {"Q8_1", 32, 36, false}},
    Entry{TensorType::Q2_K, {"Q2_K", 256, 84, true}},
    Entry{TensorType::Q3_K, {"Q3_K", 256, 110, true}},
    Entry{TensorType::Q4_K, {"Q4_K", 256, 144, true}},
    Entry{TensorType::Q5_K, {"Q5_K", 256, 176, true}},
    Entry{TensorType::Q6_K, {"Q6_K", 256, 210, true}},
    Entry{TensorType::Q8_K, {"Q8_K", 256, 292, false}},
    Entry{TensorType::IQ2_XXS, {"IQ2_XXS", 256, 66, false}},
    Entry{TensorType::IQ2_XS, {"IQ2_XS", 256, 74, false}},
    Entry{TensorType::IQ3_XXS, {"IQ3_XXS", 256, 98, false}},
    Entry{TensorType::IQ1_S, {"IQ1_S", 256, 50, false}},
    Entry{TensorType::IQ4_NL, {"IQ4_NL", 32, 18, false}},
    Entry{TensorType::IQ3_S, {"IQ3_S", 256, 110, false}},
    Entry{TensorType::IQ2_S, {"IQ2_S", 256, 82, false}},
    Entry{TensorType::IQ4_XS, {"IQ4_XS", 256, 136, false}},
    Entry{TensorType::I8, {"I8", 1, 1, false}},
    Entry{TensorType::I16, {"I16", 1, 2, false}},
    Entry{TensorType::I32, {"I32", 1, 4, false}},
    Entry{TensorType::I64, {"I64", 1, 8, false}},
    Entry{TensorType::F64, {"F64", 1, 8, false}},
    Entry{TensorType::IQ1_M, {"IQ1_M", 256, 56, false}},
    Entry{TensorType::BF16, {"BF16", 1, 2, true}},
    Entry{TensorType::TQ1_0, {"TQ1_0", 256, 54, false}},
    Entry{TensorType::TQ2_0, {"TQ2_0", 256, 66, false}},
    Entry{TensorType::MXFP4, {"MXFP4", 32, 17, true}},
};

constexpr std::array<TensorType, k_types.size()> make_type_list() {
  std::array<TensorType, k_types.size()> list{};
  for (size_t i = 0; i < k_types.size(); ++i) list[i] = k_types[i].type;
  return list;
}
constexpr auto k_type_list = make_type_list();

const Entry* find_entry(uint32_t id) {
  for (const Entry& e : k_types)
    if (tensor_type_id(e.type) == id) return &e;
  return nullptr;
}

} // namespace

const TypeTraits& traits(TensorType type) {
  const Entry* e = find_entry(tensor_type_id(type));
  if (!e)
    throw Error(ErrorCode::Internal, fmt::format("tensor type id {} has no traits entry", tensor_type_id(type)));
  return e->traits;
}

std::optional<TensorType> tensor_type_from_id(uint32_t id) {
  const Entry* e = find_entry(id);
  if (!e) return std::nullopt;
  return e->type;
}

std::optional<TensorType> tensor_type_from_name(std::string_view name) {
  for (const Entry& e : k_types)
    if (e.traits.name == name) return e.type;
  return std::nullopt;
}

std::span<const TensorType> all_tensor_types() { return k_type_list; }

uint64_t row_bytes(TensorType type, uint64_t n) {
  const TypeTraits& t = traits(type);
  if (n % t.block_size != 0)
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("a {} row of {} elements is not a whole number of {}-element blocks", t.name, n,
                            t.block_size));
  return n / t.block_size * t.block_bytes;
}

} // namespace sikao::gguf
