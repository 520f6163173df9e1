#include "tokenizer/wordpiece.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "common/error.h"
#include "tokenizer/utf8.h"

namespace sikao::tokenizer {
namespace {

// llama.cpp's whitespace: Python's str.isspace() less U+001C..U+001F (those are controls).
bool is_whitespace(uint32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// The CJK Unified Ideographs blocks (and compatibility ideographs) BERT splits character by
// character.
bool is_cjk_ideograph(uint32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F) ||
         (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

const UNormalizer2* nfd() {
  static const UNormalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* n = unorm2_getNFDInstance(&status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::Internal,
                  std::string("ICU has no NFD normaliser: ") + u_errorName(status));
    }
    return n;
  }();
  return instance;
}

// The first code point of c's full canonical decomposition, or c.
uint32_t first_of_decomposition(uint32_t c) {
  UChar buffer[32];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = unorm2_getDecomposition(nfd(), static_cast<UChar32>(c), buffer, 32, &status);
  if (U_FAILURE(status) || length <= 0) return c;
  UChar32 first = 0;
  U16_GET(buffer, 0, 0, length, first);
  return static_cast<uint32_t>(first);
}

} // namespace

std::vector<std::string> wordpiece_words(std::string_view text) {
  constexpr uint32_t k_control_mask = U_GC_CC_MASK | U_GC_CF_MASK | U_GC_CO_MASK | U_GC_CS_MASK;
  std::vector<std::string> words(1);
  const auto end_word = [&] {
    if (!words.back().empty()) words.emplace_back();
  };
  for (size_t i = 0; i < text.size();) {
    uint32_t c = 0xFFFD;
    if (const auto d = utf8::decode(text.substr(i))) {
      c = d->code_point;
      i += d->length;
    } else {
      i += 1;
    }
    c = first_of_decomposition(c);
    if (is_whitespace(c)) {
      end_word();
      continue;
    }
    const uint32_t category = U_GET_GC_MASK(static_cast<UChar32>(c));
    if (c == 0 || c == 0xFFFD || (category & k_control_mask) != 0) {
      continue;
    }
    const bool word_of_its_own = (category & U_GC_P_MASK) != 0 ||
                                 (c < 0x7F && (category & U_GC_S_MASK) != 0) ||
                                 is_cjk_ideograph(c);
    if (word_of_its_own) end_word();
    utf8::append(words.back(), static_cast<uint32_t>(u_tolower(static_cast<UChar32>(c))));
    if (word_of_its_own) words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

} // namespace sikao::tokenizer
