learn2add_add_test(track_tests
  SOURCES core/track/Crc32cTest.cpp
          core/track/TfRecordTest.cpp
          core/track/EventFileTest.cpp
          core/track/TrackTestSupport.cpp
  LIBRARIES learn2add_core opencv_core opencv_imgproc opencv_imgcodecs
  LABELS core)
