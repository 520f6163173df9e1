// Model discovery (ui/models/model_discovery.h) over scratch home folders laid out as each app
// lays out its models: an Ollama manifest in its real JSON format naming a blob that is a small
// GGUF, LM Studio's publisher/model/file.gguf tree, Jan's model folders, a Hugging Face hub
// snapshot of symlinks into blobs/, GPT4All's and llama.cpp's flat folders. Checks the names,
// apps and can-run verdicts with their reasons; that nothing outside the scratch home is opened
// (inotify) and nothing inside it changes; that a home of 100,000 files neither blocks the UI
// thread nor the scan past its limits; and that a .gguf dropped on the window is loaded.

#include <sys/inotify.h>
#include <unistd.h>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QtTest>
#include <cstring>
#include <map>

#include "common/error.h"
#include "gguf/gguf.h"
#include "gguf/split.h"
#include "gguf/writer.h"
#include "model/random_model.h"
#include "models/found_models.h"
#include "models/model_discovery.h"
#include "models/model_manager.h"

using namespace sikao::ui;

namespace {

const QString k_hex_a = QString(64, QLatin1Char('a'));
const QString k_hex_b = QStringLiteral("b0") + QString(62, QLatin1Char('1'));

bool make_path(const QString& path) { return QDir().mkpath(path); }

bool write(const QString& path, const QByteArray& bytes) {
  if (!make_path(QFileInfo(path).path())) return false;
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// A tiny random qwen2 model, what sikao-bench make-model writes (model/random_model.h).
void write_tiny_model(const QString& path,
                      sikao::model::FileType type = sikao::model::FileType::Q8_0) {
  make_path(QFileInfo(path).path());
  sikao::model::RandomModelOptions o;
  o.shape.architecture = sikao::model::Architecture::Qwen2;
  o.shape.n_vocab = 320;
  o.shape.n_embd = 64;
  o.shape.n_layer = 1;
  o.shape.n_head = 2;
  o.shape.n_head_kv = 1;
  o.shape.n_ff = 128;
  o.shape.n_ctx = 128;
  o.file_type = type;
  o.overwrite = sikao::gguf::Overwrite::Replace;
  sikao::model::write_random_model(path.toStdString(), o);
}

// A well-formed GGUF of an architecture Sikao does not run.
void write_bert(const QString& path) {
  make_path(QFileInfo(path).path());
  sikao::gguf::GgufWriter w;
  w.set_string("general.architecture", "bert");
  w.add_tensor({"token_embd.weight", sikao::gguf::TensorType::F32, {8, 4}});
  w.begin(path.toStdString(), sikao::gguf::Overwrite::Replace);
  const std::vector<std::byte> zeros(8 * 4 * 4);
  w.write(zeros);
  w.finish();
}

// Rewrites the type id of one tensor in a file's tensor table (Q4_0 → IQ4_NL: both 18 bytes a
// block of 32, so the data section still fits): a model with a tensor type Sikao cannot run.
void retype_tensor(const QString& path, const std::string& tensor, uint32_t from, uint32_t to) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::ReadWrite));
  QByteArray bytes = f.readAll();
  QByteArray needle(8, '\0');
  const uint64_t len = tensor.size();
  std::memcpy(needle.data(), &len, 8);
  needle += QByteArray::fromStdString(tensor);
  const qsizetype at = bytes.indexOf(needle);
  QVERIFY(at > 0);
  uint32_t n_dims = 0;
  std::memcpy(&n_dims, bytes.constData() + at + needle.size(), 4);
  const qsizetype type_at = at + needle.size() + 4 + 8 * qsizetype(n_dims);
  uint32_t type = 0;
  std::memcpy(&type, bytes.constData() + type_at, 4);
  QCOMPARE(type, from);
  std::memcpy(bytes.data() + type_at, &to, 4);
  QVERIFY(f.seek(0));
  QCOMPARE(f.write(bytes), bytes.size());
}

// An Ollama manifest as `ollama pull` writes it (Docker distribution manifest v2).
QByteArray ollama_manifest(const QString& model_digest) {
  return QStringLiteral(
             R"({"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",)"
             R"("config":{"mediaType":"application/vnd.docker.container.image.v1+json",)"
             R"("digest":"sha256:%1","size":487},"layers":[)"
             R"({"mediaType":"application/vnd.ollama.image.model","digest":"%2","size":1000},)"
             R"({"mediaType":"application/vnd.ollama.image.template","digest":"sha256:%1","size":1615},)"
             R"({"mediaType":"application/vnd.ollama.image.license","digest":"sha256:%1","size":11343},)"
             R"({"mediaType":"application/vnd.ollama.image.params","digest":"sha256:%1","size":148}]})")
      .arg(QString(64, QLatin1Char('c')), model_digest)
      .toUtf8();
}

const FoundModel* find(const DiscoveryResult& r, ModelApp app, const QString& name) {
  for (const auto& m : r.models) {
    if (m.app == app && m.name == name) return &m;
  }
  return nullptr;
}

QString describe(const DiscoveryResult& r) {
  QStringList out;
  for (const auto& m : r.models) out << app_name(m.app) + QLatin1String(": ") + m.name;
  return out.join(QLatin1String("; "));
}

// Paths, sizes and modification times of everything under `root` (symlinks not followed).
std::map<QString, QPair<qint64, qint64>> snapshot(const QString& root) {
  std::map<QString, QPair<qint64, qint64>> out;
  QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                  QDirIterator::Subdirectories);
  while (it.hasNext()) {
    it.next();
    const QFileInfo fi = it.fileInfo();
    out[fi.filePath()] = {fi.isSymLink() ? -1 : fi.size(), fi.lastModified().toMSecsSinceEpoch()};
  }
  return out;
}

// Fills a home with one of each app's layouts; returns the home folder.
class FakeHome {
 public:
  QTemporaryDir dir;
  QString home() const { return dir.filePath("home"); }
  QString at(const QString& relative) const { return home() + QLatin1Char('/') + relative; }

  void build() {
    // LM Studio: publisher/model/file.gguf, a projector beside it, and the older cache folder.
    write_tiny_model(at(".lmstudio/models/lmstudio-community/Tiny-GGUF/Tiny-Q8_0.gguf"));
    write_bert(at(".lmstudio/models/lmstudio-community/Tiny-GGUF/mmproj-Tiny-F16.gguf"));
    write(at(".lmstudio/models/lmstudio-community/Tiny-GGUF/README.md"), "# Tiny\n");
    write_bert(at(".cache/lm-studio/models/TheBloke/Bert-GGUF/bert.Q8_0.gguf"));

    // Ollama: manifests/HOST/NAMESPACE/MODEL/TAG → blobs/sha256-HEX.
    const QString ollama = at(".ollama/models");
    write_tiny_model(ollama + "/blobs/sha256-" + k_hex_a);
    write(ollama + "/blobs/sha256-" + QString(64, QLatin1Char('c')), "{{ .Prompt }}");
    write(ollama + "/manifests/registry.ollama.ai/library/tiny/latest",
          ollama_manifest("sha256:" + k_hex_a));
    write_tiny_model(ollama + "/blobs/sha256-" + k_hex_b, sikao::model::FileType::Q4_0);
    retype_tensor(ollama + "/blobs/sha256-" + k_hex_b, "blk.0.ffn_up.weight", 2, 20);
    write(ollama + "/manifests/hf.co/bartowski/Tiny-GGUF/IQ4_NL",
          ollama_manifest("sha256:" + k_hex_b));
    write(ollama + "/manifests/registry.ollama.ai/library/partial/latest",
          ollama_manifest("sha256:" + QString(64, QLatin1Char('d'))));
    write(ollama + "/manifests/registry.ollama.ai/library/evil/latest",
          ollama_manifest("sha256:../../../../outside/model.gguf"));

    // Jan 0.6: llamacpp/models/ID/model.gguf beside model.yml.
    write_tiny_model(at(".local/share/Jan/data/llamacpp/models/janhq/Jan-tiny/model.gguf"));
    write(at(".local/share/Jan/data/llamacpp/models/janhq/Jan-tiny/model.yml"),
          "model_path: llamacpp/models/janhq/Jan-tiny/model.gguf\nname: janhq/Jan-tiny\n");

    // GPT4All: flat; this one is not a model at all.
    write(at(".local/share/nomic.ai/GPT4All/broken.gguf"), "GGUF\x03\0\0\0 not really a model");

    // llama.cpp's cache: a model in three parts, listed once.
    write_tiny_model(dir.filePath("whole.gguf"));
    QVERIFY(make_path(at(".cache/llama.cpp")));
    sikao::gguf::write_split(sikao::gguf::GgufFile::open(dir.filePath("whole.gguf").toStdString()),
                             at(".cache/llama.cpp/org_Tiny-GGUF_tiny-Q8_0").toStdString(), 6,
                             sikao::gguf::Overwrite::Refuse);

    // Hugging Face hub: two snapshots linking the same blob.
    const QString repo = at(".cache/huggingface/hub/models--org--Tiny-GGUF");
    write_tiny_model(repo + "/blobs/" + k_hex_a);
    write(repo + "/refs/main", "1111111111111111111111111111111111111111");
    for (const char* revision :
         {"1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222"}) {
      const QString snapshot = repo + "/snapshots/" + revision;
      QVERIFY(make_path(snapshot + "/sub"));
      QVERIFY(QFile::link("../../blobs/" + k_hex_a, snapshot + "/tiny-Q8_0.gguf"));
    }
  }
};

}  // namespace

class TestModelDiscovery : public QObject {
  Q_OBJECT

 private slots:
  void finds_each_apps_models_with_names_and_verdicts() {
    FakeHome h;
    h.build();
    const DiscoveryResult r = discover_models(h.home());
    QVERIFY(!r.truncated);
    QVERIFY2(r.models.size() == 10, qPrintable(describe(r)));

    const auto runs = [&](ModelApp app, const QString& name, const QString& path) {
      const FoundModel* m = find(r, app, name);
      QVERIFY2(m, qPrintable(name + " not in " + describe(r)));
      QVERIFY2(m->info.error.isEmpty(), qPrintable(m->info.error));
      QCOMPARE(m->info.problem, ModelProblem::None);
      QCOMPARE(FoundModelList::reason(m->info), QString());
      QCOMPARE(m->info.architecture, QString("qwen2"));
      QCOMPARE(m->info.family, QString("Qwen2"));
      QCOMPARE(m->info.quant, QString("Q8_0"));
      QCOMPARE(m->info.path, path);
      QVERIFY(m->info.file_size > 0);
    };
    runs(ModelApp::LmStudio, "lmstudio-community/Tiny-GGUF/Tiny-Q8_0",
         h.at(".lmstudio/models/lmstudio-community/Tiny-GGUF/Tiny-Q8_0.gguf"));
    runs(ModelApp::Ollama, "tiny:latest", h.at(".ollama/models/blobs/sha256-" + k_hex_a));
    runs(ModelApp::Jan, "janhq/Jan-tiny",
         h.at(".local/share/Jan/data/llamacpp/models/janhq/Jan-tiny/model.gguf"));
    if (QTest::currentTestFailed()) return;
    const QStringList parts =
        QDir(h.at(".cache/llama.cpp")).entryList({"*.gguf"}, QDir::Files, QDir::Name);
    QCOMPARE(parts.size(), 3);
    runs(ModelApp::LlamaCpp, "org_Tiny-GGUF_tiny-Q8_0", h.at(".cache/llama.cpp/" + parts[0]));
    if (QTest::currentTestFailed()) return;
    // The whole split model's size, not its first part's.
    qint64 total = 0;
    for (const QString& part : parts) total += QFileInfo(h.at(".cache/llama.cpp/" + part)).size();
    QCOMPARE(find(r, ModelApp::LlamaCpp, "org_Tiny-GGUF_tiny-Q8_0")->info.file_size, total);
    // One row for the blob two snapshots link to (the first snapshot's link is the path).
    const FoundModel* hf = find(r, ModelApp::HuggingFace, "org/Tiny-GGUF/tiny-Q8_0");
    QVERIFY2(hf, qPrintable(describe(r)));
    QVERIFY(hf->info.error.isEmpty());
    QVERIFY(hf->info.path.contains("/snapshots/"));

    const FoundModel* bert = find(r, ModelApp::LmStudio, "TheBloke/Bert-GGUF/bert.Q8_0");
    QVERIFY(bert);
    QCOMPARE(bert->info.problem, ModelProblem::UnsupportedArchitecture);
    QCOMPARE(bert->info.architecture, QString("bert"));
    QCOMPARE(FoundModelList::reason(bert->info),
             QString("Sikao cannot run the bert architecture yet"));

    const FoundModel* iq = find(r, ModelApp::Ollama, "hf.co/bartowski/Tiny-GGUF:IQ4_NL");
    QVERIFY2(iq, qPrintable(describe(r)));
    QCOMPARE(iq->info.problem, ModelProblem::UnsupportedTensorType);
    QCOMPARE(iq->info.problem_subject, QString("IQ4_NL"));
    QCOMPARE(FoundModelList::reason(iq->info), QString("Sikao cannot run tensor type IQ4_NL yet"));

    const FoundModel* partial = find(r, ModelApp::Ollama, "partial:latest");
    QVERIFY(partial);
    QCOMPARE(partial->info.problem, ModelProblem::Unreadable);
    QVERIFY2(partial->info.error.contains("is missing"), qPrintable(partial->info.error));
    const FoundModel* evil = find(r, ModelApp::Ollama, "evil:latest");
    QVERIFY(evil);
    QCOMPARE(evil->info.problem, ModelProblem::Unreadable);
    QVERIFY2(evil->info.error.contains("not sha256: and 64 lowercase hex digits"),
             qPrintable(evil->info.error));

    const FoundModel* broken = find(r, ModelApp::Gpt4All, "broken");
    QVERIFY(broken);
    QCOMPARE(broken->info.problem, ModelProblem::Unreadable);
    QCOMPARE(FoundModelList::reason(broken->info), QString("Not a model Sikao can read"));

    // Not models: the projector, the second part, the template blob, README.md.
    for (const auto& m : r.models) {
      QVERIFY2(!m.info.path.contains("mmproj") &&
                   (!m.info.path.contains("-of-0000") || m.info.path.contains("-00001-of-")) &&
                   !m.info.path.endsWith(QString(64, QLatin1Char('c'))),
               qPrintable(m.info.path));
    }

    // By app in a fixed order, then by name.
    for (size_t i = 1; i < r.models.size(); ++i) QVERIFY(r.models[i - 1].app <= r.models[i].app);
  }

  // Symlinks out of the home (a model folder, a snapshot file, an app's whole folder) are not
  // followed: inotify on the outside folder sees no open, and the home is the same afterwards.
  void nothing_outside_the_home_is_read_and_nothing_inside_changes() {
    FakeHome h;
    h.build();
    const QString outside = h.dir.filePath("outside");
    write_tiny_model(outside + "/model.gguf");
    write_tiny_model(outside + "/folder/other.gguf");
    QVERIFY(QFile::link(outside + "/folder", h.at(".lmstudio/models/linked-folder")));
    QVERIFY(QFile::link(outside + "/model.gguf",
                        h.at(".cache/huggingface/hub/models--org--Tiny-GGUF/snapshots/"
                             "1111111111111111111111111111111111111111/outside.gguf")));
    // An Ollama blob that is a link out of the home.
    const QString linked_blob = QString(64, QLatin1Char('e'));
    QVERIFY(QFile::link(outside + "/model.gguf", h.at(".ollama/models/blobs/sha256-" + linked_blob)));
    QVERIFY(write(h.at(".ollama/models/manifests/registry.ollama.ai/library/linked/latest"),
                  ollama_manifest("sha256:" + linked_blob)));
    // GPT4All's whole folder a link out of the home.
    QVERIFY(QDir(h.at(".local/share/nomic.ai/GPT4All")).removeRecursively());
    QVERIFY(QFile::link(outside, h.at(".local/share/nomic.ai/GPT4All")));

    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    QVERIFY(fd >= 0);
    for (const QString& watched : {outside, outside + "/folder", outside + "/model.gguf"}) {
      QVERIFY(inotify_add_watch(fd, QFile::encodeName(watched).constData(), IN_OPEN | IN_ACCESS) >=
              0);
    }
    const auto before = snapshot(h.home());

    const DiscoveryResult r = discover_models(h.home());

    alignas(inotify_event) char events[4096];
    const ssize_t n = ::read(fd, events, sizeof events);
    ::close(fd);
    QVERIFY2(n < 0 && errno == EAGAIN,
             qPrintable(
                 QString("%1 bytes of inotify events: a file outside the home was opened").arg(n)));
    QVERIFY(snapshot(h.home()) == before);
    QCOMPARE(r.models.size(), size_t(9));  // all but GPT4All's broken.gguf, now behind the link
    for (const auto& m : r.models) {
      QVERIFY2(!QFileInfo(m.info.path).canonicalFilePath().startsWith(outside),
               qPrintable(m.info.path));
    }
  }

  // Ollama, Hugging Face and llama.cpp keep their models where the user's environment variable
  // says; those folders are looked in (and only they, of everything outside the home).
  void models_moved_by_an_apps_environment_variable_are_found_there() {
    QTemporaryDir dir;
    const QString home = dir.filePath("home");
    QVERIFY(make_path(home));
    const QString elsewhere = dir.filePath("disk");
    write_tiny_model(elsewhere + "/ollama/blobs/sha256-" + k_hex_a);
    QVERIFY(write(elsewhere + "/ollama/manifests/registry.ollama.ai/library/moved/latest",
                  ollama_manifest("sha256:" + k_hex_a)));
    const QString repo = elsewhere + "/hf/hub/models--org--Moved-GGUF";
    write_tiny_model(repo + "/blobs/" + k_hex_b);
    QVERIFY(make_path(repo + "/snapshots/3333333333333333333333333333333333333333"));
    QVERIFY(QFile::link("../../blobs/" + k_hex_b, repo + "/snapshots/3333333333333333333333333333333333333333/moved-Q8_0.gguf"));
    write_tiny_model(elsewhere + "/llama-cache/org_Moved-GGUF_moved-Q8_0.gguf");
    write_tiny_model(dir.filePath("not-a-place/stray.gguf"));
    // A link from a moved folder to a file in no place is not followed.
    QVERIFY(QFile::link(dir.filePath("not-a-place/stray.gguf"), elsewhere + "/llama-cache/stray.gguf"));

    QVERIFY2(discover_models(home).models.empty(), "only the home, which has nothing");

    QProcessEnvironment environment;
    environment.insert("OLLAMA_MODELS", elsewhere + "/ollama");
    environment.insert("HF_HOME", elsewhere + "/hf");
    environment.insert("LLAMA_CACHE", elsewhere + "/llama-cache");
    const DiscoveryPlaces places = DiscoveryPlaces::from_environment(home, environment);
    QCOMPARE(places.hugging_face_hub, elsewhere + "/hf/hub");
    const DiscoveryResult r = discover_models(places);
    QVERIFY2(r.models.size() == 3, qPrintable(describe(r)));
    QVERIFY(find(r, ModelApp::Ollama, "moved:latest"));
    QVERIFY(find(r, ModelApp::HuggingFace, "org/Moved-GGUF/moved-Q8_0"));
    QVERIFY(find(r, ModelApp::LlamaCpp, "org_Moved-GGUF_moved-Q8_0"));
    for (const auto& m : r.models) QVERIFY2(m.info.problem == ModelProblem::None, qPrintable(m.name));

    // HF_HUB_CACHE names the hub itself and wins over HF_HOME; empty variables are unset.
    environment.insert("HF_HUB_CACHE", elsewhere + "/hub-cache");
    environment.insert("OLLAMA_MODELS", "");
    const DiscoveryPlaces again = DiscoveryPlaces::from_environment(home, environment);
    QCOMPARE(again.hugging_face_hub, elsewhere + "/hub-cache");
    QVERIFY(again.ollama_models.isEmpty());
    QCOMPARE(again.home, home);
  }

  void ollama_manifests_are_parsed_strictly_data() {
    QTest::addColumn<QByteArray>("manifest");
    QTest::addColumn<QString>("result");  // the blob name, or a part of the error
    QTest::newRow("real") << ollama_manifest("sha256:" + k_hex_b) << "sha256-" + k_hex_b;
    QTest::newRow("not json") << QByteArray("{\"layers\": [") << "not JSON";
    QTest::newRow("empty") << QByteArray() << "not JSON";
    QTest::newRow("array") << QByteArray("[]") << "no \"layers\" array";
    QTest::newRow("layers not array") << QByteArray(R"({"layers":{}})") << "no \"layers\" array";
    QTest::newRow("no model layer")
        << QByteArray(
               R"({"layers":[{"mediaType":"application/vnd.ollama.image.template","digest":"sha256:)" +
               k_hex_a.toLatin1() + R"("}]})")
        << "no layer of mediaType application/vnd.ollama.image.model";
    QTest::newRow("no digest")
        << QByteArray(R"({"layers":[{"mediaType":"application/vnd.ollama.image.model"}]})")
        << "digest \"\" is not sha256:";
    QTest::newRow("path in digest")
        << ollama_manifest("sha256:../../etc/passwd") << "is not sha256:";
    QTest::newRow("upper-case hex")
        << ollama_manifest("sha256:" + k_hex_a.toUpper()) << "is not sha256:";
    QTest::newRow("short hex") << ollama_manifest("sha256:abc") << "is not sha256:";
    QTest::newRow("other algorithm") << ollama_manifest("sha512:" + k_hex_a) << "is not sha256:";
    QTest::newRow("digest not a string")
        << QByteArray(
               R"({"layers":[{"mediaType":"application/vnd.ollama.image.model","digest":7}]})")
        << "is not sha256:";
  }

  void ollama_manifests_are_parsed_strictly() {
    QFETCH(QByteArray, manifest);
    QFETCH(QString, result);
    try {
      const QString blob = ollama_model_blob(manifest);
      QCOMPARE(blob, result);
    } catch (const sikao::Error& e) {
      QCOMPARE(e.code(), sikao::ErrorCode::InvalidFile);
      QVERIFY2(QString::fromStdString(e.what()).contains(result), e.what());
    }
  }

  // 100,000 files under LM Studio's folder: the scan stops at each of its limits, and run by
  // the model manager it never holds the UI thread.
  void a_home_of_100000_files_is_scanned_within_its_limits_off_the_ui_thread() {
    QTemporaryDir dir;
    const QString home = dir.filePath("home");
    const QString root = home + "/.lmstudio/models/publisher";
    for (int d = 0; d < 100; ++d) {
      const QString folder = root + QString("/repo-%1").arg(d);
      QVERIFY(make_path(folder));
      for (int f = 0; f < 1000; ++f) {
        QFile file(folder +
                   (f % 100 == 0 ? QString("/part-%1.gguf") : QString("/notes-%1.txt")).arg(f));
        QVERIFY(file.open(QIODevice::WriteOnly));
      }
    }

    QElapsedTimer t;
    DiscoveryLimits by_entries;
    by_entries.max_entries = 5000;
    t.start();
    DiscoveryResult r = discover_models(home, by_entries);
    QVERIFY(r.truncated);
    qInfo("entry limit 5000: %lld ms, %zu files described", t.elapsed(), r.models.size());

    DiscoveryLimits by_time;
    by_time.max_entries = 1 << 30;
    by_time.max_models = 1 << 30;
    // Unbounded, the 100,000 entries take ~150 ms here (2-core VM, tmpfs); 10 ms stops it early,
    // and it returns within one directory entry or header read of the limit.
    by_time.time_limit = std::chrono::milliseconds(10);
    t.restart();
    r = discover_models(home, by_time);
    const qint64 elapsed = t.elapsed();
    qInfo("time limit 10 ms: %lld ms, truncated %d, %zu files described", elapsed, int(r.truncated),
          r.models.size());
    QVERIFY(r.truncated);
    QVERIFY2(elapsed < 200, qPrintable(QString::number(elapsed)));

    DiscoveryLimits by_models;
    by_models.max_models = 50;
    r = discover_models(home, by_models);
    QVERIFY(r.truncated);
    QCOMPARE(r.models.size(), size_t(50));

    // The stall probe: a 10 ms timer on the UI thread while the manager scans with the default
    // limits; no gap may exceed 100 ms.
    QTemporaryDir settings;
    ModelManager m(std::make_unique<QSettings>(settings.filePath("s.ini"), QSettings::IniFormat),
                   settings.filePath("models"), QString());
    m.setDiscoveryPlaces(home);
    QElapsedTimer gap;
    qint64 worst = 0;
    QTimer probe;
    QObject::connect(&probe, &QTimer::timeout, [&] { worst = std::max(worst, gap.restart()); });
    probe.start(10);
    gap.start();
    t.restart();
    m.discover();
    QVERIFY(m.discovering());
    QVERIFY(QTest::qWaitFor([&] { return !m.discovering(); }, 30000));
    probe.stop();
    qInfo("manager scan: %lld ms, %d rows, truncated %d, worst UI-thread gap %lld ms", t.elapsed(),
          m.found()->rowCount(), int(m.discoveryTruncated()), worst);
    QVERIFY2(worst < 100, qPrintable(QString::number(worst)));
    QVERIFY(m.found()->rowCount() > 0);
  }

  void a_gguf_dropped_on_the_window_is_added_and_loaded() {
    QTemporaryDir dir;
    const QString model = dir.filePath("dropped.gguf");
    write_tiny_model(model);
    write(dir.filePath("notes.txt"), "not a model");
    ModelManager m(std::make_unique<QSettings>(dir.filePath("s.ini"), QSettings::IniFormat),
                   dir.filePath("models"), QString());
    QVERIFY(QTest::qWaitFor([&] { return !m.scanning(); }, 30000));
    QSignalSpy requested(&m, &ModelManager::loadRequested);
    QVERIFY(!m.openDropped(
        {QUrl::fromLocalFile(dir.filePath("notes.txt")), QUrl("https://example.com/x.gguf")}));
    QCOMPARE(requested.count(), 0);
    QVERIFY(m.openDropped(
        {QUrl::fromLocalFile(dir.filePath("notes.txt")), QUrl::fromLocalFile(model)}));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), model);
    QCOMPARE(m.state(), ModelManager::State::Loading);
    QVERIFY(QTest::qWaitFor([&] { return !m.scanning() && m.rowCount() == 1; }, 30000));
    QCOMPARE(m.data(m.index(0), ModelManager::PathRole).toString(), model);
  }

  // The models page asks once per run; Refresh (discover) asks again.
  void discover_once_looks_only_the_first_time() {
    FakeHome h;
    h.build();
    QTemporaryDir dir;
    ModelManager m(std::make_unique<QSettings>(dir.filePath("s.ini"), QSettings::IniFormat),
                   dir.filePath("models"), QString());
    m.setDiscoveryPlaces(h.home());
    QSignalSpy changed(&m, &ModelManager::discoveringChanged);
    m.discoverOnce();
    QVERIFY(m.discovering());
    QVERIFY(QTest::qWaitFor([&] { return !m.discovering(); }, 30000));
    QCOMPARE(m.found()->rowCount(), 10);
    m.discoverOnce();
    QVERIFY(!m.discovering());
    QCOMPARE(changed.count(), 2);
    m.discover();
    QVERIFY(m.discovering());
    QVERIFY(QTest::qWaitFor([&] { return !m.discovering(); }, 30000));
  }

  void a_manager_without_a_discovery_home_looks_nowhere() {
    QTemporaryDir dir;
    ModelManager m(std::make_unique<QSettings>(dir.filePath("s.ini"), QSettings::IniFormat),
                   dir.filePath("models"), QString());
    m.discover();
    QVERIFY(!m.discovering());
    QCOMPARE(m.found()->rowCount(), 0);
  }
};

QTEST_GUILESS_MAIN(TestModelDiscovery)
#include "tst_model_discovery.moc"
