#pragma once
// The streaming reasoning splitter: fed the decoded text of each generated token (with the token
// ids behind it), it separates the model's reasoning from its answer as they stream.
//
// Rules, for each tag set (<think>…</think> by default; others from the table when the
// vocabulary has them):
// - The rendered prompt may already have opened a block (DeepSeek-R1 templates end the prompt
//   with "<think>\n"): generation then starts inside the reasoning. A prompt that ends with a
//   closed (empty) block starts in the answer.
// - An opening tag starts reasoning; its closing tag ends it and the answer follows. Whitespace
//   right after either tag and before a closing tag is layout, not content, and is dropped.
// - A closing tag with no opener before it means the text so far was reasoning: the splitter
//   emits an AnswerWasReasoning delta, and the consumer moves what it has as answer into reasoning.
// - Framing (gpt-oss's "<|start|>assistant<|channel|>final<|message|>" before its answer) is
//   structure, not content: dropped.
// - A tag string that is one token of the model's vocabulary is matched by that token's id, never
//   by its spelling: a model that writes "<think>" as characters (explaining the format) writes
//   text. A control token that is not part of a tag is never shown as text.
// - Tags split across pieces at any byte are recognised; a piece's ids go with every delta that
//   carries bytes of that piece, so a UI can attach per-token log-probabilities.
// - An unclosed block at the end of generation is kept as reasoning and reported as unclosed.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sikao::chat {

// A token of the model's vocabulary that spells (part of) a tag.
struct TagToken {
  std::string_view text;
  int32_t id;
};

// One model family's convention for a reasoning block.
struct ReasoningTags {
  std::string_view name;
  std::string_view open;
  std::string_view close;
  std::vector<std::string_view> also_open;  // further openers of the same kind of block
  std::vector<std::string_view> framing;    // structure between blocks that is never content
  // The control tokens the strings above are spelled with; the set is recognised only where the
  // vocabulary has each of them as a token (<think> is recognised by its spelling everywhere).
  std::vector<std::string_view> token_parts;
  std::string_view budget_close;  // ends the block when a reasoning budget is spent (empty: "\n" + close + "\n\n")
  std::vector<TagToken> tokens;   // of token_parts, those that are tokens of this model, with their ids
};

// Every tag style Sikao knows (one row per model family's convention), without token ids.
std::span<const ReasoningTags> known_reasoning_tags();

// The tag sets to recognise for a model, with the ids of their tokens: <think> always; a set
// spelled with tokens when each of its token parts is a token of the vocabulary; a set of plain
// text (no token parts: Granite 3.2's sentences) only when the chat template speaks its opener,
// so that no other model's answer loses a sentence. `token_id` gives the id of a string that is
// one token, nothing otherwise.
std::vector<ReasoningTags> reasoning_tags_for_model(
    std::string_view chat_template, const std::function<std::optional<int32_t>(std::string_view)>& token_id);

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
  // `rendered_prompt` tells whether the prompt already opened a reasoning block. Token ids in
  // `tags` make those tags match by id (see above).
  explicit ReasoningSplitter(std::vector<ReasoningTags> tags, std::string_view rendered_prompt = {});
  ReasoningSplitter() : ReasoningSplitter({known_reasoning_tags()[0]}) {}

  // Whether `prompt` ends (up to trailing whitespace) with one of the opening tags.
  static bool prompt_opens_reasoning(std::string_view prompt, std::span<const ReasoningTags> tags);

  // A piece decoded from `token_ids`. A piece with no ids is text the engine wrote into the stream
  // itself (the budget's closing text, the detokenizer's flush): its tags are matched by spelling.
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
  enum class Role { Open, Close, Framing };
  struct Candidate {
    std::string_view bytes;
    size_t tag_set;
    Role role;
  };
  // A tag set's strings with each token tag spelled by its marker (below).
  struct Encoded {
    std::vector<std::string> open;  // open, then also_open
    std::string close;
    std::vector<std::string> framing;
  };

  std::string encode(std::string_view text) const;
  void process(std::vector<ReasoningDelta>& out);
  std::vector<Candidate> candidates() const;
  void emit_text(std::vector<ReasoningDelta>& out, size_t count);
  void emit_bytes(std::vector<ReasoningDelta>& out, DeltaKind kind, std::string_view bytes, std::span<const uint32_t> owners);
  void drop(size_t count);

  std::vector<ReasoningTags> tags_;
  std::vector<Encoded> encoded_;
  // A token tag is fed as the two bytes 0xFF, 0x80 + k: never valid UTF-8, so never the
  // detokenized text of anything else, and never mistaken for the start of a tag mid-marker.
  std::map<int32_t, std::string> marker_of_id_;
  std::vector<std::pair<std::string, std::string>> marker_of_text_;  // longest spelling first
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
