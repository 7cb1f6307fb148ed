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
//
// Lifetime: shared() gives the process's thread, made on first use and stopped when the last
// holder lets it go. forget(client) drops the client's waiting jobs and waits for its running one,
// so no job outlives the client it reports to. Thread-safe; post() and forget() never block on a
// job except forget() on the client's own running job. No LibTorch in this header: Qt front ends
// include it. A job must not hold the last reference to its InferenceThread.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

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
    std::unique_ptr<OpenedRuns> runs_;
    std::thread thread_;  // last: started once everything else is made
};

// In a catch block: the message of the exception being handled (LibTorch's without its
// backtrace), or "an unknown error".
std::string currentExceptionMessage();

}  // namespace learn2add::infer
