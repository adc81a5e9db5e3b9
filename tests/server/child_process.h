// child_process.h — runs the real binaries from integration tests: a finished command with its
// exit status, or a long-running child whose stdout lines can be read with a deadline.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace broadsheet::testing_support {

struct CommandResult {
    int exit_code = -1;  // -1 when the command did not exit normally
    std::string output;  // stdout and stderr together
};

// Runs argv[0] with argv and waits for it.
CommandResult run_command(const std::vector<std::string>& argv);

// A child process with its stdout on a pipe; stderr is inherited (shows in test logs).
// The destructor sends SIGTERM, waits briefly, then SIGKILLs.
class ChildProcess {
  public:
    explicit ChildProcess(const std::vector<std::string>& argv);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // The next line of stdout, or nullopt on EOF or when `timeout` passes first.
    std::optional<std::string> read_line(std::chrono::milliseconds timeout);
    // Sends SIGTERM and returns the exit code (-1 if it had to be killed or died by a signal).
    int stop();

  private:
    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    std::string buffered_;
};

}  // namespace broadsheet::testing_support
