#include "tokenizer/vocabulary.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/utf8.h"

namespace sikao::tokenizer {

std::string_view to_string(VocabModel model) {
  switch (model) {
    case VocabModel::Bpe: return "gpt2";
    case VocabModel::Spm: return "llama";
    case VocabModel::Wpm: return "bert";
  }
  return "?";
}

std::optional<VocabModel> vocab_model_from_name(std::string_view name) {
  if (name == "gpt2") return VocabModel::Bpe;
  if (name == "llama") return VocabModel::Spm;
  if (name == "bert") return VocabModel::Wpm;
  return std::nullopt;
}

namespace {

using nlohmann::json;

json read_json(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorCode::Io, fmt::format("{}: cannot open", path.string()));
  }
  try {
    return json::parse(in);
  } catch (const json::exception& e) {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: not valid JSON: {}", path.string(), e.what()));
  }
}

// The rule llama.cpp's converter uses to mark added tokens as control tokens even when the
// tokenizer.json does not call them special.
bool looks_special(const std::string& t) {
  const auto wrapped = [&](std::string_view open, std::string_view close) {
    return t.size() >= open.size() + close.size() && t.starts_with(open) && t.ends_with(close);
  };
  return t == "<pad>" || t == "<mask>" || t == "<2mass>" || t == "[@BOS@]" || wrapped("<|", "|>") ||
         wrapped("<\xEF\xBD\x9C", "\xEF\xBD\x9C>") ||  // <｜...｜>
         wrapped("<unused", ">");                      // Gemma's reserved <unused0>, ...
}

// tokenizer_config.json names bos/eos as text ("<s>") or as {"content": "<s>"}.
std::optional<std::string> token_text(const json& config, const char* key) {
  if (!config.contains(key)) return std::nullopt;
  const json& v = config[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object() && v.contains("content") && v["content"].is_string()) {
    return v["content"].get<std::string>();
  }
  return std::nullopt;
}

void read_special_ids(const std::filesystem::path& dir, Vocabulary& vocab) {
  const auto id_of = [&](const std::string& text) -> std::optional<TokenId> {
    for (size_t i = 0; i < vocab.tokens.size(); ++i) {
      if (vocab.tokens[i] == text) return static_cast<TokenId>(i);
    }
    return std::nullopt;
  };
  if (const auto config_path = dir / "tokenizer_config.json"; std::filesystem::exists(config_path)) {
    const json config = read_json(config_path);
    if (const auto bos = token_text(config, "bos_token")) vocab.bos = id_of(*bos);
    if (const auto eos = token_text(config, "eos_token")) vocab.eos = id_of(*eos);
    if (const auto pad = token_text(config, "pad_token")) vocab.pad = id_of(*pad);
    if (config.contains("add_bos_token") && config["add_bos_token"].is_boolean()) {
      vocab.add_bos = config["add_bos_token"].get<bool>();
    }
    if (config.contains("add_eos_token") && config["add_eos_token"].is_boolean()) {
      vocab.add_eos = config["add_eos_token"].get<bool>();
    }
  }
  if (const auto config_path = dir / "config.json"; std::filesystem::exists(config_path)) {
    const json config = read_json(config_path);
    const auto read_id = [&](const char* key, std::optional<TokenId>& id) {
      if (!id && config.contains(key) && config[key].is_number_integer()) {
        id = config[key].get<TokenId>();
      }
    };
    read_id("bos_token_id", vocab.bos);
    read_id("eos_token_id", vocab.eos);
  }
  if (vocab.add_bos && !vocab.bos) vocab.add_bos = false;
}

// What every model.type "BPE" tokenizer.json has: the tokens by id, added tokens typed as
// llama.cpp's converter types them, and the merges as pairs of token texts.
struct HfBpeModel {
  std::vector<std::string> tokens;
  std::vector<TokenType> types;
  std::vector<std::pair<std::string, std::string>> merges;
  bool byte_fallback = false;
  std::optional<std::string> unk_token;
};

// model.merges as "a b" strings or, since tokenizers 0.20, as ["a", "b"] pairs.
std::vector<std::pair<std::string, std::string>> read_merges(const json& merges,
                                                             const std::string& path) {
  const auto fail = [&](const std::string& what) {
    return Error(ErrorCode::InvalidFile, fmt::format("{}: model.merges has {}", path, what));
  };
  std::vector<std::pair<std::string, std::string>> pairs;
  pairs.reserve(merges.size());
  for (const json& merge : merges) {
    if (merge.is_string()) {
      // The first space after position 0 separates the halves (a half may be " ").
      const auto text = merge.get<std::string>();
      const size_t space = text.size() > 1 ? text.find(' ', 1) : std::string::npos;
      if (space == std::string::npos) throw fail("'" + text + "', not two tokens");
      pairs.emplace_back(text.substr(0, space), text.substr(space + 1));
    } else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() &&
               merge[1].is_string()) {
      pairs.emplace_back(merge[0].get<std::string>(), merge[1].get<std::string>());
    } else {
      throw fail("an entry that is neither \"a b\" nor [\"a\", \"b\"]");
    }
  }
  return pairs;
}

HfBpeModel read_hf_bpe_model(const json& doc, const std::string& path) {
  const auto fail = [&](const std::string& what) {
    return Error(ErrorCode::InvalidFile, fmt::format("{}: {}", path, what));
  };
  if (!doc.contains("model") || !doc["model"].is_object()) throw fail("no \"model\" object");
  const json& model = doc["model"];
  if (model.value("type", "") != "BPE") {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: model type '{}' is not supported (only BPE)", path,
                            model.value("type", "")));
  }
  if (!model.contains("vocab") || !model["vocab"].is_object()) throw fail("model.vocab missing");
  if (!model.contains("merges") || !model["merges"].is_array()) throw fail("model.merges missing");

  const json empty_array = json::array();
  const json& added = doc.contains("added_tokens") ? doc["added_tokens"] : empty_array;
  if (!added.is_array()) throw fail("added_tokens is not an array");
  int64_t max_id = -1;
  for (const auto& [text, id] : model["vocab"].items()) {
    if (!id.is_number_integer() || id.get<int64_t>() < 0) throw fail("model.vocab['" + text + "'] is not an id");
    max_id = std::max(max_id, id.get<int64_t>());
  }
  for (const json& a : added) {
    if (!a.is_object() || !a.contains("id") || !a["id"].is_number_integer() ||
        a["id"].get<int64_t>() < 0 || !a.contains("content") || !a["content"].is_string()) {
      throw fail("added_tokens entry without id or content");
    }
    max_id = std::max(max_id, a["id"].get<int64_t>());
  }
  if (max_id < 0) throw fail("model.vocab is empty");
  if (max_id >= INT32_MAX) throw fail("token id too large");

  HfBpeModel m;
  const size_t n = static_cast<size_t>(max_id) + 1;
  m.tokens.resize(n);
  m.types.assign(n, TokenType::Unused);
  for (const auto& [text, id] : model["vocab"].items()) {
    m.tokens[id.get<size_t>()] = text;
    m.types[id.get<size_t>()] = TokenType::Normal;
  }
  for (const json& a : added) {
    const auto id = a["id"].get<size_t>();
    const auto text = a["content"].get<std::string>();
    m.tokens[id] = text;
    m.types[id] = (a.value("special", false) || looks_special(text)) ? TokenType::Control
                                                                     : TokenType::UserDefined;
  }
  for (size_t i = 0; i < n; ++i) {
    if (m.tokens[i].empty()) m.tokens[i] = fmt::format("[PAD{}]", i);  // as llama.cpp's converter
  }
  m.merges = read_merges(model["merges"], path);
  m.byte_fallback = model.value("byte_fallback", false) == true;
  if (model.contains("unk_token") && model["unk_token"].is_string()) {
    m.unk_token = model["unk_token"].get<std::string>();
  }
  return m;
}

// A JSON value for an error message, cut short (a Precompiled normalizer holds a large blob).
std::string brief(const json& value) {
  std::string text = value.dump();
  if (text.size() > 200) text = text.substr(0, 200) + "...";
  return text;
}

// The regexes of a byte-level tokenizer.json's pre_tokenizer, in the order its steps apply them,
// spelled as PreTokenizerSpec::hf_regexes spells them. nullopt for a step that is not one of
// those (a Split on a plain string, with another behaviour or inverted, a ByteLevel that puts a
// space in front, another type).
std::optional<std::vector<std::string>> hf_pre_tokenizer_regexes(const json& pre) {
  std::vector<json> steps;
  if (pre.is_object() && pre.value("type", "") == "Sequence" && pre.contains("pretokenizers") &&
      pre["pretokenizers"].is_array()) {
    steps.assign(pre["pretokenizers"].begin(), pre["pretokenizers"].end());
  } else if (!pre.is_null()) {
    steps.push_back(pre);
  }
  std::vector<std::string> regexes;
  for (const json& step : steps) {
    if (!step.is_object()) return std::nullopt;
    const std::string type = step.value("type", "");
    if (type == "Split") {
      const bool isolated_regex = step.contains("pattern") && step["pattern"].is_object() &&
                                  step["pattern"].contains("Regex") &&
                                  step["pattern"]["Regex"].is_string() &&
                                  step.value("behavior", "") == "Isolated" &&
                                  !step.value("invert", false);
      if (!isolated_regex) return std::nullopt;
      regexes.push_back(step["pattern"]["Regex"].get<std::string>());
    } else if (type == "ByteLevel") {
      // Hugging Face's defaults: add_prefix_space and use_regex on.
      if (step.value("add_prefix_space", true)) return std::nullopt;
      if (step.value("use_regex", true)) regexes.emplace_back(k_hf_byte_level_regex);
    } else if (type == "Digits") {
      regexes.emplace_back(step.value("individual_digits", false) ? k_hf_individual_digits_regex
                                                                  : k_hf_digits_regex);
    } else {
      return std::nullopt;
    }
  }
  return regexes;
}

// The row of the pre-tokenizer table that the file's pre_tokenizer is.
const PreTokenizerSpec& recognise_pre_tokenizer(const json& doc, const std::string& path) {
  const json pre = doc.contains("pre_tokenizer") ? doc["pre_tokenizer"] : json();
  const auto regexes = hf_pre_tokenizer_regexes(pre);
  const PreTokenizerSpec* spec = regexes ? find_pre_tokenizer_for_hf(*regexes) : nullptr;
  if (spec == nullptr) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: pre_tokenizer {} is not one Sikao recognises; name the "
                            "pre-tokenizer it corresponds to (one of: {})",
                            path, brief(pre), known_pre_tokenizer_names()));
  }
  return *spec;
}

// Byte-level BPE (GPT-2, Llama 3, Qwen, DeepSeek V3, gpt-oss): merges as they are; the regex
// pre-tokenizer is the one the caller names or, without a name, the file's.
Vocabulary byte_level_vocabulary(HfBpeModel m, const json& doc, const std::string& path,
                                 const std::optional<std::string>& pre) {
  const PreTokenizerSpec* spec =
      pre ? find_pre_tokenizer(*pre) : &recognise_pre_tokenizer(doc, path);
  if (spec == nullptr) {
    throw Error(ErrorCode::Unsupported, fmt::format("{}: unknown pre-tokenizer '{}'; supported: {}",
                                                    path, *pre, known_pre_tokenizer_names()));
  }
  Vocabulary vocab;
  vocab.model = VocabModel::Bpe;
  vocab.pre = pre ? *pre : std::string(spec->names.front());
  vocab.add_bos = spec->add_bos;
  vocab.tokens = std::move(m.tokens);
  vocab.types = std::move(m.types);
  vocab.merges.reserve(m.merges.size());
  for (const auto& [left, right] : m.merges) vocab.merges.push_back(left + " " + right);
  return vocab;
}

constexpr std::string_view k_spm_space = "\xE2\x96\x81";  // U+2581, SentencePiece's space

bool is_string_replace(const json& n, std::string_view from, std::string_view to) {
  return n.is_object() && n.value("type", "") == "Replace" && n.contains("pattern") &&
         n["pattern"].is_object() && n["pattern"].value("String", "") == from &&
         n.value("content", "") == to;
}

bool is_prepend_space(const json& n) {
  return n.is_object() && n.value("type", "") == "Prepend" && n.value("prepend", "") == k_spm_space;
}

// The normalizers a converted SentencePiece model comes with: spaces become "▁" (Gemma), with a
// "▁" put in front (Llama 2). Returns add_space_prefix.
bool read_spm_normalizer(const json& doc, const std::string& path) {
  const json normalizer = doc.contains("normalizer") ? doc["normalizer"] : json();
  std::vector<json> steps;
  if (normalizer.is_object() && normalizer.value("type", "") == "Sequence" &&
      normalizer.contains("normalizers") && normalizer["normalizers"].is_array()) {
    steps.assign(normalizer["normalizers"].begin(), normalizer["normalizers"].end());
  } else if (!normalizer.is_null()) {
    steps.push_back(normalizer);
  }
  bool replaces_spaces = false;
  bool prepends = false;
  for (const json& step : steps) {
    if (is_string_replace(step, " ", k_spm_space)) {
      replaces_spaces = true;
    } else if (is_prepend_space(step) && !replaces_spaces) {
      prepends = true;
    } else {
      replaces_spaces = false;
      break;
    }
  }
  if (!replaces_spaces) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: a byte_fallback BPE is supported with the normalizer of a "
                            "converted SentencePiece model (Replace \" \" with \"\xE2\x96\x81\", "
                            "optionally after Prepend \"\xE2\x96\x81\"); this file has {}",
                            path, brief(normalizer)));
  }
  // After the normalizer there are no spaces left, so a Split on " " (Gemma 3) splits nothing.
  const json pre = doc.contains("pre_tokenizer") ? doc["pre_tokenizer"] : json();
  const bool splits_nothing =
      pre.is_null() ||
      (pre.is_object() && pre.value("type", "") == "Split" && pre.contains("pattern") &&
       pre["pattern"].is_object() && pre["pattern"].value("String", "") == " ");
  if (!splits_nothing) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: a byte_fallback BPE with pre_tokenizer {} is not supported", path,
                            brief(pre)));
  }
  return prepends;
}

bool is_byte_token_text(std::string_view t) {
  const auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  return t.size() == 6 && t.starts_with("<0x") && hex(t[3]) && hex(t[4]) && t[5] == '>';
}

// A byte_fallback BPE tokenizer.json is a SentencePiece BPE model converted by Hugging Face
// (Gemma, Llama 2): its merges are every pair of pieces whose concatenation is a piece, ranked by
// that piece's score. So the rank of the first merge that makes a piece is its score, negated,
// and SentencePiece's "merge the pair that makes the best-scoring piece" gives the same tokens
// as the merges. The vocabulary becomes what llama.cpp's converter writes for the model:
// tokenizer.ggml.model "llama", <0xNN> byte tokens, and added tokens that are not special with
// "▁" written back as " ", so that they match the raw text ("▁▁" is a run of two spaces). (So,
// as with llama.cpp, a "▁▁" typed literally is not that added token, where Hugging Face would
// match it.)
Vocabulary sentencepiece_vocabulary(HfBpeModel m, const json& doc, const std::string& path) {
  Vocabulary vocab;
  vocab.model = VocabModel::Spm;
  vocab.add_space_prefix = read_spm_normalizer(doc, path);

  std::unordered_map<std::string, TokenId> ids;
  ids.reserve(m.tokens.size());
  for (size_t i = 0; i < m.tokens.size(); ++i) ids.emplace(m.tokens[i], static_cast<TokenId>(i));
  const auto id_of = [&](const std::string& text, size_t rank, const auto& merge) {
    const auto it = ids.find(text);
    if (it == ids.end()) {
      throw Error(ErrorCode::InvalidFile,
                  fmt::format("{}: model.merges[{}] = ['{}', '{}'] needs '{}', which is not in "
                              "the vocabulary",
                              path, rank, merge.first, merge.second, text));
    }
    return it->second;
  };
  const auto lowest = -static_cast<float>(m.merges.size());
  vocab.scores.assign(m.tokens.size(), lowest);
  for (size_t rank = 0; rank < m.merges.size(); ++rank) {
    const auto& merge = m.merges[rank];
    id_of(merge.first, rank, merge);
    id_of(merge.second, rank, merge);
    const TokenId made = id_of(merge.first + merge.second, rank, merge);
    if (m.types[made] == TokenType::Normal) {
      vocab.scores[made] = std::max(vocab.scores[made], -static_cast<float>(rank));
    }
  }

  for (size_t i = 0; i < m.tokens.size(); ++i) {
    if (m.types[i] == TokenType::Normal && is_byte_token_text(m.tokens[i])) {
      m.types[i] = TokenType::Byte;
    } else if (m.types[i] == TokenType::UserDefined) {
      m.tokens[i] = utf8::replace_all(m.tokens[i], k_spm_space, " ");
    }
  }
  if (m.unk_token) {
    if (const auto it = ids.find(*m.unk_token); it != ids.end()) {
      vocab.unk = it->second;
      m.types[it->second] = TokenType::Unknown;
    }
  }
  vocab.tokens = std::move(m.tokens);
  vocab.types = std::move(m.types);
  return vocab;
}

} // namespace

Vocabulary from_hf_tokenizer_json(const std::string& path, const std::optional<std::string>& pre) {
  const json doc = read_json(path);
  try {
    HfBpeModel model = read_hf_bpe_model(doc, path);
    Vocabulary vocab = model.byte_fallback ? sentencepiece_vocabulary(std::move(model), doc, path)
                                           : byte_level_vocabulary(std::move(model), doc, path, pre);
    read_special_ids(std::filesystem::path(path).parent_path(), vocab);
    return vocab;
  } catch (const json::exception& e) {
    // A value of the wrong type where the checks above did not look ("special": "yes").
    throw Error(ErrorCode::InvalidFile,
                fmt::format("{}: unexpected JSON structure: {}", path, e.what()));
  }
}

} // namespace sikao::tokenizer
