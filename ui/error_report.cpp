#include "error_report.h"

#include <QCoreApplication>
#include <iterator>

namespace sikao::ui {

ErrorReport error_report(const Error& e) {
  const QString detail = QString::fromUtf8(e.what());
  switch (e.code()) {
    case ErrorCode::Io: return {ErrorKind::FileUnreadable, detail};
    case ErrorCode::InvalidFile: return {ErrorKind::CorruptFile, detail};
    case ErrorCode::Unsupported: return {ErrorKind::UnsupportedModel, detail};
    case ErrorCode::NoDevice: return {ErrorKind::NoVulkanDevice, detail};
    case ErrorCode::DeviceLost: return {ErrorKind::DeviceLost, detail};
    case ErrorCode::OutOfMemory: return {ErrorKind::OutOfMemory, detail};
    case ErrorCode::Vulkan: return {ErrorKind::GpuError, detail};
    case ErrorCode::InvalidArgument: return {ErrorKind::InvalidRequest, detail};
    case ErrorCode::Cancelled: return {ErrorKind::Cancelled, detail};
    case ErrorCode::Internal: return {ErrorKind::Internal, detail};
  }
  return {ErrorKind::Internal, detail};
}

ErrorReport error_report(const storage::StorageError& e) {
  using storage::StorageErrorCode;
  const QString detail = QString::fromUtf8(e.what());
  switch (e.code()) {
    case StorageErrorCode::Io:
    case StorageErrorCode::ReadOnly: return {ErrorKind::HistoryUnwritable, detail};
    case StorageErrorCode::DiskFull: return {ErrorKind::DiskFull, detail};
    case StorageErrorCode::Busy: return {ErrorKind::HistoryBusy, detail};
    case StorageErrorCode::Corrupt: return {ErrorKind::HistoryCorrupt, detail};
    case StorageErrorCode::NotFound: return {ErrorKind::MessageNotFound, detail};
    case StorageErrorCode::InvalidArgument: return {ErrorKind::InvalidRequest, detail};
    case StorageErrorCode::InvalidImport: return {ErrorKind::InvalidImport, detail};
    case StorageErrorCode::TooNew: return {ErrorKind::HistoryTooNew, detail};
    case StorageErrorCode::Internal: return {ErrorKind::Internal, detail};
  }
  return {ErrorKind::Internal, detail};
}

ErrorReport error_report(const std::exception& e) {
  if (const auto* engine = dynamic_cast<const Error*>(&e)) return error_report(*engine);
  if (const auto* storage = dynamic_cast<const storage::StorageError*>(&e)) return error_report(*storage);
  return {ErrorKind::Internal, QString::fromUtf8(e.what())};
}

namespace {

// One row per kind, in ErrorKind's order.
struct Sentence {
  ErrorKind kind;
  const char* text;
};
constexpr Sentence k_sentences[] = {
    {ErrorKind::ModelFileMissing, QT_TRANSLATE_NOOP("ErrorReport", "The model file is not there any more. It may have been moved or deleted.")},
    {ErrorKind::FileUnreadable, QT_TRANSLATE_NOOP("ErrorReport", "The file could not be read. Check that it exists and that you may read it.")},
    {ErrorKind::CorruptFile, QT_TRANSLATE_NOOP("ErrorReport", "This is not a usable GGUF model file: it is damaged or incomplete.")},
    {ErrorKind::UnsupportedArchitecture, QT_TRANSLATE_NOOP("ErrorReport", "Sikao cannot run this kind of model (its architecture is not supported).")},
    {ErrorKind::UnsupportedQuantType, QT_TRANSLATE_NOOP("ErrorReport", "Sikao cannot run this model's quantisation type.")},
    {ErrorKind::UnsupportedModel, QT_TRANSLATE_NOOP("ErrorReport", "Sikao cannot run this model: it uses something not supported yet.")},
    {ErrorKind::NoVulkanDevice, QT_TRANSLATE_NOOP("ErrorReport", "No usable graphics device was found. Install a Vulkan driver for your GPU.")},
    {ErrorKind::DeviceLost, QT_TRANSLATE_NOOP("ErrorReport", "The graphics device stopped responding. Load the model again.")},
    {ErrorKind::OutOfMemory, QT_TRANSLATE_NOOP("ErrorReport", "There is not enough memory for this model. Try a smaller model or a shorter context.")},
    {ErrorKind::GpuError, QT_TRANSLATE_NOOP("ErrorReport", "The graphics device reported an error.")},
    {ErrorKind::InvalidRequest, QT_TRANSLATE_NOOP("ErrorReport", "The engine could not do what was asked.")},
    {ErrorKind::Cancelled, QT_TRANSLATE_NOOP("ErrorReport", "Loading was cancelled.")},
    {ErrorKind::HistoryUnwritable, QT_TRANSLATE_NOOP("ErrorReport", "The chat history could not be written.")},
    {ErrorKind::DiskFull, QT_TRANSLATE_NOOP("ErrorReport", "The disk is full: the chat history could not be saved.")},
    {ErrorKind::HistoryBusy, QT_TRANSLATE_NOOP("ErrorReport", "Another program is using the chat history. Try again in a moment.")},
    {ErrorKind::HistoryCorrupt, QT_TRANSLATE_NOOP("ErrorReport", "The chat history database is damaged.")},
    {ErrorKind::HistoryTooNew, QT_TRANSLATE_NOOP("ErrorReport", "The chat history was written by a newer version of Sikao.")},
    {ErrorKind::InvalidImport, QT_TRANSLATE_NOOP("ErrorReport", "This file is not a chat exported by Sikao.")},
    {ErrorKind::MessageNotFound, QT_TRANSLATE_NOOP("ErrorReport", "That chat or message no longer exists.")},
    {ErrorKind::Internal, QT_TRANSLATE_NOOP("ErrorReport", "Something went wrong inside Sikao.")},
};
static_assert(std::size(k_sentences) == k_error_kind_count);

} // namespace

QString error_sentence(ErrorKind kind) {
  const Sentence& s = k_sentences[static_cast<size_t>(kind)];
  Q_ASSERT(s.kind == kind);
  return QCoreApplication::translate("ErrorReport", s.text);
}

} // namespace sikao::ui
