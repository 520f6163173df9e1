#pragma once
// One chat turn, as every front end runs it (DESIGN.md §2, "Data flow of one turn"): the
// conversation and the chat's settings in; the prompt rendered through the model's chat template
// and tokenized, Session::generate, the reasoning splitter, the reasoning budget's
// close-and-continue, and the statistics; reasoning and answer deltas out through a callback, each
// generated token with its id and probability. sikao-cli and the desktop app's engine thread are
// thin callers of ChatTurn, so a fix to the turn reaches both.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chat/chat_prompt.h"
#include "chat/chat_template.h"
#include "chat/reasoning_splitter.h"
#include "engine.h"

namespace sikao::chat {

// A loaded model as the chat and the status bar know it.
struct ModelDescription {
  std::string name;
  std::string architecture;  // general.architecture
  std::string device;
  uint32_t context_length = 0;
  uint64_t device_weight_bytes = 0;  // weights in device memory
  uint64_t host_weight_bytes = 0;    // experts in system memory (LoadOptions::device_memory_budget)
  bool reasons = false;              // model_reasons(): the model can think before answering
  ThinkingControl thinking;          // how its template steers the thinking
};

// What a turn needs from a loaded model. ModelTurnEngine is the real engine; tests script one.
class TurnEngine {
 public:
  virtual ~TurnEngine() = default;
  virtual ModelDescription describe() const = 0;
  // The conversation through the model's chat template (or its built-in fallback, with a
  // warning), tokenized; `thinking` through the template's own mechanism (thinking_control.h).
  virtual ChatPrompt render(std::span<const StoredMessage> messages,
                            const ThinkingChoice& thinking) const = 0;
  // `text` as the whole prompt (special-token text parsed, BOS added where the vocabulary wants
  // one and the text lacks it): sikao-cli run --raw.
  virtual ChatPrompt render_raw(std::string text) const = 0;
  // Tokens of text the turn inserts itself (special-token text parsed, no BOS): the closing tag
  // when the reasoning budget is spent.
  virtual std::vector<int32_t> tokenize(std::string_view text) const = 0;
  // The text of a token, for the alternatives the inspector shows.
  virtual std::string token_text(int32_t id) const = 0;
  virtual std::vector<ReasoningTags> reasoning_tags() const = 0;
  virtual uint32_t context_length() const = 0;
  // Session::generate: reuses the longest prefix of `prompt` already in the cache.
  virtual GenerateResult generate(std::span<const int32_t> prompt, const GenerateOptions& options,
                                  const std::function<void(const TokenEvent&)>& on_token) = 0;
  // Evaluates `prompt` into the cache (reusing what matches) and generates nothing.
  virtual void prefill(std::span<const int32_t> prompt) = 0;
  // Session::build_pipelines: prepares what the first prompt and its answer run, while nothing
  // is asked of the engine; returns early once keep_going() is false.
  virtual void build_pipelines(const std::function<bool()>& keep_going) = 0;
};

// The engine: a loaded Model and the one Session (KV cache) its conversation turns share, so a
// turn evaluates only what the previous one did not.
class ModelTurnEngine : public TurnEngine {
 public:
  explicit ModelTurnEngine(std::unique_ptr<Model> model);
  ~ModelTurnEngine() override;

  ModelDescription describe() const override;
  ChatPrompt render(std::span<const StoredMessage> messages,
                    const ThinkingChoice& thinking) const override;
  ChatPrompt render_raw(std::string text) const override;
  std::vector<int32_t> tokenize(std::string_view text) const override;
  std::string token_text(int32_t id) const override;
  std::vector<ReasoningTags> reasoning_tags() const override { return tags_; }
  uint32_t context_length() const override;
  GenerateResult generate(std::span<const int32_t> prompt, const GenerateOptions& options,
                          const std::function<void(const TokenEvent&)>& on_token) override;
  void prefill(std::span<const int32_t> prompt) override;
  void build_pipelines(const std::function<bool()>& keep_going) override;

  Model& model() { return *model_; }
  const ModelChatInfo& chat_info() const { return info_; }

 private:
  std::unique_ptr<Model> model_;
  std::unique_ptr<Session> session_;  // declared after model_: destroyed first
  ModelChatInfo info_;
  std::vector<ReasoningTags> tags_;
};

// What the chat knows of a loaded model's prompt format, from the model itself (its metadata is
// already parsed: the file is not opened again).
ModelChatInfo model_chat_info(const Model& model);

// The conversation a turn answers: the chat's system prompt (empty: none) and its messages,
// oldest first, the user's question last.
struct Conversation {
  std::string system_prompt;
  std::vector<StoredMessage> messages;
  // Leading messages already outside the model's view (the previous turn's TurnResult::left_out):
  // they stay out, so the window only moves forward and the prompt keeps the prefix the cache
  // holds.
  size_t outside_view = 0;
};

// What a turn does when the conversation and room for the answer do not fit the context.
enum class ContextOverflow {
  // Leave the oldest turns (a user message and the answers after it, whole) out of the prompt;
  // the system prompt and the question always stay.
  LeaveOutOldest,
  // Generate nothing: the turn ends as ContextFull with TurnResult::did_not_fit.
  Stop,
};

// The chat's settings for one turn.
struct TurnSettings {
  sampling::SamplingParams sampling;
  int32_t max_tokens = 1024;
  size_t alternatives = 0;              // top alternatives kept per token (the inspector)
  ThinkingChoice thinking;              // none set: the template's default
  // Reasoning tokens after which the block is closed and the answer begins; 0: no limit.
  int64_t reasoning_budget = 0;
  ContextOverflow overflow = ContextOverflow::LeaveOutOldest;
};

struct TurnRequest {
  Conversation conversation;
  TurnSettings settings;
};

// One generated token: its id, text and probability, whether it is part of the reasoning, and the
// tokens the model gave most probability to instead.
struct TurnToken {
  int32_t id = 0;
  std::string text;  // complete UTF-8 (may be empty while a character is split)
  float probability = 0.0f;
  bool reasoning = false;
  std::vector<std::pair<std::string, float>> alternatives;  // text, probability; best first
};

// What one step of the turn produced: a generated token (none for text the turn inserts, such as
// the budget's closing tag, and for the flush at the end), the splitter's deltas, and the
// running totals.
struct TurnUpdate {
  std::optional<TurnToken> token;
  std::vector<ReasoningDelta> deltas;
  int64_t generated_tokens = 0;
  int64_t reasoning_tokens = 0;
  int64_t reasoning_ms = 0;     // time spent thinking so far (prompt processing included)
  bool reasoning_done = false;  // the answer has started (or there was no reasoning)
};

struct TurnResult {
  FinishReason finish = FinishReason::EndOfText;
  uint32_t prompt_tokens = 0;
  uint32_t reused_tokens = 0;  // prompt tokens the cache already held
  int64_t generated_tokens = 0;
  int64_t reasoning_tokens = 0;
  int64_t reasoning_ms = 0;
  int64_t first_token_ms = -1;  // from the start of the turn to the first token; -1: none
  int64_t total_ms = 0;
  double tokens_per_second = 0.0;
  bool reasoning_unclosed = false;  // generation ended inside a reasoning block
  std::string warning;              // the template fell back to a built-in format
  size_t left_out = 0;              // leading messages outside the model's view
  // The same for the next turn (of this conversation with this answer appended): when it would
  // not fit, the window moved forward at the end of this turn and the cache already holds its
  // prompt, so the next question starts as fast as any (Conversation::outside_view).
  size_t next_outside_view = 0;
  // ContextOverflow::Stop and the conversation does not fit: nothing was generated.
  bool did_not_fit = false;
};

class ChatTurn {
 public:
  using Clock = std::chrono::steady_clock;

  // Renders and tokenizes the conversation. `now` is the clock behind the timings.
  ChatTurn(TurnEngine& engine, const TurnRequest& request,
           std::function<Clock::time_point()> now = &Clock::now);
  // A prompt already rendered (TurnEngine::render_raw).
  ChatTurn(TurnEngine& engine, ChatPrompt prompt, const TurnSettings& settings,
           std::function<Clock::time_point()> now = &Clock::now);

  const ChatPrompt& prompt() const { return prompt_; }
  // Leading messages of the conversation the prompt leaves out.
  size_t left_out() const { return left_out_; }

  // The prompt may take the context less room for the answer: max_tokens, at most a quarter of
  // the context.
  static uint32_t prompt_limit(uint32_t context_length, int32_t max_tokens);

  // Generates the answer, calling on_update for every token and inserted text. `stop` (may be
  // null) is read between tokens: the partial answer is kept and the turn ends as Stopped.
  TurnResult run(const std::atomic<bool>* stop, const std::function<void(const TurnUpdate&)>& on_update);

 private:
  class Counters;
  void fit(const Conversation& conversation);
  ChatPrompt render_from(const Conversation& conversation, size_t first) const;
  // The smallest candidate window start whose prompt takes at most `budget` tokens (the prompt
  // shrinks as the window starts later): an index into `candidates`, or candidates.size().
  size_t first_within(const Conversation& conversation, std::span<const size_t> candidates,
                      std::vector<std::optional<ChatPrompt>>& rendered, size_t budget) const;
  size_t prepare_next(const std::string& answer, const std::string& reasoning, int64_t generated);

  TurnEngine& engine_;
  TurnSettings settings_;
  std::function<Clock::time_point()> now_;
  Clock::time_point started_;
  ChatPrompt prompt_;
  std::optional<Conversation> conversation_;  // none: a raw prompt
  size_t left_out_ = 0;
  bool did_not_fit_ = false;
};

} // namespace sikao::chat
