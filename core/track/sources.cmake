# core/track: run folders (TensorBoard event files). Plain C++ plus protobuf; no LibTorch needed.
find_package(Protobuf REQUIRED)

set(_track_sources
  track/Crc32c.cpp
  track/TfRecordWriter.cpp
  track/TfRecordReader.cpp
  track/EventFileWriter.cpp
  track/EventFileReader.cpp
  track/FolderLock.cpp)
target_sources(learn2add_core PRIVATE ${_track_sources})

# Generated as <build>/core/track_proto/track/tensorboard_event.pb.{h,cc}; included only by the
# .cpp files above, so the generated types stay out of the public headers.
set(_track_proto_dir ${CMAKE_CURRENT_BINARY_DIR}/track_proto)
file(MAKE_DIRECTORY ${_track_proto_dir})
protobuf_generate(TARGET learn2add_core LANGUAGE cpp
  PROTOS ${CMAKE_CURRENT_SOURCE_DIR}/track/tensorboard_event.proto
  PROTOC_OUT_DIR ${_track_proto_dir}
  OUT_VAR _track_proto_files)
target_include_directories(learn2add_core PRIVATE ${_track_proto_dir})
target_link_libraries(learn2add_core PRIVATE protobuf::libprotobuf)

# None of these needs the LibTorch precompiled header, and generated code should not get it.
set_source_files_properties(${_track_sources} ${_track_proto_files} PROPERTIES
  SKIP_PRECOMPILE_HEADERS ON)
