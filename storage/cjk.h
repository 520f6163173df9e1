#pragma once
// Characters of scripts written without spaces between words (Chinese, Japanese, Korean), and
// the spacing that makes each of them a token for FTS5's unicode61 tokenizer. The short-query
// index (schema v4) stores text through space_cjk so that a one- or two-character query, which
// the trigram index cannot answer, is a phrase of single-character tokens: 量子 -> "量 子".

#include <string>
#include <string_view>

namespace sikao::storage::internal {

bool is_cjk(char32_t cp);

// `text` with a space on each side of every CJK character; other text unchanged. Invalid UTF-8
// bytes are copied as they are.
std::string space_cjk(std::string_view text);

} // namespace sikao::storage::internal
