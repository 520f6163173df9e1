// sikao-cli devices [--json] [--device N]: every Vulkan device, what it can do, and which one
// Sikao would use (--device N, else SIKAO_DEVICE, else the best by type).

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "common/error.h"
#include "vulkan/device.h"

namespace sikao::cli {
namespace {

nlohmann::json to_json(const vk::DeviceInfo& d) {
  nlohmann::json heaps = nlohmann::json::array();
  for (const auto& h : d.heaps) {
    heaps.push_back({{"size", h.size}, {"device_local", h.device_local}});
  }
  return {
      {"index", d.index},
      {"name", d.name},
      {"type", vk::to_string(d.type)},
      {"vendor_id", d.vendor_id},
      {"device_id", d.device_id},
      {"driver_name", d.driver_name},
      {"driver_info", d.driver_info},
      {"api_version", d.api_version_string()},
      {"subgroup_size", d.subgroup_size},
      {"subgroup_arithmetic", d.subgroup_arithmetic},
      {"subgroup_size_control", d.subgroup_size_control},
      {"min_subgroup_size", d.min_subgroup_size},
      {"max_subgroup_size", d.max_subgroup_size},
      {"max_compute_workgroup_subgroups", d.max_compute_workgroup_subgroups},
      {"shader_float16", d.shader_float16},
      {"shader_int8", d.shader_int8},
      {"shader_int16", d.shader_int16},
      {"shader_int64", d.shader_int64},
      {"storage_buffer_16bit", d.storage_buffer_16bit},
      {"storage_buffer_8bit", d.storage_buffer_8bit},
      {"max_storage_buffer_range", d.max_storage_buffer_range},
      {"min_storage_buffer_offset_alignment", d.min_storage_buffer_offset_alignment},
      {"max_memory_allocation_size", d.max_memory_allocation_size},
      {"max_workgroup_invocations", d.max_workgroup_invocations},
      {"max_workgroup_count", d.max_workgroup_count},
      {"max_workgroup_size", d.max_workgroup_size},
      {"max_shared_memory_bytes", d.max_shared_memory_bytes},
      {"max_push_constants_size", d.max_push_constants_size},
      {"timestamps", d.timestamps},
      {"timestamp_period_ns", d.timestamp_period_ns},
      {"heaps", heaps},
      {"supported", d.supported},
      {"unsupported_reason", d.unsupported_reason},
  };
}

std::string mib(uint64_t bytes) { return fmt::format("{} MiB", bytes >> 20); }

void print_text(const vk::DeviceInfo& d, bool chosen) {
  auto yes = [](bool b) { return b ? "yes" : "no"; };
  std::printf("%s device %u: %s\n", chosen ? "*" : " ", d.index, d.name.c_str());
  std::printf("    type %s, vendor 0x%04x, device 0x%04x, Vulkan %s\n", vk::to_string(d.type),
              d.vendor_id, d.device_id, d.api_version_string().c_str());
  std::printf("    driver %s (%s)\n", d.driver_name.c_str(), d.driver_info.c_str());
  std::printf("    subgroup size %u, subgroup arithmetic %s\n", d.subgroup_size,
              yes(d.subgroup_arithmetic));
  if (d.subgroup_size_control) {
    std::printf("    subgroup size control yes (%u..%u, at most %u subgroups per workgroup)\n",
                d.min_subgroup_size, d.max_subgroup_size, d.max_compute_workgroup_subgroups);
  } else {
    std::printf("    subgroup size control no\n");
  }
  std::printf("    fp16 %s, int8 %s, int16 %s, int64 %s, 16-bit storage %s, 8-bit storage %s\n",
              yes(d.shader_float16), yes(d.shader_int8), yes(d.shader_int16),
              yes(d.shader_int64), yes(d.storage_buffer_16bit), yes(d.storage_buffer_8bit));
  std::printf("    maxStorageBufferRange %s (%llu bytes), minStorageBufferOffsetAlignment %llu, "
              "maxMemoryAllocationSize %s\n",
              mib(d.max_storage_buffer_range).c_str(),
              static_cast<unsigned long long>(d.max_storage_buffer_range),
              static_cast<unsigned long long>(d.min_storage_buffer_offset_alignment),
              mib(d.max_memory_allocation_size).c_str());
  std::printf("    workgroup: %u invocations, size %ux%ux%u, count %ux%ux%u, shared memory %u "
              "bytes, push constants %u bytes\n",
              d.max_workgroup_invocations, d.max_workgroup_size[0], d.max_workgroup_size[1],
              d.max_workgroup_size[2], d.max_workgroup_count[0], d.max_workgroup_count[1],
              d.max_workgroup_count[2], d.max_shared_memory_bytes, d.max_push_constants_size);
  if (d.timestamps) {
    std::printf("    timestamps yes (%g ns per tick)\n", d.timestamp_period_ns);
  } else {
    std::printf("    timestamps no\n");
  }
  for (size_t i = 0; i < d.heaps.size(); ++i) {
    std::printf("    heap %zu: %s%s\n", i, mib(d.heaps[i].size).c_str(),
                d.heaps[i].device_local ? ", device-local" : "");
  }
  if (!d.supported) {
    std::printf("    cannot run Sikao: %s\n", d.unsupported_reason.c_str());
  }
}

} // namespace

int devices(const Args& args, const GlobalOptions& global) {
  bool json = false;
  std::optional<uint32_t> requested = global.device;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") {
      json = true;
    } else if (args[i] == "--device" && i + 1 < args.size()) {
      requested = parse_device_index(args[++i]);
    } else {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("unknown argument '{}' (usage: devices [--json] [--device N])",
                              args[i]));
    }
  }
  const char* env = std::getenv("SIKAO_DEVICE");
  const char* why = requested ? "--device" : (env && *env) ? "SIKAO_DEVICE" : "the best type present";
  const auto list = vk::list_devices();
  std::optional<uint32_t> chosen;
  std::optional<Error> choice_error;
  try {
    chosen = vk::choose_device(list, requested);
  } catch (const Error& e) {
    choice_error = e;  // still list the devices: that is how the user fixes the choice
  }
  if (json) {
    nlohmann::json out{{"devices", nlohmann::json::array()}, {"chosen", nullptr}};
    for (const auto& d : list) {
      out["devices"].push_back(to_json(d));
    }
    if (chosen) {
      out["chosen"] = *chosen;
      out["chosen_by"] = why;
    }
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    for (const auto& d : list) {
      print_text(d, chosen == d.index);
    }
    if (chosen) {
      std::printf("Sikao would use device %u (* above), chosen by %s.\n", *chosen, why);
    }
  }
  if (choice_error) {
    throw *choice_error;
  }
  return 0;
}

} // namespace sikao::cli
