#include "inference/InferenceClient.h"

namespace learn2add::ui {

InferenceClient::InferenceClient(QObject* receiver)
    : receiver_(receiver), thread_(infer::InferenceThread::shared()), id_(thread_->addClient()) {}

InferenceClient::~InferenceClient() {
    shutdown();
}

void InferenceClient::shutdown() {
    if (shutDown_.exchange(true)) return;
    thread_->forget(id_);
}

void InferenceClient::post(const std::string& name, Priority priority, std::function<bool()> work,
                           std::function<void(const QString&)> onError) {
    if (shutDown_) return;
    thread_->post(id_, name, priority, std::move(work),
                  [this, onError = std::move(onError)](const std::string& message) {
                      if (!onError) return;
                      deliver([onError, text = QString::fromStdString(message)] { onError(text); });
                  });
}

}  // namespace learn2add::ui
