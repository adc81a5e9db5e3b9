// child_process.cpp — fork/exec with pipes for the integration tests (POSIX only).
#include "tests/server/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace broadsheet::testing_support {
namespace {

std::vector<char*> c_argv(const std::vector<std::string>& argv) {
    std::vector<char*> out;
    for (const auto& arg : argv) out.push_back(const_cast<char*>(arg.c_str()));
    out.push_back(nullptr);
    return out;
}

// Forks a child running argv with stdout (and stderr when `merge_stderr`) on a new pipe.
pid_t spawn(const std::vector<std::string>& argv, bool merge_stderr, int* read_fd) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    auto args = c_argv(argv);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        if (merge_stderr) dup2(fds[1], STDERR_FILENO);
        execv(args[0], args.data());
        _exit(127);
    }
    close(fds[1]);
    *read_fd = fds[0];
    return pid;
}

int exit_code_of(int status) {
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv) {
    int fd = -1;
    const pid_t pid = spawn(argv, true, &fd);
    CommandResult result;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) result.output.append(buffer, n);
    close(fd);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = exit_code_of(status);
    return result;
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
    pid_ = spawn(argv, false, &stdout_fd_);
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
