// process.cpp — fork/exec for the tests' real-program runs (POSIX only).
#include "tests/support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "tests/support/files.h"

namespace broadsheet::testing_support {
namespace {

// Where the child's stdout and stderr go: descriptors it dup2()s before exec; -1 keeps the
// parent's. `cwd` empty: the parent's working directory.
struct ChildStreams {
    int out_fd = -1;
    int err_fd = -1;
    std::filesystem::path cwd;
};

pid_t spawn(const std::vector<std::string>& argv, const ChildStreams& streams) {
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        if (streams.out_fd >= 0) dup2(streams.out_fd, STDOUT_FILENO);
        if (streams.err_fd >= 0) dup2(streams.err_fd, STDERR_FILENO);
        if (!streams.cwd.empty() && chdir(streams.cwd.c_str()) != 0) _exit(127);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

// A pipe whose ends close on exec; the child gets the write end through dup2().
void make_pipe(int fds[2]) {
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
}

int exit_code_of(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

pid_t spawn_process(const std::vector<std::string>& argv, const std::filesystem::path& out,
                    const std::filesystem::path& err, const std::filesystem::path& cwd) {
    const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out_fd < 0 || err_fd < 0) throw std::runtime_error("cannot open " + out.string());
    const pid_t pid = spawn(argv, {out_fd, err_fd, cwd});
    close(out_fd);
    close(err_fd);
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return exit_code_of(status);
}

CommandResult run_command(const std::vector<std::string>& argv) {
    int fds[2];
    make_pipe(fds);
    const pid_t pid = spawn(argv, {fds[1], fds[1], {}});
    close(fds[1]);
    CommandResult result;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(fds[0], buffer, sizeof buffer)) > 0) result.output.append(buffer, n);
    close(fds[0]);
    result.exit_code = wait_for(pid);
    return result;
}

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::filesystem::path& scratch, const std::filesystem::path& cwd) {
    static std::atomic<int> counter{0};
    const int n = counter++;
    const auto out = scratch / ("stdout-" + std::to_string(n) + ".txt");
    const auto err = scratch / ("stderr-" + std::to_string(n) + ".txt");
    ProcessResult result;
    result.exit_code = wait_for(spawn_process(argv, out, err, cwd));
    result.out = slurp(out);
    result.err = slurp(err);
    return result;
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
    int fds[2];
    make_pipe(fds);
    pid_ = spawn(argv, {fds[1], -1, {}});
    close(fds[1]);
    stdout_fd_ = fds[0];
}

ChildProcess::~ChildProcess() {
    stop();
}

std::optional<std::string> ChildProcess::read_line(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (auto newline = buffered_.find('\n'); newline != std::string::npos) {
            std::string line = buffered_.substr(0, newline);
            buffered_.erase(0, newline + 1);
            return line;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || stdout_fd_ < 0) return std::nullopt;
        pollfd pfd{stdout_fd_, POLLIN, 0};
        if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
        char buffer[1024];
        const ssize_t n = read(stdout_fd_, buffer, sizeof buffer);
        if (n <= 0) return std::nullopt;
        buffered_.append(buffer, n);
    }
}

int ChildProcess::stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    int code = -1;
    bool exited = false;
    for (int i = 0; i < 100 && !exited; ++i) {  // up to 5 s for a clean stop
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            exited = true;
            code = exit_code_of(status);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    if (!exited) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
    }
    if (stdout_fd_ >= 0) close(stdout_fd_);
    stdout_fd_ = -1;
    pid_ = -1;
    return code;
}

}  // namespace broadsheet::testing_support
