#include "chat/chat_template.h"

#include <array>
#include <chrono>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"

namespace sikao::chat {

using jinja::CallArgs;
using jinja::Dict;
using jinja::List;
using jinja::Value;

ChatTemplate ChatTemplate::parse(std::string_view source, std::string name, std::string bos_token,
                                 std::string eos_token) {
  return ChatTemplate(jinja::Template::parse(source, std::move(name)), std::string(source), std::move(bos_token),
                      std::move(eos_token));
}

namespace {

std::tm local_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  localtime_r(&t, &tm);
  return tm;
}

} // namespace

std::string ChatTemplate::render(const Value& messages, const RenderOptions& options) const {
  Dict vars = {
      {Value("messages"), messages},
      {Value("add_generation_prompt"), Value(options.add_generation_prompt)},
      {Value("bos_token"), Value(bos_)},
      {Value("eos_token"), Value(eos_)},
      {Value("tools"), Value::none()},
  };
  vars.emplace_back(Value("raise_exception"), Value::callable("raise_exception", [](CallArgs& a) -> Value {
                      throw jinja::RenderFault{"template raised an exception: " +
                                               (a.positional.empty() ? std::string() : a.positional[0].str())};
                    }));
  auto clock = options.now ? options.now : std::function<std::tm()>(local_now);
  vars.emplace_back(Value("strftime_now"), Value::callable("strftime_now", [clock](CallArgs& a) -> Value {
                      if (a.positional.empty() || !a.positional[0].is_string()) {
                        throw jinja::RenderFault{"strftime_now() needs a format string"};
                      }
                      const std::tm tm = clock();
                      char buf[256];
                      const size_t n = std::strftime(buf, sizeof buf, a.positional[0].as_string().c_str(), &tm);
                      return Value(std::string(buf, n));
                    }));
  for (const auto& entry : options.extra_variables) {  // clang 14 cannot capture a structured binding
    auto it = std::find_if(vars.begin(), vars.end(), [&](const auto& p) { return jinja::equals(p.first, entry.first); });
    if (it != vars.end()) it->second = entry.second;
    else vars.push_back(entry);
  }
  return template_.render(vars);
}

namespace {

constexpr std::array<BuiltinFormat, 5> k_builtin_formats = {{
    {"chatml",
     "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
     "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"},
    {"llama3",
     "{{ bos_token }}{% for m in messages %}<|start_header_id|>{{ m.role }}<|end_header_id|>\n\n"
     "{{ m.content | trim }}<|eot_id|>{% endfor %}"
     "{% if add_generation_prompt %}<|start_header_id|>assistant<|end_header_id|>\n\n{% endif %}"},
    {"deepseek-r1",
     "{{ bos_token }}{% for m in messages if m.role == 'system' %}{{ m.content }}{% endfor %}"
     "{% for m in messages %}{% if m.role == 'user' %}<｜User｜>{{ m.content }}"
     "{% elif m.role == 'assistant' %}<｜Assistant｜>{{ m.content.split('</think>')[-1] }}<｜end▁of▁sentence｜>"
     "{% endif %}{% endfor %}{% if add_generation_prompt %}<｜Assistant｜><think>\n{% endif %}"},
    {"gemma",
     "{{ bos_token }}{% for m in messages %}<start_of_turn>{{ 'model' if m.role == 'assistant' else 'user' }}\n"
     "{{ m.content | trim }}<end_of_turn>\n{% endfor %}{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"},
    {"phi3",
     "{% for m in messages %}<|{{ m.role }}|>\n{{ m.content }}<|end|>\n{% endfor %}"
     "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"},
}};

enum class Field { TemplateText, PreTokenizer, Architecture, ModelName };

struct FormatRule {
  Field field;
  std::string_view needle;  // substring (template text, name) or exact value (pre, architecture)
  std::string_view format;
};

// First match wins; the template text is the strongest evidence.
constexpr std::array<FormatRule, 15> k_format_rules = {{
    {Field::TemplateText, "<｜Assistant｜>", "deepseek-r1"},
    {Field::TemplateText, "<|start_header_id|>", "llama3"},
    {Field::TemplateText, "<|im_start|>", "chatml"},
    {Field::TemplateText, "<start_of_turn>", "gemma"},
    {Field::TemplateText, "<|assistant|>", "phi3"},
    {Field::ModelName, "DeepSeek-R1", "deepseek-r1"},
    {Field::PreTokenizer, "deepseek-r1-qwen", "deepseek-r1"},
    {Field::PreTokenizer, "llama3", "llama3"},
    {Field::PreTokenizer, "llama-bpe", "llama3"},
    {Field::PreTokenizer, "qwen2", "chatml"},
    {Field::PreTokenizer, "smollm", "chatml"},
    {Field::Architecture, "qwen2", "chatml"},
    {Field::Architecture, "qwen3", "chatml"},
    {Field::Architecture, "gemma2", "gemma"},
    {Field::Architecture, "phi3", "phi3"},
}};

} // namespace

std::span<const BuiltinFormat> builtin_formats() { return k_builtin_formats; }

const BuiltinFormat& builtin_format(std::string_view name) {
  for (const auto& f : k_builtin_formats) {
    if (f.name == name) return f;
  }
  std::string known;
  for (const auto& f : k_builtin_formats) known += (known.empty() ? "" : ", ") + std::string(f.name);
  throw Error(ErrorCode::InvalidArgument, fmt::format("unknown chat format '{}' (known: {})", name, known));
}

const BuiltinFormat& choose_builtin_format(const ModelChatInfo& info) {
  for (const auto& rule : k_format_rules) {
    bool hit = false;
    switch (rule.field) {
      case Field::TemplateText: hit = info.chat_template && info.chat_template->find(rule.needle) != std::string::npos; break;
      case Field::ModelName: hit = info.model_name.find(rule.needle) != std::string::npos; break;
      case Field::PreTokenizer: hit = info.pre_tokenizer == rule.needle; break;
      case Field::Architecture: hit = info.architecture == rule.needle; break;
    }
    if (hit) return builtin_format(rule.format);
  }
  return builtin_format("chatml");
}

PromptFormatter::PromptFormatter(ModelChatInfo info) : info_(std::move(info)) {
  if (!info_.chat_template) return;
  try {
    template_ = ChatTemplate::parse(*info_.chat_template, "tokenizer.chat_template", info_.bos_token, info_.eos_token);
  } catch (const Error& e) {
    parse_error_ = e.what();
  }
}

RenderedPrompt PromptFormatter::render(const Value& messages, const RenderOptions& options) const {
  std::string reason;
  if (template_) {
    try {
      return {template_->render(messages, options), "template", {}};
    } catch (const Error& e) {
      reason = e.what();
    }
  } else {
    reason = info_.chat_template ? parse_error_ : "the model has no tokenizer.chat_template";
  }
  const BuiltinFormat& fallback = choose_builtin_format(info_);
  RenderedPrompt out;
  out.format = std::string(fallback.name);
  out.warning = fmt::format("chat template not used ({}); using the built-in '{}' format", reason, fallback.name);
  log::get("chat")->warn("{}", out.warning);
  const auto t = ChatTemplate::parse(fallback.source, fmt::format("built-in format '{}'", fallback.name), info_.bos_token,
                                     info_.eos_token);
  out.text = t.render(messages, options);
  return out;
}

Value messages_for_template(std::span<const StoredMessage> messages, std::string_view template_source) {
  const bool wants_field = template_source.find("reasoning_content") != std::string_view::npos;
  const bool strips_tags = template_source.find("</think>") != std::string_view::npos;
  List list;
  for (const auto& m : messages) {
    Dict d = {{Value("role"), Value(m.role)}};
    const bool has_reasoning = m.role == "assistant" && !m.reasoning.empty();
    if (has_reasoning && wants_field) {
      d.emplace_back(Value("content"), Value(m.content));
      d.emplace_back(Value("reasoning_content"), Value(m.reasoning));
    } else if (has_reasoning && strips_tags) {
      d.emplace_back(Value("content"), Value("<think>\n" + m.reasoning + "\n</think>\n\n" + m.content));
    } else {
      d.emplace_back(Value("content"), Value(m.content));
    }
    list.emplace_back(std::move(d));
  }
  return Value(std::move(list));
}

} // namespace sikao::chat
