/**
 * Crash and start-up tests against real server processes: {@code Main --demo} in its own JVM on the
 * test class path, killed with SIGKILL, restarted on the same data folder, started on a damaged
 * journal or a broken configuration.
 *
 * <p>{@link cn.suixin.hall.server.crash.ServerProcess} starts, stops (SIGTERM) and kills (SIGKILL)
 * such a server and runs admin commands as processes; {@link cn.suixin.hall.server.crash.DataSeed}
 * writes accounts in-process before a start; {@link cn.suixin.hall.server.crash.HallClient} makes
 * the API calls; {@link cn.suixin.hall.server.crash.JournalReplay} reads a stopped server's
 * journal. Run them alone with {@code mvn -B -ntp -pl hall-server test
 * -Dtest='cn.suixin.hall.server.crash.*Test'}.
 */
package cn.suixin.hall.server.crash;
