/**
 * A small layered layout for the dependency graph (no library): longest-path layering puts
 * every monitor one layer below the lowest monitor it depends on, so parents are always above
 * their dependents; a few barycenter sweeps then order each layer to cut edge crossings.
 */

export interface LayoutEdge {
  /** The monitor that depends on the other (drawn below). */
  monitorId: string;
  /** The monitor it depends on (drawn above). */
  dependsOnId: string;
}

export interface PlacedNode {
  id: string;
  layer: number;
  /** Position within the layer, 0 on the left. */
  order: number;
  /** Top-left corner. */
  x: number;
  y: number;
}

export interface PlacedEdge extends LayoutEdge {
  /**
   * From the bottom middle of the parent to the top middle of the dependent, through one point
   * per layer in between (an edge that skips layers goes around the monitors in them).
   */
  points: { x: number; y: number }[];
}

export interface Layout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
  layers: number;
}

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 48;
const GAP_X = 28;
const GAP_Y = 64;
const PADDING = 12;
/** The room a long edge takes where it passes through a layer. */
const LANE_WIDTH = 12;
const SWEEPS = 4;

/** Each monitor's layer: 0 without parents, else one more than its deepest parent (cycles are cut). */
export function layersOf(ids: readonly string[], edges: readonly LayoutEdge[]): Map<string, number> {
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (parents.has(e.monitorId) && parents.has(e.dependsOnId) && e.monitorId !== e.dependsOnId) parents.get(e.monitorId)!.push(e.dependsOnId);
  }
  const layer = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    // The server refuses cycles; should one arrive anyway, the edge that closes it is ignored.
    if (visiting.has(id)) return -1;
    visiting.add(id);
    const deepest = Math.max(-1, ...(parents.get(id) ?? []).map(visit));
    visiting.delete(id);
    layer.set(id, deepest + 1);
    return deepest + 1;
  };
  ids.forEach(visit);
  return layer;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Lays the graph out top-down. `ids` should come sorted (e.g. by name): it is the starting order
 * within each layer, which keeps the picture stable between polls.
 */
export function layoutGraph(ids: readonly string[], edges: readonly LayoutEdge[]): Layout {
  const layerOf = layersOf(ids, edges);
  const layerCount = ids.length === 0 ? 0 : Math.max(...layerOf.values()) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const id of ids) layers[layerOf.get(id) ?? 0]!.push(id);

  const valid = edges.filter((e) => layerOf.has(e.monitorId) && layerOf.has(e.dependsOnId) && (layerOf.get(e.dependsOnId) ?? 0) < (layerOf.get(e.monitorId) ?? 0));
  // An edge that skips layers gets a virtual node in each layer it crosses, ordered like the rest.
  const virtual = new Set<string>();
  const chains = new Map<LayoutEdge, string[]>();
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const link = (parent: string, child: string) => {
    up.set(child, [...(up.get(child) ?? []), parent]);
    down.set(parent, [...(down.get(parent) ?? []), child]);
  };
  for (const e of valid) {
    const from = layerOf.get(e.dependsOnId) ?? 0;
    const to = layerOf.get(e.monitorId) ?? 0;
    const chain = [e.dependsOnId];
    for (let l = from + 1; l < to; l += 1) {
      const id = `\u0000${e.dependsOnId}\u0000${e.monitorId}\u0000${l}`;
      virtual.add(id);
      layers[l]!.push(id);
      chain.push(id);
    }
    chain.push(e.monitorId);
    chains.set(e, chain);
    for (let i = 1; i < chain.length; i += 1) link(chain[i - 1]!, chain[i]!);
  }

  const position = new Map<string, number>();
  const index = () => layers.forEach((layer) => layer.forEach((id, i) => position.set(id, i)));
  index();
  const reorder = (layer: string[], neighbours: Map<string, string[]>) => {
    const keyed = layer.map((id, i) => ({ id, key: mean((neighbours.get(id) ?? []).map((n) => position.get(n) ?? 0)) ?? i }));
    keyed.sort((a, b) => a.key - b.key);
    layer.splice(0, layer.length, ...keyed.map((k) => k.id));
  };
  for (let sweep = 0; sweep < SWEEPS; sweep += 1) {
    for (let l = 1; l < layers.length; l += 1) {
      reorder(layers[l]!, up);
      index();
    }
    for (let l = layers.length - 2; l >= 0; l -= 1) {
      reorder(layers[l]!, down);
      index();
    }
  }

  const widthOf = (id: string) => (virtual.has(id) ? LANE_WIDTH : NODE_WIDTH);
  const rowWidths = layers.map((layer) => layer.reduce((sum, id) => sum + widthOf(id), 0) + Math.max(0, layer.length - 1) * GAP_X);
  const widest = Math.max(0, ...rowWidths);
  const width = widest === 0 ? 0 : PADDING * 2 + widest;
  const height = layerCount === 0 ? 0 : PADDING * 2 + layerCount * NODE_HEIGHT + (layerCount - 1) * GAP_Y;
  const nodes: PlacedNode[] = [];
  const centre = new Map<string, { x: number; top: number }>();
  layers.forEach((layer, l) => {
    let x = (width - (rowWidths[l] ?? 0)) / 2;
    const y = PADDING + l * (NODE_HEIGHT + GAP_Y);
    let order = 0;
    for (const id of layer) {
      centre.set(id, { x: x + widthOf(id) / 2, top: y });
      if (!virtual.has(id)) {
        nodes.push({ id, layer: l, order, x, y });
        order += 1;
      }
      x += widthOf(id) + GAP_X;
    }
  });
  const placed: PlacedEdge[] = valid.map((e) => {
    const chain = chains.get(e) ?? [e.dependsOnId, e.monitorId];
    const points: { x: number; y: number }[] = [];
    chain.forEach((id, i) => {
      const c = centre.get(id) ?? { x: 0, top: 0 };
      if (i === 0) points.push({ x: c.x, y: c.top + NODE_HEIGHT });
      else if (i === chain.length - 1) points.push({ x: c.x, y: c.top });
      // A virtual node is a lane through its layer: in at the top, out at the bottom.
      else points.push({ x: c.x, y: c.top }, { x: c.x, y: c.top + NODE_HEIGHT });
    });
    return { ...e, points };
  });
  return { nodes, edges: placed, width, height, layers: layerCount };
}
