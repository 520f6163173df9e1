// sikao-cli template: render a conversation through a chat template and print the prompt exactly
// as the engine would tokenize it (no trailing newline or anything else added).

#include <cstdio>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "chat/chat_template.h"
#include "chat/thinking_control.h"
#include "cli/commands.h"
#include "common/error.h"

namespace sikao::cli {
namespace {

std::string read_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, fmt::format("cannot open {} '{}'", what, path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// --var NAME=VALUE: VALUE is JSON when it parses as JSON (true, 3, "x", [..], {..}), else a string.
std::pair<std::string, chat::jinja::Value> parse_var(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("--var expects NAME=VALUE, got '{}'", spec));
  }
  const std::string name = spec.substr(0, eq);
  const std::string text = spec.substr(eq + 1);
  try {
    return {name, chat::jinja::Value::from_json(text, "--var")};
  } catch (const Error&) {
    return {name, chat::jinja::Value(text)};
  }
}

} // namespace

int template_command(const Args& args, const GlobalOptions&) {
  std::string template_path, model_path, messages_path;
  chat::RenderOptions options;
  chat::ThinkingChoice thinking;
  bool fallback = false;
  bool explain = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw Error(ErrorCode::InvalidArgument, fmt::format("{} needs a value", a));
      return args[++i];
    };
    if (a == "--template") template_path = value();
    else if (a == "-m" || a == "--model") model_path = value();
    else if (a == "--messages") messages_path = value();
    else if (a == "--add-generation-prompt") options.add_generation_prompt = true;
    else if (a == "--fallback") fallback = true;
    else if (a == "--explain") explain = true;
    else if (a == "--effort") thinking.effort = value();
    else if (a == "--think") {
      const std::string& v = value();
      if (v != "on" && v != "off") throw Error(ErrorCode::InvalidArgument, fmt::format("--think expects on or off, got '{}'", v));
      thinking.enabled = v == "on";
    }
    else if (a == "--var") {
      auto [name, v] = parse_var(value());
      options.extra_variables.emplace_back(chat::jinja::Value(name), std::move(v));
    } else {
      throw Error(ErrorCode::InvalidArgument, fmt::format("unknown option '{}'", a));
    }
  }
  if (template_path.empty() == model_path.empty()) {
    throw Error(ErrorCode::InvalidArgument, "give exactly one of --template FILE.jinja or -m MODEL.gguf");
  }
  if (messages_path.empty()) throw Error(ErrorCode::InvalidArgument, "--messages MESSAGES.json is required");

  const chat::jinja::Value messages =
      chat::jinja::Value::from_json(read_file(messages_path, "messages file"), messages_path);
  if (messages.kind() != chat::jinja::Value::Kind::List) {
    throw Error(ErrorCode::InvalidFile, fmt::format("{}: expected a JSON array of messages", messages_path));
  }

  chat::ModelChatInfo info;
  std::string name = template_path;
  if (!template_path.empty()) {
    info.chat_template = read_file(template_path, "template");
  } else {
    info = chat::model_chat_info(model_path);
    name = model_path + ": tokenizer.chat_template";
    if (!info.chat_template && !fallback) {
      throw Error(ErrorCode::InvalidFile, fmt::format("{} has no tokenizer.chat_template (use --fallback for the built-in format)", model_path));
    }
  }

  // The thinking choice goes first: a --var of the same name, written after it, wins.
  const auto control = chat::thinking_control(info.chat_template.value_or(""));
  chat::jinja::Dict variables = chat::thinking_variables(control, thinking);
  variables.insert(variables.end(), options.extra_variables.begin(), options.extra_variables.end());
  options.extra_variables = std::move(variables);
  if (explain) std::fprintf(stderr, "%s\n", chat::describe(control, thinking).c_str());

  std::string text;
  if (fallback) {
    const auto rendered = chat::PromptFormatter(info).render(messages, options);
    if (!rendered.warning.empty()) std::fprintf(stderr, "warning: %s\n", rendered.warning.c_str());
    text = rendered.text;
  } else {
    text = chat::ChatTemplate::parse(*info.chat_template, name, info.bos_token, info.eos_token).render(messages, options);
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

} // namespace sikao::cli
