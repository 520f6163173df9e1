// The start window's view-models without a window: the device list (enumerated on a worker,
// delivered as a queued signal) and the choice of the model to load at start.

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

  void the_startup_model_is_the_named_file_then_the_last_one_then_the_folder_then_the_bundled_one() {
    SIKAO_REQUIRE_SHARED();
    QTemporaryDir data;
    const QString models = data.path() + "/sikao/models";
    const QString stories = QString::fromStdString(
        sikao::test::shared_path("models/stories260K/stories260K.gguf"));
    const QString bundled = QStringLiteral(SIKAO_SOURCE_DIR
                                           "/tests/tools/bundled_model/sikao-demo-reasoner-F16.gguf");
    using sikao::ui::choose_startup_model;
    QCOMPARE(choose_startup_model(stories, bundled, models, bundled), stories);
    QCOMPARE(choose_startup_model({}, stories, models, bundled), stories);
    QCOMPARE(choose_startup_model({}, data.path() + "/gone.gguf", models, bundled), bundled);
    QCOMPARE(choose_startup_model({}, {}, models, bundled), bundled);
    QVERIFY(QDir().mkpath(models));
    QVERIFY(QFile::copy(stories, models + "/b.gguf"));
    QVERIFY(QFile::copy(stories, models + "/a.gguf"));
    QCOMPARE(choose_startup_model({}, {}, models, bundled), models + "/a.gguf");
    QCOMPARE(choose_startup_model({}, {}, data.path() + "/none", data.path() + "/none.gguf"), QString());
  }
};

QTEST_MAIN(TestUiStartup)
#include "tst_ui_startup.moc"
