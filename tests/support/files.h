// files.h — writing and reading whole files in tests: corpora, web roots and captured output.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

// The regular files of each folder of `from` copied into one folder `to` (created), the first
// folder's file winning a name both hold: the seeds and the test corpus as one corpus.
inline void copy_files_into(const std::vector<std::filesystem::path>& from,
                            const std::filesystem::path& to) {
    std::filesystem::create_directories(to);
    for (const auto& folder : from)
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            if (entry.is_regular_file())
                std::filesystem::copy_file(entry.path(), to / entry.path().filename(),
                                           std::filesystem::copy_options::skip_existing);
}

}  // namespace broadsheet::testing_support
