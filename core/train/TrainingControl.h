#pragma once
// Pause, resume and cancel for a training loop running on another thread. The loop checks it
// between batches; any thread may call the setters. Lock-free except while paused.
//
//   TrainingControl control;
//   std::thread worker([&] { trainer.run(callbacks, control); });
//   control.requestPause(); control.resume(); control.requestCancel();

#include <atomic>
#include <chrono>
#include <thread>

namespace learn2add::train {

class TrainingControl {
public:
    void requestCancel() { cancel_.store(true); }
    void requestPause() { pause_.store(true); }
    void resume() { pause_.store(false); }

    bool cancelRequested() const { return cancel_.load(); }
    bool pauseRequested() const { return pause_.load(); }

    // Called by the loop between batches: blocks while paused (polling every 10 ms, so a cancel
    // ends the pause at once). Returns false when the loop must stop.
    bool waitWhilePaused() const {
        while (pause_.load() && !cancel_.load()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return !cancel_.load();
    }

private:
    std::atomic<bool> cancel_{false};
    std::atomic<bool> pause_{false};
};

}  // namespace learn2add::train
