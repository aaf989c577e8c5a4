// The drawing of the Container Network Model as plain data: boxes, links and the anchor points packets travel through.

export type NodeKind = 'lan' | 'router' | 'internet' | 'host' | 'stack' | 'iface' | 'network' | 'sandbox' | 'netns';

/** A port drawn on a box's top edge: one interface of a sandbox or namespace (relative to the box). */
export interface Port {
  name: string;
  /** Topology key of the interface (`host1/ctr/3f2a:eth0`). */
  key: string;
  dx: number;
  dy: number;
}

export interface LayoutNode {
  key: string;
  kind: NodeKind;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  sublabel: string;
  /** Extra lines (interface addresses) drawn inside the box. */
  lines: string[];
  /** Hover summary (and the accessible name in the text view). */
  title: string;
  ports: Port[];
  /** Shape variant: the network driver (`bridge`, `host`, `null`), the sandbox mode, the interface kind. */
  variant: string;
  /** Whether clicking opens details (the router and the internet have none worth showing). */
  clickable: boolean;
}

export type LinkKind = 'wire' | 'uplink' | 'attach' | 'veth' | 'shared';

export interface LayoutLink {
  key: string;
  kind: LinkKind;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The host-side veth name for endpoints. */
  label: string;
  labelX: number;
  labelY: number;
  title: string;
  /** What clicking the link shows (`endpoint:<id>`), if anything. */
  detailsKey: string | null;
  /** The accessible name of a clickable link. */
  name?: string;
  /** The node a clickable link follows in keyboard order (an endpoint's sandbox). */
  owner?: string;
  /** The node at its other end (an endpoint's network). */
  to?: string;
}

/** A place a packet can be: on a drawn object, optionally attached to buses (a host's stack bar, the LAN). */
export interface Anchor {
  x: number;
  y: number;
  /** Key of the node or link the anchor belongs to. */
  on: string;
  /** Where this anchor meets each bus it is attached to (bus key -> point on the bus). */
  buses: Record<string, { x: number; y: number }>;
}

export interface Layout {
  nodes: LayoutNode[];
  links: LayoutLink[];
  /** Packet anchors by place: interface keys, `router:<segment>`, `internet`. */
  anchors: Record<string, Anchor>;
  width: number;
  height: number;
}
