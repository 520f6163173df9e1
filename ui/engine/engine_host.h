#pragma once
// The engine thread. EngineHost lives on the UI thread and owns one QThread on which an
// EngineWorker owns the backend and the loaded model (a chat::TurnEngine: the sikao::Model and
// its Session), and runs each turn through chat::ChatTurn. Everything crosses as queued
// signals carrying plain values; stop and cancel are atomic flags read between tokens / upload
// steps, so they act while the worker is busy. Exceptions stop at the worker and come back as
// loadFailed / failed (DESIGN.md §2).
//
// Once a model is loaded (and `loaded` sent) the worker builds the pipelines its first prompt
// and answer will run (chat::TurnEngine::build_pipelines) while the person writes, until a
// request arrives: each load and generate is counted in `waiting` before it is queued, and the
// build stops at its next check once one is (on lavapipe with an empty shader cache a first
// prompt otherwise waits ~20 s for them).
//
// Token events are batched: the worker sends what accumulated once `batch_interval` has passed
// since its last send (and at the end), so the UI updates at most ~1/interval times a second
// whatever the token rate.

#include <QObject>
#include <QThread>
#include <atomic>
#include <chrono>
#include <memory>

#include "engine/generation_backend.h"
#include "engine/generation_types.h"
#include "error_report.h"

namespace sikao::ui {

class EngineWorker : public QObject {
  Q_OBJECT

 public:
  EngineWorker(std::unique_ptr<GenerationBackend> backend, const std::atomic<bool>& stop,
               const std::atomic<bool>& cancel_load, std::atomic<int>& waiting,
               std::chrono::milliseconds batch_interval);
  ~EngineWorker() override;

 public slots:
  void load(const QString& path, int device, int context_length, int device_memory_budget_mb);
  void generate(const sikao::chat::TurnRequest& request);

 signals:
  void loadProgress(double fraction);
  void loaded(const sikao::ui::ModelSummary& summary);
  void loadFailed(const sikao::ui::ErrorReport& report);
  void tokens(const sikao::ui::TokenBatch& batch);
  void finished(const sikao::chat::TurnResult& result);
  void failed(const sikao::ui::ErrorReport& report);

 private:
  chat::TurnResult run(const chat::TurnRequest& request);

  std::unique_ptr<GenerationBackend> backend_;
  std::unique_ptr<chat::TurnEngine> engine_;  // the loaded model; null before the first load
  const std::atomic<bool>& stop_;
  const std::atomic<bool>& cancel_load_;
  std::atomic<int>& waiting_;  // requests queued to this worker and not yet started
  std::chrono::milliseconds batch_interval_;
};

class EngineHost : public QObject {
  Q_OBJECT

 public:
  explicit EngineHost(std::unique_ptr<GenerationBackend> backend,
                      std::chrono::milliseconds batch_interval = std::chrono::milliseconds(40),
                      QObject* parent = nullptr);
  // Stops a running generation and joins the thread.
  ~EngineHost() override;

  // device < 0: the engine's choice; context_length and device_memory_budget_mb (MB, 10^6
  // bytes) 0: the engine's defaults.
  void load(const QString& path, int device = -1, int context_length = 0,
            int device_memory_budget_mb = 0);
  void cancelLoad();
  void generate(const chat::TurnRequest& request);
  void stop();

 signals:
  void loadProgress(double fraction);
  void loaded(const sikao::ui::ModelSummary& summary);
  void loadFailed(const sikao::ui::ErrorReport& report);
  void tokens(const sikao::ui::TokenBatch& batch);
  void finished(const sikao::chat::TurnResult& result);
  void failed(const sikao::ui::ErrorReport& report);

  // Internal: queued into the worker.
  void loadRequested(const QString& path, int device, int context_length,
                     int device_memory_budget_mb);
  void generateRequested(const sikao::chat::TurnRequest& request);

 private:
  std::atomic<bool> stop_{false};
  std::atomic<bool> cancel_load_{false};
  std::atomic<int> waiting_{0};
  QThread thread_;
  std::unique_ptr<EngineWorker> worker_;  // lives on thread_; deleted after it is joined
};

} // namespace sikao::ui
