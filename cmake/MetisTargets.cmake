# Helpers shared by every Metis target.

# Warnings for the project's own code; third-party headers come in as SYSTEM includes.
function(metis_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                             -Wold-style-cast -Woverloaded-virtual)
endfunction()

# A project library: sources are listed by the caller, public headers live in its folder.
function(metis_add_library target)
    cmake_parse_arguments(ARG "" "" "SOURCES" ${ARGN})
    add_library(${target} STATIC ${ARG_SOURCES})
    metis_set_warnings(${target})
endfunction()
