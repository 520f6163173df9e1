#pragma once
// Texts too long to edit in a text box, held beside it as cards: a long paste into the composer,
// and the part of a long question being edited that follows its first paragraph. A text box
// lays out all of its text on the UI thread (a pasted megabyte held the window for over a
// second: issue 14); a card shows a line of preview and counts. The message that is sent is
// the box's text followed by each attached text, separated by a blank line, so a question split
// for editing and sent unchanged is byte for byte the question it was.

#include <QAbstractListModel>
#include <QString>
#include <vector>

namespace sikao::ui {

class AttachedTexts : public QAbstractListModel {
  Q_OBJECT
  Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
  // Texts longer than this (characters) are attached instead of typed or pasted into the box.
  Q_PROPERTY(int threshold READ threshold WRITE setThreshold NOTIFY thresholdChanged)

 public:
  enum Roles {
    PreviewRole = Qt::UserRole + 1,  // the first words, on one line
    LinesRole,
    CharactersRole,
  };
  Q_ENUM(Roles)

  static constexpr int k_default_threshold = 10000;
  static constexpr int k_preview_length = 120;
  static inline const QString k_separator = QStringLiteral("\n\n");

  explicit AttachedTexts(QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QHash<int, QByteArray> roleNames() const override;

  int threshold() const { return threshold_; }
  void setThreshold(int characters);

  // A paste: the clipboard's text is attached when it is longer than the threshold (true), and
  // left to the text box otherwise (false).
  Q_INVOKABLE bool pasteFromClipboard();
  // Attaches `text` when it is longer than the threshold.
  Q_INVOKABLE bool attachIfLong(const QString& text);
  Q_INVOKABLE void remove(int row);
  Q_INVOKABLE void clear();
  Q_INVOKABLE QString textAt(int row) const;
  // For editing a question: the part for the text box. A question within the threshold is all
  // of it; a longer one gives its first paragraph when that is within the threshold (else
  // nothing) and attaches the rest, so that message(head) is the question again.
  Q_INVOKABLE QString splitForEditing(const QString& question);
  // The message: `typed`, then every attached text, blank-line separated (empty parts left out).
  Q_INVOKABLE QString message(const QString& typed) const;

 signals:
  void countChanged();
  void thresholdChanged();

 private:
  void attach(QString text);

  std::vector<QString> texts_;
  int threshold_ = k_default_threshold;
};

void register_attached_texts_type();

} // namespace sikao::ui
