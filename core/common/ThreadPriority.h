#pragma once
// Background work that yields to interactive work: a training thread lowers its own scheduling
// priority (Linux: its niceness raised by 10 for this thread alone, which the threads it starts afterwards, such as
// LibTorch's OpenMP team, inherit), so that on a machine with few cores the window's GUI thread
// and its inference thread are served first while the training still uses every idle cycle.
//
//   lowerThisThreadsPriority();   // first thing on the training worker thread, before any tensor
//
// Returns false where the system does not allow it (then nothing changed).

namespace learn2add {

inline constexpr int kBackgroundNiceness = 10;
inline constexpr int kLowestPriorityNiceness = 19;

// Adds `increment` to the thread's niceness (at most 19).
bool lowerThisThreadsPriority(int increment = kBackgroundNiceness);

// The calling thread's niceness (Linux), 0 elsewhere.
int thisThreadsNiceness();

}  // namespace learn2add
