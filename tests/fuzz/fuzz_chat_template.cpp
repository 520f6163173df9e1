// libFuzzer target: the chat template engine on an untrusted template (the one a GGUF carries):
// parse, then render a conversation with a system prompt, earlier reasoning and tools. A bad or
// hostile template must end in sikao::Error (a parse or render error, or a spent budget), never
// in a crash, a hang past the render budgets or undefined behaviour.

#include <cstdint>
#include <string_view>

#include "chat/chat_template.h"
#include "common/error.h"

namespace {

const sikao::chat::jinja::Value& messages() {
  static const auto value = sikao::chat::jinja::Value::from_json(R"([
    {"role": "system", "content": "You are terse."},
    {"role": "user", "content": "What is 2 + 2? 日本語 \u0000 {{ }} {% %}"},
    {"role": "assistant", "content": "4", "reasoning_content": "Add them."},
    {"role": "user", "content": "And 3 + 3?"}
  ])", "fuzz");
  return value;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  try {
    const auto tmpl = sikao::chat::ChatTemplate::parse(source, "fuzz", "<s>", "</s>");
    sikao::chat::RenderOptions options;
    options.add_generation_prompt = true;
    options.extra_variables.emplace_back(sikao::chat::jinja::Value("enable_thinking"),
                                         sikao::chat::jinja::Value(false));
    options.now = [] { return std::tm{}; };
    (void)tmpl.render(messages(), options);
  } catch (const sikao::Error&) {
  }
  return 0;
}
