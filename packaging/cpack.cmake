# Installation layout and the Debian package (CPack DEB), included from the top CMakeLists.txt
# after the executables are defined (their install rules are in app/CMakeLists.txt).
#
#   cmake --build build/release --target package    # -> build/release/learn2add_<version>_<arch>.deb
#
# The embedded MNIST subset is linked into the executables (core/data/EmbeddedMnist.cpp), so they
# read no data file at run time; resources/ is installed to share/learn2add for its provenance
# notes and as the place for future run-time resources.
include(GNUInstallDirs)

install(DIRECTORY ${LEARN2ADD_RESOURCE_DIR}/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/learn2add)
if(LEARN2ADD_BUILD_GUI)
  set(_packaging_dir ${CMAKE_CURRENT_LIST_DIR})
  install(FILES ${_packaging_dir}/learn2add.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${_packaging_dir}/learn2add.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES ${_packaging_dir}/io.github.learn2add.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME learn2add)
set(CPACK_PACKAGE_VENDOR "Learn2Add")
set(CPACK_PACKAGE_CONTACT "Learn2Add developers <learn2add@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "playground for autoencoders that learn to add numbers to digit images")
set(CPACK_PACKAGE_DESCRIPTION
    "Learn2Add trains autoencoders on MNIST digits live in a Qt window: three\n\
decoders, two losses, a model that adds a real number to the image of a digit\n\
and draws the image of the sum, and variational versions of both. It ships\n\
10,000 real MNIST digits; learn2add-cli runs the same experiments headless.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # learn2add_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps (dpkg-dev, part of build-essential) turns the executables' shared libraries into
# Depends: libtorch (which brings a BLAS), Qt 6, QCustomPlot (Qt 6), OpenCV, protobuf, zlib.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libblas.so.3 is whichever BLAS the system selects; OpenBLAS is the fast one (see README).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libopenblas0-pthread")
if(LEARN2ADD_BUILD_GUI)
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "${CPACK_DEBIAN_PACKAGE_RECOMMENDS}, fonts-dejavu-core")
endif()

include(CPack)
