#pragma once
// Compact storage for a vocabulary once a Tokenizer holds it. A 150k-token vocabulary kept as one
// std::string per token and std::unordered_map nodes per text and per merge took ~35 MB (qwen2);
// these tables hold the same in ~10 MB: every text back to back in one buffer, and hash tables
// that are plain arrays of ids.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sikao::tokenizer {

// Texts numbered from 0, stored back to back.
class TextTable {
 public:
  void reserve(size_t count, size_t bytes);
  // Throws sikao::Error(InvalidFile) when the texts together pass 4 GiB.
  void push_back(std::string_view text);
  std::string_view operator[](size_t i) const {
    const uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(bytes_).substr(begin, ends_[i] - begin);
  }
  size_t size() const { return ends_.size(); }
  void shrink_to_fit();

 private:
  std::string bytes_;
  std::vector<uint32_t> ends_;  // ends_[i]: one past text i's last byte in bytes_
};

// A hash set of non-negative int32 ids (token ids, merge ranks) found by a hash and a predicate
// on the id: open addressing with linear probing over a power-of-two array, -1 for an empty slot,
// at most three quarters full. The caller owns what the ids stand for, so an entry is 4-8 bytes
// instead of a node.
class IdHashTable {
 public:
  IdHashTable() : IdHashTable(0) {}
  explicit IdHashTable(size_t max_entries);

  // The id in hash's probe sequence for which matches(id) holds, or -1.
  template <class Matches>
  int32_t find(uint64_t hash, Matches&& matches) const {
    for (size_t s = slot_of(hash);; s = (s + 1) & mask_) {
      const int32_t id = slots_[s];
      if (id < 0 || matches(id)) return id;
    }
  }

  // Adds id unless an entry matches: returns the entry that matches, or -1 once id is added.
  // More than max_entries ids is a logic error (std::logic_error).
  template <class Matches>
  int32_t insert(uint64_t hash, int32_t id, Matches&& matches) {
    for (size_t s = slot_of(hash);; s = (s + 1) & mask_) {
      const int32_t held = slots_[s];
      if (held >= 0 && matches(held)) return held;
      if (held < 0) {
        take_slot(s, id);
        return -1;
      }
    }
  }

 private:
  // Fibonacci hashing: the high bits of hash · 2^64/φ, so hashes that differ only in their high
  // bits (token id pairs) spread over the table too.
  size_t slot_of(uint64_t hash) const { return static_cast<size_t>((hash * 0x9E3779B97F4A7C15ull) >> shift_); }
  void take_slot(size_t s, int32_t id);

  std::vector<int32_t> slots_;
  size_t mask_ = 0;
  unsigned shift_ = 63;
  size_t entries_ = 0;
  size_t max_entries_ = 0;
};

} // namespace sikao::tokenizer
