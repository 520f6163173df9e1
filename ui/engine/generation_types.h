#pragma once
// The values that cross from the engine thread to the UI thread (queued signals copy them).

#include <QMetaType>
#include <QString>
#include <QVector>
#include <optional>

#include "sampling/sampler.h"

namespace sikao::ui {

// A model as the status bar and the controller know it.
struct ModelSummary {
  QString path;
  QString name;
  QString architecture;
  QString device;
  int contextLength = 0;
  qint64 deviceWeightBytes = 0;  // weights in device memory
  qint64 hostWeightBytes = 0;    // experts in system memory (LoadOptions::device_memory_budget)
  bool reasons = false;
};

// One turn to generate: the conversation so far (user last) and the settings.
struct GenerationRequest {
  struct Turn {
    QString role;  // "system", "user", "assistant"
    QString content;
    QString reasoning;
  };
  QVector<Turn> messages;
  sampling::SamplingParams sampling;
  int maxTokens = 1024;
  int alternatives = 5;                // top alternatives kept per token for the inspector
  std::optional<bool> enableThinking;  // none: the template's default
  // Reasoning tokens after which the block is closed and the answer begins; 0: no limit.
  int reasoningBudget = 0;
};

enum class StreamPart { Reasoning, Answer, AnswerWasReasoning };

// Consecutive text of one part (AnswerWasReasoning carries no text: the answer so far moves
// into the reasoning).
struct StreamDelta {
  StreamPart part = StreamPart::Answer;
  QString text;
};

// One generated token, for the reasoning inspector: probability of the chosen token and the
// alternatives the model gave most probability to.
struct TokenConfidence {
  QString text;
  float probability = 0.0f;
  bool reasoning = false;
  QVector<QPair<QString, float>> alternatives;  // text, probability; best first
};

// What the engine thread sends at most every batch interval while generating.
struct TokenBatch {
  QVector<StreamDelta> deltas;
  QVector<TokenConfidence> tokens;
  qint64 generatedTokens = 0;  // totals so far, not per batch
  qint64 reasoningTokens = 0;
  qint64 reasoningMs = 0;      // time spent thinking so far
  bool reasoningDone = false;  // the answer has started (or there was no reasoning)
};

enum class GenerationEnd { EndOfText, Length, Stopped, ContextFull };

struct GenerationSummary {
  GenerationEnd end = GenerationEnd::EndOfText;
  qint64 promptTokens = 0;
  qint64 reusedTokens = 0;
  qint64 generatedTokens = 0;
  qint64 reasoningTokens = 0;
  qint64 reasoningMs = 0;
  qint64 totalMs = 0;
  double tokensPerSecond = 0.0;
  bool reasoningUnclosed = false;
  QString warning;  // e.g. the template fell back to a built-in format
};

} // namespace sikao::ui

Q_DECLARE_METATYPE(sikao::ui::ModelSummary)
Q_DECLARE_METATYPE(sikao::ui::GenerationRequest)
Q_DECLARE_METATYPE(sikao::ui::TokenBatch)
Q_DECLARE_METATYPE(sikao::ui::GenerationSummary)
