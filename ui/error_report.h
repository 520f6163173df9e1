#pragma once
// What went wrong, as it crosses from a worker thread (engine, storage, model catalog) to the
// views: the kind of error, which picks the translated sentence the user reads, and the
// technical detail (the engine's or the database's message, untranslated) shown below it.
//
// ErrorKind is finer than the engine's ErrorCode where the UI knows more (a missing file, which
// part of a model is unsupported) and covers the history database's StorageErrorCode too, so a
// view needs one sentence table whichever layer failed.

#include <QMetaType>
#include <QString>

#include "common/error.h"
#include "storage/history.h"

namespace sikao::ui {

enum class ErrorKind {
  ModelFileMissing,         // the model file is not there (moved, deleted, unmounted)
  FileUnreadable,           // ErrorCode::Io: cannot be opened, read or mapped
  CorruptFile,              // ErrorCode::InvalidFile: not a GGUF file, truncated, inconsistent
  UnsupportedArchitecture,  // ModelProblem::UnsupportedArchitecture
  UnsupportedQuantType,     // ModelProblem::UnsupportedTensorType
  UnsupportedModel,         // ErrorCode::Unsupported: something else Sikao cannot run
  NoVulkanDevice,           // ErrorCode::NoDevice
  DeviceLost,               // ErrorCode::DeviceLost
  OutOfMemory,              // ErrorCode::OutOfMemory: host or device memory, model too large
  GpuError,                 // ErrorCode::Vulkan: any other Vulkan failure
  InvalidRequest,           // ErrorCode::InvalidArgument: e.g. a prompt longer than the context
  Cancelled,                // ErrorCode::Cancelled: the user asked to stop
  HistoryUnwritable,        // StorageErrorCode::Io, ReadOnly
  DiskFull,                 // StorageErrorCode::DiskFull
  HistoryBusy,              // StorageErrorCode::Busy: another process holds the database
  HistoryCorrupt,           // StorageErrorCode::Corrupt
  HistoryTooNew,            // StorageErrorCode::TooNew
  InvalidImport,            // StorageErrorCode::InvalidImport
  MessageNotFound,          // StorageErrorCode::NotFound
  Internal,                 // a bug in Sikao (ErrorCode::Internal, StorageErrorCode::Internal)
};
inline constexpr int k_error_kind_count = static_cast<int>(ErrorKind::Internal) + 1;

struct ErrorReport {
  ErrorKind kind = ErrorKind::Internal;
  QString detail;  // the technical message, untranslated; may be empty
};

ErrorReport error_report(const Error& e);
ErrorReport error_report(const storage::StorageError& e);
// Anything else a worker caught (bad_alloc, length_error): a bug or exhaustion, not the input.
ErrorReport error_report(const std::exception& e);

// One sentence for the user, in the UI language (translation context "ErrorReport").
QString error_sentence(ErrorKind kind);

} // namespace sikao::ui

Q_DECLARE_METATYPE(sikao::ui::ErrorReport)
