#pragma once
// The assignment's questions that the training curves answer (Parts II.4-II.7, III.5, IV), answered
// from the runs as measured: best epoch, overfitting (the validation metric's rise after its best),
// the recommended decoder and why. Pure functions of the gathered report contents; text only.
//
//   for (const Answer& a : assignmentAnswers(contents)) std::cout << a.question << "\n" << a.answer;

#include <string>
#include <vector>

#include "infer/ReportContents.h"

namespace learn2add::infer {

struct Answer {
    int part = 2;          // 2, 3 or 4
    std::string question;  // "II.4 Which decoder is best, and which would you stick with?"
    std::string answer;    // what the runs show, with their numbers
};

// A run overfits when its validation metric ended more than this share above its best, at an
// epoch before the last.
inline constexpr double kOverfittingRise = 0.02;

// Only the questions the given runs can answer (none without runs).
std::vector<Answer> assignmentAnswers(const ReportContents& contents);

}  // namespace learn2add::infer
