#pragma once
// The text side of WordPiece (tokenizer.ggml.model "bert", e.g. BGE embeddings), as llama.cpp
// does it: each character is replaced by the first character of its canonical decomposition
// (which drops accents: "é" -> "e", "Führer" -> "fuhrer"), lower-cased; whitespace ends a word,
// control characters, U+0000 and U+FFFD are dropped, and every punctuation character, ASCII
// symbol and CJK ideograph is a word of its own. Invalid UTF-8 bytes count as U+FFFD.

#include <string>
#include <string_view>
#include <vector>

namespace sikao::tokenizer {

std::vector<std::string> wordpiece_words(std::string_view text);

} // namespace sikao::tokenizer
