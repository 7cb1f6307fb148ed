#pragma once
// The choice of a test image by its digit and its index among the test images of that digit: the
// input of the Addition page's explorer and of the Compare page. Owns the two spin boxes and the
// "of N" label; the page places them in its own layout.
//
//   auto* choice = new TestImageChoice(tr("The digit of the test image"), this);
//   form->addWidget(choice->digitBox()); form->addWidget(choice->indexBox());
//   form->addWidget(choice->rangeLabel());
//   connect(choice, &TestImageChoice::changed, this, [this] { show(choice->input()); });
//   choice->setTestSet(&data->mnist.test);
//
// Threads: GUI thread only. The index is kept within the digit's images.

#include <QObject>
#include <QString>

#include "addition/AdditionViewTypes.h"
#include "data/MnistData.h"

class QLabel;
class QSpinBox;

namespace learn2add::ui {

class TestImageChoice : public QObject {
    Q_OBJECT
public:
    TestImageChoice(const QString& digitToolTip, QObject* parent);

    QSpinBox* digitBox() const { return digit_; }
    QSpinBox* indexBox() const { return index_; }
    QLabel* rangeLabel() const { return range_; }

    // The test split to choose from (nothing yet: nullptr); it must outlive this choice or be
    // replaced first.
    void setTestSet(const data::DigitSet* test);
    // Chooses digit (0-9) and index without changed(): the caller shows the new input itself.
    void choose(int digit, int index);

    int digit() const;
    // The chosen image with its digit; empty before a test set is given.
    AdditionInput input() const;

Q_SIGNALS:
    // The user changed the digit or the index.
    void changed();

private:
    void updateRange();

    const data::DigitSet* test_ = nullptr;
    QSpinBox* digit_ = nullptr;
    QSpinBox* index_ = nullptr;
    QLabel* range_ = nullptr;
};

}  // namespace learn2add::ui
