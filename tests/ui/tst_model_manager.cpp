// ModelManager over real GGUF files from ../shared (linked into a temporary models folder), a
// truncated copy, garbage and a well-formed file of an unsupported architecture: the metadata
// columns match what the reference README and the model cards state, broken files are rows with
// the engine's message, the load state machine follows the engine's reports, and the last
// loaded model is remembered for the next start.

#include <QtTest>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

#include "gguf/gguf.h"
#include "gguf/split.h"
#include "model/random_model.h"
#include "models/model_catalog.h"
#include "model_loading.h"
#include "models/model_manager.h"
#include "startup_model.h"
#include "support/test_support.h"

using sikao::ui::ModelManager;

namespace {

const QString k_bundled = QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf");

QString shared(const char* relative) {
  return QString::fromStdString(sikao::test::shared_path(relative));
}

std::unique_ptr<QSettings> ini(const QString& path) {
  return std::make_unique<QSettings>(path, QSettings::IniFormat);
}

// A GGUF v3 file with no tensors and the given string metadata (arrays of strings for the keys
// in `arrays`): enough for the header readers, written byte by byte from the format.
QByteArray minimal_gguf(const QList<QPair<QByteArray, QByteArray>>& strings,
                        const QList<QPair<QByteArray, QList<QByteArray>>>& arrays) {
  QByteArray out;
  const auto u32 = [&](quint32 v) { out.append(reinterpret_cast<const char*>(&v), 4); };
  const auto u64 = [&](quint64 v) { out.append(reinterpret_cast<const char*>(&v), 8); };
  const auto str = [&](const QByteArray& s) { u64(quint64(s.size())); out.append(s); };
  out.append("GGUF");
  u32(3);
  u64(0);
  u64(quint64(strings.size() + arrays.size()));
  for (const auto& [key, value] : strings) {
    str(key);
    u32(8);  // string
    str(value);
  }
  for (const auto& [key, values] : arrays) {
    str(key);
    u32(9);  // array
    u32(8);  // of strings
    u64(quint64(values.size()));
    for (const auto& v : values) str(v);
  }
  while (out.size() % 32 != 0) out.append('\0');
  return out;
}

bool wait_for_scan(ModelManager& m) {
  return QTest::qWaitFor([&] { return !m.scanning(); }, 30000);
}

QVariant cell(const ModelManager& m, const QString& file_name, int role) {
  for (int r = 0; r < m.rowCount(); ++r) {
    const QModelIndex i = m.index(r);
    if (m.data(i, ModelManager::FileNameRole).toString() == file_name) {
      return m.data(i, role);
    }
  }
  return {};
}

int row_of(const ModelManager& m, const QString& file_name) {
  for (int r = 0; r < m.rowCount(); ++r) {
    if (m.data(m.index(r), ModelManager::FileNameRole).toString() == file_name) return r;
  }
  return -1;
}

} // namespace

class TestModelManager : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString models_;  // the models folder: links to shared models plus broken files
  QString truncated_;

  QString settings_file(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }

 private slots:
  void initTestCase() {
    SIKAO_REQUIRE_SHARED();
    models_ = dir_.filePath("models");
    QVERIFY(QDir().mkpath(models_));
    const QString stories = shared("models/stories260K/stories260K.gguf");
    QVERIFY(QFile::link(stories, models_ + "/stories260K.gguf"));
    QVERIFY(QFile::link(shared("reference/models/llama-spm-tiny-Q4_K_M.gguf"),
                        models_ + "/llama-spm-tiny-Q4_K_M.gguf"));
    QVERIFY(QFile::link(shared("reference/models/qwen2-gpt2vocab-tiny-Q4_K_M.gguf"),
                        models_ + "/qwen2-gpt2vocab-tiny-Q4_K_M.gguf"));
    // A vocabulary-only GGUF of an architecture the engine does not run.
    QVERIFY(QFile::link(shared("vocab/ggml-vocab-falcon.gguf"), models_ + "/falcon-vocab.gguf"));

    // The first half of stories260K: a valid header whose tensor data runs past the end.
    QFile in(stories);
    QVERIFY(in.open(QIODevice::ReadOnly));
    truncated_ = models_ + "/truncated.gguf";
    QFile out(truncated_);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(in.read(in.size() / 2));
    out.close();

    QFile garbage(models_ + "/garbage.gguf");
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    garbage.write("GGUF\x03\0\0\0 not really a model");
    garbage.close();

    QFile notes(models_ + "/notes.txt");
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("not a model");
  }

  void scans_off_the_ui_thread_and_lists_every_gguf_with_its_metadata() {
    ModelManager m(ini(settings_file("list.ini")), models_, k_bundled);
    QVERIFY(m.scanning());  // the constructor returned before any file was read
    QCOMPARE(m.rowCount(), 0);
    QVERIFY(wait_for_scan(m));

    // Six files in the folder (notes.txt is not a model), then the bundled demo.
    QCOMPARE(m.rowCount(), 7);
    QCOMPARE(m.data(m.index(6), ModelManager::PathRole).toString(), k_bundled);
    QVERIFY(m.data(m.index(6), ModelManager::BundledRole).toBool());
    QCOMPARE(row_of(m, "notes.txt"), -1);

    // stories260K: llama, 292,800 parameters, 2048 context, no general.file_type (so the
    // dominant tensor type, F32), no reasoning.
    QCOMPARE(cell(m, "stories260K.gguf", ModelManager::ArchitectureRole).toString(), QString("llama"));
    QCOMPARE(cell(m, "stories260K.gguf", ModelManager::FamilyRole).toString(), QString("Llama"));
    QCOMPARE(cell(m, "falcon-vocab.gguf", ModelManager::FamilyRole).toString(), QString());
    QCOMPARE(cell(m, "stories260K.gguf", ModelManager::ParametersRole).toLongLong(), 292800);
    QCOMPARE(cell(m, "stories260K.gguf", ModelManager::ContextLengthRole).toLongLong(), 2048);
    QCOMPARE(cell(m, "stories260K.gguf", ModelManager::QuantRole).toString(), QString("F32"));
    QCOMPARE(cell(m, "stories260K.gguf", ModelManager::ReasonsRole).toBool(), false);
    QCOMPARE(cell(m, "stories260K.gguf", ModelManager::FileSizeRole).toLongLong(),
             QFileInfo(shared("models/stories260K/stories260K.gguf")).size());
    QCOMPARE(cell(m, "stories260K.gguf", ModelManager::ErrorRole).toString(), QString());
    QCOMPARE(cell(m, "stories260K.gguf", ModelManager::ParametersTextRole).toString(), QString("292.80 K"));

    // The reference README's table: n_ctx 4096, llama / qwen2, Q4_K_M.
    QCOMPARE(cell(m, "llama-spm-tiny-Q4_K_M.gguf", ModelManager::NameRole).toString(), QString("llama-spm-tiny"));
    QCOMPARE(cell(m, "llama-spm-tiny-Q4_K_M.gguf", ModelManager::ArchitectureRole).toString(), QString("llama"));
    QCOMPARE(cell(m, "llama-spm-tiny-Q4_K_M.gguf", ModelManager::QuantRole).toString(), QString("Q4_K_M"));
    QCOMPARE(cell(m, "llama-spm-tiny-Q4_K_M.gguf", ModelManager::ContextLengthRole).toLongLong(), 4096);
    QCOMPARE(cell(m, "qwen2-gpt2vocab-tiny-Q4_K_M.gguf", ModelManager::ArchitectureRole).toString(), QString("qwen2"));
    QCOMPARE(cell(m, "qwen2-gpt2vocab-tiny-Q4_K_M.gguf", ModelManager::QuantRole).toString(), QString("Q4_K_M"));
    QCOMPARE(cell(m, "qwen2-gpt2vocab-tiny-Q4_K_M.gguf", ModelManager::ReasonsRole).toBool(), false);
    QCOMPARE(cell(m, "qwen2-gpt2vocab-tiny-Q4_K_M.gguf", ModelManager::ErrorRole).toString(), QString());
    // n_embd 256, 3 layers, n_ff 768, vocab 50257, untied output, q/k/v biases, 4/2 heads × 64:
    const qint64 d = 256, ff = 768, vocab = 50257, kv = 2 * 64;
    const qint64 layer = d + (d * d + d) + 2 * (d * kv + kv) + d * d + d + 3 * d * ff;
    QCOMPARE(cell(m, "qwen2-gpt2vocab-tiny-Q4_K_M.gguf", ModelManager::ParametersRole).toLongLong(),
             2 * vocab * d + d + 3 * layer);

    // The bundled demo: qwen3, F16, 512 context, a reasoning template.
    QCOMPARE(m.data(m.index(6), ModelManager::ArchitectureRole).toString(), QString("qwen3"));
    QCOMPARE(m.data(m.index(6), ModelManager::FamilyRole).toString(), QString("Qwen3"));
    QCOMPARE(m.data(m.index(6), ModelManager::QuantRole).toString(), QString("F16"));
    QCOMPARE(m.data(m.index(6), ModelManager::ContextLengthRole).toLongLong(), 512);
    QVERIFY(m.data(m.index(6), ModelManager::ReasonsRole).toBool());
  }

  // A file of each new family is described by its family's name, with its size and type.
  void new_families_show_their_name_and_size() {
    const struct {
      const char* preset;
      const char* family;
    } cases[] = {{"test-gemma2", "Gemma 2"}, {"test-gemma3", "Gemma 3"}, {"test-phi4", "Phi-3"},
                 {"test-smollm3", "SmolLM3"}, {"test-granite", "Granite"},
                 {"test-ministral3", "Ministral 3"}, {"test-llama3", "Llama"}};
    for (const auto& c : cases) {
      sikao::model::RandomModelOptions o;
      o.shape = *sikao::model::shape_preset(c.preset);
      o.file_type = sikao::model::FileType::Q8_0;
      o.overwrite = sikao::gguf::Overwrite::Replace;
      const QString file = dir_.filePath(QString("%1.gguf").arg(c.preset));
      sikao::model::write_random_model(file.toStdString(), o);
      const auto info = sikao::ui::read_model_file(file, sikao::ui::ModelSource::OpenedFile);
      QVERIFY2(info.error.isEmpty(), qPrintable(info.error));
      QCOMPARE(info.family, QString(c.family));
      QCOMPARE(info.quant, QString("Q8_0"));
      QCOMPARE(info.file_size, QFileInfo(file).size());
      QVERIFY(info.parameters > 0);
    }
  }

  // A model split as gguf-split writes it is one row, by its first part, with the size of all
  // its parts; a part whose sibling is missing is a row with the engine's message.
  void a_split_model_is_listed_once_by_its_first_part() {
    QTemporaryDir folder;
    sikao::model::RandomModelOptions o;
    o.shape = *sikao::model::shape_preset("test-llama3");
    o.file_type = sikao::model::FileType::Q8_0;
    const QString whole = dir_.filePath("split-source.gguf");
    o.overwrite = sikao::gguf::Overwrite::Replace;
    sikao::model::write_random_model(whole.toStdString(), o);
    const auto parts = sikao::gguf::write_split(sikao::gguf::GgufFile::open(whole.toStdString()),
                                                folder.filePath("llama3").toStdString(), 8,
                                                sikao::gguf::Overwrite::Refuse);
    QVERIFY(parts.size() >= 3);
    const QStringList listed = sikao::ui::gguf_files_in(folder.path());
    QCOMPARE(listed, QStringList{QString::fromStdString(parts[0].string())});
    const auto info = sikao::ui::read_model_file(listed[0], sikao::ui::ModelSource::ModelsFolder);
    QVERIFY2(info.error.isEmpty(), qPrintable(info.error));
    qint64 total = 0;
    for (const auto& p : parts) total += QFileInfo(QString::fromStdString(p.string())).size();
    QCOMPARE(info.file_size, total);
    QCOMPARE(info.family, QString("Llama"));

    QVERIFY(QFile::remove(QString::fromStdString(parts[1].string())));
    const auto broken = sikao::ui::read_model_file(listed[0], sikao::ui::ModelSource::ModelsFolder);
    QVERIFY2(broken.error.contains("part 2 of") && broken.error.contains("is missing"), qPrintable(broken.error));
    QCOMPARE(broken.problem, sikao::ui::ModelProblem::Unreadable);
  }

  void broken_files_are_rows_with_the_engines_message() {
    ModelManager m(ini(settings_file("broken.ini")), models_, k_bundled);
    QVERIFY(wait_for_scan(m));
    const QString truncated = cell(m, "truncated.gguf", ModelManager::ErrorRole).toString();
    QVERIFY2(truncated.contains("truncated.gguf"), qPrintable(truncated));
    const QString garbage = cell(m, "garbage.gguf", ModelManager::ErrorRole).toString();
    QVERIFY2(garbage.contains("garbage.gguf"), qPrintable(garbage));
    const QString falcon = cell(m, "falcon-vocab.gguf", ModelManager::ErrorRole).toString();
    QVERIFY2(falcon.contains("falcon") && falcon.contains("not supported"), qPrintable(falcon));
    // A broken file's row still names the file.
    QCOMPARE(cell(m, "truncated.gguf", ModelManager::NameRole).toString(), QString("truncated"));
  }

  void added_folders_and_opened_files_are_listed_and_remembered() {
    QTemporaryDir extra;
    QVERIFY(QFile::link(shared("reference/models/llama-spm-tiny-Q8_0.gguf"), extra.filePath("q8.gguf")));
    QTemporaryDir elsewhere;
    const QString opened = elsewhere.filePath("tied.gguf");
    QVERIFY(QFile::link(shared("reference/models/llama-spm-tiny-tied-Q8_0.gguf"), opened));

    const QString file = settings_file("added.ini");
    {
      ModelManager m(ini(file), models_, QString());
      QVERIFY(wait_for_scan(m));
      QCOMPARE(m.rowCount(), 6);
      QSignalSpy folders(&m, &ModelManager::foldersChanged);
      m.addFolder(QUrl::fromLocalFile(extra.path()).toString());
      QCOMPARE(folders.count(), 1);
      m.addFile(QUrl::fromLocalFile(opened).toString());  // FileDialog gives URLs
      QVERIFY(wait_for_scan(m));
      QCOMPARE(m.rowCount(), 8);
      QCOMPARE(cell(m, "q8.gguf", ModelManager::QuantRole).toString(), QString("Q8_0"));
      QVERIFY(cell(m, "tied.gguf", ModelManager::OpenedFileRole).toBool());
      m.addFolder(extra.path());  // already there: no duplicate
      QCOMPARE(m.folders(), QStringList{extra.path()});
    }
    ModelManager again(ini(file), models_, QString());
    QVERIFY(wait_for_scan(again));
    QCOMPARE(again.rowCount(), 8);
    QCOMPARE(again.folders(), QStringList{extra.path()});
    again.removeFolder(extra.path());
    again.removeFile(opened);
    QVERIFY(wait_for_scan(again));
    QCOMPARE(again.rowCount(), 6);
    QCOMPARE(row_of(again, "q8.gguf"), -1);
  }

  void load_follows_the_engines_reports() {
    ModelManager m(ini(settings_file("states.ini")), models_, k_bundled);
    QVERIFY(wait_for_scan(m));
    QSignalSpy requested(&m, &ModelManager::loadRequested);
    QCOMPARE(m.state(), ModelManager::State::Idle);

    const QString stories = models_ + "/stories260K.gguf";
    m.load(stories);
    QCOMPARE(m.state(), ModelManager::State::Loading);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), stories);
    m.load(k_bundled);  // one load at a time
    QCOMPARE(requested.count(), 1);

    m.onLoadProgress(0.5);
    QCOMPARE(m.progress(), 0.5);
    m.onLoadProgress(0.25);  // never backwards
    QCOMPARE(m.progress(), 0.5);
    m.onLoadProgress(7.0);
    QCOMPARE(m.progress(), 1.0);

    m.onLoaded(sikao::test::loaded_model(stories, "llvmpipe", 2048));
    QCOMPARE(m.state(), ModelManager::State::Loaded);
    QCOMPARE(m.loadedPath(), stories);
    QCOMPARE(m.loadedName(), QString("llama"));  // general.name of stories260K
    QCOMPARE(m.loadedDevice(), QString("llvmpipe"));
    QCOMPARE(m.loadedContextLength(), 2048);
    QCOMPARE(m.loadedDeviceMemory(), QString());  // the engine did not say
    QCOMPARE(m.loadedSystemMemory(), QString());
    QVERIFY(cell(m, "stories260K.gguf", ModelManager::LoadedRole).toBool());
    QVERIFY(!cell(m, "llama-spm-tiny-Q4_K_M.gguf", ModelManager::LoadedRole).toBool());

    // The engine frees the old model first, so a failed load leaves nothing loaded.
    m.loadRow(row_of(m, "llama-spm-tiny-Q4_K_M.gguf"));
    QCOMPARE(m.state(), ModelManager::State::Loading);
    QCOMPARE(m.progress(), 0.0);
    QCOMPARE(m.loadedPath(), QString());
    m.onLoadFailed({sikao::ui::ErrorKind::OutOfMemory, "model too large for the device"});
    QCOMPARE(m.state(), ModelManager::State::Failed);
    QCOMPARE(m.errorSentence(), sikao::ui::error_sentence(sikao::ui::ErrorKind::OutOfMemory));
    QCOMPARE(m.errorDetail(), QString("model too large for the device"));
    QCOMPARE(m.loadedDeviceMemory(), QString());
    m.onLoadProgress(0.9);  // late progress after the end is ignored
    QCOMPARE(m.progress(), 0.0);
    QVERIFY(!cell(m, "stories260K.gguf", ModelManager::LoadedRole).toBool());
  }

  void a_known_broken_file_fails_at_once_without_asking_the_engine() {
    ModelManager m(ini(settings_file("refuse.ini")), models_, k_bundled);
    QVERIFY(wait_for_scan(m));
    QSignalSpy requested(&m, &ModelManager::loadRequested);
    m.load(truncated_);
    QCOMPARE(m.state(), ModelManager::State::Failed);
    QCOMPARE(m.error()->kind, sikao::ui::ErrorKind::CorruptFile);
    QVERIFY2(m.errorDetail().contains("truncated.gguf"), qPrintable(m.errorDetail()));
    m.load(dir_.filePath("no-such-model.gguf"));
    QCOMPARE(m.state(), ModelManager::State::Failed);
    QCOMPARE(m.error()->kind, sikao::ui::ErrorKind::ModelFileMissing);
    QVERIFY2(m.errorDetail().contains("no-such-model.gguf"), qPrintable(m.errorDetail()));
    QCOMPARE(requested.count(), 0);
    // The app stays usable: a good model loads next.
    m.load(k_bundled);
    QCOMPARE(m.state(), ModelManager::State::Loading);
    QVERIFY(!m.error());
  }

  // Whatever the engine's message, a load the user cancelled reads as cancelled, not failed.
  void a_cancelled_load_reads_as_cancelled() {
    ModelManager m(ini(settings_file("cancel.ini")), models_, k_bundled);
    QVERIFY(wait_for_scan(m));
    QSignalSpy cancelled(&m, &ModelManager::cancelRequested);
    m.cancel();  // nothing to cancel
    QCOMPARE(cancelled.count(), 0);
    m.load(k_bundled);
    m.onLoadProgress(0.3);
    m.cancel();
    m.cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(m.cancelling());
    QCOMPARE(m.state(), ModelManager::State::Loading);
    m.onLoadFailed({sikao::ui::ErrorKind::CorruptFile, "upload stopped half-way"});
    QCOMPARE(m.state(), ModelManager::State::Cancelled);
    QCOMPARE(m.error()->kind, sikao::ui::ErrorKind::Cancelled);
    QCOMPARE(m.errorSentence(), QString("Loading was cancelled."));
    QVERIFY(!m.cancelling());

    // A load that finished before the cancel reached the engine counts as loaded.
    m.load(k_bundled);
    m.cancel();
    m.onLoaded(sikao::test::loaded_model(k_bundled, "gpu", 512));
    QCOMPARE(m.state(), ModelManager::State::Loaded);
    QVERIFY(!m.cancelling());
  }

  void the_last_loaded_model_is_the_next_startup_model() {
    const QString file = settings_file("last.ini");
    const QString llama = models_ + "/llama-spm-tiny-Q4_K_M.gguf";
    {
      ModelManager m(ini(file), models_, k_bundled);
      QVERIFY(wait_for_scan(m));
      // Nothing loaded yet: the first .gguf of the folder by name.
      QCOMPARE(m.startupModel(), models_ + "/falcon-vocab.gguf");
      m.load(llama);
      m.onLoaded(sikao::test::loaded_model(llama, "gpu", 4096));
    }
    QCOMPARE(QSettings(file, QSettings::IniFormat).value(sikao::ui::k_last_model_key).toString(), llama);
    ModelManager m(ini(file), models_, k_bundled);
    QCOMPARE(m.startupModel(), llama);
    QCOMPARE(m.startupModel(k_bundled), k_bundled);  // the command line wins
    QSignalSpy requested(&m, &ModelManager::loadRequested);
    QVERIFY(m.loadStartupModel());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), llama);
    QVERIFY(wait_for_scan(m));
  }

  void first_run_without_models_offers_the_bundled_demo() {
    QTemporaryDir empty;
    ModelManager m(ini(settings_file("first.ini")), empty.filePath("models"), k_bundled);
    QVERIFY(wait_for_scan(m));
    QVERIFY(!m.hasOwnModels());
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(m.startupModel(), k_bundled);
    QVERIFY(m.ensureModelsFolder());
    QVERIFY(QFileInfo(m.modelsFolder()).isDir());

    ModelManager nothing(ini(settings_file("nothing.ini")), empty.filePath("models"), QString());
    QVERIFY(wait_for_scan(nothing));
    QCOMPARE(nothing.startupModel(), QString());
    QSignalSpy requested(&nothing, &ModelManager::loadRequested);
    QVERIFY(!nothing.loadStartupModel());
    QCOMPARE(requested.count(), 0);

    // Broken files do not count as the user's own models.
    ModelManager broken_only(ini(settings_file("broken-only.ini")), empty.filePath("models"), k_bundled);
    QVERIFY(wait_for_scan(broken_only));
    broken_only.addFile(truncated_);
    QVERIFY(wait_for_scan(broken_only));
    QCOMPARE(broken_only.rowCount(), 2);
    QVERIFY(!broken_only.hasOwnModels());
  }

  void a_file_put_into_the_models_folder_shows_up_by_itself() {
    QTemporaryDir empty;
    const QString folder = empty.filePath("models");
    ModelManager m(ini(settings_file("watch.ini")), folder, k_bundled);
    QVERIFY(wait_for_scan(m));
    QVERIFY(m.needsFirstRun());
    QVERIFY(m.ensureModelsFolder());  // the first-run page creates it; from then on it is watched
    QSignalSpy first_run(&m, &ModelManager::firstRunChanged);
    QVERIFY(QFile::link(shared("models/stories260K/stories260K.gguf"), folder + "/stories.gguf"));
    QTRY_COMPARE_WITH_TIMEOUT(m.rowCount(), 2, 10000);
    QVERIFY(wait_for_scan(m));
    QVERIFY(m.hasOwnModels());
    QVERIFY(!m.needsFirstRun());
    QVERIFY(first_run.count() >= 1);

    // Loading the demo also ends the first run, and a failure brings it back.
    QTemporaryDir other;
    ModelManager demo(ini(settings_file("watch-demo.ini")), other.filePath("models"), k_bundled);
    QVERIFY(wait_for_scan(demo));
    QVERIFY(demo.needsFirstRun());
    demo.load(k_bundled);
    QVERIFY(!demo.needsFirstRun());
    demo.onLoadFailed({sikao::ui::ErrorKind::NoVulkanDevice, "no device"});
    QVERIFY(demo.needsFirstRun());
  }

  void reasoning_is_told_by_the_template_or_by_both_tags_in_the_vocabulary() {
    QTemporaryDir dir;
    const auto write = [&](const char* name, const QByteArray& bytes) {
      QFile f(dir.filePath(name));
      f.open(QIODevice::WriteOnly);
      f.write(bytes);
      return dir.filePath(name);
    };
    const QList<QByteArray> plain = {"a", "b", "<|im_start|>"};
    const auto reasons = [](const QString& path) {
      return sikao::ui::read_model_file(path, sikao::ui::ModelSource::OpenedFile).reasons;
    };
    QVERIFY(reasons(write("vocab-both.gguf", minimal_gguf({}, {{"tokenizer.ggml.tokens", plain + QList<QByteArray>{"<think>", "</think>"}}}))));
    QVERIFY(reasons(write("vocab-other-style.gguf", minimal_gguf({}, {{"tokenizer.ggml.tokens", plain + QList<QByteArray>{"[THINK]", "[/THINK]"}}}))));
    QVERIFY(!reasons(write("vocab-open-only.gguf", minimal_gguf({}, {{"tokenizer.ggml.tokens", plain + QList<QByteArray>{"<think>"}}}))));
    QVERIFY(!reasons(write("vocab-plain.gguf", minimal_gguf({}, {{"tokenizer.ggml.tokens", plain}}))));
    QVERIFY(reasons(write("template-switch.gguf",
                          minimal_gguf({{"tokenizer.chat_template", "{% if enable_thinking %}...{% endif %}"}}, {}))));
    QVERIFY(reasons(write("template-tag.gguf",
                          minimal_gguf({{"tokenizer.chat_template", "{{ '<|im_start|>assistant\\n<think>\\n' }}"}}, {}))));
    QVERIFY(!reasons(write("template-plain.gguf",
                           minimal_gguf({{"tokenizer.chat_template", "{{ messages[0]['content'] }}"}}, {}))));
    // None of these is a runnable model, and each row says so.
    const auto info = sikao::ui::read_model_file(dir.filePath("vocab-both.gguf"), sikao::ui::ModelSource::OpenedFile);
    QVERIFY2(!info.error.isEmpty(), "a vocabulary without weights is not loadable");
  }

  void role_names_are_what_the_qml_pages_use() {
    ModelManager m(ini(settings_file("roles.ini")), models_, QString());
    const auto roles = m.roleNames();
    for (const char* name : {"path", "name", "architecture", "family", "fileSizeText", "quant", "contextLength",
                             "parametersText", "reasons", "bundled", "error", "loaded"}) {
      QVERIFY2(roles.values().contains(QByteArray(name)), name);
    }
    QVERIFY(wait_for_scan(m));
  }
};

QTEST_GUILESS_MAIN(TestModelManager)
#include "tst_model_manager.moc"
