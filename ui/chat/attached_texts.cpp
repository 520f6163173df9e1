#include "chat/attached_texts.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QQmlEngine>

namespace sikao::ui {

namespace {

// The first words of a text on one line: runs of white space (line breaks included) become one
// space, at most k_preview_length characters; only the beginning is read.
QString preview_of(const QString& text) {
  QString out;
  bool space = false;
  for (qsizetype i = 0; i < text.size() && out.size() < AttachedTexts::k_preview_length; ++i) {
    const QChar c = text[i];
    if (c.isSpace()) {
      space = !out.isEmpty();
      continue;
    }
    if (space) out += QLatin1Char(' ');
    space = false;
    out += c;
  }
  return out;
}

int line_count(const QString& text) {
  if (text.isEmpty()) return 0;
  return static_cast<int>(text.count(QLatin1Char('\n'))) + (text.endsWith(QLatin1Char('\n')) ? 0 : 1);
}

} // namespace

AttachedTexts::AttachedTexts(QObject* parent) : QAbstractListModel(parent) {}

int AttachedTexts::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(texts_.size());
}

QVariant AttachedTexts::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) return {};
  const QString& text = texts_[static_cast<size_t>(index.row())];
  switch (role) {
    case PreviewRole: return preview_of(text);
    case LinesRole: return line_count(text);
    case CharactersRole: return static_cast<int>(text.size());
    default: return {};
  }
}

QHash<int, QByteArray> AttachedTexts::roleNames() const {
  return {{PreviewRole, "preview"}, {LinesRole, "lines"}, {CharactersRole, "characters"}};
}

void AttachedTexts::setThreshold(int characters) {
  if (characters == threshold_ || characters < 1) return;
  threshold_ = characters;
  emit thresholdChanged();
}

bool AttachedTexts::pasteFromClipboard() {
  const QClipboard* clipboard = QGuiApplication::clipboard();
  return clipboard && attachIfLong(clipboard->text());
}

bool AttachedTexts::attachIfLong(const QString& text) {
  if (text.size() <= threshold_) return false;
  attach(text);
  return true;
}

void AttachedTexts::attach(QString text) {
  const int row = rowCount();
  beginInsertRows({}, row, row);
  texts_.push_back(std::move(text));
  endInsertRows();
  emit countChanged();
}

void AttachedTexts::remove(int row) {
  if (row < 0 || row >= rowCount()) return;
  beginRemoveRows({}, row, row);
  texts_.erase(texts_.begin() + row);
  endRemoveRows();
  emit countChanged();
}

void AttachedTexts::clear() {
  if (texts_.empty()) return;
  beginResetModel();
  texts_.clear();
  endResetModel();
  emit countChanged();
}

QString AttachedTexts::textAt(int row) const {
  return row >= 0 && row < rowCount() ? texts_[static_cast<size_t>(row)] : QString();
}

QString AttachedTexts::splitForEditing(const QString& question) {
  clear();
  if (question.size() <= threshold_) return question;
  // A paragraph of its own on both sides, so that joining them again gives the question back.
  const qsizetype end = question.indexOf(k_separator);
  if (end <= 0 || end > threshold_ || end + k_separator.size() >= question.size()) {
    attach(question);
    return {};
  }
  attach(question.mid(end + k_separator.size()));
  return question.left(end);
}

QString AttachedTexts::message(const QString& typed) const {
  QString out = typed;
  for (const QString& text : texts_) {
    if (text.isEmpty()) continue;
    if (!out.isEmpty()) out += k_separator;
    out += text;
  }
  return out;
}

void register_attached_texts_type() {
  qmlRegisterType<AttachedTexts>("Sikao", 1, 0, "AttachedTexts");
}

} // namespace sikao::ui
