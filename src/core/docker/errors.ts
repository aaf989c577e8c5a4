// Errors the Docker daemon returns over its API; the CLI prints them as `Error response from daemon: <message>`.

export class DaemonError extends Error {
  constructor(
    message: string,
    /** The HTTP status the API would answer with (404 not found, 409 conflict, 400 bad parameter, 403 forbidden). */
    readonly status: 400 | 403 | 404 | 409 | 500 = 400,
    /** Simulated µs the daemon spent before answering (a plugin lookup's retries); the CLI waits that long. */
    readonly delayUs = 0,
  ) {
    super(message);
  }
}

/** The engine of a host, or the error the CLI prints when no daemon listens there. */
export class NoDaemonError extends Error {
  constructor() {
    super('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');
  }
}
