#include "infer/InferenceThread.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace learn2add::infer {
namespace {

using Priority = InferenceThread::Priority;
using namespace std::chrono_literals;

// Holds the thread inside a job until released, so that what is posted meanwhile waits.
class Gate {
public:
    InferenceThread::Job job() {
        return [this] {
            {
                std::lock_guard lock(mutex_);
                entered_ = true;
            }
            changed_.notify_all();
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return open_; });
            return false;
        };
    }
    void waitUntilEntered() {
        std::unique_lock lock(mutex_);
        ASSERT_TRUE(changed_.wait_for(lock, 60s, [&] { return entered_; }));
    }
    void open() {
        {
            std::lock_guard lock(mutex_);
            open_ = true;
        }
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool entered_ = false;
    bool open_ = false;
};

// Records what ran, in order, from the inference thread.
struct Log {
    std::mutex mutex;
    std::vector<std::string> ran;
    void add(const std::string& what) {
        std::lock_guard lock(mutex);
        ran.push_back(what);
    }
    std::vector<std::string> get() {
        std::lock_guard lock(mutex);
        return ran;
    }
};

// Waits until every job posted before it has run.
void drain(InferenceThread& thread, int client) {
    std::promise<void> done;
    thread.post(client, "drain marker", Priority::Background, [&] {
        done.set_value();
        return false;
    });
    ASSERT_EQ(done.get_future().wait_for(60s), std::future_status::ready);
}

TEST(InferenceThread, TheLatestRequestOfANameReplacesTheWaitingOne) {
    InferenceThread thread;
    const int client = thread.addClient();
    Gate gate;
    Log log;
    thread.post(client, "gate", Priority::Command, gate.job());
    gate.waitUntilEntered();
    for (int k = 1; k <= 50; ++k) {
        thread.post(client, "output", Priority::Interactive, [&log, k] {
            log.add("output " + std::to_string(k));
            return false;
        });
    }
    EXPECT_EQ(thread.waiting(), 1u);
    gate.open();
    drain(thread, client);
    EXPECT_EQ(log.get(), std::vector<std::string>{"output 50"});
}

TEST(InferenceThread, RunsTheMostUrgentFirstAndTheOldestFirstWithinAPriority) {
    InferenceThread thread;
    const int a = thread.addClient();
    const int b = thread.addClient();
    Gate gate;
    Log log;
    thread.post(a, "gate", Priority::Command, gate.job());
    gate.waitUntilEntered();
    const auto record = [&log](const std::string& what) {
        return [&log, what] {
            log.add(what);
            return false;
        };
    };
    thread.post(a, "evaluate", Priority::Background, record("a evaluate"));
    thread.post(a, "study", Priority::Study, record("a study"));
    thread.post(b, "view", Priority::Interactive, record("b view"));
    thread.post(a, "output", Priority::Interactive, record("a output"));
    thread.post(b, "open", Priority::Command, record("b open"));
    gate.open();
    drain(thread, a);
    EXPECT_EQ(log.get(), (std::vector<std::string>{"b open", "b view", "a output", "a study",
                                                    "a evaluate"}));
}

TEST(InferenceThread, ABackgroundJobRunsStepByStepBehindNewerWork) {
    InferenceThread thread;
    const int client = thread.addClient();
    Log log;
    std::promise<void> finished;
    std::atomic<int> steps{0};
    Gate gate;
    thread.post(client, "gate", Priority::Command, gate.job());
    gate.waitUntilEntered();
    thread.post(client, "evaluate", Priority::Background, [&] {
        const int step = ++steps;
        log.add("step " + std::to_string(step));
        if (step == 1) {
            // Posted while step 1 runs: it must come before step 2.
            thread.post(client, "output", Priority::Interactive, [&log] {
                log.add("output");
                return false;
            });
        }
        if (step == 3) finished.set_value();
        return step < 3;
    });
    gate.open();
    ASSERT_EQ(finished.get_future().wait_for(60s), std::future_status::ready);
    drain(thread, client);
    EXPECT_EQ(log.get(), (std::vector<std::string>{"step 1", "output", "step 2", "step 3"}));
}

TEST(InferenceThread, AnErrorGoesToItsHandlerAndTheThreadGoesOn) {
    InferenceThread thread;
    const int client = thread.addClient();
    std::promise<std::string> message;
    thread.post(
        client, "bad", Priority::Interactive,
        []() -> bool { throw std::runtime_error("the checkpoint does not match"); },
        [&](const std::string& text) { message.set_value(text); });
    auto reported = message.get_future();
    ASSERT_EQ(reported.wait_for(60s), std::future_status::ready);
    EXPECT_EQ(reported.get(), "the checkpoint does not match");
    std::promise<void> ran;
    thread.post(client, "good", Priority::Interactive, [&] {
        ran.set_value();
        return false;
    });
    EXPECT_EQ(ran.get_future().wait_for(60s), std::future_status::ready);
}

TEST(InferenceThread, ForgetDropsTheClientsWaitingWorkAndWaitsForItsRunningJob) {
    InferenceThread thread;
    const int leaving = thread.addClient();
    const int staying = thread.addClient();
    std::atomic<bool> running{false}, finished{false}, droppedRan{false};
    thread.post(leaving, "slow", Priority::Interactive, [&] {
        running = true;
        std::this_thread::sleep_for(200ms);
        finished = true;
        return false;
    });
    while (!running) std::this_thread::sleep_for(1ms);
    thread.post(leaving, "dropped", Priority::Interactive, [&] {
        droppedRan = true;
        return false;
    });
    thread.forget(leaving);
    EXPECT_TRUE(finished);  // forget returned only after the running job ended
    // A forgotten client's posts are refused; the other client is served.
    thread.post(leaving, "late", Priority::Interactive, [&] {
        droppedRan = true;
        return false;
    });
    drain(thread, staying);
    EXPECT_FALSE(droppedRan);
}

TEST(InferenceThread, TheSharedThreadLivesWhileSomeoneHoldsIt) {
    std::shared_ptr<InferenceThread> first = InferenceThread::shared();
    std::shared_ptr<InferenceThread> second = InferenceThread::shared();
    EXPECT_EQ(first.get(), second.get());
    std::weak_ptr<InferenceThread> watch = first;
    first.reset();
    second.reset();
    EXPECT_TRUE(watch.expired());
}

}  // namespace
}  // namespace learn2add::infer
