#pragma once
// The values that cross from the engine thread to the UI thread (queued signals copy them). A
// turn's request and result are chat::TurnRequest and chat::TurnResult (chat/chat_turn.h); what
// is here is what the UI thread keeps in its own form.

#include <QMetaType>
#include <QString>
#include <QVector>

#include "chat/chat_turn.h"

namespace sikao::ui {

// A model as the model manager, the status bar and the controller know it.
struct ModelSummary {
  QString path;
  QString name;
  QString architecture;
  QString device;
  int contextLength = 0;
  qint64 deviceWeightBytes = 0;  // weights in device memory
  qint64 hostWeightBytes = 0;    // experts in system memory (LoadOptions::device_memory_budget)
  bool reasons = false;
  chat::ThinkingControl thinking;  // how the composer steers its reasoning
};

// Consecutive text of one kind (AnswerWasReasoning carries no text: the answer so far moves
// into the reasoning).
struct StreamDelta {
  chat::DeltaKind part = chat::DeltaKind::Answer;
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

} // namespace sikao::ui

Q_DECLARE_METATYPE(sikao::ui::ModelSummary)
Q_DECLARE_METATYPE(sikao::chat::TurnRequest)
Q_DECLARE_METATYPE(sikao::ui::TokenBatch)
Q_DECLARE_METATYPE(sikao::chat::TurnResult)
