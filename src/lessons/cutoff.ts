// The Ctrl-C a person would press: commands the lesson tooling runs by itself (setup, `output` probes, predictions
// replayed by `lessons check`) are interrupted when they never end (`ping` without `-c`), but not while they wait out
// a timeout of their own.

/**
 * Simulated seconds after which the lesson tooling interrupts a command it runs by itself. The longest single wait a
 * command makes in the lab is a TCP connect to a port that drops the SYN: Linux gives up after 127 s
 * (`net.ipv4.tcp_syn_retries` = 6), and a name lookup may time out first (5 s per try). Ping's wait for the answer to its
 * last packet (10 s) and `docker stop`'s grace period (10 s) fit with room to spare.
 */
export const COMMAND_CUTOFF_SECONDS = 180;
