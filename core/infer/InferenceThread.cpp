#include "infer/InferenceThread.h"

#include <ATen/Parallel.h>
#include <c10/util/Exception.h>

#include <algorithm>
#include <exception>

#include "common/TorchRuntime.h"
#include "infer/OpenedRuns.h"

namespace learn2add::infer {
namespace {

// Runs the job; an exception becomes a message for onError.
bool runGuarded(const InferenceThread::Job& job, const InferenceThread::OnError& onError,
                Precision precision) {
    std::string message;
    try {
        AutocastScope autocast(precision);
        return job();
    } catch (...) {
        message = currentExceptionMessage();
    }
    if (onError) {
        try {
            onError(message);
        } catch (...) {
            // Reporting failed too; the thread goes on.
        }
    }
    return false;
}

}  // namespace

std::string currentExceptionMessage() {
    try {
        throw;
    } catch (const c10::Error& error) {
        return error.what_without_backtrace();
    } catch (const std::exception& error) {
        return error.what();
    } catch (...) {
        return "an unknown error";
    }
}

std::shared_ptr<InferenceThread> InferenceThread::shared() {
    static std::mutex mutex;
    static std::weak_ptr<InferenceThread> instance;
    std::lock_guard lock(mutex);
    std::shared_ptr<InferenceThread> thread = instance.lock();
    if (!thread) {
        thread = std::make_shared<InferenceThread>();
        instance = thread;
    }
    return thread;
}

InferenceThread::InferenceThread()
    : threads_(hardwareThreads()),
      runs_(std::make_unique<OpenedRuns>()), thread_([this] { loop(); }) {}

InferenceThread::~InferenceThread() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

int InferenceThread::addClient() {
    std::lock_guard lock(mutex_);
    return nextClient_++;
}

std::vector<InferenceThread::Entry>::iterator InferenceThread::find(int client,
                                                                    const std::string& name) {
    return std::find_if(queue_.begin(), queue_.end(), [&](const Entry& entry) {
        return entry.client == client && entry.name == name;
    });
}

void InferenceThread::post(int client, const std::string& name, Priority priority, Job job,
                           OnError onError) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || forgotten_.count(client) > 0) return;
        Entry entry{client, name, priority, nextOrder_++, std::move(job), std::move(onError)};
        auto waiting = find(client, name);
        if (waiting != queue_.end()) {
            *waiting = std::move(entry);
        } else {
            queue_.push_back(std::move(entry));
        }
    }
    wake_.notify_one();
}

void InferenceThread::forget(int client) {
    std::unique_lock lock(mutex_);
    forgotten_.insert(client);
    std::erase_if(queue_, [&](const Entry& entry) { return entry.client == client; });
    if (std::this_thread::get_id() == thread_.get_id()) return;  // from its own job
    finished_.wait(lock, [&] { return running_ != client; });
}

std::size_t InferenceThread::waiting() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

void InferenceThread::loop() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        auto next = std::min_element(queue_.begin(), queue_.end(), [](const Entry& a, const Entry& b) {
            return a.priority != b.priority ? a.priority < b.priority : a.order < b.order;
        });
        Entry entry = std::move(*next);
        queue_.erase(next);
        running_ = entry.client;
        lock.unlock();
        // An interactive answer (a few images) on one thread: there a second one's hand-offs
        // cost more than it saves, and far more when another process holds a core.
        const int threads = entry.priority == Priority::Interactive ? 1 : threads_.load();
        if (threads != at::get_num_threads()) at::set_num_threads(threads);
        const bool again = runGuarded(entry.job, entry.onError, precision_.load());
        lock.lock();
        running_ = -1;
        // Again only while nobody forgot the client or posted newer work under the same name.
        if (again && !stopping_ && forgotten_.count(entry.client) == 0 &&
            find(entry.client, entry.name) == queue_.end()) {
            entry.order = nextOrder_++;
            queue_.push_back(std::move(entry));
        }
        finished_.notify_all();
    }
}

}  // namespace learn2add::infer
