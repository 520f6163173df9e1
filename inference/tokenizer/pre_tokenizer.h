#pragma once
// Regex pre-tokenizers for byte-level BPE, one row per `tokenizer.ggml.pre` family. A row's
// regexes are applied in order, each splitting every piece left by the previous one; matches
// and the text between matches both become pieces (Hugging Face's Split with "Isolated"), so
// the pieces always concatenate back to the input. Regexes run through PCRE2 in UTF + UCP mode
// with invalid UTF-8 tolerated (invalid bytes never match, so they end up in pieces of their own
// and are still encoded byte-exactly).

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sikao::tokenizer {

struct PreTokenizerSpec {
  std::vector<std::string_view> names;    // values of tokenizer.ggml.pre
  std::vector<std::string_view> regexes;  // applied in order
  bool ignore_merges = false;  // a piece that is itself a token is taken whole (llama3)
  bool add_bos = false;        // the family's default for add_bos when the GGUF does not say
  // The same pre-tokenizer as a Hugging Face tokenizer.json spells it: the regexes of the
  // file's pre_tokenizer steps, in order (a Split's pattern as written; ByteLevel and Digits as
  // the k_hf_* regexes below). Empty when the row is not recognised from a tokenizer.json.
  std::vector<std::string_view> hf_regexes;
};

// Regexes that Hugging Face pre-tokenizers apply without spelling them in tokenizer.json, as
// hf_regexes name them: ByteLevel with use_regex (GPT-2's regex, as the tokenizers library has
// it) and Digits with individual_digits.
inline constexpr std::string_view k_hf_byte_level_regex =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";
inline constexpr std::string_view k_hf_digits_regex = R"(\p{N}+)";
inline constexpr std::string_view k_hf_individual_digits_regex = R"(\p{N})";

// The table; adding a pre-tokenizer is adding a row.
std::span<const PreTokenizerSpec> pre_tokenizer_table();

// nullptr when `name` is in no row.
const PreTokenizerSpec* find_pre_tokenizer(std::string_view name);

// The row whose hf_regexes are exactly `regexes`; nullptr when none is.
const PreTokenizerSpec* find_pre_tokenizer_for_hf(std::span<const std::string> regexes);

// All names in the table, comma separated, for error messages.
std::string known_pre_tokenizer_names();

class PreTokenizer {
 public:
  // Throws sikao::Error(Unsupported) for an unknown name, Internal if a regex fails to compile.
  explicit PreTokenizer(std::string_view name);
  ~PreTokenizer();
  PreTokenizer(PreTokenizer&&) noexcept;
  PreTokenizer& operator=(PreTokenizer&&) noexcept;

  const PreTokenizerSpec& spec() const { return *spec_; }

  // Splits `text` into pieces (views into `text`), in order, none empty.
  std::vector<std::string_view> split(std::string_view text) const;

 private:
  struct Compiled;
  const PreTokenizerSpec* spec_;
  std::vector<std::unique_ptr<Compiled>> regexes_;
};

} // namespace sikao::tokenizer
