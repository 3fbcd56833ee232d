# Runs at install time (installer/Packaging.cmake sets METIS_*): copies the shared libraries the
# programs need from the torch wheel into the private library folder, flat: every bundled
# library finds its neighbours through its own $ORIGIN.
file(GET_RUNTIME_DEPENDENCIES
     EXECUTABLES ${METIS_PROGRAMS}
     LIBRARIES ${METIS_DLOPENED}
     RESOLVED_DEPENDENCIES_VAR resolved
     UNRESOLVED_DEPENDENCIES_VAR unresolved
     POST_INCLUDE_REGEXES "^${METIS_TORCH_ROOT}/"
     POST_EXCLUDE_REGEXES ".*")
# The regexes keep only what resolved inside the wheel; the system's libraries come from Debian.
set(bundled ${METIS_DLOPENED} ${resolved})
list(REMOVE_DUPLICATES bundled)
list(LENGTH bundled count)
message(STATUS "Bundling ${count} LibTorch/NVIDIA libraries from ${METIS_TORCH_ROOT}")
file(INSTALL ${bundled}
     DESTINATION "${CMAKE_INSTALL_PREFIX}/${METIS_PRIVATE_LIBDIR}"
     FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
     FOLLOW_SYMLINK_CHAIN)
# The wheel keeps symbol tables in some libraries; the package carries only what runs.
find_program(METIS_STRIP strip REQUIRED)
foreach(library IN LISTS bundled)
    get_filename_component(name "${library}" NAME)
    execute_process(COMMAND "${METIS_STRIP}" --strip-unneeded
                            "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/${METIS_PRIVATE_LIBDIR}/${name}"
                    COMMAND_ERROR_IS_FATAL ANY)
endforeach()
