// AttachedTexts (ui/chat/attached_texts.h): long texts held beside a text box. Only texts over the
// threshold are attached; the message is the typed text and the attached ones, blank-line
// separated; a long question split for editing and joined again is the same bytes, whatever its
// shape; the cards' preview and counts read only what they show.

#include <QtTest>

#include <QClipboard>
#include <QGuiApplication>
#include <QSignalSpy>

#include "chat/attached_texts.h"

using sikao::ui::AttachedTexts;

class TestAttachedTexts : public QObject {
  Q_OBJECT

  static QString role(const AttachedTexts& texts, int row, AttachedTexts::Roles r) {
    return texts.data(texts.index(row), r).toString();
  }

 private slots:
  void only_texts_over_the_threshold_are_attached() {
    AttachedTexts texts;
    texts.setThreshold(10);
    QSignalSpy count(&texts, &AttachedTexts::countChanged);
    QVERIFY(!texts.attachIfLong(QStringLiteral("0123456789")));  // at the threshold: the box takes it
    QVERIFY(texts.attachIfLong(QStringLiteral("0123456789a")));
    QCOMPARE(texts.rowCount(), 1);
    QCOMPARE(count.size(), 1);
    texts.setThreshold(0);  // nonsense is ignored
    QCOMPARE(texts.threshold(), 10);
  }

  void a_paste_is_attached_only_when_it_is_long() {
    AttachedTexts texts;
    texts.setThreshold(20);
    QGuiApplication::clipboard()->setText(QStringLiteral("short"));
    QVERIFY(!texts.pasteFromClipboard());
    QCOMPARE(texts.rowCount(), 0);
    const QString long_text(50, QLatin1Char('z'));
    QGuiApplication::clipboard()->setText(long_text);
    QVERIFY(texts.pasteFromClipboard());
    QCOMPARE(texts.textAt(0), long_text);
  }

  void the_message_is_the_typed_text_then_each_attached_text() {
    AttachedTexts texts;
    texts.setThreshold(3);
    QCOMPARE(texts.message(QStringLiteral("typed")), QStringLiteral("typed"));
    texts.attachIfLong(QStringLiteral("first paste"));
    texts.attachIfLong(QStringLiteral("second paste"));
    QCOMPARE(texts.message(QStringLiteral("typed")), QStringLiteral("typed\n\nfirst paste\n\nsecond paste"));
    QCOMPARE(texts.message(QString()), QStringLiteral("first paste\n\nsecond paste"));
    texts.remove(0);
    texts.remove(5);  // out of range: nothing
    QCOMPARE(texts.message(QStringLiteral("typed")), QStringLiteral("typed\n\nsecond paste"));
    texts.clear();
    QCOMPARE(texts.rowCount(), 0);
    QCOMPARE(texts.textAt(0), QString());
  }

  // Whatever the question, the box's part and the card joined again are the question.
  void a_question_split_for_editing_joins_back_to_the_same_bytes() {
    const QString filler(40, QLatin1Char('x'));
    const QStringList questions = {
        QStringLiteral("short"),                                      // under the threshold: all in the box
        QStringLiteral("Summarise this\n\n") + filler,                  // instruction, then the document
        filler + QStringLiteral("\n\nlater"),                           // first paragraph over the threshold
        QStringLiteral("\n\n") + filler,                                // starts with a blank line
        filler,                                                         // no paragraph break at all
        QStringLiteral("head\n\n"),                                     // nothing after the break (short)
        QStringLiteral("head") + QString(27, QLatin1Char(' ')) + QStringLiteral("\n\n"),  // nothing after it, long
        QStringLiteral("a\n\n\n\nb") + filler,                          // a wider gap
        QStringLiteral("你好\n\n") + filler + QStringLiteral("😀\r\n"),   // other scripts, CRLF
    };
    for (const QString& question : questions) {
      AttachedTexts texts;
      texts.setThreshold(30);
      const QString head = texts.splitForEditing(question);
      QCOMPARE(texts.message(head), question);
      QVERIFY(head.size() <= 30);
      QCOMPARE(texts.rowCount(), question.size() > 30 ? 1 : 0);
    }
    AttachedTexts texts;
    texts.setThreshold(30);
    QCOMPARE(texts.splitForEditing(QStringLiteral("Summarise this\n\n") + filler), QStringLiteral("Summarise this"));
    QCOMPARE(texts.textAt(0), filler);
    texts.splitForEditing(QStringLiteral("short"));  // a new edit forgets the old card
    QCOMPARE(texts.rowCount(), 0);
  }

  void a_card_shows_the_first_words_on_one_line_and_counts_lines_and_characters() {
    AttachedTexts texts;
    texts.setThreshold(5);
    texts.attachIfLong(QStringLiteral("  \n\tFirst   line\nsecond\tline\n"));
    QCOMPARE(role(texts, 0, AttachedTexts::PreviewRole), QStringLiteral("First line second line"));
    QCOMPARE(texts.data(texts.index(0), AttachedTexts::LinesRole).toInt(), 3);
    QCOMPARE(texts.data(texts.index(0), AttachedTexts::CharactersRole).toInt(), 29);
    texts.attachIfLong(QString(1'000'000, QLatin1Char('y')) + QStringLiteral("\nz"));
    QCOMPARE(role(texts, 1, AttachedTexts::PreviewRole).size(), AttachedTexts::k_preview_length);
    QCOMPARE(texts.data(texts.index(1), AttachedTexts::LinesRole).toInt(), 2);
    QCOMPARE(texts.data(texts.index(7), AttachedTexts::PreviewRole), QVariant());
    QCOMPARE(texts.roleNames().value(AttachedTexts::PreviewRole), QByteArray("preview"));
  }
};

QTEST_MAIN(TestAttachedTexts)
#include "tst_attached_texts.moc"
