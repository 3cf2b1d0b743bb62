import { Fragment, useMemo } from 'react';
import { Link } from 'react-router';
import { buttonClass } from '@/components/button';
import { EmptyState } from '@/components/empty-state';
import { QueryState } from '@/components/query-state';
import { errorCodeOf } from '@/lib/graphql-client';
import { useMediaQuery } from '@/lib/use-media-query';
import { useSession } from '@/lib/session';
import { useMonitorDependencyGraph, type DependencyGraph, type GraphMonitor } from '../api/dependencies';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './dependency-layout';
import { canEditMonitors } from './format';
import { StatusBadge, statusLabel } from './status-badge';

const PHONE_QUERY = '(max-width: 40rem)';
/** Characters of a name that fit in a node; the full name is in its accessible name and tooltip. */
const NAME_CHARS = 20;

function byName(a: GraphMonitor, b: GraphMonitor): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
}

function shorten(name: string): string {
  return name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name;
}

/** The tone of a node: its status, with "dependency down" apart from a real outage. */
function toneOf(m: GraphMonitor): string {
  return m.status === 'DOWN' && m.dependencyDown ? 'dependency' : m.status.toLowerCase();
}

/** A path through `points`: straight down through a layer, a smooth S-curve between layers. */
export function edgePath(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M ${first.x} ${first.y}`;
  let previous = first;
  for (const point of rest) {
    if (point.x === previous.x) d += ` L ${point.x} ${point.y}`;
    else {
      const midY = (previous.y + point.y) / 2;
      d += ` C ${previous.x} ${midY}, ${point.x} ${midY}, ${point.x} ${point.y}`;
    }
    previous = point;
  }
  return d;
}

/** The graph drawn as SVG: parents above dependents, arrows from a monitor to those depending on it. */
export function DependencyGraphDrawing({ graph }: { graph: DependencyGraph }) {
  const monitors = useMemo(() => [...graph.monitors].sort(byName), [graph.monitors]);
  const byId = useMemo(() => new Map(monitors.map((m) => [m.id, m])), [monitors]);
  const layout = useMemo(() => layoutGraph(monitors.map((m) => m.id), graph.dependencies), [monitors, graph.dependencies]);
  // Tab follows the picture: top layer first, left to right.
  const nodes = [...layout.nodes].sort((a, b) => a.layer - b.layer || a.order - b.order);
  return (
    <div className="dep-graph__scroll" data-testid="dependency-graph">
      <svg
        className="dep-graph"
        role="group"
        aria-label={`Dependency graph: ${monitors.length} monitors in ${layout.layers} ${layout.layers === 1 ? 'layer' : 'layers'}, monitors depended on above the ones that depend on them`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width={layout.width}
        height={layout.height}
      >
        <defs>
          <marker id="dep-graph-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="dep-graph__arrowhead" />
          </marker>
          <marker id="dep-graph-arrow-down" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="dep-graph__arrowhead dep-graph__arrowhead--down" />
          </marker>
        </defs>
        <g aria-hidden="true">
          {layout.edges.map((e) => {
            const parentDown = byId.get(e.dependsOnId)?.status === 'DOWN';
            return (
              <path
                key={`${e.dependsOnId}-${e.monitorId}`}
                className={parentDown ? 'dep-graph__edge dep-graph__edge--down' : 'dep-graph__edge'}
                d={edgePath(e.points)}
                markerEnd={parentDown ? 'url(#dep-graph-arrow-down)' : 'url(#dep-graph-arrow)'}
                data-testid="dependency-edge"
              />
            );
          })}
        </g>
        {nodes.map((node) => {
          const m = byId.get(node.id);
          if (!m) return null;
          const label = statusLabel(m.status, m.dependencyDown);
          return (
            <Link
              key={m.id}
              to={`/app/monitors/${m.id}`}
              className={`dep-graph__node dep-graph__node--${toneOf(m)}`}
              // The name and status as drawn (axe: the accessible name holds the visible text).
              aria-label={`${m.name} ${label}`}
              data-testid="dependency-node"
            >
              <rect x={node.x} y={node.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} className="dep-graph__box" />
              <circle cx={node.x + 14} cy={node.y + NODE_HEIGHT / 2} r={5} className="dep-graph__dot" />
              <text x={node.x + 26} y={node.y + 20} className="dep-graph__name" aria-hidden="true">
                {shorten(m.name)}
              </text>
              {/* Axe reads the drawn words run together: a space keeps "API Pending" two words. */}
              {' '}
              <text x={node.x + 26} y={node.y + 37} className="dep-graph__status" aria-hidden="true">
                {label}
              </text>
            </Link>
          );
        })}
      </svg>
    </div>
  );
}

/** The same graph in words: "X depends on Y and Z", one line per monitor that depends on another. */
export function DependencyList({ graph }: { graph: DependencyGraph }) {
  const byId = new Map(graph.monitors.map((m) => [m.id, m]));
  const rows = [...graph.monitors]
    .sort(byName)
    .map((m) => ({
      monitor: m,
      parents: graph.dependencies
        .filter((d) => d.monitorId === m.id)
        .map((d) => byId.get(d.dependsOnId))
        .filter((p): p is GraphMonitor => p !== undefined)
        .sort(byName),
    }))
    .filter((row) => row.parents.length > 0);
  return (
    <ul className="dep-text" aria-label="Dependencies in words" data-testid="dependency-text">
      {rows.map(({ monitor, parents }) => (
        <li key={monitor.id} className="dep-text__item">
          <span className="dep-text__line">
            <Link className="dep-text__name" to={`/app/monitors/${monitor.id}`}>
              {monitor.name}
            </Link>{' '}
            depends on{' '}
            {parents.map((p, i) => (
              <Fragment key={p.id}>
                {i === 0 ? null : i === parents.length - 1 ? ' and ' : ', '}
                <Link to={`/app/monitors/${p.id}`}>{p.name}</Link>
                {p.status === 'DOWN' ? <span className="dep-text__down"> (down)</span> : null}
              </Fragment>
            ))}
          </span>
          <StatusBadge status={monitor.status} dependencyDown={monitor.dependencyDown} />
        </li>
      ))}
    </ul>
  );
}

function Legend() {
  const items = [
    ['up', 'Up'],
    ['down', 'Down'],
    ['dependency', 'Dependency down (alerts held back)'],
    ['degraded', 'Degraded'],
    ['pending', 'Pending or paused'],
  ] as const;
  return (
    <ul className="dep-legend" aria-label="Legend">
      {items.map(([tone, text]) => (
        <li key={tone} className="dep-legend__item">
          <span className={`dep-legend__swatch dep-graph__node--${tone}`} aria-hidden="true" />
          {text}
        </li>
      ))}
      <li className="dep-legend__item">
        <span className="dep-legend__arrow" aria-hidden="true">
          ↓
        </span>
        Arrows point from a monitor to the ones that depend on it
      </li>
    </ul>
  );
}

function EmptyGraph() {
  const { session } = useSession();
  return (
    <EmptyState
      title="No dependencies yet."
      action={
        canEditMonitors(session?.role) ? (
          <Link className={buttonClass('secondary')} to="/app/monitors">
            Choose a monitor
          </Link>
        ) : undefined
      }
    >
      <p>
        A dependency says one monitor needs another — a website needs its API, the API needs its database. While a monitor is down, the monitors that depend on it show
        “Dependency down” and send no alert of their own: one outage, one alert.
      </p>
      <p>To add one, open a monitor, find “Dependencies” and choose what it depends on under “Depends on”.</p>
    </EmptyState>
  );
}

/**
 * `/app/monitors/dependencies`: the layered graph with its text alternative beside it. Phones
 * show the text first and the drawing below, folded away.
 */
export function DependencyGraphView() {
  const graph = useMonitorDependencyGraph();
  const phone = useMediaQuery(PHONE_QUERY);
  return (
    <QueryState
      query={graph}
      what="the dependencies"
      skeletonLines={6}
      explainError={(error) => (errorCodeOf(error) === 'FORBIDDEN' ? 'You don’t have access to this organization’s monitors.' : undefined)}
      isEmpty={(data) => data.dependencies.length === 0}
      empty={<EmptyGraph />}
    >
      {(data) =>
        phone ? (
          <div className="dep-view dep-view--phone">
            <DependencyList graph={data} />
            <details className="dep-view__details">
              <summary>Show the graph</summary>
              <Legend />
              <DependencyGraphDrawing graph={data} />
            </details>
          </div>
        ) : (
          <div className="dep-view">
            <div className="dep-view__drawing">
              <Legend />
              <DependencyGraphDrawing graph={data} />
            </div>
            <div className="dep-view__text">
              <h2 className="dep-view__title">In words</h2>
              <DependencyList graph={data} />
            </div>
          </div>
        )
      }
    </QueryState>
  );
}
