// Random-weight models (model/random_model.h, sikao-bench make-model): the written file parses
// with the GGUF reader with the shapes, types and metadata asked for; the quantisation mix is
// llama.cpp's; a tiny model loads and gives finite logits; bad arguments are refused clearly.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include "common/error.h"
#include "engine.h"
#include "gguf/gguf.h"
#include "gguf/split.h"
#include "model/random_model.h"
#include "quant/quant.h"
#include "support/test_support.h"
#include "tokenizer/tokenizer.h"

using sikao::gguf::TensorType;
using namespace sikao::model;

namespace {

ModelShape tiny_shape(Architecture arch) {
  ModelShape s;
  s.architecture = arch;
  s.n_vocab = 320;
  s.n_embd = 256;
  s.n_layer = 3;
  s.n_head = 4;
  s.n_head_kv = 2;
  s.n_ff = 512;
  s.n_ctx = 128;
  s.rope_base = 500000.0f;
  return s;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The layers llama.cpp's Q4_K_M gives Q6_K attn_v / ffn_down, worked out by hand from
// use_more_bits (first n/8, last n/8, and every third layer from n/8 + 2).
const std::set<uint32_t> k_more_bits_24 = {0, 1, 2, 5, 8, 11, 14, 17, 20, 21, 22, 23};
const std::set<uint32_t> k_more_bits_28 = {0, 1, 2, 5, 8, 11, 14, 17, 20, 23, 24, 25, 26, 27};

TensorType type_of(const std::vector<RandomTensor>& tensors, const std::string& name) {
  for (const auto& t : tensors) {
    if (t.spec.name == name) return t.spec.type;
  }
  throw std::runtime_error("no tensor " + name);
}

struct BenchResult {
  int exit_code = -1;
  QString err;
};

BenchResult run_make_model(const QStringList& args) {
  QProcess p;
  p.start(QStringLiteral(SIKAO_BENCH_PATH), QStringList{"make-model"} + args);
  if (!p.waitForFinished(60000)) return {};
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestRandomModel : public QObject {
  Q_OBJECT

  QTemporaryDir dir_;
  std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

  // The model of `o` with a fresh seed (logged), written to `name` and loaded at `context_length`.
  std::unique_ptr<sikao::Model> load_random_model(RandomModelOptions& o, const char* name,
                                                  uint32_t context_length) {
    o.seed = sikao::test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(o.seed));
    const std::string file = path(name);
    o.overwrite = sikao::gguf::Overwrite::Replace;
    write_random_model(file, o);
    sikao::LoadOptions load;
    load.context_length = context_length;
    return sikao::Model::load(file, load);
  }

 private slots:
  void written_file_has_the_requested_shapes_types_and_metadata() {
    RandomModelOptions o;
    o.shape = tiny_shape(Architecture::Qwen2);
    o.file_type = FileType::Q8_0;
    o.seed = 7;
    const std::string file = path("qwen2-q8.gguf");
    write_random_model(file, o);

    const auto g = sikao::gguf::GgufFile::open(file);
    QCOMPARE(g.get_string("general.architecture").value(), std::string("qwen2"));
    QCOMPARE(g.get_uint("general.file_type").value(), uint64_t(7));  // LLAMA_FTYPE_MOSTLY_Q8_0
    QCOMPARE(g.get_uint("qwen2.embedding_length").value(), uint64_t(256));
    QCOMPARE(g.get_uint("qwen2.block_count").value(), uint64_t(3));
    QCOMPARE(g.get_uint("qwen2.feed_forward_length").value(), uint64_t(512));
    QCOMPARE(g.get_uint("qwen2.attention.head_count").value(), uint64_t(4));
    QCOMPARE(g.get_uint("qwen2.attention.head_count_kv").value(), uint64_t(2));
    QCOMPARE(g.get_uint("qwen2.context_length").value(), uint64_t(128));
    QCOMPARE(g.get_float("qwen2.rope.freq_base").value(), 500000.0);
    QCOMPARE(g.get_array_size("tokenizer.ggml.tokens").value(), uint64_t(320));
    QCOMPARE(g.get_string("tokenizer.ggml.model").value(), std::string("gpt2"));

    // 2 + 1 untied output + 3 layers × (4 norms/matrices of attention + 3 biases + 4 of the FFN).
    QCOMPARE(g.tensors().size(), size_t(3 + 3 * 12));
    const auto expect = [&](const std::string& name, TensorType type, std::vector<uint64_t> dims) {
      const auto* t = g.find_tensor(name);
      QVERIFY2(t, name.c_str());
      QCOMPARE(t->dims, dims);
      QCOMPARE(int(t->type), int(type));
    };
    expect("token_embd.weight", TensorType::Q8_0, {256, 320});
    expect("output.weight", TensorType::Q8_0, {256, 320});
    expect("output_norm.weight", TensorType::F32, {256});
    expect("blk.2.attn_q.weight", TensorType::Q8_0, {256, 256});
    expect("blk.2.attn_k.weight", TensorType::Q8_0, {256, 128});
    expect("blk.2.attn_v.bias", TensorType::F32, {128});
    expect("blk.2.attn_output.weight", TensorType::Q8_0, {256, 256});
    expect("blk.2.ffn_down.weight", TensorType::Q8_0, {512, 256});
    expect("blk.2.ffn_up.weight", TensorType::Q8_0, {256, 512});
  }

  void weights_have_the_documented_distribution() {
    RandomModelOptions o;
    o.shape = tiny_shape(Architecture::Llama);
    o.file_type = FileType::F32;
    const std::string file = path("llama-f32.gguf");
    write_random_model(file, o);
    const auto g = sikao::gguf::GgufFile::open(file);
    const auto moments = [&](const std::string& name) {
      const auto* t = g.find_tensor(name);
      std::vector<float> v(t->elements);
      sikao::quant::dequantize_row(TensorType::F32, g.tensor_data(*t), v);
      double sum = 0, sq = 0;
      for (float x : v) sum += x;
      const double mean = sum / double(v.size());
      for (float x : v) sq += (x - mean) * (x - mean);
      return std::pair{mean, std::sqrt(sq / double(v.size()))};
    };
    const auto [down_mean, down_sd] = moments("blk.1.ffn_down.weight");  // n_in 512
    QVERIFY2(std::abs(down_mean) < 0.005, qPrintable(QString::number(down_mean)));
    QVERIFY2(std::abs(down_sd * std::sqrt(512.0) - 1.0) < 0.02, qPrintable(QString::number(down_sd)));
    const auto [q_mean, q_sd] = moments("blk.0.attn_q.weight");  // n_in 256
    QVERIFY2(std::abs(q_sd * 16.0 - 1.0) < 0.02, qPrintable(QString::number(q_sd)));
    const auto [norm_mean, norm_sd] = moments("blk.0.attn_norm.weight");
    QVERIFY2(std::abs(norm_mean - 1.0) < 0.02 && norm_sd < 0.1, qPrintable(QString::number(norm_mean)));
  }

  void same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    RandomModelOptions o;
    o.shape = tiny_shape(Architecture::Qwen3);
    o.file_type = FileType::Q4_K_M;
    o.seed = 11;
    write_random_model(path("a.gguf"), o);
    write_random_model(path("b.gguf"), o);
    o.seed = 12;
    write_random_model(path("c.gguf"), o);
    QCOMPARE(read_bytes(path("a.gguf")), read_bytes(path("b.gguf")));
    QVERIFY(read_bytes(path("a.gguf")) != read_bytes(path("c.gguf")));
  }

  void q4_k_m_gives_q6_k_to_attn_v_and_ffn_down_in_the_more_bits_layers() {
    const auto tensors = random_model_tensors(*shape_preset("qwen2-1.5b"), FileType::Q4_K_M);
    for (uint32_t l = 0; l < 28; ++l) {
      const auto want = k_more_bits_28.count(l) ? TensorType::Q6_K : TensorType::Q4_K;
      const std::string blk = "blk." + std::to_string(l) + ".";
      QCOMPARE(int(type_of(tensors, blk + "attn_v.weight")), int(want));
      QCOMPARE(int(type_of(tensors, blk + "ffn_down.weight")), int(want));
      for (const char* other : {"attn_q.weight", "attn_k.weight", "attn_output.weight",
                                "ffn_gate.weight", "ffn_up.weight"}) {
        QCOMPARE(int(type_of(tensors, blk + other)), int(TensorType::Q4_K));
      }
      QCOMPARE(int(type_of(tensors, blk + "attn_q.bias")), int(TensorType::F32));
    }
    // Tied: the embedding is also the output matrix, so it gets the output's Q6_K.
    QCOMPARE(int(type_of(tensors, "token_embd.weight")), int(TensorType::Q6_K));
  }

  void q4_k_m_falls_back_where_rows_are_not_whole_super_blocks() {
    // qwen2-0.5b: n_embd 896 = 3.5 × 256, so matrices reading the residual stream cannot be
    // k-quants: Q4_K → Q5_0, Q6_K → Q8_0; ffn_down reads 4864 = 19 × 256 and keeps k-quants.
    const auto tensors = random_model_tensors(*shape_preset("qwen2-0.5b"), FileType::Q4_K_M);
    for (uint32_t l = 0; l < 24; ++l) {
      const bool more = k_more_bits_24.count(l) != 0;
      const std::string blk = "blk." + std::to_string(l) + ".";
      QCOMPARE(int(type_of(tensors, blk + "attn_v.weight")),
               int(more ? TensorType::Q8_0 : TensorType::Q5_0));
      QCOMPARE(int(type_of(tensors, blk + "ffn_down.weight")),
               int(more ? TensorType::Q6_K : TensorType::Q4_K));
      QCOMPARE(int(type_of(tensors, blk + "attn_q.weight")), int(TensorType::Q5_0));
      QCOMPARE(int(type_of(tensors, blk + "ffn_up.weight")), int(TensorType::Q5_0));
    }
    QCOMPARE(int(type_of(tensors, "token_embd.weight")), int(TensorType::Q8_0));
  }

  void untied_output_gets_q6_k_and_the_embedding_keeps_the_base_type() {
    ModelShape s = tiny_shape(Architecture::Llama);
    const auto tensors = random_model_tensors(s, FileType::Q4_K_M);
    QCOMPARE(int(type_of(tensors, "output.weight")), int(TensorType::Q6_K));
    QCOMPARE(int(type_of(tensors, "token_embd.weight")), int(TensorType::Q4_K));
    // Q4_0 files also get a Q6_K output matrix (llama.cpp: any base but Q8_0).
    QCOMPARE(int(type_of(random_model_tensors(s, FileType::Q4_0), "output.weight")),
             int(TensorType::Q6_K));
    QCOMPARE(int(type_of(random_model_tensors(s, FileType::Q8_0), "output.weight")),
             int(TensorType::Q8_0));
  }

  void q4_k_m_file_on_disk_carries_the_mix() {
    RandomModelOptions o;
    o.shape = tiny_shape(Architecture::Qwen2);
    o.shape.n_layer = 8;  // more bits: 0 (< 8/8), 7 (>= 56/8), 3 and 6 ((l - 1) % 3 == 2)
    o.file_type = FileType::Q4_K_M;
    const std::string file = path("mix.gguf");
    write_random_model(file, o);
    const auto g = sikao::gguf::GgufFile::open(file);
    const std::set<uint32_t> more = {0, 3, 6, 7};
    for (uint32_t l = 0; l < 8; ++l) {
      const auto want = more.count(l) ? TensorType::Q6_K : TensorType::Q4_K;
      const std::string blk = "blk." + std::to_string(l) + ".";
      QCOMPARE(int(g.find_tensor(blk + "attn_v.weight")->type), int(want));
      QCOMPARE(int(g.find_tensor(blk + "ffn_down.weight")->type), int(want));
      QCOMPARE(int(g.find_tensor(blk + "attn_k.weight")->type), int(TensorType::Q4_K));
    }
  }

  void mxfp4_moe_gives_the_experts_mxfp4_and_every_other_matrix_q8_0() {
    const auto tensors = random_model_tensors(*shape_preset("test-qwen3moe"), FileType::MXFP4_MOE);
    for (const char* expert : {"ffn_gate_exps.weight", "ffn_up_exps.weight", "ffn_down_exps.weight"}) {
      QCOMPARE(int(type_of(tensors, std::string("blk.1.") + expert)), int(TensorType::MXFP4));
    }
    for (const char* matrix : {"blk.0.attn_q.weight", "blk.1.attn_output.weight", "output.weight",
                               "token_embd.weight"}) {
      QCOMPARE(int(type_of(tensors, matrix)), int(TensorType::Q8_0));
    }
    QCOMPARE(int(type_of(tensors, "blk.0.ffn_gate_inp.weight")), int(TensorType::F32));
    QCOMPARE(int(type_of(tensors, "blk.0.attn_q_norm.weight")), int(TensorType::F32));
  }

  void tensor_type_overrides_pick_the_first_matching_pattern() {
    const ModelShape s = *shape_preset("test-qwen3moe");
    const std::vector<TensorTypeOverride> overrides = {
        parse_tensor_type_override("BLK\\.1\\.ffn_down=q4_0"),  // lower-cased, as llama-quantize does
        parse_tensor_type_override("ffn_.*_exps=MXFP4"),
        parse_tensor_type_override("attn_q=Q4_K"),
        parse_tensor_type_override("norm=Q4_0")};  // norms are never quantised
    const auto tensors = random_model_tensors(s, FileType::Q8_0, overrides);
    QCOMPARE(int(type_of(tensors, "blk.1.ffn_down_exps.weight")), int(TensorType::Q4_0));
    QCOMPARE(int(type_of(tensors, "blk.0.ffn_down_exps.weight")), int(TensorType::MXFP4));
    QCOMPARE(int(type_of(tensors, "blk.1.ffn_up_exps.weight")), int(TensorType::MXFP4));
    QCOMPARE(int(type_of(tensors, "blk.0.attn_q.weight")), int(TensorType::Q4_K));
    QCOMPARE(int(type_of(tensors, "blk.0.attn_k.weight")), int(TensorType::Q8_0));
    QCOMPARE(int(type_of(tensors, "blk.0.attn_q_norm.weight")), int(TensorType::F32));
    // A float file type takes no overrides (llama-quantize would ignore them silently).
    QVERIFY_THROWS_EXCEPTION(sikao::Error, random_model_tensors(s, FileType::F16, overrides));
    for (const char* bad : {"ffn_down", "=Q4_0", "ffn_down=", "ffn=Q9_9", "ffn=Q8_K", "ffn[=Q4_0"}) {
      QVERIFY_THROWS_EXCEPTION(sikao::Error, parse_tensor_type_override(bad));
    }
  }

  // Qwen3.5's mix, as llama-quantize makes it from the F32 file: its DeltaNet layers' attn_qkv
  // counts as attn_v (Q6_K on use_more_bits layers, which here are 0, 3, 6 and 7: both kinds),
  // the convolution's taps stay F32, the β/α/gate/out projections take the base type.
  // With experts (qwen35moe) the shared expert's down projection follows ffn_down's rule too.
  void qwen35_q4_k_m_types_equal_llama_quantize_data() {
    QTest::addColumn<QString>("preset");
    QTest::newRow("qwen35") << "test-qwen35";
    QTest::newRow("qwen35moe") << "test-qwen35moe";
  }
  void qwen35_q4_k_m_types_equal_llama_quantize() {
    SIKAO_REQUIRE_SHARED();
    QFETCH(QString, preset);
    RandomModelOptions o;
    o.shape = *shape_preset(preset.toStdString());
    o.seed = 3;
    o.overwrite = sikao::gguf::Overwrite::Replace;
    o.file_type = FileType::F32;
    write_random_model(path("qwen35-f32.gguf"), o);
    o.file_type = FileType::Q4_K_M;
    write_random_model(path("qwen35-ours.gguf"), o);
    QProcess p;
    p.start(QString::fromStdString(sikao::test::shared_path("tools/llama.cpp/cpu-2026/llama-quantize")),
            {QString::fromStdString(path("qwen35-f32.gguf")),
             QString::fromStdString(path("qwen35-llama.gguf")), "Q4_K_M", "1"});
    QVERIFY2(p.waitForStarted(10000), "llama-quantize from ../shared/tools does not start");
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
             p.readAllStandardError().right(2000).constData());
    const auto ours = sikao::gguf::GgufFile::open(path("qwen35-ours.gguf"));
    const auto theirs = sikao::gguf::GgufFile::open(path("qwen35-llama.gguf"));
    QCOMPARE(ours.tensors().size(), theirs.tensors().size());
    std::map<TensorType, size_t> types;
    for (const auto& t : ours.tensors()) {
      const auto* u = theirs.find_tensor(t.name);
      QVERIFY2(u && t.dims == u->dims, t.name.c_str());
      QVERIFY2(t.type == u->type,
               qPrintable(QString("%1: %2, llama-quantize %3")
                              .arg(QString::fromStdString(t.name), sikao::gguf::traits(t.type).name.data(),
                                   sikao::gguf::traits(u->type).name.data())));
      ++types[t.type];
    }
    QVERIFY(types[TensorType::Q6_K] > 0 && types[TensorType::Q4_K] > 0);
  }

  // llama-quantize (../shared/tools, the instrument) on the F32 file of the same seed against
  // make-model's MXFP4_MOE file: the same tensor types and shapes, and the same bytes for every
  // MXFP4 expert stack and F32 vector. The Q8_0 matrices differ by at most one code per weight:
  // ggml rounds x · (1 / d) with the f32 scale d, Sikao's quantiser x / d with d as stored in
  // f16 (the golden family models' sha256s pin that). With the other matrices overridden to F16
  // on both sides (--tensor-type, which both tools read the same way), every byte is equal.
  void mxfp4_moe_file_equals_llama_quantize_output_byte_for_byte() {
    SIKAO_REQUIRE_SHARED();
    RandomModelOptions o;
    o.shape = *shape_preset("test-qwen3moe");
    o.shape.n_ff_exp = 96;  // rows of 3 MXFP4 blocks, 51 bytes: odd sizes all through the file
    o.seed = sikao::test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(o.seed));
    o.overwrite = sikao::gguf::Overwrite::Replace;
    o.file_type = FileType::F32;
    write_random_model(path("moe-f32.gguf"), o);

    const QString f16_elsewhere = "token_embd|output|attn=F16";
    for (const bool override_f16 : {false, true}) {
      o.file_type = FileType::MXFP4_MOE;
      o.tensor_types.clear();
      QStringList args = {QString::fromStdString(path("moe-f32.gguf")),
                          QString::fromStdString(path("moe-llama.gguf")), "MXFP4_MOE", "1"};
      if (override_f16) {
        o.tensor_types.push_back(parse_tensor_type_override(f16_elsewhere.toStdString()));
        args.prepend(f16_elsewhere);
        args.prepend("--tensor-type");
      }
      write_random_model(path("moe-ours.gguf"), o);
      QProcess p;
      p.start(QString::fromStdString(sikao::test::shared_path("tools/llama.cpp/cpu-2026/llama-quantize")), args);
      QVERIFY2(p.waitForStarted(10000), "llama-quantize from ../shared/tools does not start");
      QVERIFY(p.waitForFinished(120000));
      QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
               p.readAllStandardError().right(2000).constData());

      const auto ours = sikao::gguf::GgufFile::open(path("moe-ours.gguf"));
      const auto theirs = sikao::gguf::GgufFile::open(path("moe-llama.gguf"));
      QCOMPARE(ours.tensors().size(), theirs.tensors().size());
      std::map<TensorType, size_t> identical;
      for (const auto& t : ours.tensors()) {
        const auto* u = theirs.find_tensor(t.name);
        QVERIFY2(u && t.type == u->type && t.dims == u->dims, t.name.c_str());
        const auto a = ours.tensor_data(t);
        const auto b = theirs.tensor_data(*u);
        if (a == b) {
          ++identical[t.type];
          continue;
        }
        QVERIFY2(t.type == TensorType::Q8_0 && !override_f16,
                 qPrintable(QString("%1 (%2) differs from llama-quantize's")
                                .arg(QString::fromStdString(t.name), sikao::gguf::traits(t.type).name.data())));
        // Same f16 scales, codes at most one apart.
        for (size_t block = 0; block < a.size(); block += 34) {
          QVERIFY(a[block] == b[block] && a[block + 1] == b[block + 1]);
          for (size_t j = block + 2; j < block + 34; ++j) {
            QVERIFY(std::abs(int(int8_t(a[j])) - int(int8_t(b[j]))) <= 1);
          }
        }
      }
      QCOMPARE(identical[TensorType::MXFP4], size_t(3 * o.shape.n_layer));
      if (override_f16) {
        QCOMPARE(identical[TensorType::F16], size_t(4 * o.shape.n_layer + 2));
        QCOMPARE(identical[TensorType::MXFP4] + identical[TensorType::F16] + identical[TensorType::F32],
                 ours.tensors().size());
      }
    }
  }

  void tiny_models_load_and_give_finite_logits_data() {
    QTest::addColumn<int>("arch");
    QTest::addColumn<int>("type");
    QTest::newRow("llama Q4_K_M") << int(Architecture::Llama) << int(FileType::Q4_K_M);
    QTest::newRow("qwen2 Q8_0") << int(Architecture::Qwen2) << int(FileType::Q8_0);
    QTest::newRow("qwen2 Q4_K_M") << int(Architecture::Qwen2) << int(FileType::Q4_K_M);
    QTest::newRow("qwen3 F16") << int(Architecture::Qwen3) << int(FileType::F16);
    QTest::newRow("qwen3moe MXFP4_MOE") << int(Architecture::Qwen3Moe) << int(FileType::MXFP4_MOE);
  }

  void tiny_models_load_and_give_finite_logits() {
    QFETCH(int, arch);
    QFETCH(int, type);
    RandomModelOptions o;
    o.shape = tiny_shape(static_cast<Architecture>(arch));
    o.shape.tied_output = arch != int(Architecture::Llama);
    if (arch == int(Architecture::Qwen3Moe)) {
      o.shape.n_expert = 8, o.shape.n_expert_used = 2;
      o.shape.n_ff_exp = 96;  // MXFP4 down-projection rows of 51 bytes
    }
    o.file_type = static_cast<FileType>(type);
    auto model = load_random_model(o, "load.gguf", 64);
    QCOMPARE(model->config().n_vocab, 320u);
    QCOMPARE(model->config().tied_output, o.shape.tied_output);
    const auto ids = model->tokenizer().encode("hello, world", false, false);
    QVERIFY(!ids.empty());
    QCOMPARE(model->tokenizer().decode(ids), std::string("hello, world"));

    sikao::Session session(*model);
    const std::vector<int32_t> prompt(ids.begin(), ids.end());
    const auto logits = session.evaluate(prompt);
    QCOMPARE(logits.size(), size_t(320));
    float lo = logits[0], hi = logits[0];
    for (float x : logits) {
      QVERIFY2(std::isfinite(x), "non-finite logit");
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
    QVERIFY2(hi - lo > 1e-3f, "all logits equal: the weights did not reach the output");
    const auto next = session.decode(ids.back());
    for (float x : next) QVERIFY(std::isfinite(x));
  }

  void built_pipelines_serve_a_prompt_and_its_answer_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("arch");
    QTest::addColumn<int>("type");
    // Whether the prompt then builds nothing: not with experts, whose batched products take a
    // matmul tile by the tokens each expert is routed (MXFP4 has no CPU matmul kernel).
    QTest::addColumn<bool>("all_built");
    QTest::newRow("llama Q4_K_M") << QString() << int(Architecture::Llama) << int(FileType::Q4_K_M)
                                  << true;
    QTest::newRow("qwen3moe MXFP4_MOE") << QString() << int(Architecture::Qwen3Moe)
                                        << int(FileType::MXFP4_MOE) << false;
    // DeltaNet layers: a recurrent state the passes write, which the prompt must start afresh.
    QTest::newRow("qwen35 Q8_0") << "test-qwen35" << 0 << int(FileType::Q8_0) << true;
  }

  // Session::build_pipelines builds what a prompt of more tokens than a GPU matmul tile (40
  // here; its batch is 64 tokens on GPUs, 8 on lavapipe) and its decode steps run, leaves nothing of its own passes in what a prompt then
  // computes, and builds nothing once keep_going() is false.
  void built_pipelines_serve_a_prompt_and_its_answer() {
    QFETCH(QString, preset);
    QFETCH(int, arch);
    QFETCH(int, type);
    QFETCH(bool, all_built);
    RandomModelOptions o;
    if (preset.isEmpty()) {
      o.shape = tiny_shape(static_cast<Architecture>(arch));
    } else {
      o.shape = *shape_preset(preset.toStdString());
    }
    if (o.shape.architecture == Architecture::Qwen3Moe) {
      o.shape.n_expert = 8, o.shape.n_expert_used = 2, o.shape.n_ff_exp = 96;
    }
    o.file_type = static_cast<FileType>(type);
    auto model = load_random_model(o, "build.gguf", 128);
    std::mt19937 rng(static_cast<uint32_t>(o.seed));
    std::vector<int32_t> prompt(40);
    for (auto& t : prompt) t = static_cast<int32_t>(rng() % model->config().n_vocab);

    const size_t after_load = model->pipeline_count();
    sikao::Session session(*model);
    int asked = 0;
    session.build_pipelines([&] { return ++asked, false; });
    QCOMPARE(asked, 1);
    QCOMPARE(model->pipeline_count(), after_load);

    // A short conversation first: the passes overwrite its cache, which then holds nothing.
    session.evaluate(std::vector<int32_t>(prompt.begin(), prompt.begin() + 5));
    QCOMPARE(session.cached_tokens().size(), size_t(5));
    session.build_pipelines([] { return true; });
    QVERIFY(session.cached_tokens().empty());
    const size_t built = model->pipeline_count();
    QVERIFY(built > after_load);

    const std::vector<float> logits = session.evaluate(prompt);
    std::vector<std::vector<float>> steps;
    for (int32_t t : {3, 5, 7}) steps.push_back(session.decode(t));
    if (all_built) QCOMPARE(model->pipeline_count(), built);

    // The same numbers as a session that built nothing first.
    sikao::Session plain(*model);
    QCOMPARE(plain.evaluate(prompt), logits);
    for (size_t i = 0; i < steps.size(); ++i) QCOMPARE(plain.decode(3 + 2 * int32_t(i)), steps[i]);
  }

  // gpt-oss-20b's tensors as llama.cpp's loader (src/models/openai-moe.cpp) asks for them: the
  // FFN's norm named post_attention_norm, sinks per head, biases on the attention output, the
  // router and each expert (one row per expert), no ffn_norm.
  void gpt_oss_preset_has_llama_cpps_tensors() {
    const auto tensors = random_model_tensors(*shape_preset("gpt-oss-20b"), FileType::Q8_0);
    std::map<std::string, std::vector<uint64_t>> dims;
    for (const auto& t : tensors) dims[t.spec.name] = t.spec.dims;
    using D = std::vector<uint64_t>;
    QCOMPARE(dims.at("blk.3.attn_q.weight"), (D{2880, 4096}));
    QCOMPARE(dims.at("blk.3.attn_q.bias"), (D{4096}));
    QCOMPARE(dims.at("blk.3.attn_k.weight"), (D{2880, 512}));
    QCOMPARE(dims.at("blk.3.attn_output.weight"), (D{4096, 2880}));
    QCOMPARE(dims.at("blk.3.attn_output.bias"), (D{2880}));
    QCOMPARE(dims.at("blk.3.attn_sinks.weight"), (D{64}));
    QCOMPARE(dims.at("blk.3.post_attention_norm.weight"), (D{2880}));
    QCOMPARE(dims.at("blk.3.ffn_gate_inp.weight"), (D{2880, 32}));
    QCOMPARE(dims.at("blk.3.ffn_gate_inp.bias"), (D{32}));
    QCOMPARE(dims.at("blk.3.ffn_gate_exps.weight"), (D{2880, 2880, 32}));
    QCOMPARE(dims.at("blk.3.ffn_gate_exps.bias"), (D{2880, 32}));
    QCOMPARE(dims.at("blk.3.ffn_up_exps.bias"), (D{2880, 32}));
    QCOMPARE(dims.at("blk.3.ffn_down_exps.bias"), (D{2880, 32}));
    QCOMPARE(dims.at("output.weight"), (D{2880, 201088}));
    QVERIFY(!dims.contains("blk.3.ffn_norm.weight"));
    QCOMPARE(type_of(tensors, "blk.3.attn_sinks.weight"), TensorType::F32);
    QCOMPARE(type_of(tensors, "blk.3.ffn_down_exps.bias"), TensorType::F32);
    QCOMPARE(type_of(tensors, "blk.3.ffn_gate_inp.weight"), TensorType::F32);
  }

  // The tiny gpt-oss reads back as llama.cpp reads it: a window on even layers (set_swa_pattern(2))
  // with the same RoPE as the full layers (one table, YaRN), top-k-then-softmax routing without
  // normalisation, the clamped SwiGLU.
  void gpt_oss_file_reads_back_with_windows_on_even_layers() {
    RandomModelOptions o;
    o.shape = *shape_preset("test-gpt-oss");
    o.file_type = FileType::Q8_0;
    o.overwrite = sikao::gguf::Overwrite::Replace;
    const std::string file = path("gpt-oss.gguf");
    write_random_model(file, o);
    const auto gguf = sikao::gguf::GgufFile::open(file);
    const ModelConfig c = read_config(gguf);
    QCOMPARE(c.arch.architecture, Architecture::GptOss);
    QCOMPARE(c.n_layer, 3u);
    QCOMPARE(c.layers[0].window, 32u);
    QCOMPARE(c.layers[1].window, 0u);
    QCOMPARE(c.layers[2].window, 32u);
    QCOMPARE(c.rope_variants.size(), size_t(1));
    QCOMPARE(c.layers[0].rope, 0u);
    QVERIFY(c.rope_variants[0].scaling.ext_factor > 0.0);  // YaRN
    QCOMPARE(c.q_dim(), 512u);
    QCOMPARE(c.n_expert, 16u);
    QCOMPARE(c.expert_routing().gating, sikao::kernels::ExpertGating::TopKThenSoftmax);
    QVERIFY(!c.expert_routing().normalize);
    QCOMPARE(c.arch.activation, sikao::kernels::GateActivation::SwiGluOai);
    QCOMPARE(gguf.get_string("tokenizer.ggml.pre").value_or(""), std::string("gpt-4o"));
  }

  // Qwen3.5-0.8B's tensors as llama.cpp's loader (src/models/qwen35.cpp) asks for them: DeltaNet
  // layers 0-2 with attn_qkv, attn_gate and the ssm_* tensors and no attention; layer 3 with q
  // twice as wide (queries and their gates), QK-norms and attn_output; the FFN's norm named
  // post_attention_norm everywhere.
  void qwen35_preset_has_llama_cpps_tensors() {
    const auto tensors = random_model_tensors(*shape_preset("qwen35-0.8b"), FileType::Q4_K_M);
    std::map<std::string, std::vector<uint64_t>> dims;
    for (const auto& t : tensors) dims[t.spec.name] = t.spec.dims;
    using D = std::vector<uint64_t>;
    QCOMPARE(dims.at("blk.0.attn_qkv.weight"), (D{1024, 6144}));
    QCOMPARE(dims.at("blk.0.attn_gate.weight"), (D{1024, 2048}));
    QCOMPARE(dims.at("blk.0.ssm_conv1d.weight"), (D{4, 6144}));
    QCOMPARE(dims.at("blk.0.ssm_dt.bias"), (D{16}));
    QCOMPARE(dims.at("blk.0.ssm_a"), (D{16}));
    QCOMPARE(dims.at("blk.0.ssm_beta.weight"), (D{1024, 16}));
    QCOMPARE(dims.at("blk.0.ssm_alpha.weight"), (D{1024, 16}));
    QCOMPARE(dims.at("blk.0.ssm_norm.weight"), (D{128}));
    QCOMPARE(dims.at("blk.0.ssm_out.weight"), (D{2048, 1024}));
    QCOMPARE(dims.at("blk.0.post_attention_norm.weight"), (D{1024}));
    QVERIFY(!dims.contains("blk.0.attn_q.weight") && !dims.contains("blk.0.attn_output.weight"));
    QCOMPARE(dims.at("blk.3.attn_q.weight"), (D{1024, 4096}));
    QCOMPARE(dims.at("blk.3.attn_k.weight"), (D{1024, 512}));
    QCOMPARE(dims.at("blk.3.attn_q_norm.weight"), (D{256}));
    QCOMPARE(dims.at("blk.3.attn_output.weight"), (D{2048, 1024}));
    QVERIFY(!dims.contains("blk.3.ssm_a") && !dims.contains("blk.3.ffn_norm.weight"));
    QVERIFY(!dims.contains("output.weight"));  // tied
    QCOMPARE(type_of(tensors, "blk.0.ssm_conv1d.weight"), TensorType::F32);
    QCOMPARE(type_of(tensors, "blk.0.attn_qkv.weight"), TensorType::Q6_K);  // use_more_bits(0)
    QCOMPARE(type_of(tensors, "blk.4.attn_qkv.weight"), TensorType::Q4_K);
  }

  // Qwen3.6-35B-A3B's FFN as llama.cpp's loader (src/models/qwen35moe.cpp) asks for it: the
  // router and 256 experts, and the shared expert with its gate, a vector of n_embd.
  void qwen35moe_preset_has_llama_cpps_tensors() {
    const auto tensors = random_model_tensors(*shape_preset("qwen35moe-35b-a3b"), FileType::Q4_K_M);
    std::map<std::string, std::vector<uint64_t>> dims;
    for (const auto& t : tensors) dims[t.spec.name] = t.spec.dims;
    using D = std::vector<uint64_t>;
    QCOMPARE(dims.at("blk.0.attn_qkv.weight"), (D{2048, 8192}));
    QCOMPARE(dims.at("blk.3.attn_q.weight"), (D{2048, 8192}));
    QCOMPARE(dims.at("blk.0.ffn_gate_inp.weight"), (D{2048, 256}));
    QCOMPARE(dims.at("blk.0.ffn_gate_exps.weight"), (D{2048, 512, 256}));
    QCOMPARE(dims.at("blk.0.ffn_down_exps.weight"), (D{512, 2048, 256}));
    QCOMPARE(dims.at("blk.0.ffn_gate_inp_shexp.weight"), (D{2048}));
    QCOMPARE(dims.at("blk.0.ffn_up_shexp.weight"), (D{2048, 512}));
    QCOMPARE(dims.at("blk.0.ffn_down_shexp.weight"), (D{512, 2048}));
    QVERIFY(!dims.contains("blk.0.ffn_up.weight"));
    QCOMPARE(type_of(tensors, "blk.0.ffn_gate_inp_shexp.weight"), TensorType::F32);
    QCOMPARE(type_of(tensors, "blk.0.ffn_down_shexp.weight"), TensorType::Q6_K);  // use_more_bits(0)
  }

  // The tiny Qwen3.5 reads back as a hybrid: layers 3 and 7 attention with the KV cache's two
  // slots, the others DeltaNet layers with the state's six; NeoX RoPE over a quarter of the head.
  void qwen35_file_reads_back_as_a_hybrid() {
    RandomModelOptions o;
    o.shape = *shape_preset("test-qwen35");
    o.file_type = FileType::F32;
    o.overwrite = sikao::gguf::Overwrite::Replace;
    const std::string file = path("qwen35.gguf");
    write_random_model(file, o);
    const auto gguf = sikao::gguf::GgufFile::open(file);
    const ModelConfig c = read_config(gguf);
    QCOMPARE(c.arch.architecture, Architecture::Qwen35);
    QCOMPARE(c.n_delta_layers, 6u);
    QCOMPARE(c.n_kv_layers(), 2u);
    const bool delta[] = {true, true, true, false, true, true, true, false};
    const uint32_t slot[] = {0, 1, 2, 0, 3, 4, 5, 1};
    for (uint32_t l = 0; l < 8; ++l) {
      QCOMPARE(c.layers[l].delta_net, delta[l]);
      QCOMPARE(c.layers[l].slot, slot[l]);
    }
    QCOMPARE(c.delta_net.n_k_heads, 2u);
    QCOMPARE(c.delta_net.n_v_heads, 4u);
    QCOMPARE(c.delta_net.d_k, 32u);
    QCOMPARE(c.delta_net.d_v, 32u);
    QCOMPARE(c.delta_net.conv_kernel, 4u);
    QCOMPARE(c.n_rot, 16u);
    QCOMPARE(c.arch.rope_ordering, sikao::kernels::RopeOrdering::NeoX);
    QCOMPARE(gguf.get_int_array("qwen35.rope.dimension_sections"), (std::vector<int32_t>{3, 3, 2, 0}));
    QCOMPARE(gguf.get_string("tokenizer.ggml.pre").value_or(""), std::string("qwen35"));
  }

  // A file whose family keys are wrong is refused at load with the key named, before anything
  // reaches the device.
  void malformed_family_metadata_is_refused_clearly_data() {
    QTest::addColumn<QString>("preset");
    QTest::addColumn<int>("defect");
    QTest::addColumn<QString>("message");
    QTest::newRow("granite without logit_scale") << "test-granite" << 0 << "missing metadata key granite.logit_scale";
    QTest::newRow("negative soft-cap") << "test-gemma2" << 1 << "gemma2.attn_logit_softcapping must be a positive number";
    QTest::newRow("negative rope factor") << "test-llama-linear" << 2 << "rope scaling factor -4 is not valid";
    QTest::newRow("zero attn_factor") << "test-phi4" << 3 << "phi3.rope.scaling.attn_factor must be a positive number";
    QTest::newRow("expert length 254") << "test-qwen3moe" << 4 << "expert feed-forward length 254 is not a positive multiple of 4";
    QTest::newRow("65 experts per token") << "test-qwen3moe" << 5 << "65 experts per token of 80 (at most 64)";
    QTest::newRow("key heads of 512") << "test-qwen35" << 6 << "a convolution of 4 taps or key heads of 512 (at most 8 and 256)";
    QTest::newRow("convolution of 9 taps") << "test-qwen35" << 7 << "a convolution of 9 taps or key heads of 32 (at most 8 and 256)";
    // Found by fuzz_gguf: the tensor list of 4,294,967,295 layers was built before any check.
    QTest::newRow("block_count past the tensors") << "test-llama3" << 8 << "block_count 4294967295 but the file has only";
  }
  void malformed_family_metadata_is_refused_clearly() {
    QFETCH(QString, preset);
    QFETCH(int, defect);
    QFETCH(QString, message);
    RandomModelOptions o;
    o.shape = *shape_preset(preset.toStdString());
    o.shape.n_layer = 2;
    switch (defect) {
      case 0: o.shape.logit_scale = 0.0f; break;
      case 1: o.shape.attn_softcap = -5.0f; break;
      case 2: o.shape.rope_factor = -4.0f; break;
      case 3: o.shape.rope_attn_factor = -1.0f; break;
      case 4: o.shape.n_ff_exp = 254; break;
      case 5: o.shape.n_expert = 80, o.shape.n_expert_used = 65, o.shape.n_ff_exp = 16; break;
      case 6: o.shape.ssm_head_dim = 512; break;
      case 7: o.shape.ssm_conv_kernel = 9; break;
    }
    o.file_type = FileType::F32;
    o.overwrite = sikao::gguf::Overwrite::Replace;
    const std::string file = path("malformed.gguf");
    write_random_model(file, o);
    if (defect == 8) {
      // The u32 after the key's name and its type (4 = uint32) is the value.
      QFile f(QString::fromStdString(file));
      QVERIFY(f.open(QIODevice::ReadWrite));
      QByteArray bytes = f.readAll();
      const qsizetype at = bytes.indexOf("llama.block_count") + qsizetype(sizeof("llama.block_count") - 1) + 4;
      QVERIFY(at > 4);
      bytes.replace(at, 4, QByteArray(4, char(0xFF)));
      QVERIFY(f.seek(0) && f.write(bytes) == bytes.size());
    }
    try {
      sikao::Model::load(file, {});
      QFAIL("loaded");
    } catch (const sikao::Error& e) {
      QVERIFY2(QString(e.what()).contains(message), e.what());
    }
  }

  // The model file shrinks while its weights are uploaded (cut to half at the first progress
  // report): the load fails with "the file changed", the process lives.
  void a_model_file_that_shrinks_while_loading_is_an_error() {
    RandomModelOptions o;
    o.shape = tiny_shape(Architecture::Qwen2);
    o.file_type = FileType::Q8_0;
    o.overwrite = sikao::gguf::Overwrite::Replace;
    const std::string file = path("shrinks.gguf");
    write_random_model(file, o);
    const auto size = std::filesystem::file_size(file);
    sikao::LoadOptions load;
    load.context_length = 64;
    bool cut = false;
    load.progress = [&](float) {
      if (!cut) {
        cut = ::truncate(file.c_str(), static_cast<off_t>(size / 2)) == 0;
      }
      return true;
    };
    try {
      sikao::Model::load(file, load);
      QFAIL("loaded a file cut in half");
    } catch (const sikao::Error& e) {
      QVERIFY(cut);
      QVERIFY2(QString(e.what()).contains("changed while it was being read"), e.what());
    }
  }

  // The file is written to (same size, new bytes) while its weights are uploaded: no short read
  // tells, so the size and modification time are checked again at the end of the load.
  void a_model_file_rewritten_while_loading_is_an_error() {
    RandomModelOptions o;
    o.shape = tiny_shape(Architecture::Qwen2);
    o.file_type = FileType::Q8_0;
    o.overwrite = sikao::gguf::Overwrite::Replace;
    const std::string file = path("rewritten.gguf");
    write_random_model(file, o);
    sikao::LoadOptions load;
    load.context_length = 64;
    bool written = false;
    load.progress = [&](float) {
      if (!written) {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-1, std::ios::end);
        f.put('\x7f');
        written = f.good();
      }
      return true;
    };
    try {
      sikao::Model::load(file, load);
      QFAIL("loaded a file written to while it loaded");
    } catch (const sikao::Error& e) {
      QVERIFY(written);
      QCOMPARE(e.code(), sikao::ErrorCode::Io);
      QVERIFY2(QString(e.what()).contains("the file changed while the model was loading"), e.what());
    }
  }

  // A model split as gguf-split does (write_split and sikao-bench make-model
  // --split-max-tensors) loads from any of its parts and gives exactly the unsplit file's logits.
  void a_split_model_gives_the_same_logits_as_the_whole_file() {
    RandomModelOptions o;
    o.shape = tiny_shape(Architecture::Qwen3);
    o.file_type = FileType::Q4_K_M;
    o.seed = 7;
    o.overwrite = sikao::gguf::Overwrite::Replace;
    const std::string whole = path("whole.gguf");
    write_random_model(whole, o);
    const auto split = sikao::gguf::write_split(sikao::gguf::GgufFile::open(whole), path("split"), 5,
                                                sikao::gguf::Overwrite::Replace);
    QVERIFY(split.size() >= 4);

    const QString made = dir_.filePath("made.gguf");
    const auto r = run_make_model({"-o", made, "--type", "Q4_K_M", "--seed", "7", "--arch", "qwen3", "--vocab",
                                   "320", "--embd", "256", "--layers", "3", "--heads", "4", "--kv-heads", "2",
                                   "--ff", "512", "--ctx", "128", "--rope-base", "500000",
                                   "--split-max-tensors", "9"});
    QCOMPARE(r.exit_code, 0);
    QVERIFY(!QFile::exists(made));  // only the parts are kept
    const std::string made_first = dir_.filePath("made-00001-of-00004.gguf").toStdString();
    QVERIFY(QFile::exists(dir_.filePath("made-00004-of-00004.gguf")));

    sikao::LoadOptions load;
    load.context_length = 64;
    const std::vector<int32_t> prompt = {1, 17, 250, 3, 99};
    const auto logits_of = [&](const std::string& file) {
      auto model = sikao::Model::load(file, load);
      sikao::Session session(*model);
      return session.evaluate_all(prompt);
    };
    const auto expected = logits_of(whole);
    QCOMPARE(expected.size(), prompt.size() * 320);
    for (const std::string& file : {split.front().string(), split[split.size() / 2].string(), made_first}) {
      const auto actual = logits_of(file);
      QCOMPARE(actual.size(), expected.size());
      QVERIFY2(std::memcmp(actual.data(), expected.data(), expected.size() * sizeof(float)) == 0, file.c_str());
    }
  }

  void refuses_to_overwrite_an_existing_file() {
    const std::string file = path("existing.gguf");
    { std::ofstream(file) << "keep me"; }
    RandomModelOptions o;
    o.shape = tiny_shape(Architecture::Qwen2);
    try {
      write_random_model(file, o);
      QFAIL("overwrote an existing file");
    } catch (const sikao::Error& e) {
      QCOMPARE(e.code(), sikao::ErrorCode::InvalidArgument);
      QVERIFY2(QString(e.what()).contains("already exists"), e.what());
    }
    const auto r = run_make_model({"-o", QString::fromStdString(file), "--type", "Q8_0",
                                   "--preset", "qwen2-0.5b"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("already exists") && r.err.contains("--force"), qPrintable(r.err));
    QCOMPARE(read_bytes(file), std::string("keep me"));
    QVERIFY(!QFile::exists(QString::fromStdString(file + ".partial")));

    const auto forced = run_make_model({"-o", QString::fromStdString(file), "--type", "Q8_0",
                                        "--arch", "llama", "--vocab", "300", "--embd", "64",
                                        "--layers", "1", "--heads", "2", "--kv-heads", "1",
                                        "--ff", "128", "--force"});
    QCOMPARE(forced.exit_code, 0);
    QCOMPARE(sikao::gguf::GgufFile::open(file).get_string("general.architecture").value(),
             std::string("llama"));
  }

  void writer_streams_tensors_that_the_reader_reads_back() {
    // Two tensors written in uneven chunks: the reader finds each at an aligned offset with
    // exactly the bytes given.
    sikao::gguf::GgufWriter w;
    w.set_string("general.architecture", "llama");
    w.add_tensor({"a", TensorType::F32, {3}});
    w.add_tensor({"b", TensorType::Q8_0, {32, 2}});
    const std::string file = path("stream.gguf");
    w.begin(file, sikao::gguf::Overwrite::Refuse);
    std::vector<std::byte> a(12), b(68);
    for (size_t i = 0; i < a.size(); ++i) a[i] = std::byte(i + 1);
    for (size_t i = 0; i < b.size(); ++i) b[i] = std::byte(200 - i);
    w.write(std::span(a).first(5));
    w.write(std::span(a).subspan(5));
    w.write(std::span(b).first(34));
    w.write(std::span(b).subspan(34));
    w.finish();
    const auto g = sikao::gguf::GgufFile::open(file);
    const auto* ta = g.find_tensor("a");
    const auto* tb = g.find_tensor("b");
    QVERIFY(ta && tb);
    QCOMPARE(tb->offset % 32, uint64_t(0));
    const auto da = g.tensor_data(*ta);
    const auto db = g.tensor_data(*tb);
    QVERIFY(std::equal(da.begin(), da.end(), a.begin(), a.end()));
    QVERIFY(std::equal(db.begin(), db.end(), b.begin(), b.end()));
  }

  void writer_refuses_bytes_past_a_tensor_and_leaves_no_file_when_unfinished() {
    const std::string file = path("unfinished.gguf");
    {
      sikao::gguf::GgufWriter w;
      w.add_tensor({"a", TensorType::F32, {4}});
      w.begin(file, sikao::gguf::Overwrite::Refuse);
      std::vector<std::byte> too_many(20);
      QVERIFY_THROWS_EXCEPTION(sikao::Error, w.write(too_many));
      QVERIFY_THROWS_EXCEPTION(sikao::Error, w.finish());  // tensor a not written
    }
    QVERIFY(!QFile::exists(QString::fromStdString(file)));
    QVERIFY(!QFile::exists(QString::fromStdString(file + ".partial")));
    sikao::gguf::GgufWriter w;
    QVERIFY_THROWS_EXCEPTION(sikao::Error, w.add_tensor({"q", TensorType::Q8_0, {40}}));
    w.set_u32("k", 1);
    QVERIFY_THROWS_EXCEPTION(sikao::Error, w.set_u32("k", 2));
  }

  void rejects_bad_arguments_with_a_clear_message_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString out = QStringLiteral("never-written.gguf");
    QTest::newRow("unknown type") << QStringList{"-o", out, "--type", "Q9_Z", "--preset", "qwen2-0.5b"}
                                  << "unknown file type 'Q9_Z' (supported: F32, F16";
    QTest::newRow("unknown preset") << QStringList{"-o", out, "--type", "Q8_0", "--preset", "gpt-5"}
                                    << "unknown preset 'gpt-5' (supported: qwen2-0.5b, qwen2-1.5b";
    QTest::newRow("unknown architecture")
        << QStringList{"-o", out, "--type", "Q8_0", "--preset", "qwen2-0.5b", "--arch", "gpt2"}
        << "unknown architecture 'gpt2' (supported: llama, qwen2, qwen3, gemma2, gemma3, phi3, smollm3, granite, mistral3, qwen3moe, gpt-oss, qwen35, qwen35moe)";
    QTest::newRow("no output") << QStringList{"--type", "Q8_0", "--preset", "qwen2-0.5b"}
                               << "-o PATH is required";
    QTest::newRow("no type") << QStringList{"-o", out, "--preset", "qwen2-0.5b"}
                             << "--type is required";
    QTest::newRow("no shape") << QStringList{"-o", out, "--type", "F16"}
                              << "model shape: n_embd, n_layer";
    QTest::newRow("heads not dividing")
        << QStringList{"-o", out, "--type", "F16", "--preset", "qwen2-0.5b", "--kv-heads", "3"}
        << "14 heads are not a multiple of 3 KV heads";
    QTest::newRow("row not whole blocks")
        << QStringList{"-o", out, "--type", "Q8_0", "--preset", "qwen2-0.5b", "--ff", "4870"}
        << "rows of 4870 elements cannot be stored as Q8_0";
    QTest::newRow("negative seed") << QStringList{"-o", out, "--type", "F16", "--seed", "-1"}
                                   << "--seed takes an integer";
  }

  void rejects_bad_arguments_with_a_clear_message() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    for (auto& a : args) {
      if (a == "never-written.gguf") a = dir_.filePath(a);
    }
    const auto r = run_make_model(args);
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir_.filePath("never-written.gguf")));
  }
};

QTEST_GUILESS_MAIN(TestRandomModel)
#include "tst_random_model.moc"
