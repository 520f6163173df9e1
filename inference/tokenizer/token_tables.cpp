#include "tokenizer/token_tables.h"

#include <bit>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "common/error.h"

namespace sikao::tokenizer {

void TextTable::reserve(size_t count, size_t bytes) {
  ends_.reserve(count);
  bytes_.reserve(bytes);
}

void TextTable::push_back(std::string_view text) {
  if (text.size() > std::numeric_limits<uint32_t>::max() - bytes_.size()) {
    throw Error(ErrorCode::InvalidFile,
                fmt::format("the vocabulary's texts take more than 4 GiB (at text {})", ends_.size()));
  }
  bytes_.append(text);
  ends_.push_back(static_cast<uint32_t>(bytes_.size()));
}

void TextTable::shrink_to_fit() {
  bytes_.shrink_to_fit();
  ends_.shrink_to_fit();
}

IdHashTable::IdHashTable(size_t max_entries) : max_entries_(max_entries) {
  const size_t capacity = std::bit_ceil(std::max<size_t>((4 * max_entries + 2) / 3, 2));
  slots_.assign(capacity, -1);
  mask_ = capacity - 1;
  shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
}

void IdHashTable::take_slot(size_t s, int32_t id) {
  if (entries_ == max_entries_) {
    throw std::logic_error(fmt::format("IdHashTable: more than the {} entries it was made for", max_entries_));
  }
  slots_[s] = id;
  ++entries_;
}

} // namespace sikao::tokenizer
