// Device enumeration and choice: what lavapipe reports, the preference order, the --device /
// SIKAO_DEVICE overrides, and `sikao-cli devices` with and without a driver.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "common/error.h"
#include "support/test_support.h"
#include "vulkan/check.h"
#include "vulkan/context.h"
#include "vulkan/device.h"

using sikao::Error;
using sikao::ErrorCode;
namespace vk = sikao::vk;

namespace {

vk::DeviceInfo fake(uint32_t index, vk::DeviceType type, bool supported = true) {
  vk::DeviceInfo d{};
  d.index = index;
  d.name = "fake " + std::to_string(index);
  d.type = type;
  d.supported = supported;
  d.unsupported_reason = supported ? "" : "no storageBuffer16BitAccess";
  return d;
}

// Clears SIKAO_DEVICE for the scope of a test and restores it after.
struct ScopedEnv {
  QByteArray name, old;
  bool had;
  ScopedEnv(const char* n, const char* value) : name(n), old(qgetenv(n)), had(qEnvironmentVariableIsSet(n)) {
    if (value) {
      qputenv(n, value);
    } else {
      qunsetenv(n);
    }
  }
  ~ScopedEnv() {
    if (had) {
      qputenv(name.constData(), old);
    } else {
      qunsetenv(name.constData());
    }
  }
};

template <class F>
ErrorCode error_code_of(F&& f, QString* message = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (message) {
      *message = QString::fromStdString(e.what());
    }
    return e.code();
  }
  return ErrorCode::Internal;  // "did not throw" reads as a mismatch in QCOMPARE
}

} // namespace

class TestVulkanDevices : public QObject {
  Q_OBJECT

 private slots:
  void lists_lavapipe_with_its_capabilities() {
    const auto devices = vk::list_devices();
    QVERIFY(!devices.empty());
    const vk::DeviceInfo* lavapipe = nullptr;
    for (const auto& d : devices) {
      QCOMPARE(d.index, static_cast<uint32_t>(&d - devices.data()));
      if (d.name.find("llvmpipe") != std::string::npos) {
        lavapipe = &d;
      }
    }
    QVERIFY2(lavapipe, "this machine's lavapipe (llvmpipe) device is not listed");
    QCOMPARE(lavapipe->type, vk::DeviceType::Cpu);
    QCOMPARE(lavapipe->driver_name, std::string("llvmpipe"));
    QVERIFY(lavapipe->driver_info.find("Mesa") != std::string::npos);
    QVERIFY(lavapipe->api_version >= VK_API_VERSION_1_2);
    QVERIFY(lavapipe->supported);
    QVERIFY(lavapipe->storage_buffer_16bit);
    // lavapipe's documented limits (DESIGN.md §3): 128 MiB storage ranges.
    QCOMPARE(lavapipe->max_storage_buffer_range, uint64_t{128} << 20);
    QVERIFY(lavapipe->subgroup_size >= 1);
    QCOMPARE(lavapipe->subgroup_size & (lavapipe->subgroup_size - 1), 0u);  // a power of two
    QVERIFY(lavapipe->min_storage_buffer_offset_alignment >= 1);
    QVERIFY(lavapipe->max_workgroup_invocations >= 128);  // the Vulkan minimum
    QVERIFY(lavapipe->max_workgroup_count[0] >= 65535);
    QVERIFY(lavapipe->max_push_constants_size >= 128);
    QVERIFY(!lavapipe->heaps.empty());
    QVERIFY(lavapipe->heaps[0].size > 0);
    QVERIFY(lavapipe->max_memory_allocation_size >= (uint64_t{1} << 30));
    // Mesa 22.3 lavapipe: VK_EXT_subgroup_size_control with one size, the reported one.
    QVERIFY(lavapipe->subgroup_size_control);
    QCOMPARE(lavapipe->min_subgroup_size, lavapipe->subgroup_size);
    QCOMPARE(lavapipe->max_subgroup_size, lavapipe->subgroup_size);
    QVERIFY(lavapipe->max_compute_workgroup_subgroups >= 1);
  }

  void check_names_the_call_and_maps_result_codes() {
    QString message;
    QCOMPARE(error_code_of([] { vk::check(VK_ERROR_DEVICE_LOST, "vkQueueSubmit"); }, &message),
             ErrorCode::DeviceLost);
    QVERIFY2(message.contains("vkQueueSubmit") && message.contains("VK_ERROR_DEVICE_LOST"),
             qPrintable(message));
    QCOMPARE(error_code_of([] { vk::check(VK_ERROR_OUT_OF_DEVICE_MEMORY, "vkAllocateMemory"); },
                           &message),
             ErrorCode::OutOfMemory);
    QVERIFY2(message.contains("vkAllocateMemory"), qPrintable(message));
    QCOMPARE(error_code_of([] { vk::check(VK_ERROR_OUT_OF_HOST_MEMORY, "vkCreateBuffer"); }),
             ErrorCode::OutOfMemory);
    QCOMPARE(error_code_of([] { vk::check(VK_ERROR_FEATURE_NOT_PRESENT, "vkCreateDevice"); },
                           &message),
             ErrorCode::Vulkan);
    QVERIFY2(message.contains("vkCreateDevice failed: VK_ERROR_FEATURE_NOT_PRESENT"), qPrintable(message));
    vk::check(VK_SUCCESS, "vkAnything");  // no throw
  }

  void prefers_discrete_then_integrated_then_virtual_then_cpu() {
    ScopedEnv env("SIKAO_DEVICE", nullptr);
    std::vector<vk::DeviceInfo> d = {fake(0, vk::DeviceType::Cpu), fake(1, vk::DeviceType::Virtual),
                                     fake(2, vk::DeviceType::Integrated),
                                     fake(3, vk::DeviceType::Discrete)};
    QCOMPARE(vk::choose_device(d, std::nullopt), 3u);
    d.pop_back();
    QCOMPARE(vk::choose_device(d, std::nullopt), 2u);
    d.pop_back();
    QCOMPARE(vk::choose_device(d, std::nullopt), 1u);
    d.pop_back();
    QCOMPARE(vk::choose_device(d, std::nullopt), 0u);
  }

  void skips_unsupported_devices() {
    ScopedEnv env("SIKAO_DEVICE", nullptr);
    const std::vector<vk::DeviceInfo> d = {fake(0, vk::DeviceType::Discrete, false),
                                           fake(1, vk::DeviceType::Cpu)};
    QCOMPARE(vk::choose_device(d, std::nullopt), 1u);
    QString message;
    QCOMPARE(error_code_of([&] { vk::choose_device(d, 0u); }, &message), ErrorCode::InvalidArgument);
    QVERIFY2(message.contains("storageBuffer16BitAccess"), qPrintable(message));
    const std::vector<vk::DeviceInfo> none = {fake(0, vk::DeviceType::Discrete, false)};
    QCOMPARE(error_code_of([&] { vk::choose_device(none, std::nullopt); }, &message),
             ErrorCode::NoDevice);
    QVERIFY2(message.contains("mesa-vulkan-drivers"), qPrintable(message));
  }

  void requested_device_beats_environment_which_beats_type() {
    const std::vector<vk::DeviceInfo> d = {fake(0, vk::DeviceType::Cpu),
                                           fake(1, vk::DeviceType::Discrete)};
    ScopedEnv env("SIKAO_DEVICE", "0");
    QCOMPARE(vk::choose_device(d, std::nullopt), 0u);
    QCOMPARE(vk::choose_device(d, 1u), 1u);
  }

  void rejects_missing_or_malformed_device_index() {
    const std::vector<vk::DeviceInfo> d = {fake(0, vk::DeviceType::Cpu)};
    QString message;
    {
      ScopedEnv env("SIKAO_DEVICE", nullptr);
      QCOMPARE(error_code_of([&] { vk::choose_device(d, 1u); }, &message), ErrorCode::InvalidArgument);
      QVERIFY2(message.contains("--device 1 does not exist"), qPrintable(message));
    }
    {
      ScopedEnv env("SIKAO_DEVICE", "gpu");
      QCOMPARE(error_code_of([&] { vk::choose_device(d, std::nullopt); }, &message),
               ErrorCode::InvalidArgument);
      QVERIFY2(message.contains("SIKAO_DEVICE='gpu'"), qPrintable(message));
    }
    {
      ScopedEnv env("SIKAO_DEVICE", "7");
      QCOMPARE(error_code_of([&] { vk::Context ctx; }, &message), ErrorCode::InvalidArgument);
      QVERIFY2(message.contains("SIKAO_DEVICE 7 does not exist"), qPrintable(message));
    }
  }

  void context_opens_the_chosen_device() {
    ScopedEnv env("SIKAO_DEVICE", nullptr);
    vk::Context ctx(0u);
    QCOMPARE(ctx.info().index, 0u);
    QCOMPARE(ctx.info().name, vk::list_devices()[0].name);
  }

  void cli_lists_devices_as_json() {
    ScopedEnv env("SIKAO_DEVICE", nullptr);
    const auto r = sikao::test::run_cli({"devices", "--json"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const auto devices = doc.object()["devices"].toArray();
    QCOMPARE(devices.size(), static_cast<qsizetype>(vk::list_devices().size()));
    const auto first = devices[0].toObject();
    QVERIFY(first["name"].toString().contains("llvmpipe"));
    QCOMPARE(first["type"].toString(), QString("cpu"));
    QCOMPARE(first["max_storage_buffer_range"].toDouble(), 134217728.0);
    QVERIFY(first["storage_buffer_16bit"].toBool());
    QVERIFY(first["heaps"].toArray().size() >= 1);
    QCOMPARE(doc.object()["chosen"].toInt(-1), 0);
    QCOMPARE(doc.object()["chosen_by"].toString(), QString("the best type present"));
  }

  void cli_marks_the_chosen_device_and_honours_device_option() {
    ScopedEnv env("SIKAO_DEVICE", nullptr);
    auto r = sikao::test::run_cli({"devices"});
    QVERIFY2(r.exit_code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("* device 0: llvmpipe"), qPrintable(r.out));
    QVERIFY(r.out.contains("maxStorageBufferRange 128 MiB"));
    {
      ScopedEnv chosen("SIKAO_DEVICE", "0");
      r = sikao::test::run_cli({"devices"});
      QVERIFY2(r.out.contains("chosen by SIKAO_DEVICE"), qPrintable(r.out));
    }
    r = sikao::test::run_cli({"devices", "--device", "9"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("--device 9 does not exist"), qPrintable(r.err));
    r = sikao::test::run_cli({"--device", "x", "devices"});
    QCOMPARE(r.exit_code, 2);
    QVERIFY2(r.err.contains("not a device index"), qPrintable(r.err));
  }

  void context_without_a_driver_is_a_no_device_error() {
    {
      ScopedEnv icd("VK_ICD_FILENAMES", "/nonexistent/sikao_no_driver.json");
      ScopedEnv driver_files("VK_DRIVER_FILES", "/nonexistent/sikao_no_driver.json");
      QString message;
      QCOMPARE(error_code_of([] { vk::Context ctx; }, &message), ErrorCode::NoDevice);
      QVERIFY2(message.contains("mesa-vulkan-drivers"), qPrintable(message));
      QCOMPARE(error_code_of([] { vk::list_devices(); }), ErrorCode::NoDevice);
    }
    // The loader looks for drivers again at the next instance.
    vk::Context ctx;
    QVERIFY(!ctx.info().name.empty());
  }

  void cli_without_a_driver_says_how_to_install_one() {
    // The loader reads these when the child creates its instance: no ICD manifest, no driver.
    ScopedEnv icd("VK_ICD_FILENAMES", "/nonexistent/sikao_no_driver.json");
    ScopedEnv driver_files("VK_DRIVER_FILES", "/nonexistent/sikao_no_driver.json");
    const auto r = sikao::test::run_cli({"devices"});
    QCOMPARE(r.exit_code, 1);
    QVERIFY2(r.err.contains("no Vulkan driver found"), qPrintable(r.err));
    QVERIFY2(r.err.contains("mesa-vulkan-drivers"), qPrintable(r.err));
    QCOMPARE(r.err.trimmed().count('\n'), 0);  // one line
  }
};

QTEST_APPLESS_MAIN(TestVulkanDevices)
#include "tst_vulkan_devices.moc"
