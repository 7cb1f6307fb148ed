#pragma once
// Switches a module to eval mode for a scope and back to training mode at its end, also when an
// exception leaves the scope.
//
//   EvalScope evaluating(*model);   // model->eval() now; model->train() again if it was training

#include <torch/nn/module.h>

namespace learn2add::infer {

class EvalScope {
public:
    explicit EvalScope(torch::nn::Module& module) : module_(module), wasTraining_(module.is_training()) {
        module_.eval();
    }
    ~EvalScope() {
        if (wasTraining_) module_.train();
    }
    EvalScope(const EvalScope&) = delete;
    EvalScope& operator=(const EvalScope&) = delete;

private:
    torch::nn::Module& module_;
    bool wasTraining_;
};

}  // namespace learn2add::infer
