#include "chat/chat_prompt.h"

#include "tokenizer/tokenizer.h"

namespace sikao::chat {

ChatPrompt raw_prompt(const tokenizer::Tokenizer& tokenizer, std::string text) {
  ChatPrompt prompt;
  // Templated text carries its own BOS where the model wants one; add it only if missing.
  prompt.tokens = tokenizer.encode(text, false, true);
  const auto& vocab = tokenizer.vocabulary_config();
  if (vocab.add_bos && vocab.bos && (prompt.tokens.empty() || prompt.tokens.front() != *vocab.bos)) {
    prompt.tokens.insert(prompt.tokens.begin(), *vocab.bos);
  }
  prompt.text = std::move(text);
  return prompt;
}

ChatPrompt build_chat_prompt(const ModelChatInfo& info, const tokenizer::Tokenizer& tokenizer,
                             std::span<const StoredMessage> messages, std::optional<bool> enable_thinking) {
  return build_chat_prompt(info, tokenizer, messages, ThinkingChoice{enable_thinking, std::nullopt});
}

ChatPrompt build_chat_prompt(const ModelChatInfo& info, const tokenizer::Tokenizer& tokenizer,
                             std::span<const StoredMessage> messages, const ThinkingChoice& thinking) {
  const PromptFormatter formatter(info);
  RenderOptions options;
  options.add_generation_prompt = true;
  options.extra_variables = thinking_variables(thinking_control(info.chat_template.value_or("")), thinking);
  RenderedPrompt rendered = formatter.render(
      messages_for_template(messages, info.chat_template.value_or("")), options);
  ChatPrompt prompt = raw_prompt(tokenizer, std::move(rendered.text));
  prompt.warning = std::move(rendered.warning);
  return prompt;
}

std::vector<ReasoningTags> reasoning_tags_for(const tokenizer::Tokenizer& tokenizer, std::string_view chat_template) {
  return reasoning_tags_for_model(chat_template, [&](std::string_view t) -> std::optional<int32_t> {
    const auto ids = tokenizer.encode(t, false, true);
    if (ids.size() != 1) return std::nullopt;
    return ids[0];
  });
}

} // namespace sikao::chat
