// The docker CLI's own (client-side) errors for run/create, as opposed to the daemon's: `docker: <msg>.` plus the help hint.

/** A CLI-side error: `docker run` prints it as `docker: <msg>.` plus the help hint, exit 125. */
export class CliError extends Error {}
