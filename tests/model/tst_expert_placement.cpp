// A mixture of experts under a device-memory budget: experts move to system memory, largest
// first, the logits stay the same, and a model that cannot fit even so is refused before anything
// is allocated, with the sizes in the message. Also the sizes a budget is written in.

#include <QtTest>

#include <filesystem>
#include <string>
#include <vector>

#include "common/byte_size.h"
#include "common/error.h"
#include "engine.h"
#include "model/model_config.h"

namespace fs = std::filesystem;

namespace {

fs::path family_model(const std::string& name) {
  return fs::path(SIKAO_FAMILY_MODELS_DIR) / name;
}

// Logits of a 40-token prompt in one batch (the experts grouped by token) and of 6 decoded tokens
// (the experts chosen on the device), back to back.
std::vector<float> logits_of(sikao::Model& model) {
  sikao::Session session(model);
  std::vector<int32_t> prompt;
  for (int32_t i = 0; i < 40; ++i) {
    prompt.push_back((i * 613 + 7) % 2000);
  }
  std::vector<float> all = session.evaluate_all(prompt);
  for (int32_t t : {5, 1999, 42, 1024, 17, 300}) {
    const std::vector<float> next = session.decode(t);
    all.insert(all.end(), next.begin(), next.end());
  }
  return all;
}

sikao::LoadOptions with_budget(uint64_t bytes) {
  sikao::LoadOptions options;
  options.context_length = 256;
  options.device_memory_budget = bytes;
  return options;
}

} // namespace

class TestExpertPlacement : public QObject {
  Q_OBJECT

 private slots:
  void experts_beyond_the_budget_live_in_system_memory_with_the_same_logits_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("F32") << "test-qwen3moe-F32.gguf";   // gate and up interleaved
    QTest::newRow("Q8_0") << "test-qwen3moe-Q8_0.gguf";
    QTest::newRow("Q4_K_M") << "test-qwen3moe-Q4_K_M.gguf";  // down in Q6_K on some layers
  }
  void experts_beyond_the_budget_live_in_system_memory_with_the_same_logits() {
    QFETCH(QString, file);
    const fs::path path = family_model(file.toStdString());
    QVERIFY2(fs::is_regular_file(path), path.c_str());
    auto on_device = sikao::Model::load(path, with_budget(UINT64_MAX));
    QCOMPARE(on_device->host_weight_bytes(), uint64_t(0));
    const uint64_t all = on_device->device_weight_bytes();
    const uint64_t per_token = on_device->weight_bytes_per_token();
    const std::vector<float> expected = logits_of(*on_device);
    on_device.reset();

    // Room for all but a fifth of the weights (and the KV cache of 256 positions, 256 KiB): some,
    // not all, expert tensors move.
    const uint64_t budget = all / 5 * 4;
    auto split = sikao::Model::load(path, with_budget(budget));
    QVERIFY(split->host_weight_bytes() > 0);
    QVERIFY(split->host_weight_bytes() < all / 2);
    QCOMPARE(split->device_weight_bytes() + split->host_weight_bytes(), all);
    QVERIFY(split->device_weight_bytes() <= budget);
    QCOMPARE(split->weight_bytes_per_token(), per_token);
    QCOMPARE(logits_of(*split), expected);
  }

  void the_largest_expert_tensors_move_first() {
    const fs::path path = family_model("test-qwen3moe-F32.gguf");
    auto on_device = sikao::Model::load(path, with_budget(UINT64_MAX));
    const uint64_t all = on_device->device_weight_bytes();
    const sikao::model::ModelConfig c = on_device->config();
    on_device.reset();
    // 1 byte short of the weights and the KV cache (2 layers · K and V · 2 heads · 256 positions
    // · 64 · f16): one tensor group moves, the largest (a layer's gate and up together, twice
    // the size of its down).
    const uint64_t kv_cache = 2 * 2 * 2 * 256 * 64 * 2;
    const uint64_t gate_up = 2ull * c.n_expert * c.n_ff_exp * c.n_embd * sizeof(float);
    auto split = sikao::Model::load(path, with_budget(all + kv_cache - 1));
    QCOMPARE(split->host_weight_bytes(), gate_up);
  }

  void a_model_that_cannot_fit_is_refused_before_loading_with_the_sizes() {
    for (const char* file : {"test-qwen3moe-Q8_0.gguf", "test-llama3-Q8_0.gguf"}) {
      const fs::path path = family_model(file);
      bool refused = false;
      try {
        sikao::Model::load(path, with_budget(1'000'000));
      } catch (const sikao::Error& e) {
        refused = true;
        QCOMPARE(e.code(), sikao::ErrorCode::OutOfMemory);
        const QString message = e.what();
        QVERIFY2(message.contains("more than the device-memory budget of 1.0 MB"), e.what());
        QVERIFY2(message.contains("of weights and"), e.what());
        QCOMPARE(message.contains("with its experts"), std::string(file).find("moe") != std::string::npos);
      }
      QVERIFY(refused);
    }
  }

  void byte_sizes_parse_as_written() {
    QCOMPARE(sikao::parse_byte_size("8G"), uint64_t(8'000'000'000));
    QCOMPARE(sikao::parse_byte_size("8 GB"), uint64_t(8'000'000'000));
    QCOMPARE(sikao::parse_byte_size("1.5GiB"), uint64_t(1'610'612'736));
    QCOMPARE(sikao::parse_byte_size("512MiB"), uint64_t(536'870'912));
    QCOMPARE(sikao::parse_byte_size("300k"), uint64_t(300'000));  // the SI prefix, any case
    QCOMPARE(sikao::parse_byte_size("4096"), uint64_t(4096));
    QCOMPARE(sikao::parse_byte_size("2T"), uint64_t(2'000'000'000'000));
    QCOMPARE(sikao::format_byte_size(12'100'000'000), std::string("12.1 GB"));
    QCOMPARE(sikao::format_byte_size(812'400'000), std::string("812 MB"));
    QCOMPARE(sikao::format_byte_size(5'700'000), std::string("5.7 MB"));
    QCOMPARE(sikao::format_byte_size(262'144), std::string("262 KB"));
    QCOMPARE(sikao::format_byte_size(512), std::string("512 bytes"));
  }

  void malformed_byte_sizes_are_clear_errors() {
    for (const char* text : {"", "G", "-1G", "8X", "8 G B", "1e30T", "nan", "inf", "8GiBs", "0x10"}) {
      bool rejected = false;
      try {
        sikao::parse_byte_size(text);
      } catch (const sikao::Error& e) {
        rejected = e.code() == sikao::ErrorCode::InvalidArgument &&
                   std::string(e.what()).find("is not a size") != std::string::npos;
      }
      QVERIFY2(rejected, text);
    }
  }
};

QTEST_GUILESS_MAIN(TestExpertPlacement)
#include "tst_expert_placement.moc"
