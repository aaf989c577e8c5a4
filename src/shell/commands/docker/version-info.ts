// The client this lab emulates: Docker Engine 27.5.1 with its matching CLI.
export const DOCKER_VERSION = '27.5.1';
export const DOCKER_BUILD = '9f9e405';
