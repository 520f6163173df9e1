#pragma once
// The reasoning inspector: one message's reasoning as steps (paragraphs, and numbered steps such
// as "1." / "2)" / "Step 3:" starting a line), each with the tokens that produced it and their
// confidence — the probability the model gave the chosen token and its top alternatives.

#include <QAbstractListModel>
#include <QVariantList>
#include <vector>

#include "engine/generation_types.h"

namespace sikao::ui {

class ReasoningInspectorModel : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(QString reasoning READ reasoning NOTIFY changed)
  Q_PROPERTY(bool hasConfidence READ hasConfidence NOTIFY changed)

 public:
  enum Roles {
    NumberRole = Qt::UserRole + 1,  // 1-based
    TextRole,
    TokenCountRole,
    MeanProbabilityRole,  // -1 when the tokens are not known
    MinProbabilityRole,
  };
  Q_ENUM(Roles)

  explicit ReasoningInspectorModel(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  // tokens: the message's generated tokens (only those marked reasoning are used).
  void setMessage(const QString& reasoning, const QVector<TokenConfidence>& tokens);
  QString reasoning() const { return reasoning_; }
  bool hasConfidence() const { return has_confidence_; }

  // [{text, probability, alternatives: [{text, probability}]}] of one step.
  Q_INVOKABLE QVariantList tokensOf(int step) const;
  // Steps (0-based) whose text contains `text`, case-insensitively.
  Q_INVOKABLE QList<int> find(const QString& text) const;

  // Character ranges [begin, end) of the steps of `reasoning`.
  static std::vector<std::pair<int, int>> split_steps(const QString& reasoning);

 signals:
  void changed();

 private:
  struct Step {
    QString text;
    std::vector<TokenConfidence> tokens;
  };
  QString reasoning_;
  bool has_confidence_ = false;
  std::vector<Step> steps_;
};

} // namespace sikao::ui
