# The .deb (packaging/cpack.cmake): CPack builds it into a temporary folder, dpkg-deb unpacks it into
# a temporary root, and the packaged learn2add-cli runs from there (data summary, a tiny addition
# training, add) with the source and build trees hidden where the system allows it.
add_test(NAME packaging_deb
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/packaging/deb-package-test.sh
          ${CMAKE_CPACK_COMMAND} ${CMAKE_BINARY_DIR} ${CMAKE_SOURCE_DIR} ${LEARN2ADD_BUILD_GUI})
set_tests_properties(packaging_deb PROPERTIES
  LABELS "slow;cli"
  TIMEOUT ${LEARN2ADD_TEST_TIMEOUT}
  ENVIRONMENT "OPENBLAS_NUM_THREADS=1")
