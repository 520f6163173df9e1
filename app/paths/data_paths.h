#pragma once
// Where Sikao's read-only data lives: relative to the running binary, so the same build works
// installed in /usr, extracted from the package under any other prefix, and in the build tree.
//
//   installed:  <prefix>/bin/sikao        ->  <prefix>/share/sikao/models/<bundled model>
//   build tree: build/app/sikao           ->  build/share/sikao/models/<bundled model>, a link
//                                             that app/CMakeLists.txt makes to the source file
//
// The step from the binary's folder to the data folder (SIKAO_DATA_DIR_FROM_BIN, "../share/sikao")
// is computed by CMake from the install directories, so the two layouts cannot drift apart.

#include <filesystem>
#include <optional>

namespace sikao::app {

// The folder of the running executable (/proc/self/exe, links resolved); nullopt when it cannot
// be read (no /proc).
std::optional<std::filesystem::path> executable_dir();

// <executable dir>/../share/sikao: the bundled model and any other data Sikao ships.
std::optional<std::filesystem::path> data_dir();

// The demo model Sikao ships, where it should be (data_dir()/models/<file>); the file may be
// missing (a partial install), which callers report. nullopt when data_dir() is unknown.
std::optional<std::filesystem::path> bundled_model_path();

} // namespace sikao::app
