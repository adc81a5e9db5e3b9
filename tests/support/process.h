// process.h — runs real programs from tests (POSIX only): a finished command with its exit status
// and output, or a long-running child whose stdout lines can be read with a deadline.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
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

struct ProcessResult {
    int exit_code = -1;  // -1 when killed by a signal
    std::string out;
    std::string err;
};

// Starts argv[0] with stdout and stderr sent to the given files, in `cwd` when given. Returns the
// child's pid, for wait_for() (or a signal first).
pid_t spawn_process(const std::vector<std::string>& argv, const std::filesystem::path& out,
                    const std::filesystem::path& err, const std::filesystem::path& cwd = {});

// Waits for `pid` to end: its exit code, or -1 when a signal ended it.
int wait_for(pid_t pid);

// Runs argv to completion with stdout and stderr kept apart, in `cwd` when given; `scratch` is a
// directory for the captured output files. No shell is involved, so paths need no escaping.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::filesystem::path& scratch,
                          const std::filesystem::path& cwd = {});

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
