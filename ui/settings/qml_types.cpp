#include "settings/qml_types.h"

#include <QQmlEngine>

#include "device_list_model.h"
#include "models/model_manager.h"
#include "settings/language_manager.h"
#include "settings/settings.h"

namespace sikao::ui {

void register_model_and_settings_types() {
  constexpr const char* uri = "Sikao";
  const QString reason = QStringLiteral("created by the app and passed to the pages");
  qmlRegisterUncreatableType<ModelManager>(uri, 1, 0, "ModelManager", reason);
  qmlRegisterUncreatableType<FoundModelList>(uri, 1, 0, "FoundModelList", reason);
  qmlRegisterUncreatableType<Settings>(uri, 1, 0, "Settings", reason);
  qmlRegisterUncreatableType<LanguageManager>(uri, 1, 0, "LanguageManager", reason);
  qmlRegisterUncreatableType<DeviceListModel>(uri, 1, 0, "DeviceListModel", reason);
}

} // namespace sikao::ui
