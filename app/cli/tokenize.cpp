// sikao-cli tokenize -m MODEL [--no-special] [--pre NAME] [--file F | TEXT]
// sikao-cli detokenize -m MODEL [--no-special] [--pre NAME] [IDS...]
// MODEL is a GGUF file or a Hugging Face tokenizer.json; --pre names the row of the
// pre-tokenizer table to use instead of the file's (a tokenizer.json whose regex Sikao does not
// recognise needs it). detokenize reads the ids from standard input when none are given as
// arguments: a long list (a megabyte of ids) is more than the kernel passes as arguments (E2BIG).

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "cli/commands.h"
#include "common/error.h"
#include "gguf/gguf.h"
#include "tokenizer/tokenizer.h"

namespace sikao::cli {
namespace {

struct Options {
  std::string model;
  std::string pre;
  std::string file;
  bool special = true;
  std::vector<std::string> positional;
};

Options parse(const Args& args, std::string_view command) {
  Options o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) {
        throw Error(ErrorCode::InvalidArgument, fmt::format("{}: {} needs a value", command, a));
      }
      return args[++i];
    };
    if (a == "-m" || a == "--model") {
      o.model = value();
    } else if (a == "--pre") {
      o.pre = value();
    } else if (a == "--file" || a == "-f") {
      o.file = value();
    } else if (a == "--no-special") {
      o.special = false;
    } else if (a == "--") {
      o.positional.insert(o.positional.end(), args.begin() + i + 1, args.end());
      break;
    } else {
      o.positional.push_back(a);
    }
  }
  if (o.model.empty()) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("{}: -m MODEL is required", command));
  }
  return o;
}

tokenizer::Tokenizer load(const Options& o) {
  if (o.model.size() >= 5 && o.model.ends_with(".json")) {
    const auto pre = o.pre.empty() ? std::nullopt : std::optional<std::string>(o.pre);
    return tokenizer::Tokenizer(tokenizer::from_hf_tokenizer_json(o.model, pre), o.model);
  }
  const auto file = gguf::GgufFile::open(o.model);
  tokenizer::Vocabulary vocab = tokenizer::from_gguf(file);
  if (!o.pre.empty()) vocab.pre = o.pre;
  return tokenizer::Tokenizer(std::move(vocab), o.model);
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, fmt::format("{}: cannot open", path));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Token ids separated by whitespace: decimal integers in [0, INT32_MAX].
void parse_token_ids(std::istream& in, std::vector<tokenizer::TokenId>& ids) {
  std::string word;
  while (in >> word) {
    size_t used = 0;
    long long id = -1;
    try {
      id = std::stoll(word, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != word.size() || id < 0 || id > INT32_MAX) {
      throw Error(ErrorCode::InvalidArgument, fmt::format("'{}' is not a token id", word));
    }
    ids.push_back(static_cast<tokenizer::TokenId>(id));
  }
}

} // namespace

int tokenize(const Args& args, const GlobalOptions&) {
  const Options o = parse(args, "tokenize");
  if (!o.file.empty() && !o.positional.empty()) {
    throw Error(ErrorCode::InvalidArgument, "tokenize: give either --file F or TEXT, not both");
  }
  if (o.file.empty() && o.positional.empty()) {
    throw Error(ErrorCode::InvalidArgument, "tokenize: no text (give TEXT or --file F)");
  }
  std::string text;
  if (!o.file.empty()) {
    text = read_text_file(o.file);
  } else {
    for (size_t i = 0; i < o.positional.size(); ++i) {
      if (i > 0) text += ' ';
      text += o.positional[i];
    }
  }
  const auto tok = load(o);
  const auto ids = tok.encode(text, /*add_special=*/o.special, /*parse_special=*/o.special);
  std::string line;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) line += ' ';
    line += std::to_string(ids[i]);
  }
  std::printf("%s\n", line.c_str());
  return 0;
}

int detokenize(const Args& args, const GlobalOptions&) {
  const Options o = parse(args, "detokenize");
  std::vector<tokenizer::TokenId> ids;
  if (o.positional.empty()) {
    parse_token_ids(std::cin, ids);
    if (std::cin.bad()) throw Error(ErrorCode::Io, "detokenize: cannot read the token ids from standard input");
  }
  for (const std::string& arg : o.positional) {
    std::istringstream in(arg);
    parse_token_ids(in, ids);
  }
  const auto tok = load(o);
  const std::string text = tok.decode(ids, /*special=*/o.special);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}

} // namespace sikao::cli
