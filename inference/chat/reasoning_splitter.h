#pragma once
// The streaming reasoning splitter: fed the decoded text of each generated token (with the token
// ids behind it), it separates the model's reasoning from its answer as they stream.
//
// Rules, for each tag set (<think>…</think> by default; others from the table when the
// vocabulary has them):
// - The rendered prompt may already have opened a block (DeepSeek-R1 templates end the prompt
//   with "<think>\n"): generation then starts inside the reasoning.
// - An opening tag starts reasoning; its closing tag ends it and the answer follows. Whitespace
//   right after either tag and before a closing tag is layout, not content, and is dropped.
// - A closing tag with no opener before it means the text so far was reasoning: the splitter
//   emits an AnswerWasReasoning delta, and the consumer moves what it has as answer into reasoning.
// - Tags split across pieces at any byte are recognised; a piece's ids go with every delta that
//   carries bytes of that piece, so a UI can attach per-token log-probabilities.
// - An unclosed block at the end of generation is kept as reasoning and reported as unclosed.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sikao::chat {

struct ReasoningTags {
  std::string_view name;
  std::string_view open;
  std::string_view close;
};

// Every tag style Sikao knows (one row per model family's convention).
std::span<const ReasoningTags> known_reasoning_tags();

// The tag sets to recognise for a vocabulary: <think> always, the others when both of their tags
// are tokens of the vocabulary.
std::vector<ReasoningTags> reasoning_tags_for_vocabulary(const std::function<bool(std::string_view)>& has_token);

// Whether a model can think before answering: its chat template speaks of thinking
// (enable_thinking, reasoning_content, or an opening tag of a known set), or its vocabulary has
// both tags of a known set. The one rule for the model list and the loaded model.
bool model_reasons(std::string_view chat_template, const std::function<bool(std::string_view)>& has_token);

enum class DeltaKind {
  Reasoning,
  Answer,
  AnswerWasReasoning,  // no text: everything emitted as Answer so far was reasoning
};

struct ReasoningDelta {
  DeltaKind kind;
  std::string text;
  std::vector<int32_t> token_ids;
};

class ReasoningSplitter {
 public:
  // `rendered_prompt` tells whether the prompt already opened a reasoning block.
  explicit ReasoningSplitter(std::vector<ReasoningTags> tags, std::string_view rendered_prompt = {});
  ReasoningSplitter() : ReasoningSplitter({known_reasoning_tags()[0]}) {}

  // Whether `prompt` ends (up to trailing whitespace) with one of the opening tags.
  static bool prompt_opens_reasoning(std::string_view prompt, std::span<const ReasoningTags> tags);

  std::vector<ReasoningDelta> feed(std::string_view piece, std::span<const int32_t> token_ids);
  // End of generation: flushes held bytes (a partial tag that never completed is text).
  std::vector<ReasoningDelta> finish();

  bool in_reasoning() const { return mode_ == Mode::Reasoning; }
  // After finish(): the generation ended inside a reasoning block.
  bool reasoning_unclosed() const { return unclosed_; }
  // Tokens fed while inside a reasoning block (what a reasoning budget counts).
  int64_t reasoning_tokens() const { return reasoning_tokens_; }
  // What the engine inserts (and feeds back through feed()) when the reasoning budget is spent.
  std::string budget_closing_text() const;

 private:
  enum class Mode { Answer, Reasoning };
  struct Match {
    size_t pos;
    size_t length;
    size_t tag_set;
    bool is_open;
  };

  void process(std::vector<ReasoningDelta>& out);
  std::vector<std::pair<std::string_view, std::pair<size_t, bool>>> candidates() const;
  void emit_text(std::vector<ReasoningDelta>& out, size_t count);
  void emit_bytes(std::vector<ReasoningDelta>& out, DeltaKind kind, std::string_view bytes, std::span<const uint32_t> owners);
  void drop(size_t count);

  std::vector<ReasoningTags> tags_;
  Mode mode_ = Mode::Answer;
  size_t active_ = 0;         // tag set of the open block
  bool seen_tag_ = false;     // any opening or closing tag so far (or the prompt opened a block)
  bool strip_leading_ = true; // drop whitespace at the start of the current block
  bool unclosed_ = false;
  bool answer_emitted_ = false;
  int64_t reasoning_tokens_ = 0;

  std::string pending_;                   // bytes not yet assigned (may be the start of a tag)
  std::vector<uint32_t> pending_owner_;   // piece serial of each pending byte
  std::string held_ws_;                   // reasoning whitespace that may precede a closing tag
  std::vector<uint32_t> held_owner_;
  std::vector<std::vector<int32_t>> piece_ids_;  // ids of each piece, by serial
  uint32_t last_serial_ = UINT32_MAX;            // last piece credited to the newest delta
};

} // namespace sikao::chat
