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
// Only reads: a file is opened read-only to parse its header, nothing is created, moved, renamed
// or deleted. Nothing outside the home folder is read: directory symlinks are not followed (nor
// an app's folder that resolves to somewhere outside the home folder), and a file symlink is
// followed only when its target lies inside the home folder (Hugging Face's snapshots point
// into blobs/). The scan is bounded in depth, in directory entries looked at,
// in models described and in time; plain Qt Core, synchronous: ModelManager runs it on a worker.

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

// Looks in `home` (the user's home folder; tests pass a scratch folder). `cancel`, when set,
// stops the scan early (the manager's destructor).
DiscoveryResult discover_models(const QString& home, const DiscoveryLimits& limits = {},
                                const std::atomic<bool>* cancel = nullptr);

// An Ollama manifest (its JSON bytes) → the blob file name of its model layer ("sha256-HEX").
// Error(InvalidFile) saying what is wrong when it is not JSON, has no model layer, or its digest
// is not "sha256:" and 64 lowercase hex digits (a digest is never a path).
QString ollama_model_blob(const QByteArray& manifest);

}  // namespace sikao::ui
