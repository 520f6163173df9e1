// The stored form of an answer's per-token probabilities (ui/chat/token_confidence_codec.h): it
// round-trips random tokens in any script, and bytes it did not write (wrong magic, truncated
// anywhere, lying counts and lengths, trailing bytes, random damage) decode to nothing or to
// tokens, never to a crash or an allocation beyond their size.

#include <QtTest>

#include <random>

#include "chat/token_confidence_codec.h"

using sikao::ui::TokenConfidence;
using sikao::ui::decode_token_confidence;
using sikao::ui::encode_token_confidence;

namespace {

const QStringList k_pieces = {QStringLiteral(" the"), QStringLiteral("\n"), QStringLiteral(" "),
                              QStringLiteral("思考"), QStringLiteral("です"), QStringLiteral("مرحبا"),
                              QStringLiteral("🙂"), QStringLiteral("<think>"), QStringLiteral("12"),
                              QString()};

QVector<TokenConfidence> random_tokens(std::mt19937& rng, int count) {
  std::uniform_real_distribution<float> p(0.0f, 1.0f);
  std::uniform_int_distribution<int> piece(0, static_cast<int>(k_pieces.size()) - 1);
  std::uniform_int_distribution<int> alternatives(0, 5);
  QVector<TokenConfidence> out;
  for (int i = 0; i < count; ++i) {
    TokenConfidence t;
    t.text = k_pieces[piece(rng)] + k_pieces[piece(rng)];
    t.probability = p(rng);
    t.reasoning = rng() % 2;
    for (int a = alternatives(rng); a > 0; --a) t.alternatives.append({k_pieces[piece(rng)], p(rng)});
    out.append(t);
  }
  return out;
}

void compare(const QVector<TokenConfidence>& got, const QVector<TokenConfidence>& want) {
  QCOMPARE(got.size(), want.size());
  for (qsizetype i = 0; i < want.size(); ++i) {
    QCOMPARE(got[i].text, want[i].text);
    QCOMPARE(got[i].reasoning, want[i].reasoning);
    QVERIFY(std::abs(got[i].probability - want[i].probability) <= 0.5f / 65535.0f + 1e-7f);
    QCOMPARE(got[i].alternatives.size(), want[i].alternatives.size());
    for (qsizetype a = 0; a < want[i].alternatives.size(); ++a) {
      QCOMPARE(got[i].alternatives[a].first, want[i].alternatives[a].first);
      QVERIFY(std::abs(got[i].alternatives[a].second - want[i].alternatives[a].second) <= 0.5f / 65535.0f + 1e-7f);
    }
  }
}

} // namespace

class TestTokenConfidence : public QObject {
  Q_OBJECT

 private slots:
  void random_tokens_round_trip() {
    std::mt19937 rng(7);
    for (int count : {0, 1, 17, 2000}) {
      const auto tokens = random_tokens(rng, count);
      const QByteArray bytes = encode_token_confidence(tokens);
      const auto back = decode_token_confidence(bytes);
      QVERIFY(back.has_value());
      compare(*back, tokens);
    }
  }

  void a_token_is_about_a_dozen_bytes_plus_its_text() {
    std::mt19937 rng(8);
    const auto tokens = random_tokens(rng, 1000);
    qsizetype text = 0;
    for (const auto& t : tokens) {
      text += t.text.toUtf8().size();
      for (const auto& a : t.alternatives) text += a.first.toUtf8().size();
    }
    const qsizetype overhead = encode_token_confidence(tokens).size() - text;
    qInfo("1000 tokens with 0-5 alternatives: %lld bytes besides their text", static_cast<long long>(overhead));
    QVERIFY(overhead < 1000 * 25);
  }

  void bytes_it_did_not_write_decode_to_nothing() {
    std::mt19937 rng(9);
    const QByteArray good = encode_token_confidence(random_tokens(rng, 20));
    QVERIFY(!decode_token_confidence(QByteArray()).has_value());
    QVERIFY(!decode_token_confidence(QByteArray("SKC2\0\0\0\0", 8)).has_value());      // magic
    QVERIFY(!decode_token_confidence(QByteArray("SKC1\xff\xff\xff\x7f", 8)).has_value());  // count
    QVERIFY(!decode_token_confidence(good + QByteArray(1, '\0')).has_value());           // trailing
    for (qsizetype n = 0; n < good.size(); ++n) {                                        // truncated
      QVERIFY2(!decode_token_confidence(good.left(n)).has_value(), qPrintable(QString::number(n)));
    }
    // One token: flags 2 (unknown), then a text length past the end, then an overlong varint,
    // then 200 alternatives (over the limit).
    QVERIFY(!decode_token_confidence(QByteArray("SKC1\1\0\0\0\2\0\0\0\0", 13)).has_value());
    QVERIFY(!decode_token_confidence(QByteArray("SKC1\1\0\0\0\0\0\0\x7f" "ab\0", 15)).has_value());
    QVERIFY(!decode_token_confidence(QByteArray("SKC1\1\0\0\0\0\0\0\xff\xff\xff\xff\xff\x01\0", 18)).has_value());
    QVERIFY(!decode_token_confidence(QByteArray("SKC1\1\0\0\0\0\0\0\0\xc8", 13)).has_value());
  }

  void random_damage_never_crashes() {
    std::mt19937 rng(10);
    const QByteArray good = encode_token_confidence(random_tokens(rng, 50));
    int decoded = 0;
    for (int trial = 0; trial < 5000; ++trial) {
      QByteArray bad = good;
      for (int flips = 1 + static_cast<int>(rng() % 4); flips > 0; --flips) {
        bad[static_cast<qsizetype>(rng() % bad.size())] = static_cast<char>(rng());
      }
      if (const auto tokens = decode_token_confidence(bad)) {
        ++decoded;  // damage inside a text or a probability still decodes: tokens, not a crash
        QVERIFY(tokens->size() <= 50);
      }
    }
    qInfo("%d of 5000 damaged copies still decoded", decoded);
  }
};

QTEST_GUILESS_MAIN(TestTokenConfidence)
#include "tst_token_confidence.moc"
