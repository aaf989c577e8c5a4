// The check predicates a lesson's `check` blocks may use: one zod schema per predicate, shared by the compiler,
// the runtime and the authoring guide (whose reference tables are generated from these descriptions).
import { z } from 'zod';

/** A JavaScript regular expression source, compiled with the `m` flag (so `^`/`$` match at line ends). */
export const regexSource = z
  .string()
  .min(1)
  .refine(
    (s) => {
      try {
        new RegExp(s, 'm');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not a valid regular expression' },
  );

const name = z.string().min(1);
const place = z
  .string()
  .min(1)
  .describe('where: a container name, a host name (`host1`) or a named namespace (`netns:red`)');

const ranObject = z
  .strictObject({
    command: name.optional().describe('text the typed line must contain (spaces normalised)'),
    pattern: regexSource.optional().describe('a regular expression the typed line must match'),
    exit: z.union([z.number().int().min(0).max(255), z.literal('any')]).optional().describe('required exit status (default `0`; `any` accepts failures too)'),
    in: place.optional().describe('where it ran: a container (its shell, or `docker exec NAME ...`), `netns:NAME` or `host:NAME` (default: anywhere)'),
    contains: name.optional().describe("text the command's own output must contain"),
    matches: regexSource.optional().describe("a regular expression the command's own output must match"),
  })
  .refine((v) => v.command !== undefined || v.pattern !== undefined, { message: 'needs `command` or `pattern`' });

export const ranSchema = z
  .union([name, ranObject])
  .describe('The learner typed a command in this step (the shorthand `ran: TEXT` means `{command: TEXT}`).');

export const networkSchema = z
  .strictObject({
    name: name.describe('network name'),
    host: name.optional().describe('Docker host (default: the first host with a Docker engine)'),
    driver: name.optional().describe('driver (`bridge`, `host`, `null`, `macvlan`, ...)'),
    subnet: name.optional().describe('one of its IPAM subnets, e.g. `10.1.0.0/24`'),
    gateway: name.optional().describe('one of its IPAM gateways'),
    ipRange: name.optional().describe('one of its IPAM ranges (`--ip-range`)'),
    internal: z.boolean().optional().describe('created with `--internal`'),
    attachable: z.boolean().optional().describe('created with `--attachable`'),
    options: z.record(z.string(), z.string()).optional().describe('driver options (`-o`) it must have (others may exist)'),
    labels: z.record(z.string(), z.string()).optional().describe('labels it must have'),
  })
  .describe('A Docker network exists with these properties.');

export const containerSchema = z
  .strictObject({
    name: name.describe('container name'),
    host: name.optional().describe('Docker host (default: the first)'),
    running: z.boolean().optional().describe('`true`: running; `false`: exists but stopped'),
    image: name.optional().describe('image it was created from (`alpine` matches `alpine:latest`)'),
    network: z.union([name, z.array(name).min(1)]).optional().describe('network(s) it is connected to'),
    networkMode: name.optional().describe('its `--network` mode: `bridge`, `host`, `none`, a network name, or `container:NAME`'),
    ip: name.optional().describe('an address it has (`172.18.0.2`), or a subnet one of its addresses is in (`172.18.0.0/16`)'),
    hostname: name.optional().describe('its hostname'),
  })
  .describe('A container exists (and optionally: runs, is on networks, has an address).');

export const endpointsSchema = z
  .strictObject({
    network: name.describe('network name'),
    host: name.optional().describe('Docker host (default: the first)'),
    count: z.number().int().min(0).optional().describe('exact number of endpoints'),
    min: z.number().int().min(0).optional().describe('at least this many'),
    max: z.number().int().min(0).optional().describe('at most this many'),
  })
  .refine((v) => v.count !== undefined || v.min !== undefined || v.max !== undefined, { message: 'needs `count`, `min` or `max`' })
  .describe('The number of endpoints (attached containers) on a network.');

export const reachableSchema = z
  .strictObject({
    from: place.describe('where the packet starts: a container, a host or `netns:NAME`'),
    to: name.describe('destination: an IP, `IP:PORT`, a container or host name (optionally `:PORT`), or a DNS name'),
    port: z.number().int().min(1).max(65535).optional().describe('TCP/UDP port (same as `to: X:PORT`)'),
    proto: z.enum(['icmp', 'tcp', 'udp']).optional().describe('`icmp` (ping, the default without a port) or `tcp`/`udp` (the default with a port is `tcp`)'),
    via: z.enum(['address', 'dns']).optional().describe('`address` (default): a container name means its address; `dns`: resolve the name from `from` first, as `ping NAME` would'),
  })
  .describe('A packet from `from` reaches `to` (decided by the packet walker: routes, bridges, iptables, NAT).');

export const resolvesSchema = z
  .strictObject({
    from: place.describe('the container (or host) asking'),
    name: name.describe('the name to look up'),
    to: name.optional().describe('the address it must resolve to, or a container whose address it must be'),
  })
  .describe('A name resolves from a container (through its /etc/hosts and resolv.conf, e.g. Docker\'s embedded DNS).');

export const iptablesSchema = z
  .strictObject({
    in: place.optional().describe('whose rules (default: the first host)'),
    table: z.enum(['filter', 'nat', 'mangle', 'raw']).optional().describe('table (default `filter`)'),
    chain: name.optional().describe('chain; alone, the predicate means the chain exists'),
    rule: name.optional().describe('a rule as `iptables -S` prints it, e.g. `-A DOCKER -p tcp --dport 80 -j ACCEPT` (canonicalised first)'),
    matches: regexSource.optional().describe('a regular expression some `iptables -S` line of the table must match'),
  })
  .refine((v) => v.chain !== undefined || v.rule !== undefined || v.matches !== undefined, { message: 'needs `chain`, `rule` or `matches`' })
  .refine((v) => v.rule === undefined || v.chain !== undefined || /^\s*-A\s+\S/.test(v.rule), { message: 'a `rule` starts with `-A CHAIN` (or give `chain`)', path: ['rule'] })
  .describe('An iptables rule (or chain) exists.');

export const outputSchema = z
  .strictObject({
    command: name.describe('command line, run silently on a copy of the world (nothing the learner sees changes)'),
    in: place.optional().describe('where to run it (default: the first host\'s shell; a container name runs it inside that container)'),
    contains: z.string().optional().describe('text the output must contain'),
    matches: regexSource.optional().describe('a regular expression the output must match'),
    equals: z.string().optional().describe('the whole output (surrounding blank space ignored)'),
    exit: z.number().int().min(0).max(255).optional().describe('required exit status'),
  })
  .refine((v) => [v.contains, v.matches, v.equals, v.exit].some((x) => x !== undefined), { message: 'needs `contains`, `matches`, `equals` or `exit`' })
  .describe("A command's output, run now against the current world, contains or matches something.");

export const netnsSchema = z
  .strictObject({
    name: name.describe('namespace name as `ip netns list` shows it'),
    host: name.optional().describe('host (default: the first)'),
  })
  .describe('A named network namespace exists (`ip netns add`).');

export const linkSchema = z
  .strictObject({
    name: name.describe('interface name'),
    in: place.optional().describe('where (default: the first host)'),
    kind: z.enum(['loopback', 'ether', 'veth', 'bridge', 'vxlan', 'macvlan', 'ipvlan', 'dummy']).optional().describe('link type'),
    up: z.boolean().optional().describe('administratively up'),
    master: name.optional().describe('the bridge it is enslaved to'),
    address: name.optional().describe('an address on it, with prefix (`10.0.0.1/24`) or without'),
  })
  .describe('A network interface exists (optionally: of a kind, up, on a bridge, with an address).');

export const routeSchema = z
  .strictObject({
    in: place.optional().describe('where (default: the first host)'),
    to: name.describe('`default` or a prefix such as `10.0.0.0/24`'),
    via: name.optional().describe('gateway address'),
    dev: name.optional().describe('output interface'),
  })
  .describe('A route exists in the main routing table.');

/** Predicates by their key in a check item. `not` wraps any of them. */
export const PREDICATE_SCHEMAS = {
  ran: ranSchema,
  network: networkSchema,
  container: containerSchema,
  endpoints: endpointsSchema,
  reachable: reachableSchema,
  resolves: resolvesSchema,
  iptables: iptablesSchema,
  output: outputSchema,
  netns: netnsSchema,
  link: linkSchema,
  route: routeSchema,
} as const;

export type PredicateKind = keyof typeof PREDICATE_SCHEMAS;
export const PREDICATE_KINDS = Object.keys(PREDICATE_SCHEMAS) as PredicateKind[];

export type RanArgs = z.infer<typeof ranObject>;
export type NetworkArgs = z.infer<typeof networkSchema>;
export type ContainerArgs = z.infer<typeof containerSchema>;
export type EndpointsArgs = z.infer<typeof endpointsSchema>;
export type ReachableArgs = z.infer<typeof reachableSchema>;
export type ResolvesArgs = z.infer<typeof resolvesSchema>;
export type IptablesArgs = z.infer<typeof iptablesSchema>;
export type OutputArgs = z.infer<typeof outputSchema>;
export type NetnsArgs = z.infer<typeof netnsSchema>;
export type LinkArgs = z.infer<typeof linkSchema>;
export type RouteArgs = z.infer<typeof routeSchema>;

/** A validated predicate, normalised (the `ran: TEXT` shorthand expanded). */
export type Predicate =
  | { kind: 'ran'; args: RanArgs }
  | { kind: 'network'; args: NetworkArgs }
  | { kind: 'container'; args: ContainerArgs }
  | { kind: 'endpoints'; args: EndpointsArgs }
  | { kind: 'reachable'; args: ReachableArgs }
  | { kind: 'resolves'; args: ResolvesArgs }
  | { kind: 'iptables'; args: IptablesArgs }
  | { kind: 'output'; args: OutputArgs }
  | { kind: 'netns'; args: NetnsArgs }
  | { kind: 'link'; args: LinkArgs }
  | { kind: 'route'; args: RouteArgs }
  | { kind: 'not'; pred: Predicate };
