#pragma once
// The malformed-GGUF corpus: each case is a file the reader must reject with a one-line error
// naming the problem. Shared by the in-process reader test and the `sikao-cli info` test.

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "gguf/gguf_writer.h"

namespace sikao::test::gguf {

struct MalformedCase {
  std::string name;                  // also the file name
  std::string bytes;
  std::vector<std::string> expect;   // the error must contain at least one of these
};

inline constexpr uint64_t k_absurd = uint64_t{1} << 60;

inline std::string zeros(size_t n) { return std::string(n, '\0'); }

// A small valid model: a few metadata types, a string array, a nested array, an F32 and a Q8_0
// tensor (Q8_0 block: f16 scale + 32 int8 = 34 bytes per 32 elements).
inline Builder valid_model() {
  Builder b;
  b.kvs.push_back(kv_string("general.architecture", "llama"));
  b.kvs.push_back(kv_u32("llama.context_length", 128));
  b.kvs.push_back(kv_string_array("tokenizer.ggml.tokens", {"<s>", "a", "b"}));
  {
    Bytes nested;
    nested.u32(ARR).u64(2);
    nested.u32(I32).u64(2).put(int32_t{1}).put(int32_t{2});
    nested.u32(STR).u64(1).str("x");
    b.kvs.push_back(kv_raw("test.nested", ARR, nested));
  }
  b.tensors.push_back({"token_embd.weight", 0, {4, 2}, zeros(32)});
  b.tensors.push_back({"blk.0.w", 8, {32, 2}, zeros(68)});
  return b;
}

inline void patch_u64(std::string& bytes, size_t pos, uint64_t v) { std::memcpy(bytes.data() + pos, &v, 8); }

inline Builder with_tensor(Tensor t) {
  Builder b;
  b.kvs.push_back(kv_string("general.architecture", "llama"));
  b.tensors.push_back(std::move(t));
  return b;
}

inline std::vector<MalformedCase> malformed_corpus(uint64_t seed) {
  std::vector<MalformedCase> cases;
  auto add = [&](std::string name, const Builder& b, std::vector<std::string> expect) {
    cases.push_back({std::move(name), b.build().bytes, std::move(expect)});
  };

  cases.push_back({"empty", "", {"empty"}});
  {
    std::mt19937_64 rng(seed);
    std::string random(4096, '\0');
    for (char& c : random) c = static_cast<char>(rng());
    if (random.compare(0, 4, "GGUF") == 0) random[0] = 'X';
    cases.push_back({"random_bytes", random, {"not a GGUF file"}});
  }
  cases.push_back({"three_bytes", "GGU", {"truncated"}});
  {
    Builder b = valid_model();
    b.magic = "GGML";
    add("wrong_magic", b, {"not a GGUF file: magic is 'GGML'"});
  }
  {
    Builder b = valid_model();
    b.version = 1;
    add("version_1", b, {"GGUF version 1 is not supported"});
    b.version = 4;
    add("unknown_version", b, {"unknown GGUF version 4"});
    b.version = 0x03000000;  // version 3 written big-endian
    add("big_endian", b, {"big-endian GGUF"});
  }
  {
    Builder b = valid_model();
    b.kv_count = k_absurd;
    add("absurd_kv_count", b, {"metadata key/value count 1152921504606846976 cannot fit"});
    b = valid_model();
    b.tensor_count = k_absurd;
    add("absurd_tensor_count", b, {"tensor count 1152921504606846976 cannot fit"});
    // Counts large enough that reserving for them would allocate gigabytes, yet small enough
    // that the allocation could succeed: the info test runs these under an address-space limit.
    b = valid_model();
    b.kv_count = uint64_t{1} << 24;
    add("large_kv_count", b, {"metadata key/value count 16777216 cannot fit"});
    b = valid_model();
    b.tensor_count = uint64_t{1} << 24;
    add("large_tensor_count", b, {"tensor count 16777216 cannot fit"});
    b = valid_model();
    b.kvs.push_back(kv_raw("test.strings", ARR, Bytes().u32(STR).u64(uint64_t{1} << 25)));
    add("large_string_array_length", b, {"metadata 'test.strings' array length 33554432 cannot fit"});
    b = valid_model();
    b.kv_count = 40;  // more pairs than written: runs into the tensor infos
    add("kv_count_too_large", b, {"truncated", "cannot fit", "unknown value type", "has length", "past the end"});
  }
  {
    Builder b = valid_model();
    b.kvs.insert(b.kvs.begin(), Kv{Bytes().u64(uint64_t{1} << 40).raw("general").data()});
    add("key_length_past_end", b, {"metadata key #0 has length 1099511627776"});
    b = valid_model();
    b.kvs.push_back(kv_raw("general.name", STR, Bytes().u64(100000).raw("abc")));
    add("string_value_past_end", b, {"metadata 'general.name' has length 100000"});
    b = valid_model();
    b.kvs.push_back(kv_raw("general.name", STR, Bytes().u64(~uint64_t{0})));
    add("string_length_max", b, {"metadata 'general.name' has length 18446744073709551615"});
    b = valid_model();
    Built built = b.build();
    const size_t name_at = built.bytes.find("blk.0.w");
    patch_u64(built.bytes, name_at - 8, uint64_t{1} << 50);
    cases.push_back({"tensor_name_past_end", built.bytes, {"tensor #1 name has length 1125899906842624"}});
  }
  {
    Builder b = valid_model();
    b.kvs.push_back(kv_raw("test.bytes", ARR, Bytes().u32(U8).u64(k_absurd)));
    add("absurd_array_length", b, {"metadata 'test.bytes' array length 1152921504606846976 cannot fit"});
    b = valid_model();
    b.kvs.push_back(kv_raw("test.strings", ARR, Bytes().u32(STR).u64(k_absurd)));
    add("absurd_string_array_length", b, {"metadata 'test.strings' array length 1152921504606846976 cannot fit"});
    b = valid_model();
    b.kvs.push_back(kv_raw("test.nested", ARR, Bytes().u32(ARR).u64(1).u32(I32).u64(k_absurd)));
    add("absurd_nested_array_length", b, {"array length 1152921504606846976 cannot fit"});
    b = valid_model();
    b.kvs.push_back(kv_raw("test.u64s", ARR, Bytes().u32(U64).u64(uint64_t{1} << 62)));  // ×8 overflows
    add("array_byte_size_overflows", b, {"metadata 'test.u64s' array length 4611686018427387904 cannot fit"});
    b = valid_model();
    Bytes deep;
    for (int i = 0; i < 20; ++i) deep.u32(ARR).u64(1);
    deep.u32(U8).u64(1).u8(0);
    b.kvs.push_back(kv_raw("test.deep", ARR, deep));
    add("arrays_nested_too_deep", b, {"nests arrays more than"});
  }
  {
    Builder b = valid_model();
    b.kvs.push_back(kv_raw("test.odd", 13, Bytes().u32(0)));
    add("unknown_value_type", b, {"metadata 'test.odd' has unknown value type 13"});
    b = valid_model();
    b.kvs.push_back(kv_raw("test.odd", ARR, Bytes().u32(99).u64(1)));
    add("unknown_array_element_type", b, {"unknown value type 99"});
    b = valid_model();
    b.kvs.push_back(kv_scalar("test.flag", BOOL, uint8_t{7}));
    add("bool_not_0_or_1", b, {"bool with byte value 7"});
    b = valid_model();
    b.kvs.push_back(kv_string("general.architecture", "qwen2"));
    add("duplicate_metadata_key", b, {"duplicate metadata key 'general.architecture'"});
    b = valid_model();
    b.kvs.push_back(kv_string("", "x"));
    add("empty_metadata_key", b, {"is empty"});
  }
  {
    Builder b = valid_model();
    b.kvs.push_back(kv_u32("general.alignment", 0));
    add("alignment_zero", b, {"general.alignment is 0"});
    b = valid_model();
    b.kvs.push_back(kv_u32("general.alignment", 48));
    add("alignment_not_power_of_two", b, {"general.alignment is 48"});
    b = valid_model();
    b.kvs.push_back(kv_string("general.alignment", "32"));
    add("alignment_wrong_type", b, {"general.alignment is a string"});
  }
  {
    add("tensor_offset_past_end", with_tensor({"t", 0, {8}, zeros(32), uint64_t{1} << 20}),
        {"tensor 't' data (32 bytes at data offset 1048576) extends past the end"});
    add("tensor_size_past_end", with_tensor({"t", 0, {8, 1000000}, zeros(32)}), {"extends past the end"});
    add("tensor_offset_misaligned", with_tensor({"t", 0, {8}, zeros(32), uint64_t{8}}),
        {"tensor 't' data offset 8 is not a multiple of the alignment 32"});
    add("unknown_tensor_type", with_tensor({"t", 1000, {8}, zeros(32)}), {"tensor 't' has unknown tensor type id 1000"});
    add("removed_tensor_type", with_tensor({"t", 4, {32}, zeros(32)}), {"unknown tensor type id 4"});
    add("dims_product_overflows", with_tensor({"t", 0, {uint64_t{1} << 32, uint64_t{1} << 32}, zeros(32)}),
        {"tensor 't' dimensions overflow"});
    add("dim_over_int64", with_tensor({"t", 0, {~uint64_t{0}}, zeros(32)}), {"tensor 't' dimensions overflow"});
    add("zero_dim", with_tensor({"t", 0, {8, 0}, zeros(32)}), {"tensor 't' dimension 1 is zero"});
    add("no_dims", with_tensor({"t", 0, {}, zeros(32)}), {"tensor 't' has 0 dimensions"});
    add("five_dims", with_tensor({"t", 0, {1, 1, 1, 1, 8}, zeros(32)}), {"tensor 't' has 5 dimensions"});
    add("row_not_whole_blocks", with_tensor({"t", 8, {16}, zeros(34)}),
        {"tensor 't' row length 16 is not a multiple of the Q8_0 block size 32"});
    add("mxfp4_row_not_whole_blocks", with_tensor({"t", 39, {48, 2}, zeros(51)}),
        {"tensor 't' row length 48 is not a multiple of the MXFP4 block size 32"});
    add("empty_tensor_name", with_tensor({"", 0, {8}, zeros(32)}), {"tensor #0 has an empty name"});
    Builder b = with_tensor({"t", 0, {8}, zeros(32)});
    b.tensors.push_back({"t", 0, {8}, zeros(32)});
    add("duplicate_tensor_names", b, {"duplicate tensor name 't'"});
    b = with_tensor({"a", 0, {16}, zeros(64)});
    b.tensors.push_back({"b", 0, {8}, zeros(32), uint64_t{32}});
    add("overlapping_tensors", b, {"tensor 'b' data overlaps tensor 'a'"});
  }
  {
    // Truncation at every section boundary of the valid model, and every 16th byte between.
    const Built built = valid_model().build();
    std::vector<size_t> cuts = built.boundaries;
    for (size_t cut = 1; cut < built.bytes.size(); cut += 16) cuts.push_back(cut);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (size_t cut : cuts) {
      if (cut >= built.bytes.size()) continue;
      cases.push_back({"truncated_at_" + std::to_string(cut), built.bytes.substr(0, cut),
                       {"truncated", "cannot fit", "past the end", "remain"}});
    }
  }
  return cases;
}

} // namespace sikao::test::gguf
