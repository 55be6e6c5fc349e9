# ads_add_test(NAME tst_x SOURCES a.cpp LIBS lib... [GUI] [LABELS l...] [TIMEOUT s])
# One executable per suite, registered with CTest. GUI suites run on the offscreen platform
# unless the caller runs ctest under Xvfb and sets QT_QPA_PLATFORM itself.
function(ads_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE ads_common_cfg Qt6::Test ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set(labels ${T_LABELS})
    if(T_GUI)
        list(APPEND labels gui)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        TIMEOUT ${T_TIMEOUT}
        LABELS "${labels}"
        # Qt Test stops a test function after 5 minutes unless told otherwise; the suite's own
        # timeout is the limit that matters.
        ENVIRONMENT
            "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=ads.*.debug=false;QTEST_FUNCTION_TIMEOUT=${T_TIMEOUT}000")
endfunction()
