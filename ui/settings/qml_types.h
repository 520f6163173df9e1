#pragma once
// QML types of the model manager, settings and languages, as `import Sikao 1.0`. They are
// registered uncreatable: the app creates one of each, with its QSettings, and hands them to the
// pages (ModelManagerPage.modelManager, SettingsPage.settings/.languages/.devices,
// FirstRunPage.modelManager); QML uses the types for typed properties and enums
// (ModelManager.Loading, Settings.Dark).

namespace sikao::ui {

void register_model_and_settings_types();

} // namespace sikao::ui
