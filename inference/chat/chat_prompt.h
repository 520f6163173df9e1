#pragma once
// One turn's prompt for a loaded model, as sikao-cli run and the desktop app both build it: the
// conversation rendered through the model's chat template (or its built-in fallback), tokenized
// with special tokens parsed, BOS added when the vocabulary wants one and the template left it
// out; and the reasoning tag sets that fit the model's vocabulary. chat_turn.h runs the turn.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "chat/chat_template.h"
#include "chat/reasoning_splitter.h"
#include "chat/thinking_control.h"

namespace sikao::tokenizer {
class Tokenizer;
}

namespace sikao::chat {

struct ChatPrompt {
  std::string text;
  std::vector<int32_t> tokens;
  std::string warning;  // the template fell back to a built-in format (empty otherwise)
};

// `thinking` reaches the template through the mechanism it offers (thinking_control.h).
ChatPrompt build_chat_prompt(const ModelChatInfo& info, const tokenizer::Tokenizer& tokenizer,
                             std::span<const StoredMessage> messages, const ThinkingChoice& thinking);
// The thinking switch alone (none: the template's default).
ChatPrompt build_chat_prompt(const ModelChatInfo& info, const tokenizer::Tokenizer& tokenizer,
                             std::span<const StoredMessage> messages,
                             std::optional<bool> enable_thinking = std::nullopt);

// `text` is the whole prompt (special-token text in it is parsed); BOS added as above.
ChatPrompt raw_prompt(const tokenizer::Tokenizer& tokenizer, std::string text);

// The reasoning tag sets of a model (reasoning_tags_for_model): those whose tags are single
// tokens of the vocabulary, with the ids of those tokens, and those its chat template speaks.
std::vector<ReasoningTags> reasoning_tags_for(const tokenizer::Tokenizer& tokenizer, std::string_view chat_template);

} // namespace sikao::chat
