// `sikao-cli info` end to end: every .gguf under ../shared (text and --json, parsed here with Qt's
// JSON reader, not the library that wrote it), documented facts, and the malformed corpus: each
// bad file gives exit code 1 (not a crash), one line on stderr naming the problem, and no hang.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "gguf/malformed_corpus.h"
#include "support/test_support.h"

using namespace sikao::test::gguf;
using sikao::test::run_cli;

namespace {

QString write_file(const QTemporaryDir& dir, const std::string& name, const std::string& bytes) {
  const QString path = dir.filePath(QString::fromStdString(name));
  std::ofstream(path.toStdString(), std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

QJsonObject info_json(const QString& path, bool tensors) {
  QStringList args{"info", path, "--json"};
  if (tensors) args << "--tensors";
  const auto r = run_cli(args);
  if (r.exit_code != 0) qWarning("%s", qPrintable(r.err));
  QJsonParseError err;
  const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &err);
  if (err.error != QJsonParseError::NoError) qWarning("%s: %s", qPrintable(path), qPrintable(err.errorString()));
  return doc.object();
}

// The malformed file must be refused cleanly: exit 1, one stderr line naming file and problem.
void expect_clean_failure(const QString& path, const MalformedCase& c) {
  const auto r = run_cli({"info", path}, 20000);
  const QString where = QString::fromStdString(c.name) + ": " + r.err;
  QVERIFY2(!r.timed_out, qPrintable(where));
  QVERIFY2(r.exit_code == 1, qPrintable(QString("exit %1, %2").arg(r.exit_code).arg(where)));
  QVERIFY2(r.out.isEmpty(), qPrintable(where));
  const QString line = r.err.trimmed();
  QVERIFY2(!line.isEmpty() && !line.contains('\n'), qPrintable(where));
  QVERIFY2(line.contains(path), qPrintable(where));
  bool named = false;
  for (const auto& e : c.expect) named = named || line.contains(QString::fromStdString(e));
  QVERIFY2(named, qPrintable(where));
}

} // namespace

class TestGgufInfo : public QObject {
  Q_OBJECT

 private slots:
  void info_works_on_every_shared_gguf() {
    SIKAO_REQUIRE_SHARED();
    int n = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(sikao::test::shared_dir())) {
      if (entry.path().extension() != ".gguf") continue;
      const QString path = QString::fromStdString(entry.path().string());
      const auto text = run_cli({"info", path, "--tensors"});
      QVERIFY2(text.exit_code == 0, qPrintable(path + ": " + text.err));
      QVERIFY(text.out.contains("tokenizer:"));
      const QJsonObject j = info_json(path, true);
      QVERIFY2(!j.isEmpty(), qPrintable(path));
      QCOMPARE(j["file_size"].toDouble(), double(entry.file_size()));
      QVERIFY(j["vocab_size"].toDouble() > 0);
      QCOMPARE(j["tensors"].toArray().size(), j["tensor_count"].toInt());
      // Per-type tensor counts add up to the tensor table.
      int counted = 0;
      for (const auto& t : j["tensor_types"].toArray()) counted += t.toObject()["tensors"].toInt();
      QCOMPARE(counted, j["tensor_count"].toInt());
      ++n;
    }
    QVERIFY(n >= 19);
  }

  void info_reports_stories260k() {
    SIKAO_REQUIRE_SHARED();
    const QJsonObject j = info_json(QString::fromStdString(sikao::test::shared_path("models/stories260K/stories260K.gguf")), true);
    QCOMPARE(j["architecture"].toString(), QString("llama"));
    QVERIFY(j["architecture_supported"].toBool());
    QCOMPARE(j["embedding_length"].toInt(), 64);
    QCOMPARE(j["head_count"].toInt(), 8);
    QCOMPARE(j["feed_forward_length"].toInt(), 172);
    QCOMPARE(j["vocab_size"].toInt(), 512);
    QCOMPARE(j["tokenizer_model"].toString(), QString("llama"));
    QCOMPARE(j["has_chat_template"].toBool(), false);
    const QJsonArray types = j["tensor_types"].toArray();
    QCOMPARE(types.size(), 1);
    QCOMPARE(types[0].toObject()["type"].toString(), QString("F32"));
    // Parameters = sum over the tensor table of the product of dims, computed here from --tensors.
    double params = 0;
    for (const auto& t : j["tensors"].toArray()) {
      double n = 1;
      for (const auto& d : t.toObject()["dims"].toArray()) n *= d.toDouble();
      params += n;
    }
    QCOMPARE(j["parameters"].toDouble(), params);
    // head dim 8 = embedding 64 / 8 heads, per the reference README.
    QCOMPARE(j["embedding_length"].toInt() / j["head_count"].toInt(), 8);
  }

  void info_reports_reference_model_quant_types() {
    SIKAO_REQUIRE_SHARED();
    const QJsonObject j =
        info_json(QString::fromStdString(sikao::test::shared_path("reference/models/llama-spm-tiny-Q4_K_M.gguf")), true);
    QCOMPARE(j["file_type_name"].toString(), QString("Q4_K_M"));
    QCOMPARE(j["context_length"].toInt(), 4096);
    QCOMPARE(j["block_count"].toInt(), 3);
    QCOMPARE(j["head_count_kv"].toInt(), 2);
    QCOMPARE(j["tokenizer_model"].toString(), QString("llama"));
    QCOMPARE(j["vocab_size"].toInt(), 32000);
    // README: Q6_K for blk.2 attn_v, blk.2 ffn_down and output; F32 norms (2 per layer + output_norm).
    QMap<QString, int> counts;
    for (const auto& t : j["tensor_types"].toArray()) counts[t.toObject()["type"].toString()] = t.toObject()["tensors"].toInt();
    QCOMPARE(counts["Q6_K"], 3);
    QCOMPARE(counts["F32"], 7);
    QCOMPARE(counts["Q4_K"], 20);
    const auto text = run_cli({"info", QString::fromStdString(sikao::test::shared_path("reference/models/llama-spm-tiny-Q4_K_M.gguf"))});
    QVERIFY(text.out.contains("Q4_K_M (15)"));
    QVERIFY(text.out.contains("chat template:   no"));
  }

  void info_works_on_vocab_only_file() {
    SIKAO_REQUIRE_SHARED();
    const QJsonObject j = info_json(QString::fromStdString(sikao::test::shared_path("vocab/ggml-vocab-gpt-2.gguf")), false);
    QCOMPARE(j["tensor_count"].toInt(), 0);
    QCOMPARE(j["parameters"].toInt(), 0);
    QCOMPARE(j["vocab_size"].toInt(), 50257);
    QCOMPARE(j["tokenizer_pre"].toString(), QString("gpt-2"));
  }

  void info_json_survives_invalid_utf8_and_nested_arrays() {
    // GGUF strings are bytes: byte-level tokens need not be valid UTF-8, and JSON must still parse.
    QTemporaryDir dir;
    Builder b = valid_model();
    b.kvs.push_back(kv_string_array("tokenizer.ggml.merges", {"\xff\xfe", "ok"}));
    b.kvs.push_back(kv_string("tokenizer.chat_template", "{{ bos }}\n\x01"));
    const QString path = write_file(dir, "utf8.gguf", b.build().bytes);
    const QJsonObject j = info_json(path, true);
    QVERIFY(!j.isEmpty());
    QCOMPARE(j["has_chat_template"].toBool(), true);
    QCOMPARE(j["vocab_size"].toInt(), 3);
    QCOMPARE(j["tensor_count"].toInt(), 2);
    QCOMPARE(j["parameters"].toInt(), 4 * 2 + 32 * 2);
    bool saw_nested = false;
    for (const auto& m : j["metadata"].toArray()) {
      if (m.toObject()["key"].toString() != "test.nested") continue;
      const QJsonObject v = m.toObject()["value"].toObject();
      QCOMPARE(v["element_type"].toString(), QString("array"));
      QCOMPARE(v["length"].toInt(), 2);
      QCOMPARE(v["first"].toArray()[0].toObject()["first"].toArray()[1].toInt(), 2);
      saw_nested = true;
    }
    QVERIFY(saw_nested);
    const auto text = run_cli({"info", path});
    QCOMPARE(text.exit_code, 0);
    QVERIFY(text.out.contains("chat template:   yes"));
  }

  void info_rejects_every_malformed_file_cleanly() {
    QTemporaryDir dir;
    const uint64_t seed = sikao::test::fresh_seed();
    qInfo("seed %llu", static_cast<unsigned long long>(seed));
    for (const MalformedCase& c : malformed_corpus(seed)) {
      expect_clean_failure(write_file(dir, c.name + ".gguf", c.bytes), c);
      if (QTest::currentTestFailed()) return;
    }
  }

  void info_never_allocates_more_than_the_file_allows() {
    // Under a 256 MiB address-space limit a reader that reserved memory for a count before
    // checking it against the file size would die of bad_alloc ("unexpected error", or a crash)
    // on the large-count cases instead of naming the problem.
    const QString prlimit = QStandardPaths::findExecutable("prlimit");
    if (prlimit.isEmpty()) QSKIP("prlimit (util-linux) not installed");
    QTemporaryDir dir;
    for (const MalformedCase& c : malformed_corpus(sikao::test::fresh_seed())) {
      const QString path = write_file(dir, c.name + ".gguf", c.bytes);
      QProcess p;
      p.start(prlimit, {"--as=268435456", QStringLiteral(SIKAO_CLI_PATH), "info", path});
      QVERIFY(p.waitForStarted(10000));
      QVERIFY2(p.waitForFinished(20000), c.name.c_str());
      const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
      QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 1, qPrintable(err));
      bool named = false;
      for (const auto& e : c.expect) named = named || err.contains(QString::fromStdString(e));
      QVERIFY2(named, qPrintable(QString::fromStdString(c.name) + ": " + err));
    }
    // A real model still opens under the same limit: the mapping is the only large thing.
    SIKAO_REQUIRE_SHARED();
    QProcess p;
    p.start(prlimit, {"--as=268435456", QStringLiteral(SIKAO_CLI_PATH), "info",
                      QString::fromStdString(sikao::test::shared_path("reference/models/llama-spm-tiny-F16.gguf"))});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
  }

  void info_rejects_bad_arguments() {
    const auto none = run_cli({"info"});
    QCOMPARE(none.exit_code, 1);
    QVERIFY(none.err.contains("usage"));
    const auto missing = run_cli({"info", "/nonexistent/model.gguf"});
    QCOMPARE(missing.exit_code, 1);
    QVERIFY(missing.err.contains("/nonexistent/model.gguf: cannot open"));
  }
};

QTEST_APPLESS_MAIN(TestGgufInfo)
#include "tst_gguf_info.moc"
