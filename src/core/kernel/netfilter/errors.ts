// iptables' error reporting: xtables_error() (program, version, variant prefix; "Try ..." for parameter problems)
// and the libiptc/nft_strerror() messages printed as "iptables: <text>.".

export const IPTABLES_VERSION = 'v1.8.10';
export const IPTABLES_VARIANT = 'nf_tables';

/** xtables exit statuses (include/xtables.h). */
export const OTHER_PROBLEM = 1;
export const PARAMETER_PROBLEM = 2;
export const VERSION_PROBLEM = 3;
export const RESOURCE_PROBLEM = 4;

/** A failure carrying the exact stderr text and exit status iptables gives. */
export class IptablesError extends Error {
  constructor(
    readonly stderr: string,
    readonly exitCode: number,
  ) {
    super(stderr.trim());
  }
}

/** xtables_error(status, fmt): `iptables v1.8.10 (nf_tables): <msg>` plus the status's trailer line. */
export function xtablesError(status: number, msg: string, program = 'iptables'): IptablesError {
  let text = `${program} ${IPTABLES_VERSION} (${IPTABLES_VARIANT}): ${msg}\n`;
  if (status === PARAMETER_PROBLEM) text += `Try \`${program} -h' or '${program} --help' for more information.\n`;
  if (status === VERSION_PROBLEM) text += `Perhaps ${program} or your kernel needs to be upgraded.\n`;
  return new IptablesError(text, status);
}

/** A kernel/library refusal as iptables prints it: `iptables: <nft_strerror text>.` with status 1. */
export function strerrorFailure(message: string, program = 'iptables'): IptablesError {
  return new IptablesError(`${program}: ${message}.\n`, OTHER_PROBLEM);
}

export const NO_CHAIN = 'No chain/target/match by that name';
export const BAD_RULE = 'Bad rule (does a matching rule exist in that chain?)';
