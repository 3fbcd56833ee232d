# What `cmake --install` puts under a prefix and the Debian package CPack makes of it
# (bash installer/build-deb.sh). Layout under the prefix (/usr in the package):
#   bin/metis, bin/metis-cli            RUNPATH $ORIGIN/../lib/<multiarch>/metis
#   lib/<multiarch>/metis/              the LibTorch the programs were built with, and the NVIDIA
#                                       libraries it needs, copied from the pinned torch wheel
#   share/metis/models/mtsa-net-demo    the demo model (found relative to the programs)
#   share/applications, icons, metainfo, man/man1, doc/metis (copyright, licences)
# The build tree mirrors share/metis (build/share/metis), so the programs find the demo model
# the same way in both and no build path is compiled in.
include(GNUInstallDirs)
# Debian keeps a package's documents under the package's name.
set(METIS_DOCDIR "${CMAKE_INSTALL_DATADIR}/doc/metis")

# A private folder under the multiarch one (Debian's place for a package's own libraries; it
# is not on the linker's path, so no ldconfig runs for it).
set(METIS_PRIVATE_LIBDIR "lib/${CMAKE_LIBRARY_ARCHITECTURE}/metis")
set(METIS_APP_ID "org.metis.Metis")

set_target_properties(metis metis-cli PROPERTIES INSTALL_RPATH "$ORIGIN/../${METIS_PRIVATE_LIBDIR}")
install(TARGETS metis metis-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The demo model, installed and mirrored into the build tree (re-copied when it changes).
set(_metis_demo_model "${PROJECT_SOURCE_DIR}/models/packages/mtsa-net-demo")
foreach(file metadata.json weights.tensors)
    configure_file("${_metis_demo_model}/${file}"
                   "${PROJECT_BINARY_DIR}/share/metis/models/mtsa-net-demo/${file}" COPYONLY)
endforeach()
install(DIRECTORY "${_metis_demo_model}" DESTINATION ${CMAKE_INSTALL_DATADIR}/metis/models)

# LibTorch and the NVIDIA libraries: the programs' own runtime dependencies that live in the
# torch wheel, computed at install time from the ELF files (nothing hand-listed but what LibTorch
# and cuDNN load with dlopen: the CUDA linear algebra, cuDNN's engines, NVRTC's built-ins).
get_filename_component(_metis_torch_root "${TORCH_INSTALL_PREFIX}/.." ABSOLUTE)
file(GLOB _metis_dlopened
     "${TORCH_INSTALL_PREFIX}/lib/libtorch_cuda_linalg.so"
     "${_metis_torch_root}/nvidia/cudnn/lib/libcudnn_*.so.*"
     "${_metis_torch_root}/nvidia/cu13/lib/libnvrtc-builtins.so.*")
install(CODE "set(METIS_TORCH_ROOT \"${_metis_torch_root}\")
set(METIS_DLOPENED \"${_metis_dlopened}\")
set(METIS_PROGRAMS \"$<TARGET_FILE:metis>;$<TARGET_FILE:metis-cli>\")
set(METIS_PRIVATE_LIBDIR \"${METIS_PRIVATE_LIBDIR}\")")
install(SCRIPT "${CMAKE_CURRENT_LIST_DIR}/InstallTorchRuntime.cmake")

# Desktop integration.
install(FILES "${CMAKE_CURRENT_LIST_DIR}/${METIS_APP_ID}.desktop"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${CMAKE_CURRENT_LIST_DIR}/${METIS_APP_ID}.svg"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES "${CMAKE_CURRENT_LIST_DIR}/${METIS_APP_ID}.metainfo.xml"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# Sign-in checks OS-account passwords through the PAM service "metis".
install(FILES "${CMAKE_CURRENT_LIST_DIR}/pam.d/metis" DESTINATION /etc/pam.d)

# Manual pages generated from the programs' own --help (help2man), so they cannot drift.
find_program(HELP2MAN help2man REQUIRED)
set(_metis_man "${PROJECT_BINARY_DIR}/man")
add_custom_command(
    OUTPUT "${_metis_man}/metis-cli.1.gz" "${_metis_man}/metis.1.gz"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${_metis_man}"
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
            "--name=brain-metastasis segmentation and EGFR prediction, headless"
            --output=${_metis_man}/metis-cli.1 $<TARGET_FILE:metis-cli>
    COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
            --unset=QT_QPA_PLATFORM ${HELP2MAN} --no-info --no-discard-stderr --section=1
            "--name=brain metastasis workstation (MTSA-Net GTV segmentation and EGFR prediction)"
            --output=${_metis_man}/metis.1 $<TARGET_FILE:metis>
    COMMAND gzip -9nf ${_metis_man}/metis-cli.1 ${_metis_man}/metis.1
    DEPENDS metis metis-cli
    COMMENT "Manual pages from metis --help and metis-cli --help"
    VERBATIM)
add_custom_target(metis_man_pages ALL DEPENDS "${_metis_man}/metis-cli.1.gz" "${_metis_man}/metis.1.gz")
install(FILES "${_metis_man}/metis-cli.1.gz" "${_metis_man}/metis.1.gz"
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Licence notices: Metis's copyright file and the licences of what the package bundles.
install(FILES "${CMAKE_CURRENT_LIST_DIR}/copyright" DESTINATION ${METIS_DOCDIR})
set(_metis_changelog "${PROJECT_BINARY_DIR}/changelog.Debian.gz")
add_custom_command(
    OUTPUT "${_metis_changelog}"
    COMMAND gzip -9n -c "${CMAKE_CURRENT_LIST_DIR}/changelog" > "${_metis_changelog}"
    DEPENDS "${CMAKE_CURRENT_LIST_DIR}/changelog")
add_custom_target(metis_debian_changelog ALL DEPENDS "${_metis_changelog}")
install(FILES "${_metis_changelog}" DESTINATION ${METIS_DOCDIR})
# LibTorch's licence with its third-party notices, and each NVIDIA library's licence.
install(DIRECTORY "${_metis_torch_root}/torch-${Torch_VERSION}.dist-info/licenses/"
        DESTINATION ${METIS_DOCDIR}/licences/torch-${Torch_VERSION})
file(GLOB _metis_nvidia_licences "${_metis_torch_root}/nvidia_*.dist-info/licenses/*")
foreach(licence IN LISTS _metis_nvidia_licences)
    string(REGEX REPLACE "^.*/(nvidia_[^/]*)\\.dist-info/.*$" "\\1" _dist_name "${licence}")
    install(FILES "${licence}" DESTINATION ${METIS_DOCDIR}/licences
            RENAME "${_dist_name}.txt")
endforeach()

# The Debian package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME metis)
set(CPACK_PACKAGE_VENDOR "Metis")
set(CPACK_PACKAGE_CONTACT "Metis maintainers <metis@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "brain metastasis workstation with MTSA-Net (research use)")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "Desktop workstation for brain metastases of lung adenocarcinoma on T1\n"
    "contrast-enhanced MRI: a patient database, an MPR viewer with a contour\n"
    "editor, the multi-task network MTSA-Net (GTV segmentation and EGFR mutation\n"
    "prediction) on the local GPU or the CPU, and retraining on the local cohort.\n"
    "Research and demonstration software, not a medical device.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://metis.example.org")
# Runtime dependencies computed by dpkg-shlibdeps from every ELF file in the package; the bundled
# LibTorch and NVIDIA libraries satisfy each other from the private folder.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What the ELF files cannot say: Qt's X11 platform plugin (loaded by name), the Colin27
# templates the phantom generator reads.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, mricron-data")
# Software OpenGL for the viewer where no GPU driver is installed; a CJK font for the Chinese
# interface; Qt's own texts (standard buttons) in German and Chinese.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgl1-mesa-dri, fonts-wqy-microhei, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${CMAKE_CURRENT_LIST_DIR}/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# gzip: zstd builds the package in a third of the time here (66 s against 165 s), but lintian
# of Debian 12 refuses a data.tar.zst member as malformed.
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
include(CPack)
