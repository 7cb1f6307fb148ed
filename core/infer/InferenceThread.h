#pragma once
// The one inference thread of the app: every view that shows what a model answers (the Addition
// page's explorer and grid, the Compare page) posts its work here, so the GUI thread never touches
// a tensor and two pages never compete for the two cores with two threads of their own.
//
//   std::shared_ptr<InferenceThread> thread = InferenceThread::shared();
//   const int me = thread->addClient();
//   thread->post(me, "output", Priority::Interactive, [=] { ...compute, deliver...; return false; },
//                [=](const std::string& message) { ...report... });
//   thread->forget(me);   // in the client's destructor
//
// Latest wins: a job replaces the one waiting under the same (client, name), so a slider drag
// never queues work and the newest request is always served. The thread runs the waiting job of
// the most urgent priority first (commands, then interactive answers, then studies, then
// background steps), the oldest first within a priority. A job that returns true goes back in the
// queue as the newest of its priority (a background evaluation does one step per run), so an
// interactive request waits for one step at most.
//
// Errors: an exception leaving a job (LibTorch's or a standard one) is handed to its onError on
// this thread as a message; nothing escapes the thread.
// Results: jobs deliver them themselves (a front end posts them to its own thread).
// Runs opened from disk are kept once for every client: runs().
// Precision: every job runs under AutocastScope(precision()) (common/Precision.h): FP32 unless a
// front end chooses bf16 (the app: its *Precision of the views* setting, auto by default); the
// results the jobs deliver are FP32 or bytes either way.
//
// Lifetime: shared() gives the process's thread, made on first use and stopped when the last
// holder lets it go. forget(client) drops the client's waiting jobs and waits for its running one,
// so no job outlives the client it reports to. Thread-safe; post() and forget() never block on a
// job except forget() on the client's own running job. No LibTorch in this header: Qt front ends
// include it. A job must not hold the last reference to its InferenceThread.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/Precision.h"

namespace learn2add::infer {

class OpenedRuns;

class InferenceThread {
public:
    enum class Priority { Command, Interactive, Study, Background };
    using Job = std::function<bool()>;  // true: run it again later
    using OnError = std::function<void(const std::string& message)>;

    static std::shared_ptr<InferenceThread> shared();

    InferenceThread();
    ~InferenceThread();  // drops waiting jobs, finishes the running one, joins
    InferenceThread(const InferenceThread&) = delete;
    InferenceThread& operator=(const InferenceThread&) = delete;

    int addClient();
    void post(int client, const std::string& name, Priority priority, Job job,
              OnError onError = {});
    void forget(int client);

    // The number format of the jobs that start from now on (the running one keeps its own).
    void setPrecision(Precision precision) { precision_.store(precision); }
    Precision precision() const { return precision_.load(); }
    // LibTorch intra-op threads of the jobs that start from now on, except Interactive ones,
    // which always run on one (a slider's answer is a few images: measured from outside the app,
    // the explorer's p99 was 44 ms on two threads against 13 ms on one, while the 55-cell grid
    // took 19 ms on two against 35 ms on one). OpenMP: this thread's own count; a training thread
    // keeps its own. Default: every core, since a job is short and the window's trainings run
    // at a lower priority (common/ThreadPriority.h).
    void setThreads(int threads) { threads_.store(threads > 0 ? threads : 1); }
    int threads() const { return threads_.load(); }

    // The store of opened runs (infer/OpenedRuns.h); its models are used on this thread only.
    OpenedRuns& runs() { return *runs_; }
    // Jobs waiting (tests).
    std::size_t waiting() const;

private:
    struct Entry {
        int client = 0;
        std::string name;
        Priority priority = Priority::Interactive;
        std::uint64_t order = 0;
        Job job;
        OnError onError;
    };
    void loop();
    std::vector<Entry>::iterator find(int client, const std::string& name);

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable finished_;
    std::vector<Entry> queue_;
    std::set<int> forgotten_;
    int running_ = -1;  // the client whose job runs; -1: none
    int nextClient_ = 1;
    std::uint64_t nextOrder_ = 1;
    bool stopping_ = false;
    std::atomic<Precision> precision_{Precision::Fp32};
    std::atomic<int> threads_;
    std::unique_ptr<OpenedRuns> runs_;
    std::thread thread_;  // last: started once everything else is made
};

// In a catch block: the message of the exception being handled (LibTorch's without its
// backtrace), or "an unknown error".
std::string currentExceptionMessage();

}  // namespace learn2add::infer
