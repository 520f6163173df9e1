#include "chat/chat_turn.h"

#include <algorithm>
#include <cmath>

#include "model/model_config.h"
#include "tokenizer/tokenizer.h"

namespace sikao::chat {
namespace {

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

int64_t ms_between(ChatTurn::Clock::time_point from, ChatTurn::Clock::time_point to) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}


} // namespace

ModelChatInfo model_chat_info(const Model& model) {
  ModelChatInfo info;
  info.chat_template = model.chat_template();
  info.architecture = std::string(model.config().arch.gguf_name);
  info.model_name = model.config().name;
  const tokenizer::Tokenizer& tokenizer = model.tokenizer();
  const tokenizer::VocabularyConfig& vocab = tokenizer.vocabulary_config();
  info.pre_tokenizer = vocab.pre;
  if (vocab.bos) info.bos_token = tokenizer.token_text(*vocab.bos);
  if (vocab.eos) info.eos_token = tokenizer.token_text(*vocab.eos);
  return info;
}

ModelTurnEngine::ModelTurnEngine(std::unique_ptr<Model> model)
    : model_(std::move(model)), session_(std::make_unique<Session>(*model_)),
      info_(model_chat_info(*model_)), tags_(reasoning_tags_for(model_->tokenizer(), info_.chat_template.value_or(""))) {}

ModelTurnEngine::~ModelTurnEngine() = default;

ModelDescription ModelTurnEngine::describe() const {
  ModelDescription d;
  d.name = info_.model_name;
  d.architecture = info_.architecture;
  d.device = model_->device_name();
  d.context_length = model_->context_length();
  d.device_weight_bytes = model_->device_weight_bytes();
  d.host_weight_bytes = model_->host_weight_bytes();
  const auto& tok = model_->tokenizer();
  d.reasons = model_reasons(info_.chat_template.value_or(""),
                            [&](std::string_view t) { return tok.encode(t, false, true).size() == 1; });
  d.thinking = thinking_control(info_.chat_template.value_or(""));
  return d;
}

ChatPrompt ModelTurnEngine::render(std::span<const StoredMessage> messages,
                                   const ThinkingChoice& thinking) const {
  return build_chat_prompt(info_, model_->tokenizer(), messages, thinking);
}

ChatPrompt ModelTurnEngine::render_raw(std::string text) const {
  return raw_prompt(model_->tokenizer(), std::move(text));
}

std::vector<int32_t> ModelTurnEngine::tokenize(std::string_view text) const {
  return model_->tokenizer().encode(text, false, true);
}

std::string ModelTurnEngine::token_text(int32_t id) const { return model_->tokenizer().token_to_piece(id, false); }

void ModelTurnEngine::prefill(std::span<const int32_t> prompt) {
  GenerateOptions options;
  options.max_tokens = 0;
  session_->generate(prompt, options, [](const TokenEvent&) {});
}

void ModelTurnEngine::build_pipelines(const std::function<bool()>& keep_going) {
  session_->build_pipelines(keep_going);
}

uint32_t ModelTurnEngine::context_length() const { return model_->context_length(); }

GenerateResult ModelTurnEngine::generate(std::span<const int32_t> prompt, const GenerateOptions& options,
                                         const std::function<void(const TokenEvent&)>& on_token) {
  return session_->generate(prompt, options, on_token);
}

// The running totals of a turn, and the reasoning's timing: from the start of the turn (prompt
// processing included, as the user waits through it) to the first non-blank answer text.
class ChatTurn::Counters {
 public:
  Counters(Clock::time_point started, bool prompt_opened_reasoning, const std::function<Clock::time_point()>& now)
      : started_(started), any_reasoning_(prompt_opened_reasoning), now_(now) {}

  void count_token(bool reasoning) {
    ++generated_;
    reasoning_tokens_ += reasoning ? 1 : 0;
  }

  void see(const std::vector<ReasoningDelta>& deltas) {
    for (const auto& d : deltas) {
      if (d.kind == DeltaKind::Reasoning) {
        any_reasoning_ = true;
      } else if (d.kind == DeltaKind::AnswerWasReasoning) {
        // A closing tag with no opener: every token so far was reasoning, which ends here.
        any_reasoning_ = true;
        reasoning_end_ = now_();
        reasoning_tokens_ = generated_;
      } else if (any_reasoning_ && !reasoning_end_ && !is_blank(d.text)) {
        reasoning_end_ = now_();
      }
    }
  }

  void fill(TurnUpdate& u) const {
    u.generated_tokens = generated_;
    u.reasoning_tokens = reasoning_tokens_;
    u.reasoning_ms = reasoning_ms();
    u.reasoning_done = reasoning_end_.has_value();
  }

  int64_t reasoning_ms() const {
    if (!any_reasoning_) return 0;
    return ms_between(started_, reasoning_end_.value_or(now_()));
  }
  int64_t reasoning_tokens() const { return reasoning_tokens_; }

 private:
  Clock::time_point started_;
  bool any_reasoning_;
  const std::function<Clock::time_point()>& now_;
  std::optional<Clock::time_point> reasoning_end_;
  int64_t generated_ = 0;
  int64_t reasoning_tokens_ = 0;
};

ChatTurn::ChatTurn(TurnEngine& engine, const TurnRequest& request, std::function<Clock::time_point()> now)
    : engine_(engine), settings_(request.settings), now_(std::move(now)), started_(now_()),
      conversation_(request.conversation) {
  fit(*conversation_);
}

uint32_t ChatTurn::prompt_limit(uint32_t context_length, int32_t max_tokens) {
  const uint32_t room = std::clamp<uint32_t>(static_cast<uint32_t>(std::max(1, max_tokens)), 1,
                                             std::max(1u, context_length / 4));
  return context_length > room ? context_length - room : 0;
}

ChatPrompt ChatTurn::render_from(const Conversation& conversation, size_t first) const {
  std::vector<StoredMessage> messages;
  messages.reserve(conversation.messages.size() - first + 1);
  if (!conversation.system_prompt.empty()) messages.push_back({"system", conversation.system_prompt, {}});
  messages.insert(messages.end(), conversation.messages.begin() + static_cast<std::ptrdiff_t>(first),
                  conversation.messages.end());
  return engine_.render(messages, settings_.thinking);
}

void ChatTurn::fit(const Conversation& conversation) {
  // Where a turn starts: at a user message (and at the first message, whatever its role). The
  // window starts at one of these, no earlier than the messages already outside the view; the
  // last one is the question's.
  std::vector<size_t> starts;
  for (size_t i = 0; i < conversation.messages.size(); ++i) {
    if (i == 0 || conversation.messages[i].role == "user") starts.push_back(i);
  }
  if (starts.empty()) starts.push_back(0);
  auto first = std::lower_bound(starts.begin(), starts.end(), conversation.outside_view);
  if (first == starts.end()) --first;
  const std::span<const size_t> candidates(first, starts.end());

  const uint32_t n_ctx = engine_.context_length();
  const uint32_t limit = prompt_limit(n_ctx, settings_.max_tokens);
  left_out_ = candidates[0];
  prompt_ = render_from(conversation, left_out_);
  if (prompt_.tokens.size() <= limit) return;
  if (settings_.overflow == ContextOverflow::Stop) {
    // As before this choice existed: generate while the prompt fits at all.
    did_not_fit_ = prompt_.tokens.size() >= n_ctx;
    return;
  }
  // The window moves past what this turn needs, leaving a quarter of the context free, so the
  // next turns append to this prompt (and reuse the cache) until it fills again.
  const uint32_t target = limit > n_ctx / 4 ? limit - n_ctx / 4 : limit;
  std::vector<std::optional<ChatPrompt>> rendered(candidates.size());
  rendered[0] = std::move(prompt_);
  const auto first_within = [&](uint32_t budget) {
    return this->first_within(conversation, candidates, rendered, budget);
  };
  size_t chosen = first_within(target);
  if (chosen == candidates.size()) chosen = first_within(limit);
  // Not even the question alone leaves room for the answer: it is sent, and the answer may end
  // as ContextFull (or the engine says the question is longer than the context).
  if (chosen == candidates.size()) chosen = candidates.size() - 1;
  if (!rendered[chosen]) rendered[chosen] = render_from(conversation, candidates[chosen]);
  left_out_ = candidates[chosen];
  prompt_ = std::move(*rendered[chosen]);
}

size_t ChatTurn::first_within(const Conversation& conversation, std::span<const size_t> candidates,
                              std::vector<std::optional<ChatPrompt>>& rendered, size_t budget) const {
  size_t lo = 1, hi = candidates.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (!rendered[mid]) rendered[mid] = render_from(conversation, candidates[mid]);
    if (rendered[mid]->tokens.size() <= budget) hi = mid; else lo = mid + 1;
  }
  return lo;
}

size_t ChatTurn::prepare_next(const std::string& answer, const std::string& reasoning, int64_t generated) {
  // Room for a next question of an eighth of the context, besides the answer's.
  const uint32_t n_ctx = engine_.context_length();
  const uint32_t limit = prompt_limit(n_ctx, settings_.max_tokens);
  const uint32_t question = n_ctx / 8;
  // This prompt and what was generated bound the conversation's next prompt (templates drop
  // earlier reasoning; the answer's end-of-turn markup is a few tokens).
  constexpr size_t k_end_of_turn = 8;
  if (prompt_.tokens.size() + static_cast<size_t>(generated) + k_end_of_turn + question <= limit) return left_out_;
  Conversation next = *conversation_;
  next.messages.push_back({"assistant", answer, reasoning});
  if (render_from(next, left_out_).tokens.size() + question <= limit) return left_out_;
  // Windows start at a turn after the current start, up to this turn's question.
  std::vector<size_t> candidates = {left_out_};
  for (size_t i = left_out_ + 1; i + 1 < next.messages.size(); ++i) {
    if (next.messages[i].role == "user") candidates.push_back(i);
  }
  const uint32_t target = limit > n_ctx / 4 ? limit - n_ctx / 4 : limit;
  std::vector<std::optional<ChatPrompt>> rendered(candidates.size());
  size_t chosen = first_within(next, candidates, rendered, target > question ? target - question : 0);
  if (chosen == candidates.size()) return left_out_;  // the next turn's fit decides
  engine_.prefill(rendered[chosen]->tokens);
  return candidates[chosen];
}

ChatTurn::ChatTurn(TurnEngine& engine, ChatPrompt prompt, const TurnSettings& settings,
                   std::function<Clock::time_point()> now)
    : engine_(engine), settings_(settings), now_(std::move(now)), started_(now_()), prompt_(std::move(prompt)) {}

TurnResult ChatTurn::run(const std::atomic<bool>* stop, const std::function<void(const TurnUpdate&)>& on_update) {
  const auto user_stopped = [&] { return stop && stop->load(); };
  ReasoningSplitter splitter(engine_.reasoning_tags(), prompt_.text);
  Counters counters(started_, splitter.in_reasoning(), now_);
  TurnResult out;
  out.warning = prompt_.warning;
  out.left_out = left_out_;
  if (did_not_fit_) {
    out.finish = FinishReason::ContextFull;
    out.did_not_fit = true;
    out.next_outside_view = left_out_;
    out.prompt_tokens = static_cast<uint32_t>(prompt_.tokens.size());
    out.total_ms = ms_between(started_, now_());
    return out;
  }

  GenerateOptions options;
  options.sampling = settings_.sampling;
  options.max_tokens = settings_.max_tokens;
  options.n_alternatives = settings_.alternatives;
  // The engine checks one flag between tokens: the user's stop, or a spent reasoning budget.
  std::atomic<bool> halt{user_stopped()};
  options.stop = &halt;
  bool budget_spent = false;
  std::vector<int32_t> generated;

  std::string answer, reasoning;  // what the conversation keeps of this turn
  const auto publish = [&](std::optional<TurnToken> token, std::vector<ReasoningDelta> deltas) {
    counters.see(deltas);
    for (const auto& d : deltas) {
      switch (d.kind) {
        case DeltaKind::Reasoning: reasoning += d.text; break;
        case DeltaKind::Answer: answer += d.text; break;
        case DeltaKind::AnswerWasReasoning: reasoning += answer; answer.clear(); break;
      }
    }
    TurnUpdate u;
    u.token = std::move(token);
    u.deltas = std::move(deltas);
    counters.fill(u);
    on_update(u);
  };
  const auto on_token = [&](const TokenEvent& e) {
    if (out.first_token_ms < 0) out.first_token_ms = ms_between(started_, now_());
    const int32_t id = e.token.id;
    generated.push_back(id);
    const bool was_reasoning = splitter.in_reasoning();
    auto deltas = splitter.feed(e.text, std::span(&id, 1));
    TurnToken token;
    token.id = id;
    token.text = e.text;
    token.probability = std::exp(e.token.logprob);
    token.reasoning = was_reasoning || splitter.in_reasoning();
    for (const auto& alt : e.token.top) {
      token.alternatives.emplace_back(engine_.token_text(alt.id), std::exp(alt.logprob));
    }
    counters.count_token(token.reasoning);
    publish(std::move(token), std::move(deltas));
    if (settings_.reasoning_budget > 0 && splitter.in_reasoning() &&
        splitter.reasoning_tokens() >= settings_.reasoning_budget) {
      budget_spent = true;
      halt = true;
    }
    if (user_stopped()) halt = true;
  };

  GenerateResult result = engine_.generate(prompt_.tokens, options, on_token);
  out.prompt_tokens = result.prompt_tokens;
  out.reused_tokens = result.reused_tokens;
  if (budget_spent && !user_stopped() && result.finish == FinishReason::Stopped) {
    // Close the block as the model would and let it answer, continuing from the cache: the
    // prompt, what it generated, and the closing text.
    const std::string closing = splitter.budget_closing_text();
    publish(std::nullopt, splitter.feed(closing, {}));
    std::vector<int32_t> continued = prompt_.tokens;
    continued.insert(continued.end(), generated.begin(), generated.end());
    const auto closing_tokens = engine_.tokenize(closing);
    continued.insert(continued.end(), closing_tokens.begin(), closing_tokens.end());
    if (continued.size() >= engine_.context_length()) {
      result.finish = FinishReason::ContextFull;  // no room left to answer in
    } else {
      halt = user_stopped();
      options.max_tokens = std::max(1, options.max_tokens - static_cast<int32_t>(result.generated_tokens));
      const GenerateResult answer = engine_.generate(continued, options, on_token);
      result.finish = answer.finish;
      result.generated_tokens += answer.generated_tokens;
      result.generate_seconds += answer.generate_seconds;
      result.trailing_text = answer.trailing_text;
    }
  }
  auto last = splitter.feed(result.trailing_text, {});
  auto flushed = splitter.finish();
  last.insert(last.end(), flushed.begin(), flushed.end());
  publish(std::nullopt, std::move(last));

  out.finish = result.finish;
  out.generated_tokens = result.generated_tokens;
  out.reasoning_tokens = counters.reasoning_tokens();
  out.reasoning_ms = counters.reasoning_ms();
  out.total_ms = ms_between(started_, now_());
  out.tokens_per_second = result.generate_seconds > 0 ? result.generated_tokens / result.generate_seconds : 0.0;
  out.reasoning_unclosed = splitter.reasoning_unclosed();
  out.next_outside_view = left_out_;
  if (conversation_ && result.finish != FinishReason::Stopped && !user_stopped()) {
    out.next_outside_view = prepare_next(answer, reasoning, out.generated_tokens);
  }
  return out;
}

} // namespace sikao::chat
