// The start window's view-models without a window: the device list (enumerated on a worker,
// delivered as a queued signal) and the choice of the model to load.

#include <QtTest>

#include <QSignalSpy>
#include <QTemporaryDir>

#include "device_list_model.h"
#include "startup_model.h"
#include "support/test_support.h"

class TestUiStartup : public QObject {
  Q_OBJECT

 private slots:
  void device_list_arrives_from_the_worker_with_one_chosen_device() {
    sikao::ui::DeviceListModel model;
    QSignalSpy loading(&model, &sikao::ui::DeviceListModel::loadingChanged);
    model.refresh();
    QVERIFY(model.loading());
    QTRY_VERIFY_WITH_TIMEOUT(!model.loading(), 30000);
    QCOMPARE(model.error(), QString());
    QVERIFY(model.rowCount() >= 1);
    int chosen = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
      const QModelIndex i = model.index(r);
      QVERIFY(!model.data(i, sikao::ui::DeviceListModel::NameRole).toString().isEmpty());
      chosen += model.data(i, sikao::ui::DeviceListModel::ChosenRole).toBool() ? 1 : 0;
    }
    QCOMPARE(chosen, 1);
    QCOMPARE(model.roleNames().value(sikao::ui::DeviceListModel::ChosenRole), QByteArray("chosen"));
  }

  void startup_model_prefers_the_named_file_then_the_models_folder_then_the_bundled_model() {
    SIKAO_REQUIRE_SHARED();
    QTemporaryDir data;
    qputenv("XDG_DATA_HOME", data.path().toUtf8());
    QStandardPaths::setTestModeEnabled(false);
    const QString stories = QString::fromStdString(
        sikao::test::shared_path("models/stories260K/stories260K.gguf"));
    const QString bundled = QStringLiteral(SIKAO_SOURCE_DIR
                                           "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf");

    sikao::ui::StartupModel named(stories, bundled);
    QCOMPARE(named.path(), stories);
    QSignalSpy changed(&named, &sikao::ui::StartupModel::changed);
    QVERIFY(changed.wait(10000));
    QVERIFY2(named.summary().contains("llama"), qPrintable(named.summary()));
    QCOMPARE(named.error(), QString());

    sikao::ui::StartupModel fallback({}, bundled);
    QCOMPARE(fallback.path(), bundled);

    QDir().mkpath(data.path() + "/sikao/models");
    QFile::copy(stories, data.path() + "/sikao/models/a.gguf");
    sikao::ui::StartupModel from_folder({}, bundled);
    QCOMPARE(from_folder.path(), data.path() + "/sikao/models/a.gguf");
  }

  void a_corrupt_model_is_an_error_message_not_a_crash() {
    QTemporaryDir dir;
    const QString bad = dir.path() + "/bad.gguf";
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("GGUF this is not a model");
    f.close();
    sikao::ui::StartupModel model(bad, {});
    QSignalSpy changed(&model, &sikao::ui::StartupModel::changed);
    QVERIFY(changed.wait(10000));
    QVERIFY2(model.error().contains("bad.gguf"), qPrintable(model.error()));
  }
};

QTEST_MAIN(TestUiStartup)
#include "tst_ui_startup.moc"
