#pragma once
// The GGUF models other apps have already put on this computer, found where each app keeps them
// (paths relative to the home folder):
//
//   LM Studio     .lmstudio/models, .cache/lm-studio/models      PUBLISHER/REPO/FILE.gguf
//   Ollama        .ollama/models manifests/HOST/NAMESPACE/MODEL/TAG:
//                 JSON whose layer of mediaType application/vnd.ollama.image.model names the
//                 GGUF as digest "sha256:HEX", stored as blobs/sha256-HEX
//   Jan           .local/share/Jan/data/llamacpp/models (0.6 and later: ID/…/model.gguf),
//                 .local/share/Jan/data/models and jan/models (earlier releases)
//   GPT4All       .local/share/nomic.ai/GPT4All                   FILE.gguf
//   llama.cpp     .cache/llama.cpp                                FILE.gguf (what -hf downloads)
//   Hugging Face  .cache/huggingface/hub                          models--ORG--REPO/snapshots/REV/
//                 FILE.gguf, symlinks into the repo's blobs/
//
// Three apps let the user move their models with an environment variable of their own, and
// then keep them there instead (DiscoveryPlaces::from_environment): Ollama's OLLAMA_MODELS,
// Hugging Face's HF_HUB_CACHE (else $HF_HOME/hub) and llama.cpp's LLAMA_CACHE.
//
// Only reads: a file is opened read-only to parse its header, nothing is created, moved, renamed
// or deleted. Nothing outside the places is read (the home folder, and the folders those
// variables name): directory symlinks are not followed (nor an app's folder that resolves to
// somewhere else), and a file symlink is followed only when its target lies inside a place
// (Hugging Face's snapshots point into blobs/). The scan is bounded in depth, in directory entries looked at,
// in models described and in time; plain Qt Core, synchronous: ModelManager runs it on a worker.

#include <QProcessEnvironment>
#include <QString>
#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include "models/model_catalog.h"

namespace sikao::ui {

enum class ModelApp { LmStudio, Ollama, Jan, Gpt4All, LlamaCpp, HuggingFace };

QString app_name(ModelApp app);  // "LM Studio", "Ollama", …: names, not translated

struct FoundModel {
  ModelApp app = ModelApp::LmStudio;
  QString name;        // what the app calls it: "qwen3:8b",
                       // "lmstudio-community/Qwen3-8B-GGUF/Qwen3-8B-Q4_K_M"
  ModelFileInfo info;  // path (the GGUF file), architecture, size, quant; problem when not runnable
};

struct DiscoveryLimits {
  int max_depth = 6;        // folders below an app's models folder
  int max_entries = 50000;  // directory entries looked at, over all apps
  int max_models = 200;     // GGUF headers read
  std::chrono::milliseconds time_limit{5000};
};

struct DiscoveryResult {
  std::vector<FoundModel> models;  // by app, then by name
  bool truncated = false;          // a limit was reached: there may be more
};

// Where to look: the home folder (tests pass a scratch folder), and where the user moved an
// app's models with the app's own environment variable (empty: the app's folder in the home).
struct DiscoveryPlaces {
  DiscoveryPlaces() = default;
  DiscoveryPlaces(QString home_folder) : home(std::move(home_folder)) {}  // NOLINT: the home alone
  QString home;
  QString ollama_models;     // OLLAMA_MODELS: its manifests/ and blobs/
  QString hugging_face_hub;  // HF_HUB_CACHE, else $HF_HOME/hub: its models--ORG--REPO folders
  QString llama_cpp_cache;   // LLAMA_CACHE: what llama.cpp's -hf downloads

  // The home folder and the folders `environment` names (unset or empty variables: none).
  static DiscoveryPlaces from_environment(const QString& home, const QProcessEnvironment& environment);
};

// Looks in `places`. `cancel`, when set, stops the scan early (the manager's destructor).
DiscoveryResult discover_models(const DiscoveryPlaces& places, const DiscoveryLimits& limits = {},
                                const std::atomic<bool>* cancel = nullptr);

// An Ollama manifest (its JSON bytes) → the blob file name of its model layer ("sha256-HEX").
// Error(InvalidFile) saying what is wrong when it is not JSON, has no model layer, or its digest
// is not "sha256:" and 64 lowercase hex digits (a digest is never a path).
QString ollama_model_blob(const QByteArray& manifest);

}  // namespace sikao::ui
