#include "models/model_discovery.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <functional>

#include "common/error.h"
#include "gguf/split.h"

namespace sikao::ui {
namespace {

using Clock = std::chrono::steady_clock;

constexpr qint64 k_max_manifest_bytes = 1 << 20;  // real manifests are under 2 KB
constexpr auto k_ollama_model_layer = "application/vnd.ollama.image.model";

// What one scan may still spend: directory entries, headers read and time, over all apps.
class Budget {
 public:
  Budget(const DiscoveryLimits& limits, const std::atomic<bool>* cancel)
      : limits_(limits), cancel_(cancel), deadline_(Clock::now() + limits.time_limit) {}

  // False once any limit is reached (and from then on).
  bool ok() {
    if (!spent_ &&
        ((cancel_ && cancel_->load(std::memory_order_relaxed)) || Clock::now() >= deadline_)) {
      spent_ = true;
    }
    return !spent_;
  }
  bool take_entry() {
    spent_ = spent_ || ++entries_ > limits_.max_entries;
    return ok();
  }
  bool take_model() {
    spent_ = spent_ || ++models_ > limits_.max_models;
    return ok();
  }
  bool spent() const { return spent_; }
  int max_depth() const { return limits_.max_depth; }

 private:
  DiscoveryLimits limits_;
  const std::atomic<bool>* cancel_;
  Clock::time_point deadline_;
  int entries_ = 0;
  int models_ = 0;
  bool spent_ = false;
};

// "pub/repo/file.gguf" → "pub/repo/file"; a split model's first part "NAME-00001-of-00003.gguf"
// → "NAME" (it stands for the whole model).
QString without_gguf(const QString& name) {
  if (gguf::parse_split_name(name.toStdString())) return name.chopped(20);
  return name.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive) ? name.chopped(5) : name;
}

class Scan {
 public:
  Scan(const DiscoveryPlaces& places, const DiscoveryLimits& limits, const std::atomic<bool>* cancel)
      : home_(QDir::cleanPath(places.home)),
        ollama_models_(root_or_home(places.ollama_models, QStringLiteral(".ollama/models"))),
        hugging_face_hub_(root_or_home(places.hugging_face_hub, QStringLiteral(".cache/huggingface/hub"))),
        llama_cpp_cache_(root_or_home(places.llama_cpp_cache, QStringLiteral(".cache/llama.cpp"))),
        budget_(limits, cancel) {
    for (const QString& place : {places.home, places.ollama_models, places.hugging_face_hub, places.llama_cpp_cache}) {
      const QString canonical = place.isEmpty() ? QString() : QFileInfo(place).canonicalFilePath();
      if (!canonical.isEmpty()) places_canonical_.push_back(canonical);
    }
  }

  DiscoveryResult run() {
    lm_studio();
    ollama();
    jan();
    flat(ModelApp::Gpt4All, at_home(QStringLiteral(".local/share/nomic.ai/GPT4All")));
    flat(ModelApp::LlamaCpp, llama_cpp_cache_);
    hugging_face();
    std::stable_sort(
        result_.models.begin(), result_.models.end(), [](const FoundModel& a, const FoundModel& b) {
          return a.app != b.app ? a.app < b.app : a.name.localeAwareCompare(b.name) < 0;
        });
    result_.truncated = budget_.spent();
    return std::move(result_);
  }

 private:
  using OnFile = std::function<void(const QString& path, const QString& relative)>;

  QString at_home(const QString& relative) const { return home_ + QLatin1Char('/') + relative; }
  QString root_or_home(const QString& moved, const QString& in_home) const {
    return moved.isEmpty() ? at_home(in_home) : QDir::cleanPath(moved);
  }

  // Inside a place once every symlink is resolved.
  bool inside_places(const QString& canonical) const {
    return std::any_of(places_canonical_.begin(), places_canonical_.end(), [&](const QString& place) {
      return canonical.startsWith(place + QLatin1Char('/'));
    });
  }

  // Calls on_file for every file under `dir` whose name passes `wanted`, to the depth limit.
  // Directory symlinks are not entered; a file symlink counts only when it resolves to a regular
  // file inside a place.
  void walk(const QString& dir, const QString& relative, int depth,
            const std::function<bool(const QString&)>& wanted, const OnFile& on_file) {
    QDirIterator it(dir,
                    QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    while (it.hasNext() && budget_.take_entry()) {
      it.next();
      const QFileInfo fi = it.fileInfo();
      const QString rel =
          relative.isEmpty() ? fi.fileName() : relative + QLatin1Char('/') + fi.fileName();
      if (fi.isSymLink()) {
        const QString target = fi.canonicalFilePath();
        if (!target.isEmpty() && inside_places(target) && QFileInfo(target).isFile() &&
            wanted(fi.fileName())) {
          on_file(fi.filePath(), rel);
        }
      } else if (fi.isDir()) {
        if (depth < budget_.max_depth()) walk(fi.filePath(), rel, depth + 1, wanted, on_file);
      } else if (fi.isFile() && wanted(fi.fileName())) {
        on_file(fi.filePath(), rel);
      }
    }
  }

  static bool is_model_file(const QString& name) {
    // A vision projector (mmproj-*.gguf) goes with a model and is not one; a later part of a
    // split model is listed through its first part.
    return name.endsWith(QLatin1String(".gguf"), Qt::CaseInsensitive) &&
           !name.startsWith(QLatin1String("mmproj"), Qt::CaseInsensitive) &&
           !is_later_split_part(name);
  }

  // An app's folder that exists and, resolved, is a place or lies inside one.
  bool usable_root(const QString& root) const {
    const QFileInfo fi(root);
    const QString canonical = fi.canonicalFilePath();
    return fi.isDir() &&
           (inside_places(canonical) || std::find(places_canonical_.begin(), places_canonical_.end(),
                                                  canonical) != places_canonical_.end());
  }

  void walk_models(const QString& root, const OnFile& on_file) {
    if (usable_root(root)) walk(root, QString(), 0, is_model_file, on_file);
  }

  // Describes the file once (the first app that has it wins: LM Studio may link to a blob that
  // Ollama also lists); a file that resolves to outside the places (an Ollama blob linked
  // elsewhere) is not read.
  void add(ModelApp app, const QString& name, const QString& path) {
    const QString key = QFileInfo(path).canonicalFilePath();
    if (!inside_places(key) || seen_.contains(key) || !budget_.take_model()) return;
    seen_.insert(key);
    result_.models.push_back({app, name, read_model_file(path, ModelSource::Discovered)});
  }

  void add_broken(ModelApp app, const QString& name, const QString& path, const QString& error) {
    FoundModel m{app, name, {}};
    m.info.path = path;
    m.info.source = ModelSource::Discovered;
    m.info.name = name;
    m.info.error = error;
    m.info.problem = ModelProblem::Unreadable;
    result_.models.push_back(std::move(m));
  }

  void lm_studio() {
    for (const char* root : {".lmstudio/models", ".cache/lm-studio/models"}) {
      walk_models(at_home(QLatin1String(root)), [&](const QString& path, const QString& rel) {
        add(ModelApp::LmStudio, without_gguf(rel), path);
      });
    }
  }

  void jan() {
    for (const char* root :
         {".local/share/Jan/data/llamacpp/models", ".local/share/Jan/data/models", "jan/models"}) {
      walk_models(at_home(QLatin1String(root)), [&](const QString& path, const QString& rel) {
        // Jan 0.6 keeps ID/model.gguf beside model.yml: the folders are the model's name.
        const QString name =
            rel.endsWith(QLatin1String("/model.gguf")) ? rel.chopped(11) : without_gguf(rel);
        add(ModelApp::Jan, name, path);
      });
    }
  }

  void flat(ModelApp app, const QString& root) {
    walk_models(root, [&](const QString& path, const QString& rel) {
      add(app, without_gguf(QFileInfo(rel).fileName()), path);
    });
  }

  // hub/models--ORG--REPO/snapshots/REVISION/…/FILE.gguf → "ORG/REPO/…/FILE".
  void hugging_face() {
    const QString& hub = hugging_face_hub_;
    if (!usable_root(hub)) return;
    QDirIterator repos(hub, {QStringLiteral("models--*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    while (repos.hasNext() && budget_.take_entry()) {
      repos.next();
      if (repos.fileInfo().isSymLink()) continue;
      const QString repo = repos.fileName().mid(8).replace(QLatin1String("--"), QLatin1String("/"));
      const QString snapshots = repos.filePath() + QLatin1String("/snapshots");
      if (!QFileInfo(snapshots).isDir() || QFileInfo(snapshots).isSymLink()) continue;
      QDirIterator revisions(snapshots, QDir::Dirs | QDir::NoDotAndDotDot);
      while (revisions.hasNext() && budget_.take_entry()) {
        revisions.next();
        if (revisions.fileInfo().isSymLink()) continue;
        walk(revisions.filePath(), QString(), 0, is_model_file,
             [&](const QString& path, const QString& rel) {
               add(ModelApp::HuggingFace, repo + QLatin1Char('/') + without_gguf(rel), path);
             });
      }
    }
  }

  // models/manifests/HOST/NAMESPACE/MODEL/TAG, each naming its GGUF in models/blobs.
  void ollama() {
    const QString& models = ollama_models_;
    const QString manifests = models + QLatin1String("/manifests");
    if (!usable_root(manifests)) return;
    walk(
        manifests, QString(), 0, [](const QString&) { return true; },
        [&](const QString& path, const QString& rel) {
          const QStringList parts = rel.split(QLatin1Char('/'));
          if (parts.size() != 4) return;  // not HOST/NAMESPACE/MODEL/TAG
          const bool library = parts[0] == QLatin1String("registry.ollama.ai") &&
                               parts[1] == QLatin1String("library");
          const QString name = (library ? parts[2] : parts.mid(0, 3).join(QLatin1Char('/'))) +
                               QLatin1Char(':') + parts[3];
          try {
            QFile file(path);
            if (file.size() > k_max_manifest_bytes) {
              throw Error(ErrorCode::InvalidFile,
                          QStringLiteral("%1 bytes, too large for a manifest")
                              .arg(file.size())
                              .toStdString());
            }
            if (!file.open(QIODevice::ReadOnly)) {
              throw Error(ErrorCode::Io, file.errorString().toStdString());
            }
            const QString blob =
                models + QLatin1String("/blobs/") + ollama_model_blob(file.readAll());
            if (!QFileInfo(blob).isFile()) {
              add_broken(ModelApp::Ollama, name, blob,
                         QStringLiteral("%1: the model file its manifest names is missing (a "
                                        "download that did not finish?)")
                             .arg(blob));
              return;
            }
            add(ModelApp::Ollama, name, blob);
          } catch (const Error& e) {
            add_broken(ModelApp::Ollama, name, path,
                       QStringLiteral("%1: not a usable Ollama manifest: %2")
                           .arg(path, QString::fromStdString(e.what())));
          }
        });
  }

  QString home_;
  QString ollama_models_;  // each app's folder: in the home, or where its variable moved it
  QString hugging_face_hub_;
  QString llama_cpp_cache_;
  std::vector<QString> places_canonical_;  // the only folders anything is read from
  Budget budget_;
  QSet<QString> seen_;
  DiscoveryResult result_;
};

bool is_sha256_hex(const QString& hex) {
  return hex.size() == 64 && std::all_of(hex.begin(), hex.end(), [](QChar c) {
           return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
         });
}

}  // namespace

QString app_name(ModelApp app) {
  switch (app) {
    case ModelApp::LmStudio:
      return QStringLiteral("LM Studio");
    case ModelApp::Ollama:
      return QStringLiteral("Ollama");
    case ModelApp::Jan:
      return QStringLiteral("Jan");
    case ModelApp::Gpt4All:
      return QStringLiteral("GPT4All");
    case ModelApp::LlamaCpp:
      return QStringLiteral("llama.cpp");
    case ModelApp::HuggingFace:
      return QStringLiteral("Hugging Face");
  }
  return {};
}

QString ollama_model_blob(const QByteArray& manifest) {
  QJsonParseError parse{};
  const QJsonDocument doc = QJsonDocument::fromJson(manifest, &parse);
  if (parse.error != QJsonParseError::NoError) {
    throw Error(ErrorCode::InvalidFile, QStringLiteral("not JSON (%1 at byte %2)")
                                            .arg(parse.errorString())
                                            .arg(parse.offset)
                                            .toStdString());
  }
  if (!doc.isObject() || !doc.object().value(QLatin1String("layers")).isArray()) {
    throw Error(ErrorCode::InvalidFile, "no \"layers\" array");
  }
  for (const QJsonValue& layer : doc.object().value(QLatin1String("layers")).toArray()) {
    if (layer.toObject().value(QLatin1String("mediaType")).toString() !=
        QLatin1String(k_ollama_model_layer))
      continue;
    const QString digest = layer.toObject().value(QLatin1String("digest")).toString();
    if (!digest.startsWith(QLatin1String("sha256:")) || !is_sha256_hex(digest.mid(7))) {
      throw Error(ErrorCode::InvalidFile,
                  QStringLiteral("the model layer's digest \"%1\" is not sha256: and 64 "
                                 "lowercase hex digits")
                      .arg(digest.left(100))
                      .toStdString());
    }
    return QStringLiteral("sha256-") + digest.mid(7);
  }
  throw Error(ErrorCode::InvalidFile, std::string("no layer of mediaType ") + k_ollama_model_layer);
}

DiscoveryPlaces DiscoveryPlaces::from_environment(const QString& home, const QProcessEnvironment& environment) {
  DiscoveryPlaces p(home);
  p.ollama_models = environment.value(QStringLiteral("OLLAMA_MODELS"));
  p.hugging_face_hub = environment.value(QStringLiteral("HF_HUB_CACHE"));
  if (p.hugging_face_hub.isEmpty() && !environment.value(QStringLiteral("HF_HOME")).isEmpty()) {
    p.hugging_face_hub = environment.value(QStringLiteral("HF_HOME")) + QStringLiteral("/hub");
  }
  p.llama_cpp_cache = environment.value(QStringLiteral("LLAMA_CACHE"));
  return p;
}

DiscoveryResult discover_models(const DiscoveryPlaces& places, const DiscoveryLimits& limits,
                                const std::atomic<bool>* cancel) {
  return Scan(places, limits, cancel).run();
}

}  // namespace sikao::ui
