#include "chat/reasoning_inspector_model.h"

#include <QRegularExpression>
#include <algorithm>

namespace sikao::ui {

ReasoningInspectorModel::ReasoningInspectorModel(QObject* parent) : QAbstractListModel(parent) {}

int ReasoningInspectorModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(steps_.size());
}

QVariant ReasoningInspectorModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const Step& s = steps_[static_cast<size_t>(index.row())];
  switch (role) {
    case NumberRole: return index.row() + 1;
    case Qt::DisplayRole:
    case TextRole: return s.text;
    case TokenCountRole: return static_cast<int>(s.tokens.size());
    case MeanProbabilityRole: {
      if (s.tokens.empty()) return -1.0;
      double sum = 0;
      for (const auto& t : s.tokens) sum += t.probability;
      return sum / static_cast<double>(s.tokens.size());
    }
    case MinProbabilityRole: {
      if (s.tokens.empty()) return -1.0;
      float low = 1.0f;
      for (const auto& t : s.tokens) low = std::min(low, t.probability);
      return static_cast<double>(low);
    }
  }
  return {};
}

QHash<int, QByteArray> ReasoningInspectorModel::roleNames() const {
  return {{NumberRole, "number"},
          {TextRole, "text"},
          {TokenCountRole, "tokenCount"},
          {MeanProbabilityRole, "meanProbability"},
          {MinProbabilityRole, "minProbability"}};
}

std::vector<std::pair<int, int>> ReasoningInspectorModel::split_steps(const QString& reasoning) {
  // A step starts after a blank line, or at a line that begins a numbered step.
  static const QRegularExpression numbered(
      QStringLiteral(R"(^\s*(?:\d+[.)]|step\s+\d+\s*[:.]))"),
      QRegularExpression::CaseInsensitiveOption);
  std::vector<std::pair<int, int>> steps;
  int start = -1;
  int end = 0;
  int line_start = 0;
  bool blank_before = true;
  while (line_start <= reasoning.size()) {
    int line_end = reasoning.indexOf(QLatin1Char('\n'), line_start);
    if (line_end < 0) line_end = static_cast<int>(reasoning.size());
    const QString line = reasoning.mid(line_start, line_end - line_start);
    const bool blank = line.trimmed().isEmpty();
    if (!blank) {
      if (start >= 0 && (blank_before || numbered.match(line).hasMatch())) {
        steps.emplace_back(start, end);
        start = -1;
      }
      if (start < 0) start = line_start;
      end = line_end;
    }
    blank_before = blank;
    line_start = line_end + 1;
  }
  if (start >= 0) steps.emplace_back(start, end);
  return steps;
}

void ReasoningInspectorModel::setMessage(const QString& reasoning, const QVector<TokenConfidence>& tokens) {
  beginResetModel();
  reasoning_ = reasoning;
  steps_.clear();
  const auto ranges = split_steps(reasoning);
  for (const auto& [b, e] : ranges) steps_.push_back({reasoning.mid(b, e - b), {}});
  has_confidence_ = false;
  // Place each reasoning token at its text in the reasoning, in order; tags and layout whitespace
  // the splitter dropped are found nowhere near the cursor and skipped. A whitespace-only token
  // (a space, a line break inside a step) counts where the reasoning has exactly it at the
  // cursor; blank lines between steps belong to no step.
  int cursor = 0;
  size_t step = 0;
  for (const TokenConfidence& t : tokens) {
    if (!t.reasoning || t.text.isEmpty()) continue;
    const QString piece = t.text.trimmed();
    int at = cursor;
    if (piece.isEmpty()) {
      if (QStringView(reasoning).mid(cursor, t.text.size()) != t.text) continue;
      cursor += static_cast<int>(t.text.size());
    } else {
      at = reasoning.indexOf(piece, cursor);
      if (at < 0 || at > cursor + t.text.size() + 2) continue;
      cursor = at + static_cast<int>(piece.size());
    }
    while (step + 1 < ranges.size() && at >= ranges[step].second) ++step;
    if (step < steps_.size() && at >= ranges[step].first && at < ranges[step].second) {
      steps_[step].tokens.push_back(t);
      has_confidence_ = true;
    }
  }
  endResetModel();
  emit changed();
}

QVariantList ReasoningInspectorModel::tokensOf(int step) const {
  QVariantList out;
  if (step < 0 || step >= rowCount()) return out;
  for (const auto& t : steps_[static_cast<size_t>(step)].tokens) {
    QVariantList alternatives;
    for (const auto& [text, p] : t.alternatives) {
      alternatives.append(QVariantMap{{QStringLiteral("text"), text}, {QStringLiteral("probability"), p}});
    }
    out.append(QVariantMap{{QStringLiteral("text"), t.text},
                           {QStringLiteral("probability"), t.probability},
                           {QStringLiteral("alternatives"), alternatives}});
  }
  return out;
}

QList<int> ReasoningInspectorModel::find(const QString& text) const {
  QList<int> found;
  if (text.isEmpty()) return found;
  for (size_t i = 0; i < steps_.size(); ++i) {
    if (steps_[i].text.contains(text, Qt::CaseInsensitive)) found.append(static_cast<int>(i));
  }
  return found;
}

} // namespace sikao::ui
