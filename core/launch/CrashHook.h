#pragma once

namespace ads::core {

/** The places in a launch step where a crash-recovery test may kill the process. */
enum class CrashPoint {
    StepSent,     // the step is journaled as sent; the request has not left yet
    StepAnswered, // the platform answered; its ids are not recorded yet (a reply lost in a crash)
    StepRecorded, // the ids are committed
};

/**
 * Test hook for kill tests: with ADSDESK_TEST_KILL_AT=<point>:<n> in the environment (point being
 * sent, answered or recorded), the process kills itself with SIGKILL the n-th time a launch
 * reaches that point. Does nothing when the variable is unset, which is always the case outside
 * tests.
 */
void crashPoint(CrashPoint point);

} // namespace ads::core
