#pragma once
// Which model Sikao loads at start: the one named on the command line, else the last one used
// (QSettings "models/last") if it still exists, else the first .gguf in the models folder
// ($XDG_DATA_HOME/sikao/models), else the bundled demo model. ModelManager::startupModel()
// applies it to the stored settings.

#include <QString>

namespace sikao::ui {

// QSettings key of the model loaded last (written by ModelManager when a load succeeds).
inline constexpr const char* k_last_model_key = "models/last";

// $XDG_DATA_HOME/sikao/models: where the user's models live.
QString default_models_folder();

// explicit_path if given, else last_used if the file still exists, else the first .gguf (by
// name) in models_folder, else bundled_model if it exists; empty when there is none.
QString choose_startup_model(const QString& explicit_path, const QString& last_used,
                             const QString& models_folder, const QString& bundled_model);

} // namespace sikao::ui
