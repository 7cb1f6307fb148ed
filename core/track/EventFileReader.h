#pragma once
// Reads TensorBoard event files back as plain values: for the tests and for opening run folders.
//
//   for (const auto& file : learn2add::track::findEventFiles("runs/ae-mse")) {
//       for (const learn2add::track::EventRecord& event : learn2add::track::readEventFile(file)) {
//           for (const auto& scalar : event.scalars) plot(scalar.tag, event.step, scalar.value);
//       }
//   }
//
// Errors: throws TrackError naming the file and, where it applies, the record index (from 0):
// a wrong length or data CRC, a file that ends inside a record, a record that is not an Event.
// Pass TruncatedTail::Ignore to read a file that a running training job is still writing.
//
// Thread-safety: the functions share no state; any thread may call them, on different files or
// the same file.

#include <filesystem>
#include <vector>

#include "track/EventRecord.h"
#include "track/TfRecordReader.h"

namespace learn2add::track {

// Every event in the file, in order; the first is normally the one carrying fileVersion.
std::vector<EventRecord> readEventFile(const std::filesystem::path& file,
                                       TruncatedTail tail = TruncatedTail::Throw);

// The event files directly inside `runFolder` (names containing "tfevents"), sorted by name, which
// is the order they were written in. Throws TrackError when the folder cannot be listed.
std::vector<std::filesystem::path> findEventFiles(const std::filesystem::path& runFolder);

}  // namespace learn2add::track
