#pragma once
// UTF-8 and GPT-2 byte-level helpers shared by the tokenizer's parts.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sikao::tokenizer::utf8 {

// Length of the sequence a lead byte announces; 1 for ASCII and for bytes that cannot lead.
size_t sequence_length(unsigned char lead);

void append(std::string& out, uint32_t code_point);

// Decodes one well-formed character at the start of `text` (shortest form, no surrogates,
// <= U+10FFFF). nullopt when `text` does not start with a complete valid character.
struct Decoded {
  uint32_t code_point;
  size_t length;
};
std::optional<Decoded> decode(std::string_view text);

// True when `text` is a proper prefix of some valid UTF-8 character (more bytes could finish it).
bool is_incomplete_prefix(std::string_view text);

// `s` with every occurrence of `from` (not empty) replaced by `to`.
std::string replace_all(std::string_view s, std::string_view from, std::string_view to);

// GPT-2's byte-level alphabet: printable Latin-1 bytes stand for themselves, the other 68
// bytes map to U+0100.. in byte order, so every byte is one visible character.
uint32_t byte_to_code_point(unsigned char byte);
std::optional<unsigned char> code_point_to_byte(uint32_t code_point);
std::string byte_level_encode(std::string_view bytes);
// Inverse of byte_level_encode; characters outside the alphabet are kept as their UTF-8.
std::string byte_level_decode(std::string_view text);

} // namespace sikao::tokenizer::utf8
