#pragma once
// Writes a TensorBoard event file (scalars and images) into a run folder.
//
//   learn2add::track::EventFileWriter events("runs/ae-mse");       // creates the folder if needed
//   events.addScalar("loss/train", epoch, trainLoss);
//   events.addImage("reconstructions", epoch, 64, 256, 1, pixels);  // grey, row-major bytes
//   events.flush();                                                 // e.g. once per epoch
//
// The file is named events.out.tfevents.<unix seconds>.<hostname>.<pid>.learn2add (with ".2",
// ".3", ... appended if that name is taken), so `tensorboard --logdir runs` finds it. Its first
// record is an Event carrying file_version "brain.Event:2", written and flushed by the constructor.
//
// Errors: every call throws TrackError naming the file and the reason (an unwritable folder, a full
// disk). Writes are buffered, so a full disk may only show at flush() or close(). The destructor
// closes the file without throwing; call close() to hear about a last failure.
//
// Thread-safety: none. One thread at a time may use a writer (typically the training thread); it
// may be moved between threads. Several writers may write different files in one folder.

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

#include "track/TfRecordWriter.h"

namespace learn2add::track {

class EventFileWriter {
public:
    // Creates `runFolder` (and its parents) when missing and a new event file in it.
    explicit EventFileWriter(const std::filesystem::path& runFolder);

    // Writes to exactly `file`, replacing it; its folder must exist. For tests and tools (for
    // example "/dev/full" to see how a full disk is reported).
    static EventFileWriter toFile(const std::filesystem::path& file);

    // One scalar at a training step, e.g. addScalar("loss/validation", epoch, 0.031f).
    void addScalar(std::string_view tag, std::int64_t step, float value);

    // One image at a training step, stored as PNG. `pixelsRowMajor` holds height * width * channels
    // bytes, row by row, channels interleaved: 1 = grey, 3 = RGB, 4 = RGBA (not OpenCV's BGR).
    // Throws TrackError when the sizes do not match or the channel count is not 1, 3 or 4.
    void addImage(std::string_view tag, std::int64_t step, int height, int width, int channels,
                  std::span<const std::uint8_t> pixelsRowMajor);

    // Hands everything written so far to the operating system, so TensorBoard sees it.
    // Marks a restart at `step` (a resumed run): TensorBoard then discards what earlier files hold
    // at this step and after, so a repeated epoch is shown once.
    void addSessionStart(std::int64_t step);

    void flush();
    // Flushes and closes the file; later add*() and flush() calls throw.
    void close();

    const std::filesystem::path& filePath() const { return records_.path(); }

private:
    explicit EventFileWriter(TfRecordWriter records);
    void writeFileVersion();

    TfRecordWriter records_;
};

}  // namespace learn2add::track
