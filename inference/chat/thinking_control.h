#pragma once
// How a model's chat template lets the user steer its reasoning, read from the template itself,
// and the template variables that carry the user's choice. Families differ:
// - a switch: `enable_thinking` (Qwen3, Qwen3.5/3.6, QwQ, SmolLM3 — which turns it into its
//   /think and /no_think flags —, Gemma 4 — its <|think|> system token —, DeepSeek V3.1, whose
//   own `thinking` variable defaults to it);
// - an effort: `reasoning_effort` low / medium / high (gpt-oss, which always reasons);
// - nothing: the model reasons or not as its template and training decide (DeepSeek-R1 distills,
//   Ministral 3 Reasoning through its default system prompt, Llama, Phi, Granite 4).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chat/jinja_value.h"

namespace sikao::chat {

struct ThinkingControl {
  enum class Kind { None, Switch, Effort };
  Kind kind = Kind::None;
  std::string variable;              // the template variable that carries the choice
  std::vector<std::string> efforts;  // Effort: the levels, lowest first
  std::string default_effort;        // Effort: what the template uses when none is given
};

ThinkingControl thinking_control(std::string_view template_source);

// The user's choice; none: the template's default.
struct ThinkingChoice {
  std::optional<bool> enabled;        // for a Switch
  std::optional<std::string> effort;  // for an Effort (one of its levels)
};

// The variables to render the template with for `choice`. A choice the template cannot carry
// (switching gpt-oss off, an effort for a Qwen3) sends nothing: the template's default holds.
// Throws InvalidArgument for an effort that is not one of the template's levels.
jinja::Dict thinking_variables(const ThinkingControl& control, const ThinkingChoice& choice);

// One line for people: which mechanism, and what the choice sends ("enable_thinking = false").
std::string describe(const ThinkingControl& control, const ThinkingChoice& choice);

} // namespace sikao::chat
