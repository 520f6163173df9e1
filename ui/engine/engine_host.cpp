#include "engine/engine_host.h"

#include <cmath>

#include "common/error.h"

namespace sikao::ui {
namespace {

using Clock = std::chrono::steady_clock;

qint64 ms_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}

StreamPart part_of(chat::DeltaKind kind) {
  switch (kind) {
    case chat::DeltaKind::Reasoning: return StreamPart::Reasoning;
    case chat::DeltaKind::Answer: return StreamPart::Answer;
    case chat::DeltaKind::AnswerWasReasoning: return StreamPart::AnswerWasReasoning;
  }
  return StreamPart::Answer;
}

GenerationEnd end_of(FinishReason reason) {
  switch (reason) {
    case FinishReason::EndOfText: return GenerationEnd::EndOfText;
    case FinishReason::Length: return GenerationEnd::Length;
    case FinishReason::Stopped: return GenerationEnd::Stopped;
    case FinishReason::ContextFull: return GenerationEnd::ContextFull;
  }
  return GenerationEnd::EndOfText;
}

bool is_blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

// Accumulates the splitter's deltas and the token confidences of one batch, and times the
// reasoning: from the start of the turn (prompt processing included, as the user waits through
// it) to the first non-blank answer text.
class BatchBuilder {
 public:
  explicit BatchBuilder(Clock::time_point started, bool prompt_opened_reasoning)
      : started_(started), any_reasoning_(prompt_opened_reasoning) {}

  void add_token(const GeneratedToken& token, bool reasoning) {
    TokenConfidence t;
    t.text = QString::fromStdString(token.text);
    t.probability = std::exp(token.logprob);
    t.reasoning = reasoning;
    for (const auto& [text, logprob] : token.alternatives) {
      t.alternatives.append({QString::fromStdString(text), std::exp(logprob)});
    }
    batch_.tokens.append(std::move(t));
    ++generated_;
    reasoning_tokens_ += reasoning ? 1 : 0;
  }

  void add_deltas(const std::vector<chat::ReasoningDelta>& deltas) {
    for (const auto& d : deltas) {
      const StreamPart part = part_of(d.kind);
      if (part == StreamPart::Reasoning) {
        any_reasoning_ = true;
      } else if (part == StreamPart::AnswerWasReasoning) {
        // A closing tag with no opener: every token so far was reasoning, which ends here.
        any_reasoning_ = true;
        reasoning_end_ = Clock::now();
        reasoning_tokens_ = generated_;
        for (auto& t : batch_.tokens) t.reasoning = true;
      } else if (any_reasoning_ && !reasoning_end_ && !is_blank(d.text)) {
        reasoning_end_ = Clock::now();
      }
      auto& deltas_out = batch_.deltas;
      if (!deltas_out.isEmpty() && deltas_out.back().part == part &&
          part != StreamPart::AnswerWasReasoning) {
        deltas_out.back().text += QString::fromStdString(d.text);
      } else {
        deltas_out.append({part, QString::fromStdString(d.text)});
      }
    }
  }

  TokenBatch take() {
    TokenBatch out = std::move(batch_);
    batch_ = {};
    out.generatedTokens = generated_;
    out.reasoningTokens = reasoning_tokens_;
    out.reasoningMs = reasoning_ms();
    out.reasoningDone = reasoning_end_.has_value();
    return out;
  }

  qint64 reasoning_ms() const {
    if (!any_reasoning_) return 0;
    return ms_between(started_, reasoning_end_.value_or(Clock::now()));
  }
  qint64 reasoning_tokens() const { return reasoning_tokens_; }

 private:
  Clock::time_point started_;
  bool any_reasoning_;
  std::optional<Clock::time_point> reasoning_end_;
  qint64 generated_ = 0;
  qint64 reasoning_tokens_ = 0;
  TokenBatch batch_;
};

} // namespace

EngineWorker::EngineWorker(std::unique_ptr<GenerationBackend> backend, const std::atomic<bool>& stop,
                           const std::atomic<bool>& cancel_load,
                           std::chrono::milliseconds batch_interval)
    : backend_(std::move(backend)), stop_(stop), cancel_load_(cancel_load),
      batch_interval_(batch_interval) {}

EngineWorker::~EngineWorker() = default;

void EngineWorker::load(const QString& path, int device, int context_length,
                        int device_memory_budget_mb) {
  LoadRequest request;
  request.path = path.toStdString();
  if (device >= 0) request.device = static_cast<uint32_t>(device);
  request.context_length = static_cast<uint32_t>(std::max(0, context_length));
  if (device_memory_budget_mb > 0) {
    request.device_memory_budget = uint64_t(device_memory_budget_mb) * 1'000'000;
  }
  int last_percent = -1;
  try {
    const LoadedModelInfo info = backend_->load(request, [&](float fraction) {
      const int percent = static_cast<int>(fraction * 100.0f);
      if (percent != last_percent) {
        last_percent = percent;
        emit loadProgress(fraction);
      }
      return !cancel_load_.load();
    });
    ModelSummary summary;
    summary.path = QString::fromStdString(info.path);
    summary.name = QString::fromStdString(info.name);
    summary.architecture = QString::fromStdString(info.architecture);
    summary.device = QString::fromStdString(info.device);
    summary.contextLength = static_cast<int>(info.context_length);
    summary.deviceWeightBytes = static_cast<qint64>(info.device_weight_bytes);
    summary.hostWeightBytes = static_cast<qint64>(info.host_weight_bytes);
    summary.reasons = info.reasons;
    emit loaded(summary);
  } catch (const std::exception& e) {
    emit loadFailed(QString::fromUtf8(e.what()));
  }
}

void EngineWorker::generate(const GenerationRequest& request) {
  try {
    emit finished(run(request));
  } catch (const std::exception& e) {
    emit failed(QString::fromUtf8(e.what()));
  }
}

GenerationSummary EngineWorker::run(const GenerationRequest& request) {
  const auto started = Clock::now();
  std::vector<chat::StoredMessage> turns;
  turns.reserve(request.messages.size());
  for (const auto& m : request.messages) {
    turns.push_back({m.role.toStdString(), m.content.toStdString(), m.reasoning.toStdString()});
  }
  const PreparedPrompt prompt = backend_->prepare(turns, request.enableThinking);
  chat::ReasoningSplitter splitter(prompt.tags, prompt.text);

  GenerateOptions options;
  options.sampling = request.sampling;
  options.max_tokens = request.maxTokens;
  options.n_alternatives = static_cast<size_t>(std::max(0, request.alternatives));

  // The engine checks one flag between tokens: the user's stop, or a spent reasoning budget.
  std::atomic<bool> halt{stop_.load()};
  bool budget_spent = false;
  options.stop = &halt;
  std::vector<int32_t> generated;

  BatchBuilder batch(started, splitter.in_reasoning());
  auto last_send = Clock::now();
  const auto send = [&] {
    emit tokens(batch.take());
    last_send = Clock::now();
  };
  const auto on_token = [&](const GeneratedToken& token) {
    generated.push_back(token.id);
    const bool was_reasoning = splitter.in_reasoning();
    auto deltas = splitter.feed(token.text, std::span(&token.id, 1));
    batch.add_token(token, was_reasoning || splitter.in_reasoning());
    batch.add_deltas(deltas);
    if (request.reasoningBudget > 0 && splitter.in_reasoning() &&
        splitter.reasoning_tokens() >= request.reasoningBudget) {
      budget_spent = true;
      halt = true;
    }
    if (stop_) halt = true;
    if (Clock::now() - last_send >= batch_interval_) send();
  };
  GenerateResult result = backend_->generate(prompt, options, on_token);
  if (budget_spent && !stop_ && result.finish == FinishReason::Stopped) {
    // Close the block as the model would and let it answer, continuing from the cache: the
    // prompt, what it generated, and the closing text.
    const std::string closing = splitter.budget_closing_text();
    batch.add_deltas(splitter.feed(closing, {}));
    PreparedPrompt continued = prompt;
    continued.tokens.insert(continued.tokens.end(), generated.begin(), generated.end());
    const auto closing_tokens = backend_->tokenize(closing);
    continued.tokens.insert(continued.tokens.end(), closing_tokens.begin(), closing_tokens.end());
    halt = stop_.load();
    budget_spent = false;
    options.max_tokens = std::max(1, options.max_tokens - static_cast<int>(result.generated_tokens));
    const GenerateResult answer = backend_->generate(continued, options, on_token);
    result.finish = answer.finish;
    result.generated_tokens += answer.generated_tokens;
    result.generate_seconds += answer.generate_seconds;
    result.trailing_text = answer.trailing_text;
  }
  batch.add_deltas(splitter.feed(result.trailing_text, {}));
  batch.add_deltas(splitter.finish());
  send();

  GenerationSummary summary;
  summary.end = end_of(result.finish);
  summary.promptTokens = result.prompt_tokens;
  summary.reusedTokens = result.reused_tokens;
  summary.generatedTokens = result.generated_tokens;
  summary.reasoningTokens = batch.reasoning_tokens();
  summary.reasoningMs = batch.reasoning_ms();
  summary.totalMs = ms_between(started, Clock::now());
  summary.tokensPerSecond =
      result.generate_seconds > 0 ? result.generated_tokens / result.generate_seconds : 0.0;
  summary.reasoningUnclosed = splitter.reasoning_unclosed();
  summary.warning = QString::fromStdString(prompt.warning);
  return summary;
}

EngineHost::EngineHost(std::unique_ptr<GenerationBackend> backend,
                       std::chrono::milliseconds batch_interval, QObject* parent)
    : QObject(parent) {
  qRegisterMetaType<ModelSummary>();
  qRegisterMetaType<GenerationRequest>();
  qRegisterMetaType<TokenBatch>();
  qRegisterMetaType<GenerationSummary>();
  worker_ = std::make_unique<EngineWorker>(std::move(backend), stop_, cancel_load_, batch_interval);
  worker_->moveToThread(&thread_);
  thread_.setObjectName(QStringLiteral("sikao-engine"));
  connect(this, &EngineHost::loadRequested, worker_.get(), &EngineWorker::load);
  connect(this, &EngineHost::generateRequested, worker_.get(), &EngineWorker::generate);
  connect(worker_.get(), &EngineWorker::loadProgress, this, &EngineHost::loadProgress);
  connect(worker_.get(), &EngineWorker::loaded, this, &EngineHost::loaded);
  connect(worker_.get(), &EngineWorker::loadFailed, this, &EngineHost::loadFailed);
  connect(worker_.get(), &EngineWorker::tokens, this, &EngineHost::tokens);
  connect(worker_.get(), &EngineWorker::finished, this, &EngineHost::finished);
  connect(worker_.get(), &EngineWorker::failed, this, &EngineHost::failed);
  thread_.start();
}

EngineHost::~EngineHost() {
  stop_ = true;
  cancel_load_ = true;
  thread_.quit();
  thread_.wait();
  worker_.reset();  // the thread has ended: the model is freed here
}

void EngineHost::load(const QString& path, int device, int context_length,
                      int device_memory_budget_mb) {
  cancel_load_ = false;
  emit loadRequested(path, device, context_length, device_memory_budget_mb);
}

void EngineHost::cancelLoad() { cancel_load_ = true; }

void EngineHost::generate(const GenerationRequest& request) {
  // Reset here, not on the worker: a stop() right after generate() must not be lost.
  stop_ = false;
  emit generateRequested(request);
}

void EngineHost::stop() { stop_ = true; }

} // namespace sikao::ui
