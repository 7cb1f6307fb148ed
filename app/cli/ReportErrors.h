#pragma once
// Runs a command's body and turns any exception into "error: ..." on stderr and exit code 2, so
// that bad input always gets a message and never a crash.
//
//   return reportErrors([&] { ...; return 0; });

#include <c10/util/Exception.h>

#include <exception>
#include <iostream>

namespace learn2add::cli {

template <typename Body>
int reportErrors(Body body) {
    try {
        return body();
    } catch (const c10::Error& e) {
        std::cerr << "error: " << e.what_without_backtrace() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
    }
    return 2;
}

}  // namespace learn2add::cli
