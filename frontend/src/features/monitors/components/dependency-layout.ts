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
  /** From the bottom middle of the parent to the top middle of the dependent. */
  from: { x: number; y: number };
  to: { x: number; y: number };
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
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const e of valid) {
    up.set(e.monitorId, [...(up.get(e.monitorId) ?? []), e.dependsOnId]);
    down.set(e.dependsOnId, [...(down.get(e.dependsOnId) ?? []), e.monitorId]);
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

  const widest = Math.max(0, ...layers.map((l) => l.length));
  const width = widest === 0 ? 0 : PADDING * 2 + widest * NODE_WIDTH + (widest - 1) * GAP_X;
  const height = layerCount === 0 ? 0 : PADDING * 2 + layerCount * NODE_HEIGHT + (layerCount - 1) * GAP_Y;
  const nodes: PlacedNode[] = [];
  const byId = new Map<string, PlacedNode>();
  layers.forEach((layer, l) => {
    const rowWidth = layer.length * NODE_WIDTH + (layer.length - 1) * GAP_X;
    const left = (width - rowWidth) / 2;
    layer.forEach((id, order) => {
      const node = { id, layer: l, order, x: left + order * (NODE_WIDTH + GAP_X), y: PADDING + l * (NODE_HEIGHT + GAP_Y) };
      nodes.push(node);
      byId.set(id, node);
    });
  });
  const placed: PlacedEdge[] = valid.map((e) => {
    const parent = byId.get(e.dependsOnId)!;
    const child = byId.get(e.monitorId)!;
    return { ...e, from: { x: parent.x + NODE_WIDTH / 2, y: parent.y + NODE_HEIGHT }, to: { x: child.x + NODE_WIDTH / 2, y: child.y } };
  });
  return { nodes, edges: placed, width, height, layers: layerCount };
}
