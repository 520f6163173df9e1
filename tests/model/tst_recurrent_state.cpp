// A recurrent state (Qwen3.5's Gated DeltaNet layers) cannot be rewound like a KV cache. The
// session reuses it where the new prompt continues what it holds, and otherwise goes back to a
// snapshot taken before the last token of an earlier prompt: regenerating an answer and editing
// the last message re-read only what changed. Whatever the path, the answer must be the one a
// fresh session gives: same ids, log-probabilities within float rounding.

#include <QtTest>

#include <filesystem>
#include <string>
#include <vector>

#include "common/error.h"
#include "engine.h"
#include "model/transformer.h"

namespace fs = std::filesystem;

namespace {

constexpr double k_logprob_tolerance = 1e-4;

std::vector<int32_t> ids(int32_t n, int32_t seed) {
  std::vector<int32_t> out;
  for (int32_t i = 0; i < n; ++i) out.push_back((i * 613 + seed * 97 + 7) % 1990);
  return out;
}

std::vector<int32_t> concat(std::vector<int32_t> a, const std::vector<int32_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

struct Answer {
  std::vector<sikao::sampling::SampledToken> tokens;
  uint32_t reused = 0;
};

Answer answer(sikao::Session& session, const std::vector<int32_t>& prompt) {
  sikao::GenerateOptions options;
  options.sampling = sikao::sampling::SamplingParams::greedy();
  options.max_tokens = 8;
  options.n_alternatives = 10;
  Answer a;
  const auto result = session.generate(prompt, options, [&](const sikao::TokenEvent& e) {
    a.tokens.push_back(e.token);
  });
  a.reused = result.reused_tokens;
  return a;
}

// The same greedy ids, and every alternative's log-probability within the tolerance.
void compare(const Answer& actual, const Answer& expected) {
  QCOMPARE(actual.tokens.size(), expected.tokens.size());
  for (size_t i = 0; i < actual.tokens.size(); ++i) {
    QCOMPARE(actual.tokens[i].id, expected.tokens[i].id);
    const auto& a = actual.tokens[i].top;
    const auto& e = expected.tokens[i].top;
    QCOMPARE(a.size(), e.size());
    for (size_t k = 0; k < a.size(); ++k) {
      QCOMPARE(a[k].id, e[k].id);
      QVERIFY2(std::abs(a[k].logprob - e[k].logprob) <= k_logprob_tolerance,
               qPrintable(QString("step %1 alternative %2: %3 vs %4")
                              .arg(i).arg(k).arg(a[k].logprob).arg(e[k].logprob)));
    }
  }
}

}  // namespace

class TestRecurrentState : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<sikao::Model> model_;

  Answer fresh(const std::vector<int32_t>& prompt) {
    sikao::Session session(*model_);
    return answer(session, prompt);
  }

 private slots:
  void initTestCase() {
    sikao::LoadOptions options;
    options.context_length = 1024;
    model_ = sikao::Model::load(fs::path(SIKAO_FAMILY_MODELS_DIR) / "test-qwen35-F32.gguf",
                                options);
  }

  // A first turn, then a second whose prompt continues the first's prompt and answer: the live
  // state carries on.
  void a_prompt_in_two_requests_equals_one() {
    const std::vector<int32_t> first = ids(150, 1);
    sikao::Session session(*model_);
    const Answer one = answer(session, first);
    std::vector<int32_t> second = first;
    for (const auto& t : one.tokens) second.push_back(t.id);
    second.pop_back();  // the last answer token was sampled, never evaluated
    second = concat(second, ids(170, 2));
    const Answer two = answer(session, second);
    QCOMPARE(two.reused, uint32_t(first.size() + one.tokens.size() - 1));
    compare(two, fresh(second));
  }

  // Regenerating: the same prompt again goes back to the snapshot before its last token.
  void regenerating_restarts_from_the_snapshot() {
    const std::vector<int32_t> prompt = ids(300, 3);
    sikao::Session session(*model_);
    const Answer first = answer(session, prompt);
    const Answer again = answer(session, prompt);
    QCOMPARE(again.reused, uint32_t(prompt.size() - 1));
    compare(again, first);
  }

  // Editing the last message: the new prompt leaves the old one after the shared part, and the
  // latest snapshot before that point is the first turn's.
  void an_edited_message_restarts_from_an_earlier_snapshot() {
    const std::vector<int32_t> history = ids(120, 4);
    sikao::Session session(*model_);
    answer(session, history);  // snapshot at 119
    const std::vector<int32_t> asked = concat(history, ids(60, 5));
    answer(session, asked);  // snapshot at 179
    const std::vector<int32_t> edited = concat(history, ids(80, 6));
    const Answer after_edit = answer(session, edited);
    QCOMPARE(after_edit.reused, uint32_t(history.size() - 1));
    compare(after_edit, fresh(edited));
  }

  // No snapshot at or before the shared part: the state starts again from the first token.
  void a_different_conversation_starts_again() {
    sikao::Session session(*model_);
    answer(session, ids(90, 7));
    const std::vector<int32_t> other = ids(40, 8);
    const Answer a = answer(session, other);
    QCOMPARE(a.reused, 0u);
    compare(a, fresh(other));
  }

  // evaluate / decode from an empty session start from a zero state too; decoding the prompt
  // token by token gives prefill's logits.
  void decoding_from_the_start_equals_prefill() {
    const std::vector<int32_t> prompt = ids(20, 9);
    sikao::Session batched(*model_);
    const std::vector<float> expected = batched.evaluate(prompt);
    sikao::Session stepped(*model_);
    std::vector<float> logits;
    for (int32_t t : prompt) logits = stepped.decode(t);
    QCOMPARE(logits.size(), expected.size());
    double worst = 0.0;
    for (size_t i = 0; i < logits.size(); ++i) {
      worst = std::max(worst, double(std::abs(logits[i] - expected[i])));
    }
    QVERIFY2(worst < 1e-3, qPrintable(QString::number(worst)));
    // A second evaluate from 0 forgets the first conversation's state.
    QCOMPARE(stepped.evaluate(prompt), stepped.evaluate(prompt));
  }
};

QTEST_GUILESS_MAIN(TestRecurrentState)
#include "tst_recurrent_state.moc"
