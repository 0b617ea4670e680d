# dossier_add_plugin(<target> KIND reader|analyzer|exporter NAME <name> SOURCES <src>...)
#
# Builds one Dossier plugin as a loadable module named dossier-<kind>-<name>.so, the
# file-name pattern the host discovers plugins by. Used in the Dossier tree and, through
# find_package(Dossier), by third-party plugin projects.
function(dossier_add_plugin target)
  cmake_parse_arguments(ARG "NO_INSTALL" "KIND;NAME;OUTPUT_DIRECTORY" "SOURCES" ${ARGN})
  if(NOT ARG_KIND MATCHES "^(reader|analyzer|exporter)$")
    message(FATAL_ERROR "dossier_add_plugin(${target}): KIND must be reader, analyzer or exporter")
  endif()
  if(NOT ARG_NAME MATCHES "^[a-z][a-z0-9_]*$")
    message(FATAL_ERROR "dossier_add_plugin(${target}): NAME must match [a-z][a-z0-9_]*")
  endif()
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE Dossier::sdk)
  # DOSSIER_PLUGIN checks at compile time that it names the same plugin and kind.
  target_compile_definitions(${target} PRIVATE DOSSIER_PLUGIN_TARGET_NAME="${ARG_NAME}"
                                               DOSSIER_PLUGIN_TARGET_KIND="${ARG_KIND}")
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "dossier-${ARG_KIND}-${ARG_NAME}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  endif()
  # In the Dossier tree: land in the host's built-in plugin folder.
  if(DEFINED DOSSIER_PLUGIN_OUTPUT_DIR AND NOT ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES
      LIBRARY_OUTPUT_DIRECTORY "${DOSSIER_PLUGIN_OUTPUT_DIR}"
      INSTALL_RPATH "${DOSSIER_PLUGIN_RPATH}")
  endif()
  # The host loads libdossier_sdk before any plugin, so plugins need no RPATH to find it.
  if(NOT ARG_NO_INSTALL)
    if(NOT DEFINED DOSSIER_PLUGIN_INSTALL_DIR)
      set(DOSSIER_PLUGIN_INSTALL_DIR "lib/dossier/plugins")
    endif()
    install(TARGETS ${target} LIBRARY DESTINATION "${DOSSIER_PLUGIN_INSTALL_DIR}")
  endif()
endfunction()

# dossier_add_plugin_test(<test> PLUGIN <plugin target> SOURCES <src>...)
#
# Builds a test program for one plugin with the test kit (dossier/testing.hpp): it is
# compiled with DOSSIER_TEST_PLUGIN set to the plugin's built file, for
# dossier::testing::LoadedPlugin, and registered with ctest (call enable_testing() first).
function(dossier_add_plugin_test test)
  cmake_parse_arguments(ARG "" "PLUGIN" "SOURCES" ${ARGN})
  if(NOT TARGET "${ARG_PLUGIN}")
    message(FATAL_ERROR "dossier_add_plugin_test(${test}): PLUGIN must name a dossier_add_plugin() target")
  endif()
  add_executable(${test} ${ARG_SOURCES})
  target_link_libraries(${test} PRIVATE Dossier::sdk Dossier::domain ${CMAKE_DL_LIBS})
  target_compile_definitions(${test} PRIVATE DOSSIER_TEST_PLUGIN="$<TARGET_FILE:${ARG_PLUGIN}>")
  add_dependencies(${test} ${ARG_PLUGIN})
  add_test(NAME ${test} COMMAND ${test})
endfunction()
