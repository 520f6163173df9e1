// The model manager, settings and first-run pages, instantiated from the resource in a real
// window (under Xvfb) with real view-models: they load without QML errors, show the models and
// settings, follow the load state, act on clicks, and switch language and direction live.

#include <QtTest>

#include <QFile>
#include <QQmlComponent>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlProperty>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QTemporaryDir>

#include "design/design_tokens.h"
#include "device_list_model.h"
#include "model_loading.h"
#include "models/model_manager.h"
#include "settings/language_manager.h"
#include "settings/qml_types.h"
#include "settings/settings.h"
#include "support/test_support.h"

using sikao::ui::ModelManager;

namespace {

const QString k_bundled = QStringLiteral(SIKAO_SOURCE_DIR "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf");

} // namespace

class TestUiPages : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  QString models_;
  std::unique_ptr<sikao::ui::Settings> settings_;
  std::unique_ptr<ModelManager> manager_;
  std::unique_ptr<sikao::ui::LanguageManager> languages_;
  std::unique_ptr<sikao::ui::DeviceListModel> devices_;
  std::unique_ptr<sikao::ui::DesignTokens> design_;
  std::unique_ptr<QQmlEngine> engine_;
  std::unique_ptr<QQuickWindow> window_;

  // Creates the page inside the window; fails the test on any QML error.
  // A home where LM Studio keeps stories260K (Sikao runs it) and, with `unrunnable`,
  // llama.cpp's cache a falcon file (Sikao cannot): what discovery finds.
  static bool make_found_home(const QString& home, bool unrunnable) {
    const QString stories = home + "/.lmstudio/models/karpathy/stories";
    if (!QDir().mkpath(stories) ||
        !QFile::copy(QString::fromStdString(sikao::test::shared_path("models/stories260K/stories260K.gguf")),
                     stories + "/stories260K.gguf")) {
      return false;
    }
    return !unrunnable || (QDir().mkpath(home + "/.cache/llama.cpp") &&
                           QFile::copy(QString::fromStdString(sikao::test::shared_path("vocab/ggml-vocab-falcon.gguf")),
                                       home + "/.cache/llama.cpp/falcon.gguf"));
  }

  std::unique_ptr<QQuickItem> create(const char* file, const QVariantMap& properties) {
    QQmlComponent component(engine_.get(), QUrl(QStringLiteral("qrc:/qml/") + QLatin1String(file)));
    std::unique_ptr<QObject> object(component.createWithInitialProperties(properties));
    if (!object) {
      qWarning().noquote() << component.errorString();
      return nullptr;
    }
    auto item = std::unique_ptr<QQuickItem>(qobject_cast<QQuickItem*>(object.release()));
    item->setParentItem(window_->contentItem());
    item->setSize(window_->size());
    return item;
  }

  static QList<QQuickItem*> visual_descendants(QQuickItem* root) {
    QList<QQuickItem*> out;
    for (QQuickItem* c : root->childItems()) {
      out << c << visual_descendants(c);
    }
    return out;
  }

  // With SIKAO_SCREENSHOT_DIR set, saves what the window shows (for docs/screenshots and for a
  // look at the layouts); otherwise does nothing.
  void snapshot(const QString& name) {
    const QString dir = qEnvironmentVariable("SIKAO_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    QTest::qWait(100);
    QVERIFY(window_->grabWindow().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
  }

  template <typename T = QObject>
  static T* child(QObject* root, const char* name) {
    return root->findChild<T*>(QLatin1String(name));
  }

 private slots:
  void initTestCase() {
    SIKAO_REQUIRE_SHARED();
    models_ = dir_.filePath("models");
    QVERIFY(QDir().mkpath(models_));
    QVERIFY(QFile::link(QString::fromStdString(sikao::test::shared_path("models/stories260K/stories260K.gguf")),
                        models_ + "/stories260K.gguf"));
    QFile bad(models_ + "/broken.gguf");
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("GGUF broken");
    bad.close();

    sikao::ui::register_model_and_settings_types();
    const auto ini = [&](const char* name) {
      return std::make_unique<QSettings>(dir_.filePath(name), QSettings::IniFormat);
    };
    settings_ = std::make_unique<sikao::ui::Settings>(ini("settings.ini"));
    settings_->setLanguage(QStringLiteral("en"));
    manager_ = std::make_unique<ModelManager>(ini("models.ini"), models_, k_bundled);
    languages_ = std::make_unique<sikao::ui::LanguageManager>(settings_.get());
    devices_ = std::make_unique<sikao::ui::DeviceListModel>();
    sikao::ui::DeviceRow row;
    row.index = 0;
    row.name = QStringLiteral("Test GPU");
    row.type = QStringLiteral("discrete GPU");
    row.memory = QStringLiteral("8 GiB");
    row.chosen = true;
    devices_->setDevices({row}, {});

    design_ = std::make_unique<sikao::ui::DesignTokens>(*settings_, false);
    engine_ = std::make_unique<QQmlEngine>();
    engine_->rootContext()->setContextProperty(QStringLiteral("design"), design_.get());  // as AppContext::expose
    languages_->setEngine(engine_.get());
    window_ = std::make_unique<QQuickWindow>();
    window_->resize(900, 700);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(QTest::qWaitFor([&] { return !manager_->scanning(); }, 30000));
  }

  void cleanupTestCase() {
    window_.reset();
    engine_.reset();
  }

  void model_manager_page_lists_models_and_follows_a_load() {
    auto page = create("ModelManagerPage.qml", {{"modelManager", QVariant::fromValue(manager_.get())}});
    QVERIFY(page);
    auto* list = child(page.get(), "modelList");
    QVERIFY(list);
    QTRY_COMPARE(list->property("count").toInt(), manager_->rowCount());
    QCOMPARE(manager_->rowCount(), 3);  // stories260K, broken.gguf, the bundled demo
    snapshot(QStringLiteral("models"));

    auto* status = child<QQuickItem>(page.get(), "loadStatus");
    QVERIFY(!status->isVisible());
    manager_->load(k_bundled);
    QTRY_VERIFY(status->isVisible());
    manager_->onLoadProgress(0.4);
    QTRY_COMPARE(child(page.get(), "loadProgress")->property("value").toDouble(), 0.4);

    // Cancel through the page's button.
    QSignalSpy cancel(manager_.get(), &ModelManager::cancelRequested);
    QVERIFY(QMetaObject::invokeMethod(child(page.get(), "cancelLoad"), "clicked"));
    QCOMPARE(cancel.count(), 1);
    manager_->onLoadFailed({sikao::ui::ErrorKind::Cancelled, QStringLiteral("loading cancelled")});
    QCOMPARE(manager_->state(), ModelManager::State::Cancelled);
    QTRY_COMPARE(child(page.get(), "loadState")->property("text").toString(), QStringLiteral("Loading was cancelled."));
    QVERIFY(!child<QQuickItem>(page.get(), "loadError")->isVisible());

    // The sentence for the kind of error, the engine's message below it.
    manager_->load(k_bundled);
    manager_->onLoadFailed({sikao::ui::ErrorKind::OutOfMemory, QStringLiteral("out of device memory")});
    QTRY_COMPARE(child(page.get(), "loadState")->property("text").toString(),
                 sikao::ui::error_sentence(sikao::ui::ErrorKind::OutOfMemory));
    QTRY_COMPARE(child(page.get(), "loadError")->property("text").toString(), QStringLiteral("out of device memory"));
    QVERIFY(child<QQuickItem>(page.get(), "loadError")->isVisible());
    snapshot(QStringLiteral("models-load-failed"));

    // A mixture of experts beyond the device-memory budget: the page says where the weights are.
    manager_->load(k_bundled);
    manager_->onLoaded(sikao::test::loaded_model(k_bundled, QStringLiteral("Test GPU"), 512, 12'100'000'000,
                       6'500'000'000));
    auto* memory = child<QQuickItem>(page.get(), "loadedMemory");
    QTRY_VERIFY(memory->isVisible());
    QCOMPARE(memory->property("text").toString(),
             QStringLiteral("Weights: 12.1 GB on the device, 6.5 GB in system memory"));
    snapshot(QStringLiteral("models-experts-in-system-memory"));
    manager_->load(k_bundled);
    manager_->onLoaded(sikao::test::loaded_model(k_bundled, QStringLiteral("Test GPU"), 512, 2'000'000));
    QTRY_COMPARE(memory->property("text").toString(), QStringLiteral("Weights: 2.0 MB on the device"));
  }

  // Models other apps keep: one Sikao runs (stories260K in LM Studio's folder) and one it cannot
  // (a falcon vocabulary in llama.cpp's cache), greyed with the reason and no Load button.
  void model_manager_page_shows_what_was_found_on_this_computer() {
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    const QString home = dir_.filePath("home");
    QVERIFY(make_found_home(home, true));
    ModelManager manager(std::make_unique<QSettings>(dir_.filePath("found.ini"), QSettings::IniFormat),
                         dir_.filePath("no-models"), QString());
    manager.setDiscoveryPlaces(home);
    manager.discover();
    QVERIFY(QTest::qWaitFor([&] { return !manager.discovering() && !manager.scanning(); }, 30000));
    QCOMPARE(manager.found()->rowCount(), 2);

    auto page = create("ModelManagerPage.qml", {{"modelManager", QVariant::fromValue(&manager)}});
    QVERIFY(page);
    QTest::qWait(50);
    snapshot(QStringLiteral("models-found"));
    QList<QQuickItem*> rows;
    for (QQuickItem* item : visual_descendants(page.get())) {
      if (item->objectName() == QLatin1String("foundRow")) rows << item;
    }
    QCOMPARE(rows.size(), 2);
    const auto part = [&](QQuickItem* row, const char* name) -> QQuickItem* {
      for (QQuickItem* item : visual_descendants(row)) {
        if (item->objectName() == QLatin1String(name)) return item;
      }
      return nullptr;
    };
    for (QQuickItem* row : rows) {
      const bool runs = row->property("canRun").toBool();
      QCOMPARE(row->property("app").toString(), runs ? QString("LM Studio") : QString("llama.cpp"));
      QCOMPARE(part(row, "loadFound")->isEnabled(), runs);
      QCOMPARE(part(row, "foundReason")->isVisible(), !runs);
      QCOMPARE(row->opacity() < 1.0, !runs);
      if (!runs) {
        QCOMPARE(part(row, "foundReason")->property("text").toString(),
                 QStringLiteral("Sikao cannot run the falcon architecture yet"));
      }
    }
    QSignalSpy requested(&manager, &ModelManager::loadRequested);
    QQuickItem* runnable = rows[0]->property("canRun").toBool() ? rows[0] : rows[1];
    QVERIFY(QMetaObject::invokeMethod(part(runnable, "loadFound"), "clicked"));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), home + "/.lmstudio/models/karpathy/stories/stories260K.gguf");
  }

  void settings_page_shows_and_writes_the_settings() {
    settings_->setTopK(17);
    auto page = create("SettingsPage.qml", {{"settings", QVariant::fromValue(settings_.get())},
                                            {"languages", QVariant::fromValue(languages_.get())},
                                            {"devices", QVariant::fromValue(devices_.get())}});
    QVERIFY(page);
    snapshot(QStringLiteral("settings"));
    QCOMPARE(child(page.get(), "topK")->property("value").toInt(), 17);
    QCOMPARE(child(page.get(), "temperature")->property("value").toDouble(), settings_->temperature());
    settings_->setTopK(23);
    QCOMPARE(child(page.get(), "topK")->property("value").toInt(), 23);

    // "Same as the system" plus every shipped language.
    const int languages = static_cast<int>(sikao::ui::LanguageManager::shipped_languages().size());
    QCOMPARE(child(page.get(), "language")->property("count").toInt(), languages + 1);
    QCOMPARE(child(page.get(), "theme")->property("count").toInt(), 3);

    // The device list: "Automatic" checked (device -1), then the one test device.
    QVERIFY(child(page.get(), "deviceAutomatic")->property("checked").toBool());
    bool found = false;
    for (QQuickItem* o : visual_descendants(page.get())) {  // Repeater delegates have no QObject parent
      if (o->metaObject()->indexOfMethod("toggle()") >= 0 &&
          o->property("text").toString() == QStringLiteral("Test GPU — discrete GPU, 8 GiB memory")) {
        found = true;
        QVERIFY(QMetaObject::invokeMethod(o, "toggle"));
        QVERIFY(QMetaObject::invokeMethod(o, "toggled"));
      }
    }
    QVERIFY(found);
    QCOMPARE(settings_->device(), 0);
    settings_->setDevice(-1);

    QVERIFY(QMetaObject::invokeMethod(child(page.get(), "randomSeed"), "toggle"));
    QVERIFY(QMetaObject::invokeMethod(child(page.get(), "randomSeed"), "toggled"));
    QVERIFY(!settings_->randomSeed());
  }

  void first_run_page_offers_the_folder_and_the_labelled_demo() {
    auto page = create("FirstRunPage.qml", {{"modelManager", QVariant::fromValue(manager_.get())}});
    QVERIFY(page);
    QCOMPARE(child(page.get(), "modelsFolder")->property("text").toString(), models_);
    snapshot(QStringLiteral("first-run"));
    auto* demo = child<QQuickItem>(page.get(), "loadDemo");
    QVERIFY(demo->isVisible());
    QSignalSpy requested(manager_.get(), &ModelManager::loadRequested);
    QVERIFY(QMetaObject::invokeMethod(demo, "clicked"));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), k_bundled);
    QCOMPARE(manager_->state(), ModelManager::State::Loading);
    QTRY_VERIFY(!demo->isEnabled());
    manager_->onLoaded(sikao::test::loaded_model(k_bundled, QStringLiteral("Test GPU"), 512));
  }

  // The first-run page looks for the models other apps keep and offers those Sikao can run.
  void first_run_page_offers_the_models_already_on_this_computer() {
    const QString home = dir_.filePath("first-run-home");
    QVERIFY(make_found_home(home, true));
    ModelManager manager(std::make_unique<QSettings>(dir_.filePath("first-run-found.ini"), QSettings::IniFormat),
                         dir_.filePath("first-run-no-models"), QString());
    manager.setDiscoveryPlaces(home);
    auto page = create("FirstRunPage.qml", {{"modelManager", QVariant::fromValue(&manager)}});
    QVERIFY(page);
    QVERIFY(QTest::qWaitFor([&] { return manager.found()->rowCount() == 2 && !manager.discovering(); }, 30000));
    QCOMPARE(manager.found()->runnableCount(), 1);
    auto* section = child<QQuickItem>(page.get(), "firstRunFound");
    QTRY_VERIFY(section->isVisible());
    QList<QQuickItem*> shown;
    for (QQuickItem* item : visual_descendants(page.get())) {
      if (item->objectName() == QLatin1String("foundOfferRow") && item->isVisible()) shown << item;
    }
    QCOMPARE(shown.size(), 1);  // the falcon file cannot run: not offered here
    QCOMPARE(shown[0]->property("app").toString(), QStringLiteral("LM Studio"));
    QSignalSpy requested(&manager, &ModelManager::loadRequested);
    QQuickItem* load = nullptr;
    for (QQuickItem* item : visual_descendants(shown[0])) {
      if (item->objectName() == QLatin1String("foundOfferLoad")) load = item;
    }
    QVERIFY(load);
    QVERIFY(QMetaObject::invokeMethod(load, "clicked"));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), home + "/.lmstudio/models/karpathy/stories/stories260K.gguf");
    manager.cancel();
  }

  // The empty chat with the demo model loaded says what the demo is and offers the models other
  // apps keep that Sikao can run (the view reads the app's context property modelManager).
  void the_empty_chat_on_the_demo_model_offers_the_models_on_this_computer() {
    const QString home = dir_.filePath("demo-home");
    QVERIFY(make_found_home(home, false));
    ModelManager manager(std::make_unique<QSettings>(dir_.filePath("demo-found.ini"), QSettings::IniFormat),
                         dir_.filePath("demo-no-models"), k_bundled);
    manager.setDiscoveryPlaces(home);
    engine_->rootContext()->setContextProperty(QStringLiteral("modelManager"), &manager);
    const auto unset = qScopeGuard([this] { engine_->rootContext()->setContextProperty(QStringLiteral("modelManager"), nullptr); });
    auto panel = create("StartupPanel.qml", {});
    QVERIFY(panel);
    auto* notice = child<QQuickItem>(panel.get(), "startupDemoNotice");
    auto* offer = child<QQuickItem>(panel.get(), "startupFound");
    QVERIFY(!notice->isVisible() && !offer->isVisible());
    manager.load(k_bundled);
    manager.onLoaded(sikao::test::loaded_model(k_bundled, QStringLiteral("Test GPU"), 512));
    QTRY_VERIFY(notice->isVisible());
    QVERIFY(QTest::qWaitFor([&] { return manager.found()->rowCount() == 1 && !manager.discovering(); }, 30000));
    QTRY_VERIFY(offer->isVisible());
    QQuickItem* load = nullptr;
    for (QQuickItem* item : visual_descendants(offer)) {
      if (item->objectName() == QLatin1String("foundOfferLoad") && item->isVisible()) load = item;
    }
    QVERIFY(load);
    QSignalSpy requested(&manager, &ModelManager::loadRequested);
    QVERIFY(QMetaObject::invokeMethod(load, "clicked"));
    QCOMPARE(requested.at(0).at(0).toString(), home + "/.lmstudio/models/karpathy/stories/stories260K.gguf");
    // Another model loaded: no demo notice, no offer.
    manager.onLoaded(sikao::test::loaded_model(home + "/.lmstudio/models/karpathy/stories/stories260K.gguf",
                                               QStringLiteral("Test GPU"), 512));
    QTRY_VERIFY(!notice->isVisible() && !offer->isVisible());
  }

  void arabic_translates_the_live_pages_and_mirrors_them() {
    auto page = create("SettingsPage.qml", {{"settings", QVariant::fromValue(settings_.get())},
                                            {"languages", QVariant::fromValue(languages_.get())},
                                            {"devices", QVariant::fromValue(devices_.get())}});
    QVERIFY(page);
    QCOMPARE(page->property("title").toString(), QStringLiteral("Settings"));
    settings_->setLanguage(QStringLiteral("ar"));  // the manager follows the setting
    QCOMPARE(languages_->language(), QStringLiteral("ar"));
    QCOMPARE(page->property("title").toString(), QStringLiteral("الإعدادات"));
    QCOMPARE(QGuiApplication::layoutDirection(), Qt::RightToLeft);
    // LayoutMirroring on the page: its controls lay out from the right.
    QQmlProperty mirroring(page.get(), QStringLiteral("LayoutMirroring.enabled"), qmlContext(page.get()));
    QVERIFY(mirroring.read().toBool());
    snapshot(QStringLiteral("settings-ar"));
    {
      auto models = create("ModelManagerPage.qml", {{"modelManager", QVariant::fromValue(manager_.get())}});
      QVERIFY(models);
      page->setVisible(false);
      snapshot(QStringLiteral("models-ar"));
      models.reset();
      auto first = create("FirstRunPage.qml", {{"modelManager", QVariant::fromValue(manager_.get())}});
      QVERIFY(first);
      snapshot(QStringLiteral("first-run-ar"));
      page->setVisible(true);
    }

    settings_->setLanguage(QStringLiteral("en"));
    QCOMPARE(page->property("title").toString(), QStringLiteral("Settings"));
    QCOMPARE(QGuiApplication::layoutDirection(), Qt::LeftToRight);
    QVERIFY(!mirroring.read().toBool());
  }
};

QTEST_MAIN(TestUiPages)
#include "tst_ui_pages.moc"
