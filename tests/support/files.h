// files.h — writing and reading whole files in tests: corpora, web roots and captured output.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace broadsheet::testing_support {

// Writes `bytes` to `path` exactly (binary mode), creating the parent directories.
inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

// The whole of `path`, or "" when it cannot be read.
inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace broadsheet::testing_support
