#pragma once
// Runs the learn2add-cli executable and captures what it prints.

#include <array>
#include <cstdio>
#include <string>

namespace learn2add::testing {

struct CliResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

// Runs a shell command line and captures what it prints (stdout and stderr together).
inline CliResult runCommand(const std::string& commandLine) {
    const std::string command = commandLine + " 2>&1";
    CliResult result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

inline CliResult runCli(const std::string& arguments) {
    return runCommand(std::string(LEARN2ADD_CLI_PATH) + " " + arguments);
}

}  // namespace learn2add::testing
