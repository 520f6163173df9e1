#include "tokenizer/vocabulary.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "tokenizer/pre_tokenizer.h"

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
         wrapped("<\xEF\xBD\x9C", "\xEF\xBD\x9C>");  // <｜...｜>
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

} // namespace

Vocabulary from_hf_tokenizer_json(const std::string& path, const std::string& pre) {
  const json doc = read_json(path);
  const auto fail = [&](const std::string& what) {
    return Error(ErrorCode::InvalidFile, fmt::format("{}: {}", path, what));
  };
  const PreTokenizerSpec* spec = find_pre_tokenizer(pre);
  if (spec == nullptr) {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: unknown pre-tokenizer '{}'; supported: {}", path, pre,
                            known_pre_tokenizer_names()));
  }
  if (!doc.contains("model") || !doc["model"].is_object()) throw fail("no \"model\" object");
  const json& model = doc["model"];
  if (model.value("type", "") != "BPE") {
    throw Error(ErrorCode::Unsupported,
                fmt::format("{}: model type '{}' is not supported (only byte-level BPE)", path,
                            model.value("type", "")));
  }
  if (!model.contains("vocab") || !model["vocab"].is_object()) throw fail("model.vocab missing");
  if (!model.contains("merges") || !model["merges"].is_array()) throw fail("model.merges missing");

  const json empty_array = json::array();
  const json& added = doc.contains("added_tokens") ? doc["added_tokens"] : empty_array;
  int64_t max_id = -1;
  for (const auto& [text, id] : model["vocab"].items()) {
    if (!id.is_number_integer() || id.get<int64_t>() < 0) throw fail("model.vocab['" + text + "'] is not an id");
    max_id = std::max(max_id, id.get<int64_t>());
  }
  for (const json& a : added) {
    if (!a.contains("id") || !a["id"].is_number_integer() || !a.contains("content")) {
      throw fail("added_tokens entry without id or content");
    }
    max_id = std::max(max_id, a["id"].get<int64_t>());
  }
  if (max_id < 0) throw fail("model.vocab is empty");
  if (max_id >= INT32_MAX) throw fail("token id too large");

  Vocabulary vocab;
  vocab.model = VocabModel::Bpe;
  vocab.pre = pre;
  vocab.add_bos = spec->add_bos;
  const size_t n = static_cast<size_t>(max_id) + 1;
  vocab.tokens.resize(n);
  vocab.types.assign(n, TokenType::Unused);
  for (const auto& [text, id] : model["vocab"].items()) {
    vocab.tokens[id.get<size_t>()] = text;
    vocab.types[id.get<size_t>()] = TokenType::Normal;
  }
  for (const json& a : added) {
    const auto id = a["id"].get<size_t>();
    const auto text = a["content"].get<std::string>();
    vocab.tokens[id] = text;
    vocab.types[id] = (a.value("special", false) || looks_special(text)) ? TokenType::Control
                                                                         : TokenType::UserDefined;
  }
  for (size_t i = 0; i < n; ++i) {
    if (vocab.tokens[i].empty()) vocab.tokens[i] = fmt::format("[PAD{}]", i);  // as llama.cpp's converter
  }
  vocab.merges.reserve(model["merges"].size());
  for (const json& m : model["merges"]) {
    if (m.is_string()) {
      vocab.merges.push_back(m.get<std::string>());
    } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
      vocab.merges.push_back(m[0].get<std::string>() + " " + m[1].get<std::string>());
    } else {
      throw fail("model.merges has an entry that is neither \"a b\" nor [\"a\", \"b\"]");
    }
  }
  read_special_ids(std::filesystem::path(path).parent_path(), vocab);
  return vocab;
}

} // namespace sikao::tokenizer
