#include "chat/thinking_control.h"

#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "common/error.h"

namespace sikao::chat {

ThinkingControl thinking_control(std::string_view source) {
  ThinkingControl c;
  // reasoning_effort first: gpt-oss's template also speaks of "thinking" (its message field).
  if (source.find("reasoning_effort") != std::string_view::npos) {
    c.kind = ThinkingControl::Kind::Effort;
    c.variable = "reasoning_effort";
    c.efforts = {"low", "medium", "high"};
    // {%- set reasoning_effort = "medium" %}
    static const std::regex k_default(R"(set\s+reasoning_effort\s*=\s*["'](\w+)["'])");
    std::match_results<std::string_view::const_iterator> m;
    c.default_effort = std::regex_search(source.begin(), source.end(), m, k_default) ? m[1].str() : "medium";
    return c;
  }
  // The variables templates switch thinking with, first match wins: enable_thinking (Qwen3,
  // DeepSeek V3.1, Gemma 4, SmolLM3), then a template that tests a plain `thinking` (Granite 3.2;
  // a variable, not the word in prose or in a message field).
  struct SwitchVariable {
    const char* name;
    std::regex tested;
  };
  static const SwitchVariable k_switches[] = {
      {"enable_thinking", std::regex(R"(\benable_thinking\b)")},
      {"thinking", std::regex(R"((?:\bif\s+(?:not\s+)?thinking\b|\bthinking\s+is\s+(?:not\s+)?defined))")},
  };
  for (const SwitchVariable& s : k_switches) {
    if (std::regex_search(source.begin(), source.end(), s.tested)) {
      c.kind = ThinkingControl::Kind::Switch;
      c.variable = s.name;
      break;
    }
  }
  return c;
}

jinja::Dict thinking_variables(const ThinkingControl& control, const ThinkingChoice& choice) {
  switch (control.kind) {
    case ThinkingControl::Kind::Switch:
      if (!choice.enabled) return {};
      return {{jinja::Value(control.variable), jinja::Value(*choice.enabled)}};
    case ThinkingControl::Kind::Effort:
      if (!choice.effort) return {};
      if (std::find(control.efforts.begin(), control.efforts.end(), *choice.effort) == control.efforts.end()) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("reasoning effort '{}': this model's template takes {}", *choice.effort,
                                fmt::join(control.efforts, ", ")));
      }
      return {{jinja::Value(control.variable), jinja::Value(*choice.effort)}};
    case ThinkingControl::Kind::None:
      break;
  }
  return {};
}

std::string describe(const ThinkingControl& control, const ThinkingChoice& choice) {
  const jinja::Dict sent = thinking_variables(control, choice);
  const std::string what =
      sent.empty() ? std::string("nothing (the template's default)")
                   : fmt::format("{} = {}", control.variable, sent[0].second.to_json());
  switch (control.kind) {
    case ThinkingControl::Kind::Switch:
      return fmt::format("thinking: switched on and off by the template variable {}; sent: {}", control.variable, what);
    case ThinkingControl::Kind::Effort:
      return fmt::format("thinking: always on, its effort set by the template variable {} ({}; default {}); sent: {}",
                         control.variable, fmt::join(control.efforts, ", "), control.default_effort, what);
    case ThinkingControl::Kind::None:
      break;
  }
  return "thinking: the template has no switch for it; sent: nothing";
}

} // namespace sikao::chat
