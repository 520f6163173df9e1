#include <QtTest>

#include <cmath>
#include <map>
#include <vector>

#include "common/error.h"
#include "sampling/sampler.h"
#include "support/test_support.h"

using sikao::sampling::Sampler;
using sikao::sampling::SamplingParams;

namespace {

// log softmax in double, written out independently of the sampler.
std::vector<double> log_softmax(const std::vector<float>& logits) {
  double m = -INFINITY;
  for (float l : logits) m = std::max(m, static_cast<double>(l));
  double s = 0.0;
  for (float l : logits) s += std::exp(l - m);
  std::vector<double> out;
  for (float l : logits) out.push_back(l - m - std::log(s));
  return out;
}

SamplingParams plain(float temperature, uint64_t seed) {
  SamplingParams p;
  p.temperature = temperature;
  p.top_k = 0;
  p.top_p = 1.0f;
  p.min_p = 0.0f;
  p.seed = seed;
  return p;
}

std::map<int32_t, int> histogram(Sampler& s, const std::vector<float>& logits, int draws) {
  std::map<int32_t, int> counts;
  for (int i = 0; i < draws; ++i) ++counts[s.sample(logits, {}).id];
  return counts;
}

} // namespace

class TestSampling : public QObject {
  Q_OBJECT

 private slots:
  void greedy_picks_highest_logit_and_lowest_id_on_ties() {
    Sampler s(SamplingParams::greedy());
    QCOMPARE(s.sample(std::vector<float>{0.1f, 2.0f, -1.0f, 2.0f}, {}).id, 1);
    QCOMPARE(s.sample(std::vector<float>{5.0f, 2.0f}, {}).id, 0);
    QCOMPARE(sikao::sampling::argmax(std::vector<float>{1.0f, 3.0f, 3.0f}), 1);
  }

  void same_seed_gives_same_tokens_and_other_seeds_differ() {
    std::mt19937_64 rng(sikao::test::fresh_seed());
    const auto logits = sikao::test::random_floats(rng, 1000, 2.0f);
    auto run = [&](uint64_t seed) {
      Sampler s(plain(1.0f, seed));
      std::vector<int32_t> ids;
      for (int i = 0; i < 64; ++i) ids.push_back(s.sample(logits, ids).id);
      return ids;
    };
    QCOMPARE(run(42), run(42));
    QVERIFY(run(42) != run(43));
  }

  void draws_follow_the_softmax_distribution() {
    const std::vector<float> logits{0.0f, 1.0f, 2.0f, -1.0f};
    const auto lp = log_softmax(logits);
    Sampler s(plain(1.0f, 7));
    const int n = 40000;
    const auto counts = histogram(s, logits, n);
    for (size_t i = 0; i < logits.size(); ++i) {
      const double p = std::exp(lp[i]);
      const double observed = counts.count(static_cast<int32_t>(i)) ? counts.at(static_cast<int32_t>(i)) : 0;
      const double sd = std::sqrt(n * p * (1 - p));
      QVERIFY2(std::abs(observed - n * p) < 5 * sd,
               qPrintable(QString("token %1: %2 draws, expected %3").arg(i).arg(observed).arg(n * p)));
    }
  }

  void low_temperature_concentrates_on_the_best_token() {
    const std::vector<float> logits{0.0f, 1.0f, 2.0f, -1.0f};
    Sampler s(plain(0.05f, 3));
    const auto counts = histogram(s, logits, 2000);
    QVERIFY(counts.at(2) > 1990);
  }

  void top_k_one_is_greedy_at_any_temperature() {
    std::mt19937_64 rng(sikao::test::fresh_seed());
    const auto logits = sikao::test::random_floats(rng, 500, 3.0f);
    auto p = plain(5.0f, 1);
    p.top_k = 1;
    Sampler s(p);
    for (int i = 0; i < 50; ++i) QCOMPARE(s.sample(logits, {}).id, sikao::sampling::argmax(logits));
  }

  void top_p_never_draws_outside_the_nucleus() {
    // p ≈ {0.665, 0.245, 0.090, ...tiny}: top_p 0.8 keeps exactly the first two.
    const std::vector<float> logits{3.0f, 2.0f, 1.0f, -5.0f, -6.0f};
    auto p = plain(1.0f, 11);
    p.top_p = 0.8f;
    Sampler s(p);
    const auto counts = histogram(s, logits, 5000);
    QVERIFY(counts.count(0) && counts.count(1));
    QCOMPARE(counts.size(), size_t(2));
  }

  void min_p_drops_tokens_below_the_fraction_of_the_best() {
    // exp(-1) ≈ 0.37 ≥ 0.3 survives; exp(-2) ≈ 0.14 does not.
    const std::vector<float> logits{4.0f, 3.0f, 2.0f, 2.0f};
    auto p = plain(1.0f, 5);
    p.min_p = 0.3f;
    Sampler s(p);
    const auto counts = histogram(s, logits, 5000);
    QCOMPARE(counts.size(), size_t(2));
    QVERIFY(counts.count(0) && counts.count(1));
  }

  void repetition_penalty_moves_greedy_off_a_repeated_token() {
    const std::vector<float> logits{2.0f, 1.5f, 0.0f};
    auto p = SamplingParams::greedy();
    p.repetition_penalty = 1.5f;  // 2.0 / 1.5 = 1.33 < 1.5
    Sampler s(p);
    const std::vector<int32_t> history{0};
    QCOMPARE(s.sample(logits, history).id, 1);
    QCOMPARE(Sampler(SamplingParams::greedy()).sample(logits, history).id, 0);
  }

  void frequency_and_presence_penalties_scale_with_occurrences() {
    const std::vector<float> logits{2.0f, 1.0f};
    auto p = SamplingParams::greedy();
    p.frequency_penalty = 0.4f;
    Sampler s(p);
    QCOMPARE(s.sample(logits, std::vector<int32_t>{0, 0}).id, 0);        // 2 - 0.8 = 1.2 > 1
    QCOMPARE(s.sample(logits, std::vector<int32_t>{0, 0, 0}).id, 1);     // 2 - 1.2 = 0.8 < 1
    auto q = SamplingParams::greedy();
    q.presence_penalty = 1.5f;
    QCOMPARE(Sampler(q).sample(logits, std::vector<int32_t>{0, 0, 0}).id, 1);
    q.penalty_last_n = 1;  // only the last token counts
    QCOMPARE(Sampler(q).sample(logits, std::vector<int32_t>{0, 1}).id, 0);
  }

  void logprob_and_alternatives_are_the_models_distribution() {
    std::mt19937_64 rng(sikao::test::fresh_seed());
    const auto logits = sikao::test::random_floats(rng, 3000, 2.0f);
    const auto lp = log_softmax(logits);
    auto p = plain(0.7f, 9);
    p.top_k = 20;
    Sampler s(p, 5);
    const auto t = s.sample(logits, {});
    QVERIFY(std::abs(t.logprob - lp[static_cast<size_t>(t.id)]) < 1e-5);
    QCOMPARE(t.top.size(), size_t(5));
    std::vector<size_t> order(logits.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return logits[a] > logits[b]; });
    for (size_t i = 0; i < 5; ++i) {
      QCOMPARE(static_cast<size_t>(t.top[i].id), order[i]);
      QVERIFY(std::abs(t.top[i].logprob - lp[order[i]]) < 1e-5);
    }
  }

  void rejects_empty_and_nan_logits() {
    Sampler s(SamplingParams::greedy());
    QVERIFY_THROWS_EXCEPTION(sikao::Error, s.sample(std::vector<float>{}, {}));
    QVERIFY_THROWS_EXCEPTION(sikao::Error, s.sample(std::vector<float>{1.0f, NAN}, {}));
  }
};

QTEST_GUILESS_MAIN(TestSampling)
#include "tst_sampling.moc"
