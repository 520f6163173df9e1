#pragma once
// Chat templates as Hugging Face renders them: `tokenizer.chat_template` through the Jinja
// interpreter with the variables transformers passes (messages, add_generation_prompt,
// bos_token, eos_token, tools=None, plus raise_exception() and strftime_now()), and a table of
// named built-in formats used when a model has no template or its template cannot be rendered.

#include <ctime>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "chat/jinja.h"

namespace sikao::gguf {
class GgufFile;
}

namespace sikao::chat {

// What the model's metadata says about its prompt format.
struct ModelChatInfo {
  std::optional<std::string> chat_template;  // tokenizer.chat_template
  std::string architecture;                  // general.architecture
  std::string model_name;                    // general.name
  std::string pre_tokenizer;                 // tokenizer.ggml.pre
  std::string bos_token;                     // text of tokenizer.ggml.bos_token_id
  std::string eos_token;                     // text of tokenizer.ggml.eos_token_id
};

// Reads the fields above from GGUF metadata (token texts from tokenizer.ggml.tokens).
ModelChatInfo model_chat_info(const gguf::GgufFile& file);
ModelChatInfo model_chat_info(const std::string& gguf_path);

struct RenderOptions {
  bool add_generation_prompt = false;
  jinja::Dict extra_variables;  // enable_thinking, tools, date_string, ... (override the defaults)
  // The clock behind strftime_now(); the current local time when empty.
  std::function<std::tm()> now;
};

class ChatTemplate {
 public:
  // Throws sikao::Error (InvalidFile / Unsupported) naming `name` and the line.
  static ChatTemplate parse(std::string_view source, std::string name, std::string bos_token = {},
                            std::string eos_token = {});

  // `messages` is a list of {"role", "content", ...} dicts. Throws sikao::Error on a template
  // failure (InvalidArgument for raise_exception() and type errors), naming the line.
  std::string render(const jinja::Value& messages, const RenderOptions& options) const;

  const std::string& source() const { return source_; }

 private:
  ChatTemplate(jinja::Template t, std::string source, std::string bos, std::string eos)
      : template_(std::move(t)), source_(std::move(source)), bos_(std::move(bos)), eos_(std::move(eos)) {}
  jinja::Template template_;
  std::string source_;
  std::string bos_;
  std::string eos_;
};

// A named built-in prompt format (a Jinja source rendered by the same interpreter).
struct BuiltinFormat {
  std::string_view name;  // "chatml", "llama3", "deepseek-r1", ...
  std::string_view source;
};
std::span<const BuiltinFormat> builtin_formats();
// Throws sikao::Error (InvalidArgument) listing the known names.
const BuiltinFormat& builtin_format(std::string_view name);
// The built-in format that fits the model: markers in its template text first, then the
// pre-tokenizer, architecture and name; ChatML when nothing matches.
const BuiltinFormat& choose_builtin_format(const ModelChatInfo& info);

// How the engine formats prompts: the model's template, or (with a warning) the built-in
// format chosen from the metadata when the template is missing, does not parse, or fails.
struct RenderedPrompt {
  std::string text;
  std::string format;   // "template" or the built-in format's name
  std::string warning;  // empty unless a fallback was used
};

class PromptFormatter {
 public:
  explicit PromptFormatter(ModelChatInfo info);
  RenderedPrompt render(const jinja::Value& messages, const RenderOptions& options) const;
  bool has_model_template() const { return template_.has_value(); }

 private:
  ModelChatInfo info_;
  std::optional<ChatTemplate> template_;
  std::string parse_error_;
};

// A stored turn as the history keeps it: the answer and the reasoning apart.
struct StoredMessage {
  std::string role;
  std::string content;
  std::string reasoning;
};
// The messages list for a template: previous reasoning is passed the way the template expects
// it — as `reasoning_content` when the template reads that field, inside the content as
// "<think>\n…\n</think>\n\n" when the template strips think blocks itself, and not at all otherwise.
jinja::Value messages_for_template(std::span<const StoredMessage> messages, std::string_view template_source);

} // namespace sikao::chat
