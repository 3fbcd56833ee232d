# Generates a C++ source holding every database/schema/NNN_name.sql file as a migration.
# Run at configure time; editing a .sql file re-runs the configuration.
function(metis_embed_schema output)
    file(GLOB sql_files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/schema/*.sql)
    list(SORT sql_files)
    set(entries "")
    foreach(sql_file IN LISTS sql_files)
        get_filename_component(stem ${sql_file} NAME_WE)
        string(REGEX MATCH "^([0-9]+)_(.*)$" _ ${stem})
        math(EXPR version "${CMAKE_MATCH_1}")
        set(name ${CMAKE_MATCH_2})
        file(READ ${sql_file} sql)
        string(APPEND entries "    {${version}, \"${name}\", R\"metis_sql(${sql})metis_sql\"},\n")
    endforeach()
    file(CONFIGURE OUTPUT ${output} CONTENT
"// Generated from database/schema/*.sql by CMake. Do not edit.
#include \"metis/database/Schema.h\"

namespace metis::db {

const std::vector<Migration>& schemaMigrations() {
    static const std::vector<Migration> migrations = {
@entries@    };
    return migrations;
}

} // namespace metis::db
" @ONLY)
endfunction()
