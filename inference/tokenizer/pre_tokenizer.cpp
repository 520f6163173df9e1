#include "tokenizer/pre_tokenizer.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "common/error.h"
#include "tokenizer/utf8.h"

namespace sikao::tokenizer {
namespace {

// The regexes are those of the models' tokenizer.json files (as llama.cpp's llama-vocab.cpp
// lists them per pre-tokenizer type), written for PCRE2: `(?i:'s|...)` is spelled out as
// `'[sS]|...` so that case folding cannot match U+017F or U+212A. Non-ASCII literals are written
// as \x{...} so that no editor or normaliser can turn U+212A KELVIN SIGN into 'K'.

// GPT-2's regex as llama.cpp has it: without the final "|\s+" of Hugging Face's ByteLevel
// regex (k_hf_byte_level_regex), which only takes white space that would be a piece of its own
// anyway.
constexpr std::string_view k_gpt2 =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S))";

constexpr std::string_view k_llama3 =
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

constexpr std::string_view k_qwen2 =
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// Qwen3.5: Qwen2's, with combining marks (\p{M}) part of a word rather than of the punctuation
// run after it (so a decomposed "é" stays one piece with its word).
constexpr std::string_view k_qwen35 =
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// o200k (GPT-4o, gpt-oss): a word is an optional leading non-letter, then either a run of
// upper-case-like letters ending in lower-case ones ("Hello", "McDonald" gives "Mc", "Donald")
// or an upper-case run with optional lower-case after it ("HTTP", "HTTPServer" stays whole);
// letters of no case (\p{Lm}, \p{Lo}) and marks fit both sides. Contractions stay on the word
// they follow ("don't"). Numbers come in groups of up to three; "/" and line breaks stay on the
// punctuation run before them.
constexpr std::string_view k_o200k =
    R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+)"
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])?)"
    R"(|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*)"
    R"((?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])?)"
    R"(|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// The Split regexes of the families' tokenizer.json files, as the files spell them (after JSON
// unescaping: DeepSeek V3's has raw CR and LF characters and raw kana and CJK ranges).
constexpr std::string_view k_hf_llama3 =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view k_hf_qwen2 =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view k_hf_qwen35 =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";
constexpr std::string_view k_hf_deepseek_v3_cjk =
    "[\xE4\xB8\x80-\xE9\xBE\xA5\xE3\x81\x80-\xE3\x82\x9F\xE3\x82\xA0-\xE3\x83\xBF]+";
constexpr std::string_view k_hf_deepseek_v3_words =
    "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+"
    "| ?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+";
constexpr std::string_view k_hf_o200k =
    R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+)"
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
    R"(|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*)"
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)?)"
    R"(|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

// DeepSeek LLM: cased letters (A-Z, a-z, µ, Latin-1 letters, ... , Adlam), listed as ranges.
constexpr std::string_view k_deepseek_llm_letters =
    R"(\s?[A-Za-z\x{B5}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{1BA}\x{1BC}-\x{1BF}\x{1C4}-\x{293})"
    R"(\x{295}-\x{2AF}\x{370}-\x{373}\x{376}\x{377}\x{37B}-\x{37D}\x{37F}\x{386}\x{388}-\x{38A})"
    R"(\x{38C}\x{38E}-\x{3A1}\x{3A3}-\x{3F5}\x{3F7}-\x{481}\x{48A}-\x{52F}\x{531}-\x{556})"
    R"(\x{10A0}-\x{10C5}\x{13A0}-\x{13F5}\x{13F8}-\x{13FD}\x{1C90}-\x{1CBA}\x{1CBD}-\x{1CBF})"
    R"(\x{1D00}-\x{1D2B}\x{1D6B}-\x{1D77}\x{1D79}-\x{1D9A}\x{1E00}-\x{1F15}\x{1F18}-\x{1F1D})"
    R"(\x{1F20}-\x{1F45}\x{1F48}-\x{1F4D}\x{1F50}-\x{1F57}\x{1F59}\x{1F5B}\x{1F5D})"
    R"(\x{1F5F}-\x{1F7D}\x{1F80}-\x{1FB4}\x{1FB6}-\x{1FBC}\x{1FBE}\x{1FC2}-\x{1FC4})"
    R"(\x{1FC6}-\x{1FCC}\x{1FD0}-\x{1FD3}\x{1FD6}-\x{1FDB}\x{1FE0}-\x{1FEC}\x{1FF2}-\x{1FF4})"
    R"(\x{1FF6}-\x{1FFC}\x{2102}\x{2107}\x{210A}-\x{2113}\x{2115}\x{2119}-\x{211D}\x{2124})"
    R"(\x{2126}\x{2128}\x{212A}-\x{212D}\x{212F}-\x{2134}\x{2139}\x{213C}-\x{213F})"
    R"(\x{2145}-\x{2149}\x{214E}\x{2183}\x{2184}\x{2C00}-\x{2C7B}\x{2C7E}-\x{2CE4})"
    R"(\x{2CEB}-\x{2CEE}\x{2CF2}\x{2CF3}\x{A640}-\x{A66D}\x{A680}-\x{A69B}\x{A722}-\x{A76F})"
    R"(\x{A771}-\x{A787}\x{A78B}-\x{A78E}\x{AB70}-\x{ABBF}\x{FB00}-\x{FB06}\x{FB13}-\x{FB17})"
    R"(\x{FF21}-\x{FF3A}\x{FF41}-\x{FF5A}\x{10400}-\x{1044F}\x{104B0}-\x{104D3})"
    R"(\x{104D8}-\x{104FB}\x{10C80}-\x{10CB2}\x{10CC0}-\x{10CF2}\x{118A0}-\x{118DF})"
    R"(\x{1E900}-\x{1E943}]+)";

// ASCII punctuation, full-width punctuation, curly quotes, ideographic space and full stop.
constexpr std::string_view k_deepseek_llm_punct =
    R"(\s?[!-/:-~\x{FF01}-\x{FF0F}\x{FF1A}-\x{FF5E}\x{2018}-\x{201F}\x{3000}-\x{3002}]+)";

// CJK unified ideographs U+4E00-U+9FA5, U+0800-U+4E00, Hangul syllables and beyond.
constexpr std::string_view k_deepseek_cjk = R"([\x{4E00}-\x{9FA5}\x{0800}-\x{4E00}\x{AC00}-\x{D7FF}]+)";

const std::vector<PreTokenizerSpec> k_table = {
    // llama.cpp's fallback for BPE vocabularies without a usable pre-tokenizer name.
    {{"default"},
     {R"([\p{P}\$\+<=>\^~\|]+)", k_gpt2, R"(\p{N}+)", R"([0-9][0-9][0-9])"}},
    {.names = {"llama3", "llama-v3", "llama-bpe", "falcon3", "pixtral"},
     .regexes = {k_llama3},
     .ignore_merges = true,
     .add_bos = true,
     .hf_regexes = {k_hf_llama3}},
    {{"dbrx", "smaug-bpe"}, {k_llama3}},
    {{"deepseek-llm"},
     {R"([\r\n])", k_deepseek_llm_letters, k_deepseek_llm_punct, R"(\s+$)", k_deepseek_cjk,
      R"(\p{N}+)"}},
    {{"deepseek-coder"},
     {R"([\r\n])", R"(\s?\p{L}+)", R"(\s?\p{P}+)", k_deepseek_cjk, R"(\p{N})"}},
    {.names = {"deepseek-v3"},
     .regexes = {R"(\p{N}{1,3})", R"([\x{4E00}-\x{9FA5}\x{3040}-\x{309F}\x{30A0}-\x{30FF}]+)",
                 R"([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+| ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)"},
     .hf_regexes = {R"(\p{N}{1,3})", k_hf_deepseek_v3_cjk, k_hf_deepseek_v3_words}},
    {{"falcon"}, {R"([\p{P}\$\+<=>\^~\|`]+)", k_gpt2, R"([0-9][0-9][0-9])"}},
    {.names = {"starcoder", "refact", "command-r", "smollm", "codeshell", "exaone", "minerva-7b"},
     .regexes = {R"(\p{N})", k_gpt2},
     .hf_regexes = {k_hf_individual_digits_regex, k_hf_byte_level_regex}},
    {.names = {"gpt-2", "gpt-neox", "mpt", "olmo", "jais", "phi-2", "roberta-bpe", "jina-es",
               "jina-de", "jina-v1-en", "jina-v2-es", "jina-v2-de", "jina-v2-code", "gigachat",
               "trillion", "exaone4"},
     .regexes = {k_gpt2},
     .hf_regexes = {k_hf_byte_level_regex}},
    {.names = {"qwen2", "deepseek-r1-qwen", "stablelm2", "megrez", "hunyuan"},
     .regexes = {k_qwen2},
     .hf_regexes = {k_hf_qwen2}},
    {.names = {"qwen35"}, .regexes = {k_qwen35}, .hf_regexes = {k_hf_qwen35}},
    // GPT-4o and gpt-oss. Their tokenizer.json has ignore_merges, as tiktoken takes a piece that is
    // a token whole; llama.cpp also maps "llama4" and "kanana2" to this regex but without
    // ignore_merges, so those names are not in this row.
    {.names = {"gpt-4o"},
     .regexes = {k_o200k},
     .ignore_merges = true,
     .hf_regexes = {k_hf_o200k}},
    {{"poro-chat", "bloom", "gpt3-finnish"},
     {R"( ?[^(\s|.,!?\x{2026}\x{3002}\x{FF0C}\x{3001}\x{964}\x{6D4}\x{60C})]+)"}},
};

// Characters assigned since Unicode 14, by general category: 15.0 and 15.1 (as Python 3.13's
// unicodedata has them), then 16.0 and 17.0 together (as the regex module 2026.5 has them).
// Hugging Face's regex engines and the reference implementations know them (CJK extensions H to
// J, Kawi, Nag Mundari, Garay, Egyptian hieroglyphs extended-A, new emoji, ...); a PCRE2 with
// older tables (Debian 12's 10.42 has Unicode 14) sees them as unassigned, which splits " 𱍐"
// (CJK Ext. H) as " ", "𱍐" where DeepSeek V3's regex keeps the letter with its space. A row is
// used when PCRE2's tables are older than its version; adding what PCRE2 already knows changes
// nothing. Letters are listed by their case (Lu, Ll, Lm, Lo; no new Lt), because o200k's regex
// tells upper-case from lower-case runs ("a𐵐𐵰" is "a", "𐵐𐵰": Garay capital, then small).
// Marks, numbers, punctuation and symbols are listed by major class only: no table regex asks
// for their subcategories (a \p{Nd} would get no rows here).
struct NewerCharacters {
  int unicode_version;         // major * 10 + minor
  std::string_view category;   // "Lu", "Ll", "Lm", "Lo", "M", "N", "P" or "S"
  std::string_view ranges;
};

constexpr NewerCharacters k_newer_characters[] = {
    {150, "Ll", R"(\x{1DF25}-\x{1DF2A})"},
    {150, "Lm", R"(\x{1E030}-\x{1E06D}\x{1E4EB})"},
    {150, "Lo",
     R"(\x{1123F}-\x{11240}\x{11F02}\x{11F04}-\x{11F10}\x{11F12}-\x{11F33}\x{1342F})"
     R"(\x{13441}-\x{13446}\x{1B132}\x{1B155}\x{1E4D0}-\x{1E4EA}\x{2B739})"
     R"(\x{31350}-\x{323AF})"},
    {150, "M",
     R"(\x{CF3}\x{ECE}\x{10EFD}-\x{10EFF}\x{11241}\x{11F00}-\x{11F01}\x{11F03})"
     R"(\x{11F34}-\x{11F3A}\x{11F3E}-\x{11F42}\x{13440}\x{13447}-\x{13455}\x{1E08F})"
     R"(\x{1E4EC}-\x{1E4EF})"},
    {150, "N", R"(\x{11F50}-\x{11F59}\x{1D2C0}-\x{1D2D3}\x{1E4F0}-\x{1E4F9})"},
    {150, "P", R"(\x{11B00}-\x{11B09}\x{11F43}-\x{11F4F})"},
    {150, "S",
     R"(\x{1F6DC}\x{1F774}-\x{1F776}\x{1F77B}-\x{1F77F}\x{1F7D9}\x{1FA75}-\x{1FA77})"
     R"(\x{1FA87}-\x{1FA88}\x{1FAAD}-\x{1FAAF}\x{1FABB}-\x{1FABD}\x{1FABF})"
     R"(\x{1FACE}-\x{1FACF}\x{1FADA}-\x{1FADB}\x{1FAE8}\x{1FAF7}-\x{1FAF8})"},
    {151, "Lo", R"(\x{2EBF0}-\x{2EE5D})"},
    {151, "S", R"(\x{2FFC}-\x{2FFF}\x{31EF})"},
    {170, "Lu",
     R"(\x{1C89}\x{A7CB}-\x{A7CC}\x{A7CE}\x{A7D2}\x{A7D4}\x{A7DA}\x{A7DC})"
     R"(\x{10D50}-\x{10D65}\x{16EA0}-\x{16EB8})"},
    {170, "Ll", R"(\x{1C8A}\x{A7CD}\x{A7CF}\x{A7DB}\x{10D70}-\x{10D85}\x{16EBB}-\x{16ED3})"},
    {170, "Lm",
     R"(\x{A7F1}\x{10D4E}\x{10D6F}\x{10EC5}\x{11DD9}\x{16D40}-\x{16D42}\x{16D6B}-\x{16D6C})"
     R"(\x{16FF2}-\x{16FF3}\x{1E6FF})"},
    {170, "Lo",
     R"(\x{88F}\x{C5C}\x{CDC}\x{105C0}-\x{105F3}\x{10940}-\x{10959}\x{10D4A}-\x{10D4D})"
     R"(\x{10D4F}\x{10EC2}-\x{10EC4}\x{10EC6}-\x{10EC7}\x{11380}-\x{11389}\x{1138B})"
     R"(\x{1138E}\x{11390}-\x{113B5}\x{113B7}\x{113D1}\x{113D3}\x{11BC0}-\x{11BE0})"
     R"(\x{11DB0}-\x{11DD8}\x{11DDA}-\x{11DDB}\x{13460}-\x{143FA}\x{16100}-\x{1611D})"
     R"(\x{16D43}-\x{16D6A}\x{187F8}-\x{187FF}\x{18CFF}\x{18D09}-\x{18D1E})"
     R"(\x{18D80}-\x{18DF2}\x{1E5D0}-\x{1E5ED}\x{1E5F0}\x{1E6C0}-\x{1E6DE})"
     R"(\x{1E6E0}-\x{1E6E2}\x{1E6E4}-\x{1E6E5}\x{1E6E7}-\x{1E6ED}\x{1E6F0}-\x{1E6F4})"
     R"(\x{1E6FE}\x{2B73A}-\x{2B73F}\x{2CEA2}-\x{2CEAD}\x{323B0}-\x{33479})"},
    {170, "M",
     R"(\x{897}\x{1ACF}-\x{1ADD}\x{1AE0}-\x{1AEB}\x{10D69}-\x{10D6D}\x{10EFA}-\x{10EFC})"
     R"(\x{113B8}-\x{113C0}\x{113C2}\x{113C5}\x{113C7}-\x{113CA}\x{113CC}-\x{113D0})"
     R"(\x{113D2}\x{113E1}-\x{113E2}\x{11B60}-\x{11B67}\x{11F5A}\x{1611E}-\x{1612F})"
     R"(\x{1E5EE}-\x{1E5EF}\x{1E6E3}\x{1E6E6}\x{1E6EE}-\x{1E6EF}\x{1E6F5})"},
    {170, "N",
     R"(\x{10D40}-\x{10D49}\x{116D0}-\x{116E3}\x{11BF0}-\x{11BF9}\x{11DE0}-\x{11DE9})"
     R"(\x{16130}-\x{16139}\x{16D70}-\x{16D79}\x{16FF4}-\x{16FF6}\x{1CCF0}-\x{1CCF9})"
     R"(\x{1E5F1}-\x{1E5FA})"},
    {170, "P",
     R"(\x{1B4E}-\x{1B4F}\x{1B7F}\x{10D6E}\x{10ED0}\x{113D4}-\x{113D5}\x{113D7}-\x{113D8})"
     R"(\x{11BE1}\x{16D6D}-\x{16D6F}\x{1E5FF})"},
    {170, "S",
     R"(\x{20C1}\x{2427}-\x{2429}\x{2B96}\x{31E4}-\x{31E5}\x{FBC3}-\x{FBD2})"
     R"(\x{FD90}-\x{FD91}\x{FDC8}-\x{FDCE}\x{10D8E}-\x{10D8F}\x{10ED1}-\x{10ED8})"
     R"(\x{1CC00}-\x{1CCEF}\x{1CCFA}-\x{1CCFC}\x{1CD00}-\x{1CEB3}\x{1CEBA}-\x{1CED0})"
     R"(\x{1CEE0}-\x{1CEF0}\x{1F6D8}\x{1F777}-\x{1F77A}\x{1F8B2}-\x{1F8BB})"
     R"(\x{1F8C0}-\x{1F8C1}\x{1F8D0}-\x{1F8D8}\x{1FA54}-\x{1FA57}\x{1FA89}-\x{1FA8A})"
     R"(\x{1FA8E}-\x{1FA8F}\x{1FABE}\x{1FAC6}\x{1FAC8}\x{1FACD}\x{1FADC}\x{1FADF})"
     R"(\x{1FAE9}-\x{1FAEA}\x{1FAEF}\x{1FBCB}-\x{1FBEF}\x{1FBFA})"},

};

// The Unicode version of PCRE2's tables, major * 10 + minor ("14.0.0" -> 140).
int pcre2_unicode_version() {
  char version[32] = {};
  if (pcre2_config(PCRE2_CONFIG_UNICODE_VERSION, version) <= 0) return 0;
  int major = 0;
  int minor = 0;
  if (std::sscanf(version, "%d.%d", &major, &minor) != 2) return 0;
  return major * 10 + minor;
}

// The ranges a \p{property} must add for characters newer than PCRE2's tables; \p{L} takes
// the rows of every kind of letter.
std::string newer_characters(std::string_view property) {
  static const int known = pcre2_unicode_version();
  std::string ranges;
  for (const auto& row : k_newer_characters) {
    if (row.category.starts_with(property) && row.unicode_version > known) ranges += row.ranges;
  }
  return ranges;
}

// The name of a one- or two-letter general category property at the start of `re` ("{Lu}..."
// gives "Lu"); empty for anything else (\p{Han}, a bare \pL).
std::string_view general_category_at(std::string_view re) {
  const size_t close = re.find('}');
  if (!re.starts_with('{') || close == std::string_view::npos || close < 2 || close > 3) return {};
  return re.substr(1, close - 1);
}

// Rewrites a table regex for PCRE2:
//  - PCRE2's \s under UCP is "Z or \t\n\v\f\r" and misses U+0085 NEXT LINE, which Hugging
//    Face's regex engine and llama.cpp count as white space: \s and \S include it.
//  - \p{L}, \p{Lu}, ..., \p{M}, \p{N}, \p{P}, \p{S} include the characters PCRE2's tables are
//    too old for.
std::string for_pcre2(std::string_view re) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      const char e = re[i + 1];
      ++i;
      if (e == 's') {
        out += in_class ? R"(\s\x{85})" : R"([\s\x{85}])";
      } else if (e == 'S' && !in_class) {
        out += R"([^\s\x{85}])";
      } else if (const std::string_view category = general_category_at(re.substr(i + 1));
                 e == 'p' && !category.empty() && !newer_characters(category).empty()) {
        const std::string members =
            fmt::format("\\p{{{}}}{}", category, newer_characters(category));  // \p{Lu}\x{..}
        out += in_class ? members : "[" + members + "]";
        i += category.size() + 2;
      } else {
        out += '\\';
        out += e;
      }
      continue;
    }
    if (c == '[' && !in_class) {
      in_class = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal member, not the end of the class.
      if (i + 1 < re.size() && re[i + 1] == '^') {
        out += re[++i];
      }
      if (i + 1 < re.size() && re[i + 1] == ']') {
        out += re[++i];
      }
      continue;
    }
    if (c == ']' && in_class) {
      in_class = false;
    }
    out += c;
  }
  return out;
}

} // namespace

struct PreTokenizer::Compiled {
  pcre2_code* code = nullptr;
  ~Compiled() { pcre2_code_free(code); }
};

std::span<const PreTokenizerSpec> pre_tokenizer_table() { return k_table; }

const PreTokenizerSpec* find_pre_tokenizer(std::string_view name) {
  for (const auto& row : k_table) {
    for (const auto n : row.names) {
      if (n == name) {
        return &row;
      }
    }
  }
  return nullptr;
}

const PreTokenizerSpec* find_pre_tokenizer_for_hf(std::span<const std::string> regexes) {
  for (const auto& row : k_table) {
    if (!row.hf_regexes.empty() &&
        std::ranges::equal(row.hf_regexes, regexes, [](std::string_view a, std::string_view b) {
          return a == b;
        })) {
      return &row;
    }
  }
  return nullptr;
}

std::string known_pre_tokenizer_names() {
  std::string all;
  for (const auto& row : k_table) {
    for (const auto n : row.names) {
      if (!all.empty()) {
        all += ", ";
      }
      all += n;
    }
  }
  return all;
}

PreTokenizer::PreTokenizer(std::string_view name) : spec_(find_pre_tokenizer(name)) {
  if (spec_ == nullptr) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("unknown pre-tokenizer '{}' (tokenizer.ggml.pre); supported: {}", name,
                            known_pre_tokenizer_names()));
  }
  for (const auto re : spec_->regexes) {
    const std::string pattern = for_pcre2(re);
    int error = 0;
    PCRE2_SIZE error_offset = 0;
    auto compiled = std::make_unique<Compiled>();
    compiled->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
                                       PCRE2_DOLLAR_ENDONLY,
                                   &error, &error_offset, nullptr);
    if (compiled->code == nullptr) {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message(error, message, sizeof(message));
      throw Error(ErrorCode::Internal,
                  fmt::format("pre-tokenizer '{}': regex does not compile at offset {}: {}", name,
                              error_offset, reinterpret_cast<const char*>(message)));
    }
    // JIT is an optimisation only; the interpreter gives the same matches.
    pcre2_jit_compile(compiled->code, PCRE2_JIT_COMPLETE);
    regexes_.push_back(std::move(compiled));
  }
}

PreTokenizer::~PreTokenizer() = default;
PreTokenizer::PreTokenizer(PreTokenizer&&) noexcept = default;
PreTokenizer& PreTokenizer::operator=(PreTokenizer&&) noexcept = default;

namespace {

// Owns the per-call PCRE2 state, so that one PreTokenizer can serve several threads.
struct MatchScratch {
  pcre2_match_data* data = nullptr;
  pcre2_match_context* context = nullptr;
  pcre2_jit_stack* jit_stack = nullptr;

  MatchScratch() {
    data = pcre2_match_data_create(4, nullptr);
    context = pcre2_match_context_create(nullptr);
    jit_stack = pcre2_jit_stack_create(32 * 1024, 4 * 1024 * 1024, nullptr);
    if (data == nullptr || context == nullptr || jit_stack == nullptr) {
      release();
      throw Error(ErrorCode::OutOfMemory, "pre-tokenizer: cannot allocate regex match state");
    }
    pcre2_jit_stack_assign(context, nullptr, jit_stack);
  }
  ~MatchScratch() { release(); }
  MatchScratch(const MatchScratch&) = delete;
  MatchScratch& operator=(const MatchScratch&) = delete;

  void release() {
    pcre2_jit_stack_free(jit_stack);
    pcre2_match_context_free(context);
    pcre2_match_data_free(data);
  }
};

void split_piece(const pcre2_code* code, std::string_view piece, MatchScratch& scratch,
                 std::vector<std::string_view>& out) {
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(piece.data());
  size_t start = 0;   // where the next unmatched gap begins
  size_t search = 0;  // where the next match may begin
  while (search < piece.size()) {
    const int rc = pcre2_match(code, subject, piece.size(), search, 0, scratch.data, scratch.context);
    if (rc == PCRE2_ERROR_NOMATCH) {
      break;
    }
    if (rc < 0) {
      PCRE2_UCHAR message[256];
      pcre2_get_error_message(rc, message, sizeof(message));
      throw Error(ErrorCode::Internal, fmt::format("pre-tokenizer: regex match failed: {}",
                                                   reinterpret_cast<const char*>(message)));
    }
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(scratch.data);
    const size_t begin = ovector[0];
    const size_t end = ovector[1];
    if (end == begin) {
      // An empty match splits nothing; look again one character further on.
      search = begin + utf8::sequence_length(static_cast<unsigned char>(piece[begin]));
      continue;
    }
    if (begin > start) {
      out.push_back(piece.substr(start, begin - start));
    }
    out.push_back(piece.substr(begin, end - begin));
    start = end;
    search = end;
  }
  if (start < piece.size()) {
    out.push_back(piece.substr(start));
  }
}

} // namespace

std::vector<std::string_view> PreTokenizer::split(std::string_view text) const {
  std::vector<std::string_view> pieces;
  if (text.empty()) {
    return pieces;
  }
  pieces.push_back(text);
  MatchScratch scratch;
  std::vector<std::string_view> next;
  for (const auto& re : regexes_) {
    next.clear();
    for (const auto piece : pieces) {
      split_piece(re->code, piece, scratch, next);
    }
    pieces.swap(next);
  }
  return pieces;
}

} // namespace sikao::tokenizer
