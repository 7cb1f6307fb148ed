#pragma once
// A front end's seat on the app's one inference thread (infer::InferenceThread): posts work under
// a name (latest wins per name) and hands what the work computes to a QObject on the GUI thread.
// AdditionInference and ComparisonInference are built on it.
//
//   InferenceClient client(this);
//   client.post("output", Priority::Interactive,
//               [=] { auto result = compute(); client.deliver([=] { show(result); }); return false; },
//               [=](const QString& message) { showError(message); });   // on the GUI thread
//
// Threads: create and destroy on the GUI thread; post() there or from the client's own work (a
// background step posting the next); deliver() from the work. shutdown() (run by
// the destructor) drops the waiting work and waits for the running one, so work never reports to
// a destroyed receiver; what it delivered and was not yet handled is dropped with the receiver.

#include <QMetaObject>
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "infer/InferenceThread.h"

namespace learn2add::ui {

class InferenceClient {
public:
    using Priority = infer::InferenceThread::Priority;

    explicit InferenceClient(QObject* receiver);
    ~InferenceClient();
    InferenceClient(const InferenceClient&) = delete;
    InferenceClient& operator=(const InferenceClient&) = delete;

    // `work` runs on the inference thread (true: run it again later, see InferenceThread);
    // `onError` on the GUI thread with the message of an exception that left the work.
    void post(const std::string& name, Priority priority, std::function<bool()> work,
              std::function<void(const QString&)> onError);

    // Posts work that runs once with `state`, the client's own values on the inference thread
    // (touched by its work only): work(*state).
    template <typename State, typename Work>
    void postWith(const std::string& name, Priority priority, std::shared_ptr<State> state,
                  Work&& work, std::function<void(const QString&)> onError) {
        post(
            name, priority,
            [state = std::move(state), work = std::forward<Work>(work)]() mutable {
                work(*state);
                return false;
            },
            std::move(onError));
    }

    // Runs `call` on the GUI thread, in the receiver's context; from any thread.
    template <typename Call>
    void deliver(Call&& call) const {
        QMetaObject::invokeMethod(receiver_, std::forward<Call>(call), Qt::QueuedConnection);
    }

    // The store of opened runs, shared by every client; use it from the work only.
    infer::OpenedRuns& runs() const { return thread_->runs(); }
    void shutdown();
    bool isShutDown() const { return shutDown_; }

private:
    QObject* receiver_;
    std::shared_ptr<infer::InferenceThread> thread_;
    int id_ = 0;
    std::atomic<bool> shutDown_{false};  // post() may also run on the inference thread
};

}  // namespace learn2add::ui
