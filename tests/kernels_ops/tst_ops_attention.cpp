// The f16 KV cache store and causal GQA attention (decode and prefill) on the GPU against the
// double-precision reference, on fresh random data (the seed is printed; SIKAO_TEST_SEED
// replays it). Tolerance for these paths through the f16 cache: ‖gpu − ref‖ / ‖ref‖ <= 1e-3
// (the reference reads the same f16 values, so in practice the f32 accumulation error shows).

#include <QtTest>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>

#include "common/error.h"
#include "kernels/attention.h"
#include "kernels/rope.h"
#include "kernels_ops/gpu_helpers.h"
#include "kernels_ops/reference.h"
#include "support/test_support.h"

using namespace sikao;
using namespace sikao::test::ops;
using kernels::Reduction;

Q_DECLARE_METATYPE(kernels::Reduction)
Q_DECLARE_METATYPE(kernels::RopeOrdering)

namespace {

constexpr double k_f16_tolerance = 1e-3;
constexpr double k_f32_tolerance = 1e-5;


std::vector<uint16_t> to_halves(std::span<const float> values) {
  std::vector<uint16_t> h(values.size());
  for (size_t i = 0; i < values.size(); ++i) h[i] = float_to_half(values[i]);
  return h;
}

struct Case {
  uint32_t n_tokens, n_heads, n_kv_heads, head_dim, first_position;
  uint32_t n_splits = 1;  // > 1: attention_split (flash decoding) with a merge pass
};

}  // namespace

class TestOpsAttention : public QObject {
  Q_OBJECT

 private:
  std::optional<vk::Context> ctx_;
  std::mt19937_64 rng_;
  kernels::AttentionKernel kernel_ = kernels::AttentionKernel::Auto;  // what check_attention runs

  std::vector<Reduction> reductions() const { return test::ops::reductions(*ctx_); }

  static void add_columns() {
    QTest::addColumn<uint32_t>("n_tokens");
    QTest::addColumn<uint32_t>("n_heads");
    QTest::addColumn<uint32_t>("n_kv_heads");
    QTest::addColumn<uint32_t>("head_dim");
    QTest::addColumn<uint32_t>("first_position");
    QTest::addColumn<uint32_t>("n_splits");
    QTest::addColumn<Reduction>("reduction");
  }

  void add_rows(std::span<const Case> cases) {
    for (Reduction r : reductions()) {
      for (const Case& c : cases) {
        QTest::addRow("%s_t%u_h%u_kv%u_d%u_p%u_split%u", name(r), c.n_tokens, c.n_heads,
                      c.n_kv_heads, c.head_dim, c.first_position, c.n_splits)
            << c.n_tokens << c.n_heads << c.n_kv_heads << c.head_dim << c.first_position
            << c.n_splits << r;
      }
    }
  }

  // Random f16 caches filled up to the last query's position (the rest random too: the kernel
  // must not read it), queries at first_position.., attention on the GPU vs the reference.
  void check_attention_against_reference() {
    QFETCH(uint32_t, n_tokens);
    QFETCH(uint32_t, n_heads);
    QFETCH(uint32_t, n_kv_heads);
    QFETCH(uint32_t, head_dim);
    QFETCH(uint32_t, first_position);
    QFETCH(uint32_t, n_splits);
    QFETCH(Reduction, reduction);
    check_attention({n_tokens, n_heads, n_kv_heads, head_dim, first_position, n_splits}, reduction,
                    {});
  }

  // One attention (split when c.n_splits > 1) with these score options against the reference.
  void check_attention(const Case& c, std::optional<Reduction> reduction,
                       const test::ops::AttentionScores& scores) {
    const auto [n_tokens, n_heads, n_kv_heads, head_dim, first_position, n_splits] = c;
    const uint32_t capacity = first_position + n_tokens + 3;
    const size_t cache_elements = size_t(n_kv_heads) * capacity * head_dim;
    // Keys with stddev 2 make the softmax peaked for some queries, flat for others.
    const auto k_cache = to_halves(test::random_floats(rng_, cache_elements, 2.0f));
    const auto v_cache = to_halves(test::random_floats(rng_, cache_elements));
    const auto q = test::random_floats(rng_, size_t(n_tokens) * n_heads * head_dim);
    std::vector<uint32_t> positions(n_tokens);
    std::iota(positions.begin(), positions.end(), first_position);

    auto q_buf = device_buffer(*ctx_, q);
    auto k_buf = device_buffer(*ctx_, k_cache);
    auto v_buf = device_buffer(*ctx_, v_cache);
    auto p_buf = device_buffer(*ctx_, positions);
    auto out_buf = ctx_->create_buffer(q.size() * sizeof(float));
    kernels::AttentionShape shape{n_tokens, n_heads, n_kv_heads, head_dim, capacity};
    shape.scale = float(scores.scale);
    shape.softcap = float(scores.softcap);
    shape.temperature = float(scores.temperature);
    shape.temperature_length = scores.temperature_length;
    shape.window = scores.window;
    std::optional<vk::Buffer> sinks_buf;
    if (!scores.sinks.empty()) {
      sinks_buf.emplace(device_buffer(*ctx_, std::vector<float>(scores.sinks.begin(), scores.sinks.end())));
      shape.sinks = sinks_buf->view();
    }
    auto scratch = ctx_->create_buffer(kernels::attention_scratch_bytes(shape, n_splits));
    auto seq = ctx_->create_sequence();
    seq.begin();
    if (n_splits == 1) {
      kernels::attention(*ctx_, seq, q_buf.view(), k_buf.view(), v_buf.view(), p_buf.view(),
                         out_buf.view(), shape, reduction, kernel_);
    } else {
      kernels::attention_split(*ctx_, seq, q_buf.view(), k_buf.view(), v_buf.view(), p_buf.view(),
                               out_buf.view(), shape, n_splits, scratch.view(), reduction);
    }
    seq.run();
    const auto gpu = read_back<float>(*ctx_, out_buf, q.size());
    const auto ref = attention(q, k_cache, v_cache, positions, n_heads, n_kv_heads, head_dim,
                               capacity, scores);
    const double error = test::relative_error(gpu, ref);
    qInfo("%s: relative error %.3g", QTest::currentDataTag(), error);
    QVERIFY2(error <= k_f16_tolerance, qPrintable(QString::number(error)));
  }

 private slots:
  void initTestCase() {
    const uint64_t seed = test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(seed));
    rng_.seed(seed);
    ctx_.emplace();
  }

  void half_codec_round_trips_every_half() {
    for (uint32_t bits = 0; bits < 0x10000; ++bits) {
      const float f = half_to_float(static_cast<uint16_t>(bits));
      if (std::isnan(f)) continue;
      QCOMPARE(float_to_half(f), static_cast<uint16_t>(bits));
    }
    QCOMPARE(float_to_half(1.0f), uint16_t(0x3c00));
    QCOMPARE(float_to_half(-2.0f), uint16_t(0xc000));
    QCOMPARE(float_to_half(65504.0f), uint16_t(0x7bff));
    QCOMPARE(float_to_half(1e6f), uint16_t(0x7c00));
    QCOMPARE(float_to_half(0.1f), uint16_t(0x2e66));
    QCOMPARE(float_to_half(std::ldexp(1.0f, -24)), uint16_t(0x0001));
    QCOMPARE(float_to_half(1.0f + std::ldexp(1.0f, -11)), uint16_t(0x3c00));  // tie to even
    QCOMPARE(float_to_half(1.0f + 3 * std::ldexp(1.0f, -11)), uint16_t(0x3c02));
  }

  // The score options (kernels::AttentionShape): a sliding window that prompts cross (Gemma,
  // 16 keys here), the soft-cap (Gemma 2), a scale override, the position temperature
  // (Ministral 3), for prefill blocks and for split decode whose splits start inside or before
  // the window.
  void attention_score_options_match_reference_data() {
    QTest::addColumn<uint32_t>("n_tokens");
    QTest::addColumn<uint32_t>("first_position");
    QTest::addColumn<uint32_t>("n_splits");
    QTest::addColumn<uint32_t>("window");
    QTest::addColumn<float>("softcap");
    QTest::addColumn<float>("scale");
    QTest::addColumn<float>("temperature");
    struct Row { uint32_t t, p, splits, window; float softcap, scale, temperature; };
    const Row rows[] = {{40, 0, 1, 16, 0, 0, 0},       {33, 100, 1, 16, 0, 0, 0},
                        {1, 300, 1, 16, 0, 0, 0},      {1, 300, 4, 16, 0, 0, 0},
                        {1, 700, 3, 300, 0, 0, 0},     {1, 5, 2, 16, 0, 0, 0},
                        {20, 10, 1, 0, 0.5f, 0, 0},    {1, 200, 2, 0, 0.5f, 0.3f, 0},
                        {17, 60, 1, 16, 0.5f, 0.25f, 0}, {30, 0, 1, 0, 0, 0, 0.2f},
                        {1, 130, 3, 0, 0, 0, 0.2f}};
    for (const Row& r : rows) {
      QTest::addRow("t%u_p%u_split%u_w%u_cap%g_scale%g_temp%g", r.t, r.p, r.splits, r.window,
                    r.softcap, r.scale, r.temperature)
          << r.t << r.p << r.splits << r.window << r.softcap << r.scale << r.temperature;
    }
  }
  void attention_score_options_match_reference() {
    QFETCH(uint32_t, n_tokens);
    QFETCH(uint32_t, first_position);
    QFETCH(uint32_t, n_splits);
    QFETCH(uint32_t, window);
    QFETCH(float, softcap);
    QFETCH(float, scale);
    QFETCH(float, temperature);
    check_attention({n_tokens, 4, 2, 32, first_position, n_splits}, std::nullopt,
                    test::ops::AttentionScores{scale, softcap, temperature, 16, window});
  }

  // Attention sinks (gpt-oss): one logit per head in every softmax's denominator, for prefill
  // blocks (with and without a window) and for decode, whole and split (the sink is added once,
  // in the merge). Sinks of stddev 3 against scores of about 2 make some heads nearly all sink.
  void attention_sinks_join_the_denominator_data() {
    QTest::addColumn<uint32_t>("n_tokens");
    QTest::addColumn<uint32_t>("first_position");
    QTest::addColumn<uint32_t>("n_splits");
    QTest::addColumn<uint32_t>("window");
    struct Row { uint32_t t, p, splits, window; };
    const Row rows[] = {{40, 0, 1, 0}, {33, 100, 1, 16}, {1, 300, 1, 0},
                        {1, 300, 4, 0}, {1, 200, 3, 32}, {1, 0, 2, 0}};
    for (const Row& r : rows) {
      QTest::addRow("t%u_p%u_split%u_w%u", r.t, r.p, r.splits, r.window)
          << r.t << r.p << r.splits << r.window;
    }
  }
  void attention_sinks_join_the_denominator() {
    QFETCH(uint32_t, n_tokens);
    QFETCH(uint32_t, first_position);
    QFETCH(uint32_t, n_splits);
    QFETCH(uint32_t, window);
    const uint32_t n_heads = 8;
    const std::vector<float> sinks = test::random_floats(rng_, n_heads, 3.0f);
    test::ops::AttentionScores scores;
    scores.window = window;
    scores.sinks = sinks;
    check_attention({n_tokens, n_heads, 2, 64, first_position, n_splits}, std::nullopt, scores);
  }

  // Decode: one query token at position n - 1 against a cache of n positions.
  void attention_decode_matches_reference_data() {
    add_columns();
    const Case cases[] = {
        {1, 8, 4, 8, 0},
        {1, 8, 4, 8, 1},
        {1, 8, 4, 8, 299},  // stories260K shape
        {1, 4, 2, 16, 1099},
        {1, 6, 3, 32, 299},
        {1, 8, 2, 64, 0},
        {1, 8, 2, 64, 1},
        {1, 8, 2, 64, 299},
        {1, 14, 2, 64, 1199},
        {1, 8, 8, 128, 1},
        {1, 16, 4, 128, 299},
        {1, 8, 2, 128, 1099},
        {1, 4, 1, 96, 130},
        {1, 2, 1, 256, 200},
        // Split keys: more splits than chunks (empty ranges), uneven ranges, long caches.
        {1, 8, 4, 8, 0, 4},
        {1, 8, 4, 8, 1, 8},
        {1, 8, 2, 64, 299, 2},
        {1, 8, 2, 64, 1199, 3},
        {1, 8, 2, 128, 1099, 8},
        {1, 14, 2, 64, 2047, 16}};
    add_rows(cases);
  }
  void attention_decode_matches_reference() { check_attention_against_reference(); }

  // Prefill: a block of queries at first_position.. , each masked at its own position.
  void attention_prefill_matches_reference_data() {
    add_columns();
    const Case cases[] = {{2, 8, 4, 8, 0},    {17, 8, 4, 8, 0},     {5, 6, 2, 16, 40},
                          {9, 4, 4, 32, 250}, {33, 8, 2, 64, 0},    {7, 4, 1, 64, 1000},
                          {20, 8, 4, 128, 0}, {6, 8, 2, 128, 1030}, {9, 4, 2, 64, 500, 3}};
    add_rows(cases);
  }
  void attention_prefill_matches_reference() { check_attention_against_reference(); }

  // attention_cpu.comp (one query token per invocation; Auto's choice for prefill on CPU
  // devices) on any device: blocks that fill no workgroup of 8 tokens (whose lanes are heads)
  // and several that do, one token, GQA, every head size it takes, long caches, and the score
  // options and sinks for both lane layouts.
  void attention_query_per_invocation_matches_reference() {
    kernel_ = kernels::AttentionKernel::QueryPerInvocation;
    const Case cases[] = {{2, 8, 4, 8, 0},     {17, 8, 4, 8, 0},    {5, 6, 2, 16, 40},
                          {9, 4, 4, 32, 250},  {33, 8, 2, 64, 0},   {7, 4, 1, 64, 1000},
                          {20, 8, 4, 128, 0},  {6, 8, 2, 128, 1030}, {1, 14, 2, 64, 299},
                          {11, 2, 1, 256, 60}, {16, 4, 2, 96, 7}};
    for (const Case& c : cases) {
      check_attention(c, std::nullopt, {});
    }
    const uint32_t n_heads = 8;
    const std::vector<float> sinks = test::random_floats(rng_, n_heads, 3.0f);
    struct Options { uint32_t t, p, window; float softcap, scale, temperature; bool sinks; };
    for (const Options& o : {Options{40, 0, 16, 0, 0, 0, false}, Options{33, 100, 16, 0, 0, 0, false},
                             Options{20, 10, 0, 0.5f, 0, 0, false}, Options{17, 60, 16, 0.5f, 0.25f, 0, false},
                             Options{30, 0, 0, 0, 0, 0.2f, false}, Options{40, 0, 0, 0, 0, 0, true},
                             Options{33, 100, 16, 0, 0, 0, true},
                             // Fewer tokens than lanes: the lanes are heads (decode's case).
                             Options{1, 60, 16, 0, 0, 0, false}, Options{3, 10, 0, 0.5f, 0.25f, 0, false},
                             Options{1, 40, 0, 0, 0, 0.2f, false}, Options{2, 100, 16, 0, 0, 0, true}}) {
      test::ops::AttentionScores scores{o.scale, o.softcap, o.temperature, 16, o.window};
      if (o.sinks) {
        scores.sinks = sinks;
      }
      check_attention({o.t, n_heads, 2, 64, o.p, 1}, std::nullopt, scores);
    }
    kernel_ = kernels::AttentionKernel::Auto;
  }

  void kv_store_writes_f16_at_positions() {
    const uint32_t n_kv_heads = 3, head_dim = 10, capacity = 50, n_tokens = 7;
    const auto k_new = test::random_floats(rng_, size_t(n_tokens) * n_kv_heads * head_dim);
    const auto v_new = test::random_floats(rng_, k_new.size());
    std::vector<uint32_t> all_positions(capacity);
    std::iota(all_positions.begin(), all_positions.end(), 0u);
    std::shuffle(all_positions.begin(), all_positions.end(), rng_);
    std::vector<uint32_t> positions(all_positions.begin(), all_positions.begin() + n_tokens);
    positions.back() = capacity;  // past the cache: must not be stored anywhere

    const size_t cache_elements = size_t(n_kv_heads) * capacity * head_dim;
    auto k_expected = to_halves(test::random_floats(rng_, cache_elements));
    auto v_expected = to_halves(test::random_floats(rng_, cache_elements));
    auto k_cache = device_buffer(*ctx_, k_expected);
    auto v_cache = device_buffer(*ctx_, v_expected);
    auto k_buf = device_buffer(*ctx_, k_new);
    auto v_buf = device_buffer(*ctx_, v_new);
    auto p_buf = device_buffer(*ctx_, positions);
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::kv_store(*ctx_, seq, k_buf.view(), v_buf.view(), p_buf.view(), k_cache.view(),
                      v_cache.view(), n_tokens, n_kv_heads, head_dim, capacity);
    seq.run();

    for (uint32_t t = 0; t + 1 < n_tokens; ++t) {
      for (uint32_t h = 0; h < n_kv_heads; ++h) {
        for (uint32_t d = 0; d < head_dim; ++d) {
          const size_t src = (size_t(t) * n_kv_heads + h) * head_dim + d;
          const size_t dst = (size_t(h) * capacity + positions[t]) * head_dim + d;
          k_expected[dst] = float_to_half(k_new[src]);
          v_expected[dst] = float_to_half(v_new[src]);
        }
      }
    }
    // Round to nearest even, as the reference; all untouched entries keep their old values.
    QCOMPARE(read_back<uint16_t>(*ctx_, k_cache, cache_elements), k_expected);
    QCOMPARE(read_back<uint16_t>(*ctx_, v_cache, cache_elements), v_expected);
  }

  void rope_kv_store_matches_rope_then_store_data() {
    QTest::addColumn<kernels::RopeOrdering>("ordering");
    QTest::addColumn<uint32_t>("head_dim");
    QTest::addColumn<uint32_t>("n_rot");
    for (auto ordering : {kernels::RopeOrdering::Normal, kernels::RopeOrdering::NeoX}) {
      const char* o = ordering == kernels::RopeOrdering::Normal ? "normal" : "neox";
      for (auto [dim, rot] : {std::pair{8u, 8u}, {64u, 64u}, {128u, 128u}, {80u, 32u}}) {
        QTest::addRow("%s_d%u_rot%u", o, dim, rot) << ordering << dim << rot;
      }
    }
  }
  void rope_kv_store_matches_rope_then_store() {
    QFETCH(kernels::RopeOrdering, ordering);
    QFETCH(uint32_t, head_dim);
    QFETCH(uint32_t, n_rot);
    const uint32_t n_tokens = 6, n_heads = 6, n_kv_heads = 2, capacity = 40;
    const double base = 10000.0;
    const auto q = test::random_floats(rng_, size_t(n_tokens) * n_heads * head_dim);
    const auto k_new = test::random_floats(rng_, size_t(n_tokens) * n_kv_heads * head_dim);
    const auto v_new = test::random_floats(rng_, k_new.size());
    std::vector<uint32_t> all_positions(capacity);
    std::iota(all_positions.begin(), all_positions.end(), 0u);
    std::shuffle(all_positions.begin(), all_positions.end(), rng_);
    std::vector<uint32_t> positions(all_positions.begin(), all_positions.begin() + n_tokens);
    positions.back() = capacity + 2;  // past the cache: not stored; q gets NaN (past the table)
    const uint32_t table_positions = capacity;
    const auto table = kernels::rope_table(n_rot, base, table_positions);

    const size_t cache_elements = size_t(n_kv_heads) * capacity * head_dim;
    const auto k_old = to_halves(test::random_floats(rng_, cache_elements));
    const auto v_old = to_halves(test::random_floats(rng_, cache_elements));
    auto q_buf = device_buffer(*ctx_, q);
    auto k_buf = device_buffer(*ctx_, k_new);
    auto v_buf = device_buffer(*ctx_, v_new);
    auto p_buf = device_buffer(*ctx_, positions);
    auto t_buf = device_buffer(*ctx_, table);
    auto k_cache = device_buffer(*ctx_, k_old);
    auto v_cache = device_buffer(*ctx_, v_old);
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::rope_kv_store(*ctx_, seq, ordering, q_buf.view(), k_buf.view(), v_buf.view(),
                           p_buf.view(), t_buf.view(), table_positions,
                           kernels::RopeShape{n_tokens, n_heads, n_kv_heads, head_dim, n_rot},
                           k_cache.view(), v_cache.view(), capacity);
    seq.run();

    const RopeOrder order =
        ordering == kernels::RopeOrdering::Normal ? RopeOrder::Normal : RopeOrder::NeoX;
    const size_t valid_q = size_t(n_tokens - 1) * n_heads * head_dim;
    const auto q_gpu = read_back<float>(*ctx_, q_buf, q.size());
    const auto q_ref = rope(q, positions, n_heads, head_dim, n_rot, base, order);
    const double q_error =
        test::relative_error(std::span(q_gpu).first(valid_q), std::span(q_ref).first(valid_q));
    QVERIFY2(q_error <= k_f32_tolerance, qPrintable(QString::number(q_error)));
    QVERIFY(std::isnan(q_gpu[valid_q]));

    // Expected caches: the old contents with the rotated k / plain v of each stored token.
    const auto k_rot = rope(k_new, positions, n_kv_heads, head_dim, n_rot, base, order);
    std::vector<double> k_expected(cache_elements), v_expected(cache_elements);
    for (size_t i = 0; i < cache_elements; ++i) {
      k_expected[i] = half_to_float(k_old[i]);
      v_expected[i] = half_to_float(v_old[i]);
    }
    for (uint32_t t = 0; t + 1 < n_tokens; ++t) {
      for (uint32_t h = 0; h < n_kv_heads; ++h) {
        for (uint32_t d = 0; d < head_dim; ++d) {
          const size_t src = (size_t(t) * n_kv_heads + h) * head_dim + d;
          const size_t dst = (size_t(h) * capacity + positions[t]) * head_dim + d;
          k_expected[dst] = k_rot[src];
          v_expected[dst] = v_new[src];
        }
      }
    }
    auto as_floats = [](const std::vector<uint16_t>& h) {
      std::vector<float> f(h.size());
      for (size_t i = 0; i < h.size(); ++i) f[i] = half_to_float(h[i]);
      return f;
    };
    const double k_error = test::relative_error(
        as_floats(read_back<uint16_t>(*ctx_, k_cache, cache_elements)), k_expected);
    const double v_error = test::relative_error(
        as_floats(read_back<uint16_t>(*ctx_, v_cache, cache_elements)), v_expected);
    qInfo("%s: q %.3g, k cache %.3g, v cache %.3g", QTest::currentDataTag(), q_error, k_error,
          v_error);
    QVERIFY2(k_error <= k_f16_tolerance, qPrintable(QString::number(k_error)));
    QVERIFY2(v_error <= k_f16_tolerance, qPrintable(QString::number(v_error)));
  }

  // Decode attention with RoPE and the KV store fused in, against rope (reference) of q and k,
  // the rotated k and v written into the f16 caches at the position, and attention (reference)
  // over the updated caches; the caches must hold exactly that afterwards.
  void attention_rope_store_matches_rope_store_then_attention_data() {
    QTest::addColumn<kernels::RopeOrdering>("ordering");
    QTest::addColumn<uint32_t>("n_heads");
    QTest::addColumn<uint32_t>("n_kv_heads");
    QTest::addColumn<uint32_t>("head_dim");
    QTest::addColumn<uint32_t>("n_rot");
    QTest::addColumn<uint32_t>("position");
    QTest::addColumn<uint32_t>("n_splits");
    QTest::addColumn<Reduction>("reduction");
    struct Shape { uint32_t heads, kv, dim, rot, position, splits; };
    const Shape shapes[] = {{8, 4, 8, 8, 0, 1},    {8, 4, 8, 8, 37, 1},   {4, 2, 64, 64, 130, 1},
                            {6, 2, 80, 32, 9, 1},  {4, 2, 64, 64, 300, 3}, {8, 4, 8, 8, 200, 2}};
    for (Reduction r : reductions()) {
      for (auto ordering : {kernels::RopeOrdering::Normal, kernels::RopeOrdering::NeoX}) {
        for (const Shape& sh : shapes) {
          QTest::addRow("%s_%s_h%u_kv%u_d%u_rot%u_p%u_split%u", name(r),
                        ordering == kernels::RopeOrdering::Normal ? "normal" : "neox", sh.heads,
                        sh.kv, sh.dim, sh.rot, sh.position, sh.splits)
              << ordering << sh.heads << sh.kv << sh.dim << sh.rot << sh.position << sh.splits << r;
        }
      }
    }
  }
  void attention_rope_store_matches_rope_store_then_attention() {
    QFETCH(kernels::RopeOrdering, ordering);
    QFETCH(uint32_t, n_heads);
    QFETCH(uint32_t, n_kv_heads);
    QFETCH(uint32_t, head_dim);
    QFETCH(uint32_t, n_rot);
    QFETCH(uint32_t, position);
    QFETCH(uint32_t, n_splits);
    QFETCH(Reduction, reduction);
    const uint32_t capacity = position + 5;
    const double base = 10000.0;
    const size_t cache_elements = size_t(n_kv_heads) * capacity * head_dim;
    const auto k_old = to_halves(test::random_floats(rng_, cache_elements, 2.0f));
    const auto v_old = to_halves(test::random_floats(rng_, cache_elements));
    const auto q = test::random_floats(rng_, size_t(n_heads) * head_dim);
    const auto k_new = test::random_floats(rng_, size_t(n_kv_heads) * head_dim, 2.0f);
    const auto v_new = test::random_floats(rng_, k_new.size());
    const std::vector<uint32_t> positions{position};
    const auto table = kernels::rope_table(n_rot, base, capacity);

    auto q_buf = device_buffer(*ctx_, q);
    auto k_buf = device_buffer(*ctx_, k_new);
    auto v_buf = device_buffer(*ctx_, v_new);
    auto p_buf = device_buffer(*ctx_, positions);
    auto t_buf = device_buffer(*ctx_, table);
    auto k_cache = device_buffer(*ctx_, k_old);
    auto v_cache = device_buffer(*ctx_, v_old);
    auto out_buf = ctx_->create_buffer(q.size() * sizeof(float));
    const kernels::AttentionShape shape{1, n_heads, n_kv_heads, head_dim, capacity};
    auto scratch = ctx_->create_buffer(kernels::attention_scratch_bytes(shape, n_splits));
    auto seq = ctx_->create_sequence();
    seq.begin();
    const kernels::DecodeRope fused{ordering, k_buf.view(), v_buf.view(), t_buf.view(), capacity,
                                   n_rot};
    kernels::attention_rope_store(*ctx_, seq, q_buf.view(), fused, p_buf.view(), k_cache.view(),
                                  v_cache.view(), out_buf.view(), shape, n_splits, scratch.view(),
                                  reduction);
    seq.run();

    const RopeOrder order =
        ordering == kernels::RopeOrdering::Normal ? RopeOrder::Normal : RopeOrder::NeoX;
    const auto q_rot = rope(q, positions, n_heads, head_dim, n_rot, base, order);
    const auto k_rot = rope(k_new, positions, n_kv_heads, head_dim, n_rot, base, order);
    auto k_expected = k_old;
    auto v_expected = v_old;
    for (uint32_t h = 0; h < n_kv_heads; ++h) {
      for (uint32_t d = 0; d < head_dim; ++d) {
        const size_t src = size_t(h) * head_dim + d;
        const size_t dst = (size_t(h) * capacity + position) * head_dim + d;
        k_expected[dst] = float_to_half(static_cast<float>(k_rot[src]));
        v_expected[dst] = float_to_half(v_new[src]);
      }
    }
    const std::vector<float> q_rot_f(q_rot.begin(), q_rot.end());
    const auto ref = attention(q_rot_f, k_expected, v_expected, positions, n_heads, n_kv_heads,
                               head_dim, capacity);
    const double error =
        test::relative_error(read_back<float>(*ctx_, out_buf, q.size()), ref);
    auto as_floats = [](const std::vector<uint16_t>& h) {
      std::vector<float> f(h.size());
      for (size_t i = 0; i < h.size(); ++i) f[i] = half_to_float(h[i]);
      return f;
    };
    const double k_error = test::relative_error(
        as_floats(read_back<uint16_t>(*ctx_, k_cache, cache_elements)), as_floats(k_expected));
    const double v_error = test::relative_error(
        as_floats(read_back<uint16_t>(*ctx_, v_cache, cache_elements)), as_floats(v_expected));
    qInfo("%s: out %.3g, k cache %.3g, v cache %.3g", QTest::currentDataTag(), error, k_error,
          v_error);
    QVERIFY2(error <= k_f16_tolerance, qPrintable(QString::number(error)));
    QVERIFY2(k_error <= k_f16_tolerance, qPrintable(QString::number(k_error)));
    QVERIFY2(v_error <= k_f16_tolerance, qPrintable(QString::number(v_error)));
  }

  // The path of a real forward pass: store a block's k/v into a cache that already holds the
  // earlier positions, barrier, attend; then one decode step replayed at the next position by
  // rewriting the positions buffer only.
  void kv_store_then_attention_prefill_and_replayed_decode() {
    const uint32_t n_heads = 8, n_kv_heads = 2, head_dim = 64, capacity = 300;
    const uint32_t p0 = 200, block = 13;
    const size_t cache_elements = size_t(n_kv_heads) * capacity * head_dim;
    auto k_cache_host = to_halves(test::random_floats(rng_, cache_elements));
    auto v_cache_host = to_halves(test::random_floats(rng_, cache_elements));
    auto k_cache = device_buffer(*ctx_, k_cache_host);
    auto v_cache = device_buffer(*ctx_, v_cache_host);

    auto store_and_attend = [&](uint32_t n_tokens, uint32_t first, kernels::Reduction r) {
      const auto q = test::random_floats(rng_, size_t(n_tokens) * n_heads * head_dim);
      const auto k_new = test::random_floats(rng_, size_t(n_tokens) * n_kv_heads * head_dim);
      const auto v_new = test::random_floats(rng_, k_new.size());
      std::vector<uint32_t> positions(n_tokens);
      std::iota(positions.begin(), positions.end(), first);
      for (uint32_t t = 0; t < n_tokens; ++t) {
        for (uint32_t h = 0; h < n_kv_heads; ++h) {
          for (uint32_t d = 0; d < head_dim; ++d) {
            const size_t src = (size_t(t) * n_kv_heads + h) * head_dim + d;
            const size_t dst = (size_t(h) * capacity + positions[t]) * head_dim + d;
            k_cache_host[dst] = float_to_half(k_new[src]);
            v_cache_host[dst] = float_to_half(v_new[src]);
          }
        }
      }
      auto q_buf = device_buffer(*ctx_, q);
      auto k_buf = device_buffer(*ctx_, k_new);
      auto v_buf = device_buffer(*ctx_, v_new);
      auto p_buf = device_buffer(*ctx_, positions);
      auto out_buf = ctx_->create_buffer(q.size() * sizeof(float));
      auto seq = ctx_->create_sequence();
      seq.begin();
      kernels::kv_store(*ctx_, seq, k_buf.view(), v_buf.view(), p_buf.view(), k_cache.view(),
                        v_cache.view(), n_tokens, n_kv_heads, head_dim, capacity);
      seq.barrier();  // k_cache, v_cache: kv_store writes -> attention reads
      kernels::attention(
          *ctx_, seq, q_buf.view(), k_cache.view(), v_cache.view(), p_buf.view(), out_buf.view(),
          kernels::AttentionShape{n_tokens, n_heads, n_kv_heads, head_dim, capacity}, r);
      seq.end();
      seq.submit_and_wait();
      const double error = test::relative_error(read_back<float>(*ctx_, out_buf, q.size()),
                                                attention(q, k_cache_host, v_cache_host, positions,
                                                          n_heads, n_kv_heads, head_dim, capacity));
      qInfo("kv_store + attention, %u tokens at %u: relative error %.3g", n_tokens, first, error);
      QVERIFY2(error <= k_f16_tolerance, qPrintable(QString::number(error)));
    };
    const Reduction r = kernels::best_reduction(ctx_->info());
    store_and_attend(block, p0, r);
    store_and_attend(1, p0 + block, r);
  }

  void decode_replays_at_new_position() {
    // Record once, then rewrite only the positions buffer between submissions.
    const uint32_t n_heads = 4, n_kv_heads = 2, head_dim = 32, capacity = 64;
    const size_t cache_elements = size_t(n_kv_heads) * capacity * head_dim;
    const auto k_cache = to_halves(test::random_floats(rng_, cache_elements));
    const auto v_cache = to_halves(test::random_floats(rng_, cache_elements));
    const auto q = test::random_floats(rng_, size_t(n_heads) * head_dim);
    auto q_buf = device_buffer(*ctx_, q);
    auto k_buf = device_buffer(*ctx_, k_cache);
    auto v_buf = device_buffer(*ctx_, v_cache);
    auto p_buf = ctx_->create_buffer(sizeof(uint32_t));
    auto out_buf = ctx_->create_buffer(q.size() * sizeof(float));
    auto seq = ctx_->create_sequence();
    seq.begin();
    kernels::attention(*ctx_, seq, q_buf.view(), k_buf.view(), v_buf.view(), p_buf.view(),
                       out_buf.view(),
                       kernels::AttentionShape{1, n_heads, n_kv_heads, head_dim, capacity});
    seq.end();
    for (uint32_t position : {0u, 5u, 63u}) {
      const std::vector<uint32_t> positions{position};
      ctx_->upload(p_buf.view(), std::span<const uint32_t>(positions));
      seq.submit_and_wait();
      const double error = test::relative_error(
          read_back<float>(*ctx_, out_buf, q.size()),
          attention(q, k_cache, v_cache, positions, n_heads, n_kv_heads, head_dim, capacity));
      QVERIFY2(error <= k_f16_tolerance,
               qPrintable(QString("position %1: %2").arg(position).arg(error)));
    }
  }

  void attention_position_past_capacity_gives_nan() {
    const uint32_t head_dim = 16, capacity = 4;
    const auto cache = to_halves(test::random_floats(rng_, size_t(capacity) * head_dim));
    const auto q = test::random_floats(rng_, head_dim);
    const std::vector<uint32_t> positions{capacity};
    auto q_buf = device_buffer(*ctx_, q);
    auto k_buf = device_buffer(*ctx_, cache);
    auto p_buf = device_buffer(*ctx_, positions);
    auto out_buf = ctx_->create_buffer(q.size() * sizeof(float));
    const kernels::AttentionShape shape{1, 1, 1, head_dim, capacity};
    auto scratch = ctx_->create_buffer(kernels::attention_scratch_bytes(shape, 3));
    for (uint32_t n_splits : {1u, 3u}) {
      ctx_->upload(out_buf.view(), std::span<const float>(q));
      auto seq = ctx_->create_sequence();
      seq.begin();
      kernels::attention_split(*ctx_, seq, q_buf.view(), k_buf.view(), k_buf.view(), p_buf.view(),
                               out_buf.view(), shape, n_splits, scratch.view());
      seq.run();
      for (float v : read_back<float>(*ctx_, out_buf, head_dim)) QVERIFY(std::isnan(v));
    }
  }

  void decode_attention_splits_fill_gpus_and_not_cpus() {
    vk::DeviceInfo gpu = ctx_->info();
    gpu.type = vk::DeviceType::Discrete;
    vk::DeviceInfo cpu = gpu;
    cpu.type = vk::DeviceType::Cpu;
    // Qwen2.5-0.5B-like decode at 4096 positions: 14 heads -> 10 splits wanted, 8 allowed.
    const kernels::AttentionShape long_cache{1, 14, 2, 64, 4096};
    QCOMPARE(kernels::decode_attention_splits(gpu, long_cache), 8u);
    QCOMPARE(kernels::decode_attention_splits(cpu, long_cache), 1u);
    // Short caches are not split; many heads need few splits.
    QCOMPARE(kernels::decode_attention_splits(gpu, kernels::AttentionShape{1, 8, 4, 8, 512}), 1u);
    QCOMPARE(kernels::decode_attention_splits(gpu, kernels::AttentionShape{1, 64, 8, 128, 8192}),
             2u);
  }

  void attention_rejects_heads_not_multiple_of_kv_heads() {
    auto buf = ctx_->create_buffer(256);
    auto seq = ctx_->create_sequence();
    seq.begin();
    QVERIFY_THROWS_EXCEPTION(
        Error, kernels::attention(*ctx_, seq, buf.view(), buf.view(), buf.view(), buf.view(),
                                  buf.view(), kernels::AttentionShape{1, 6, 4, 8, 4}));
    QVERIFY_THROWS_EXCEPTION(
        Error, kernels::attention(*ctx_, seq, buf.view(), buf.view(), buf.view(), buf.view(),
                                  buf.view(), kernels::AttentionShape{1, 4, 4, 4096, 4}));
    seq.end();
  }
};

QTEST_APPLESS_MAIN(TestOpsAttention)
#include "tst_ops_attention.moc"
