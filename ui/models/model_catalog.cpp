#include "models/model_catalog.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

#include "chat/chat_template.h"
#include "chat/reasoning_splitter.h"
#include "common/error.h"
#include "gguf/gguf.h"
#include "gguf/model_summary.h"
#include "gguf/split.h"
#include "model/model_config.h"

namespace sikao::ui {
namespace {

// The tokens of the vocabulary as views into the file's mapping (no copies: 150k-token
// vocabularies are common).
std::unordered_set<std::string_view> vocabulary(const gguf::GgufFile& file) {
  std::unordered_set<std::string_view> tokens;
  const gguf::Value* v = file.find("tokenizer.ggml.tokens");
  if (v && v->type == gguf::ValueType::Array) {
    const auto& array = std::get<gguf::Array>(v->data);
    tokens.insert(array.strings.begin(), array.strings.end());
  }
  return tokens;
}

bool reasons(const gguf::GgufFile& file, const chat::ModelChatInfo& info) {
  const auto tokens = vocabulary(file);
  return chat::model_reasons(info.chat_template.value_or(std::string()),
                             [&](std::string_view t) { return tokens.contains(t); });
}

QString quant_name(const gguf::ModelSummary& summary) {
  if (summary.file_type_name) {
    return QString::fromStdString(*summary.file_type_name);
  }
  const auto largest = std::max_element(summary.types.begin(), summary.types.end(),
                                        [](const auto& a, const auto& b) { return a.bytes < b.bytes; });
  return largest == summary.types.end()
             ? QString()
             : QString::fromUtf8(gguf::traits(largest->type).name.data(),
                                 static_cast<qsizetype>(gguf::traits(largest->type).name.size()));
}

// Tensor types the engine has no GPU kernels for, as "IQ2_XS, TQ1_0"; empty when all are fine.
QString unsupported_types(const gguf::ModelSummary& summary) {
  QStringList names;
  for (const auto& usage : summary.types) {
    const auto& t = gguf::traits(usage.type);
    if (!t.gpu_supported) {
      names << QString::fromUtf8(t.name.data(), static_cast<qsizetype>(t.name.size()));
    }
  }
  return names.join(QStringLiteral(", "));
}

// Fills `info` from the header; throws what makes the file unusable, with info.problem saying
// which kind of problem it is: the architecture first, then the tensor types, then the engine's
// own validation of the shapes.
void describe(ModelFileInfo& info) {
  const auto file = gguf::GgufFile::open(info.path.toStdString());
  const gguf::ModelSummary summary = gguf::summarize(file);
  info.file_size = static_cast<qint64>(summary.file_size);  // every part of a split model
  info.architecture = QString::fromStdString(summary.architecture.value_or(std::string()));
  if (summary.name && !summary.name->empty()) {
    info.name = QString::fromStdString(*summary.name);
  }
  info.context_length = static_cast<qint64>(summary.context_length.value_or(0));
  info.parameters = static_cast<qint64>(summary.parameters);
  info.quant = quant_name(summary);
  info.reasons = reasons(file, chat::model_chat_info(file));
  if (summary.architecture && !model::architecture_named(*summary.architecture)) {
    info.problem = ModelProblem::UnsupportedArchitecture;
    info.problem_subject = info.architecture;
    throw Error(ErrorCode::Unsupported,
                QStringLiteral("%1: architecture %2 is not supported by Sikao (supported: %3)")
                    .arg(info.path, info.architecture, QString::fromStdString(model::supported_architectures()))
                    .toStdString());
  }
  if (const QString bad = unsupported_types(summary); !bad.isEmpty()) {
    info.problem = ModelProblem::UnsupportedTensorType;
    info.problem_subject = bad;
    throw Error(ErrorCode::Unsupported,
                QStringLiteral("%1: tensor type %2 is not supported by Sikao's GPU kernels yet")
                    .arg(info.path, bad)
                    .toStdString());
  }
  // The engine's own validation of the architecture and shapes, so a model it cannot load says
  // so here instead of when the user tries to load it.
  info.family = QString::fromUtf8(model::read_config(file).arch.family);
}

} // namespace

ModelFileInfo read_model_file(const QString& path, ModelSource source) {
  ModelFileInfo info;
  info.path = path;
  info.source = source;
  const QFileInfo fi(path);
  const auto split = gguf::parse_split_name(path.toStdString());
  info.name = split ? QString::fromStdString(split->prefix.filename().string()) : fi.completeBaseName();
  info.file_size = fi.size();
  try {
    describe(info);
  } catch (const Error& e) {
    info.error = QString::fromStdString(e.what());
  } catch (const std::exception& e) {  // bad_alloc, length_error: still this file's problem
    info.error = QStringLiteral("%1: %2").arg(path, QString::fromStdString(e.what()));
  }
  if (!info.error.isEmpty() && info.problem == ModelProblem::None) {
    info.problem = ModelProblem::Unreadable;
  }
  return info;
}

QStringList gguf_files_in(const QString& folder) {
  const QDir dir(folder);
  QStringList files;
  for (const QString& name :
       dir.entryList({QStringLiteral("*.gguf")}, QDir::Files | QDir::Readable, QDir::Name)) {
    if (!is_later_split_part(name)) {
      files << dir.filePath(name);
    }
  }
  return files;
}

bool is_later_split_part(const QString& path) {
  const auto name = gguf::parse_split_name(path.toStdString());
  return name && name->no > 0;
}

std::vector<ModelFileInfo> scan_models(const CatalogRequest& request) {
  std::vector<ModelFileInfo> out;
  QSet<QString> seen;
  const auto add = [&](const QString& path, ModelSource source) {
    const QString key = QFileInfo(path).absoluteFilePath();
    if (path.isEmpty() || seen.contains(key)) {
      return;
    }
    seen.insert(key);
    out.push_back(read_model_file(path, source));
  };
  for (const QString& f : gguf_files_in(request.models_folder)) add(f, ModelSource::ModelsFolder);
  for (const QString& folder : request.added_folders) {
    for (const QString& f : gguf_files_in(folder)) add(f, ModelSource::AddedFolder);
  }
  for (const QString& f : request.opened_files) add(f, ModelSource::OpenedFile);
  if (!request.bundled_model.isEmpty() && QFileInfo::exists(request.bundled_model)) {
    add(request.bundled_model, ModelSource::Bundled);
  }
  return out;
}

QString format_parameters(qint64 parameters) {
  static constexpr std::pair<double, const char*> k_units[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}};
  for (const auto& [scale, unit] : k_units) {
    if (static_cast<double>(parameters) >= scale) {
      return QStringLiteral("%1 %2").arg(static_cast<double>(parameters) / scale, 0, 'f', 2).arg(QLatin1String(unit));
    }
  }
  return QString::number(parameters);
}

} // namespace sikao::ui
