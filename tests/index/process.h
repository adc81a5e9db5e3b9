// process.h — run a real program from a test: argv in, exit code and captured output back.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace broadsheet::testing_support {

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Starts argv[0] with stdout and stderr sent to the given files (no shell involved, so paths
// with spaces or quotes need no escaping). Returns the child's pid.
inline pid_t spawn_process(const std::vector<std::string>& argv, const std::filesystem::path& out,
                           const std::filesystem::path& err,
                           const std::filesystem::path& cwd = {}) {
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out_fd < 0 || err_fd < 0) ::_exit(127);
        ::dup2(out_fd, STDOUT_FILENO);
        ::dup2(err_fd, STDERR_FILENO);
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

inline int wait_for(pid_t pid) {
    int status = 0;
    if (::waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs argv to completion; `scratch` is a directory for the captured output files.
inline ProcessResult run_process(const std::vector<std::string>& argv,
                                 const std::filesystem::path& scratch,
                                 const std::filesystem::path& cwd = {}) {
    static int counter = 0;
    const auto out = scratch / ("stdout-" + std::to_string(counter) + ".txt");
    const auto err = scratch / ("stderr-" + std::to_string(counter++) + ".txt");
    ProcessResult result;
    result.exit_code = wait_for(spawn_process(argv, out, err, cwd));
    result.out = slurp(out);
    result.err = slurp(err);
    return result;
}

}  // namespace broadsheet::testing_support
