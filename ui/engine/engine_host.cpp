#include "engine/engine_host.h"


#include "common/error.h"

namespace sikao::ui {
namespace {

using Clock = std::chrono::steady_clock;

// Accumulates the turn's updates into one batch for the UI thread: consecutive text of one kind
// joined, every token's confidence, the latest totals.
class BatchBuilder {
 public:
  void add(const chat::TurnUpdate& u) {
    if (u.token) add_token(*u.token);
    for (const auto& d : u.deltas) add_delta(d);
    batch_.generatedTokens = u.generated_tokens;
    batch_.reasoningTokens = u.reasoning_tokens;
    batch_.reasoningMs = u.reasoning_ms;
    batch_.reasoningDone = u.reasoning_done;
  }

  TokenBatch take() {
    TokenBatch out = std::move(batch_);
    batch_ = {};
    batch_.generatedTokens = out.generatedTokens;
    batch_.reasoningTokens = out.reasoningTokens;
    batch_.reasoningMs = out.reasoningMs;
    batch_.reasoningDone = out.reasoningDone;
    return out;
  }

 private:
  void add_token(const chat::TurnToken& token) {
    TokenConfidence t;
    t.text = QString::fromStdString(token.text);
    t.probability = token.probability;
    t.reasoning = token.reasoning;
    for (const auto& [text, probability] : token.alternatives) {
      t.alternatives.append({QString::fromStdString(text), probability});
    }
    batch_.tokens.append(std::move(t));
  }

  void add_delta(const chat::ReasoningDelta& d) {
    auto& deltas = batch_.deltas;
    if (d.kind == chat::DeltaKind::AnswerWasReasoning) {
      // Every token so far was reasoning: those of earlier batches move in the message list.
      for (auto& t : batch_.tokens) t.reasoning = true;
    }
    if (!deltas.isEmpty() && deltas.back().part == d.kind && d.kind != chat::DeltaKind::AnswerWasReasoning) {
      deltas.back().text += QString::fromStdString(d.text);
    } else {
      deltas.append({d.kind, QString::fromStdString(d.text)});
    }
  }

  TokenBatch batch_;
};

} // namespace

EngineWorker::EngineWorker(std::unique_ptr<GenerationBackend> backend, const std::atomic<bool>& stop,
                           const std::atomic<bool>& cancel_load, std::atomic<int>& waiting,
                           std::chrono::milliseconds batch_interval)
    : backend_(std::move(backend)), stop_(stop), cancel_load_(cancel_load), waiting_(waiting),
      batch_interval_(batch_interval) {}

EngineWorker::~EngineWorker() = default;

void EngineWorker::load(const QString& path, int device, int context_length,
                        int device_memory_budget_mb) {
  --waiting_;
  LoadOptions options;
  if (device >= 0) options.device = static_cast<uint32_t>(device);
  options.context_length = static_cast<uint32_t>(std::max(0, context_length));
  if (device_memory_budget_mb > 0) {
    options.device_memory_budget = uint64_t(device_memory_budget_mb) * 1'000'000;
  }
  int last_percent = -1;
  options.progress = [&](float fraction) {
    const int percent = static_cast<int>(fraction * 100.0f);
    if (percent != last_percent) {
      last_percent = percent;
      emit loadProgress(fraction);
    }
    return !cancel_load_.load();
  };
  try {
    // The previous model's memory is freed before the next one is uploaded.
    engine_.reset();
    engine_ = backend_->load(path.toStdString(), options);
    const chat::ModelDescription d = engine_->describe();
    ModelSummary summary;
    summary.path = path;
    summary.name = QString::fromStdString(d.name);
    summary.architecture = QString::fromStdString(d.architecture);
    summary.device = QString::fromStdString(d.device);
    summary.contextLength = static_cast<int>(d.context_length);
    summary.deviceWeightBytes = static_cast<qint64>(d.device_weight_bytes);
    summary.hostWeightBytes = static_cast<qint64>(d.host_weight_bytes);
    summary.reasons = d.reasons;
    summary.thinking = d.thinking;
    emit loaded(summary);
  } catch (const std::exception& e) {
    engine_.reset();
    emit loadFailed(error_report(e));
    return;
  }
  try {
    engine_->build_pipelines([this] { return waiting_.load() == 0 && !cancel_load_.load(); });
  } catch (const std::exception&) {
    // Whatever failed fails again in the first turn, which reports it (failed); the model
    // stays loaded.
  }
}

void EngineWorker::generate(const chat::TurnRequest& request) {
  --waiting_;
  try {
    emit finished(run(request));
  } catch (const std::exception& e) {
    emit failed(error_report(e));
  }
}

chat::TurnResult EngineWorker::run(const chat::TurnRequest& request) {
  if (!engine_) throw Error(ErrorCode::InvalidArgument, "no model is loaded");
  chat::ChatTurn turn(*engine_, request);
  BatchBuilder batch;
  auto last_send = Clock::now();
  bool unsent = false;
  const auto send = [&] {
    emit tokens(batch.take());
    last_send = Clock::now();
    unsent = false;
  };
  const chat::TurnResult result = turn.run(&stop_, [&](const chat::TurnUpdate& update) {
    batch.add(update);
    unsent = true;
    if (Clock::now() - last_send >= batch_interval_) send();
  });
  if (unsent) send();
  return result;
}

EngineHost::EngineHost(std::unique_ptr<GenerationBackend> backend,
                       std::chrono::milliseconds batch_interval, QObject* parent)
    : QObject(parent) {
  qRegisterMetaType<ModelSummary>();
  qRegisterMetaType<chat::TurnRequest>();
  qRegisterMetaType<TokenBatch>();
  qRegisterMetaType<chat::TurnResult>();
  qRegisterMetaType<ErrorReport>();
  worker_ = std::make_unique<EngineWorker>(std::move(backend), stop_, cancel_load_, waiting_,
                                           batch_interval);
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
  ++waiting_;
  emit loadRequested(path, device, context_length, device_memory_budget_mb);
}

void EngineHost::cancelLoad() { cancel_load_ = true; }

void EngineHost::generate(const chat::TurnRequest& request) {
  // Reset here, not on the worker: a stop() right after generate() must not be lost.
  stop_ = false;
  ++waiting_;
  emit generateRequested(request);
}

void EngineHost::stop() { stop_ = true; }

} // namespace sikao::ui
