#pragma once
// What the model manager lists: the GGUF files in the models folders, files the user opened,
// and the bundled demo model, each described from its header. Plain functions, synchronous:
// ModelManager calls them on a worker thread.

#include <QString>
#include <QStringList>
#include <vector>

namespace sikao::ui {

// Discovered: found in another app's models folder (model_discovery.h).
enum class ModelSource { ModelsFolder, AddedFolder, OpenedFile, Bundled, Discovered };

// Why Sikao cannot run a file: an architecture or tensor types it has no code for, or a file it
// cannot read as a model at all (corrupt, truncated, malformed metadata).
enum class ModelProblem { None, UnsupportedArchitecture, UnsupportedTensorType, Unreadable };

struct ModelFileInfo {
  QString path;
  ModelSource source = ModelSource::ModelsFolder;
  QString name;          // general.name, else the file name without its extension
  QString architecture;  // general.architecture
  QString family;        // the family people know ("Gemma 3"); empty when Sikao cannot run it
  qint64 file_size = 0;
  QString quant;         // llama.cpp's file-type name ("Q4_K_M"), else the largest tensor type
  qint64 context_length = 0;  // training context; 0 when the file does not say
  qint64 parameters = 0;      // elements over all tensors
  bool reasons = false;       // the template or the vocabulary has reasoning tags
  // Non-empty: the file cannot be loaded, and the engine's words for why (corrupt, truncated,
  // unsupported architecture or tensor type).
  QString error;
  ModelProblem problem = ModelProblem::None;  // None exactly when error is empty
  QString problem_subject;  // the architecture ("bert") or the tensor types ("IQ2_XS, TQ1_0")
};

// Reads the header of one file. Never throws: every failure is in `error`.
ModelFileInfo read_model_file(const QString& path, ModelSource source);

// The *.gguf files directly in `folder`, by name; none when it does not exist. A split model
// (NAME-00001-of-00003.gguf, …) is listed once, by its first part.
QStringList gguf_files_in(const QString& folder);

// NAME-00002-of-00003.gguf and later: a part that the first part of its model stands for.
bool is_later_split_part(const QString& path);

struct CatalogRequest {
  QString models_folder;      // $XDG_DATA_HOME/sikao/models
  QStringList added_folders;  // folders the user added
  QStringList opened_files;   // files opened with "Open GGUF file…"
  QString bundled_model;      // the demo model shipped with Sikao; may be empty or missing
};

// Every model of the request, each file once (the first source that names it wins), in the
// order: models folder, added folders, opened files, bundled model.
std::vector<ModelFileInfo> scan_models(const CatalogRequest& request);

// "1.05 M", "7.62 B": a parameter count the way model cards write it.
QString format_parameters(qint64 parameters);

} // namespace sikao::ui
