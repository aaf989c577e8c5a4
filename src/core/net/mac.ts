// Ethernet MAC addresses as iproute2 prints them: six lower-case hex bytes joined by colons.
import type { Rng } from '../sim/rng';
import { type Ipv4, ipv4Octets } from './ipv4';

export type Mac = string;

export const ZERO_MAC: Mac = '00:00:00:00:00:00';
export const BROADCAST_MAC: Mac = 'ff:ff:ff:ff:ff:ff';

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

export function macFromBytes(bytes: number[]): Mac {
  return bytes.map(hex2).join(':');
}

/** A random locally administered unicast MAC (bit 0x02 set, 0x01 clear), as the kernel picks for veths and bridges. */
export function randomMac(rng: Rng): Mac {
  const bytes = Array.from({ length: 6 }, () => rng.int(256));
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return macFromBytes(bytes);
}

/** Docker <= 27 endpoint MAC: `02:42:` followed by the four IPv4 bytes (libnetwork GenerateMACFromIP). */
export function macFromIpv4(ip: Ipv4): Mac {
  return macFromBytes([0x02, 0x42, ...ipv4Octets(ip)]);
}

export function isValidMac(text: string): boolean {
  return /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/.test(text);
}
