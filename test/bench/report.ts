/** The figures as one table (plus the capacity model's), the verdict, and the markdown of both. */
import type { Capacity } from './capacity.js';
import type { ColdResult } from './cold.js';
import type { GatewayResult } from './gateway.js';
import type { RequestCount } from './requests.js';
import { isTargeted } from './scenarios.js';
import { kib } from './stats.js';
import { renderMarkdown, renderTable } from './table.js';
import type { WarmResult } from './warm.js';

export const TARGETS = {
  coldStart: 0.85,
  coldPeakRss: 1.1,
  warmP50: 1.1,
  gatewayThroughput: 0.8,
} as const;

export interface Results {
  requests: RequestCount[];
  cold: ColdResult[];
  warm: WarmResult[];
  gateway: GatewayResult;
  capacity: Capacity;
  defaultShards: number;
  /** Where and when: printed above the table, since every figure depends on them. */
  machine: { node: string; date: string; cpus: number; loadStart: number[]; loadEnd: number[] };
}

interface Figure {
  figure: string;
  operation: string;
  measured: string;
  floor: string;
  ratio: string;
  target: string;
  /** Undefined for figures reported without a target (sizes, references). */
  met?: boolean;
}

const x = (r: number) => `${r.toFixed(2)}x`;
const ms = (v: number, digits = 1) => `${v.toFixed(digits)} ms`;

/** `['PutItem', 'PutItem', 'UpdateItem']` -> `2 PutItem + UpdateItem`. */
function describeCommands(commands: string[]): string {
  const counts = new Map<string, number>();
  for (const c of commands) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => (n > 1 ? `${n} ${c}` : c)).join(' + ');
}

/**
 * The targets are the personal task operations' (issue 6); every other operation's figure is
 * reported with its floor ratio and no verdict.
 */
function target(operationId: string, text: string, met: boolean): Pick<Figure, 'target' | 'met'> {
  return isTargeted(operationId) ? { target: text, met } : { target: '-' };
}

function figures({ requests, cold, warm, gateway }: Results): Figure[] {
  return [
    ...requests.map(
      (r): Figure => ({
        figure: 'DynamoDB requests',
        operation: r.operation,
        measured: `${r.count} (${describeCommands(r.commands)})`,
        floor: r.floorCommands
          ? `${r.expected} (${describeCommands(r.floorCommands)})`
          : String(r.expected),
        ratio: x(r.count / r.expected),
        target: `= ${r.expected}`,
        met: r.count === r.expected,
      }),
    ),
    ...cold.map(
      (c): Figure => ({
        figure: 'cold start (spawn to response, median)',
        operation: c.operationId,
        measured: ms(c.handler.median.totalMs),
        floor: ms(c.floor.median.totalMs),
        ratio: x(c.ratio),
        ...target(c.operationId, `<= ${x(TARGETS.coldStart)}`, c.ratio <= TARGETS.coldStart),
      }),
    ),
    ...cold.map(
      (c): Figure => ({
        figure: 'cold start without its code cache (another Node build)',
        operation: c.operationId,
        measured: ms(c.uncached.median.totalMs),
        floor: ms(c.floor.median.totalMs),
        ratio: x(c.uncachedRatio),
        target: '-',
      }),
    ),
    ...cold.map(
      (c): Figure => ({
        figure: 'cold start CPU time (median)',
        operation: c.operationId,
        measured: ms(c.handler.median.cpuMs),
        floor: ms(c.floor.median.cpuMs),
        ratio: x(c.cpuRatio),
        target: '-',
      }),
    ),
    ...cold.map(
      (c): Figure => ({
        figure: 'cold peak memory (max RSS, median)',
        operation: c.operationId,
        measured: `${c.handler.median.maxRssMiB.toFixed(1)} MiB`,
        floor: `${c.floor.median.maxRssMiB.toFixed(1)} MiB`,
        ratio: x(c.rssRatio),
        ...target(c.operationId, `<= ${x(TARGETS.coldPeakRss)}`, c.rssRatio <= TARGETS.coldPeakRss),
      }),
    ),
    ...cold.map(
      (c): Figure => ({
        figure: 'bundle size (minified, gzipped; + code cache)',
        operation: c.operationId,
        measured: `${kib(c.handler.bytes)}, ${kib(c.handler.gzipBytes)}; + ${kib(c.handler.cacheBytes)}`,
        floor: `${kib(c.floor.bytes)}, ${kib(c.floor.gzipBytes)}`,
        ratio: x(c.handler.bytes / c.floor.bytes),
        target: '-',
      }),
    ),
    ...warm.map(
      (w): Figure => ({
        figure: 'warm p50 (p99)',
        operation: w.operation,
        measured: `${ms(w.handler.p50, 3)} (${w.handler.p99.toFixed(2)})`,
        floor: `${ms(w.floor.p50, 3)} (${w.floor.p99.toFixed(2)})`,
        ratio: `${x(w.ratioP50)} (${x(w.ratioP99)})`,
        ...target(w.operation, `p50 <= ${x(TARGETS.warmP50)}`, w.ratioP50 <= TARGETS.warmP50),
      }),
    ),
    {
      figure: `gateway throughput (${gateway.connections} conn, ${gateway.seconds} s)`,
      operation: 'GET /tasks/{taskId}',
      measured: `${gateway.gateway.rps} req/s`,
      floor: `${gateway.floor.rps} req/s`,
      ratio: x(gateway.ratio),
      target: `>= ${x(TARGETS.gatewayThroughput)}`,
      met: gateway.ratio >= TARGETS.gatewayThroughput,
    },
    {
      figure: 'reference: dynalite alone (no SDK)',
      operation: 'GetItem',
      measured: `${gateway.dynalite.rps} req/s`,
      floor: `${gateway.floor.rps} req/s`,
      ratio: x(gateway.dynalite.rps / gateway.floor.rps),
      target: '-',
    },
  ];
}

const HEADER = ['figure', 'operation', 'measured', 'floor', 'ratio', 'target', 'result'];
const CAPACITY_HEADER = [
  'N',
  'hottest index key',
  'writes/s',
  'of 1,000 WCU',
  'result',
  'admin page: Queries',
  'items read',
  'RRU',
];

export function report(results: Results) {
  const all = figures(results);
  const rows = all.map((f) => [
    f.figure,
    f.operation,
    f.measured,
    f.floor,
    f.ratio,
    f.target,
    f.met === undefined ? '' : f.met ? 'met' : 'MISSED',
  ]);
  const { capacity, defaultShards, machine } = results;
  const avg = (l: number[]) => l.map((v) => v.toFixed(1)).join(', ');
  const machineLine =
    `Node ${machine.node}, run ending ${machine.date}, ${machine.cpus} CPUs; load average ` +
    `(1, 5, 15 min) ${avg(machine.loadStart)} at the start, ${avg(machine.loadEnd)} at the end`;
  const capacityRows = capacity.rows.map((r) => [
    String(r.shards) + (r.shards === defaultShards ? ' (default)' : ''),
    r.hottestKey,
    String(r.hottestWcu),
    x(r.ofLimit),
    r.hottestWcu <= capacity.partitionWcu ? 'within' : 'THROTTLED',
    String(r.adminPage.queries),
    String(r.adminPage.itemsRead),
    String(r.adminPage.rru),
  ]);
  const { load } = capacity;
  const mix = Object.entries(load.mix)
    .map(([status, share]) => `${share * 100}% ${status}`)
    .join(', ');
  const loadLine =
    `load: ${load.createsPerSecond} creates/s (${mix}), ` +
    load.moves.map((m) => `${m.perSecond}/s ${m.from}->${m.to}`).join(', ') +
    `; items <= ${load.itemKb} KB; admin page of ${load.pageSize}, eventually consistent`;
  const chooseLine =
    `smallest N within ${capacity.partitionWcu.toLocaleString('en-US')} WCU: ${capacity.minShardsWithinLimit}; ` +
    `within ${capacity.headroom * 100}% of it: ${capacity.minShardsWithinHeadroom}`;
  const missed = all.filter((f) => f.met === false);
  const verdict =
    missed.length === 0
      ? 'every figure meets its target'
      : missed
          .map((f) => `MISSED: ${f.figure} ${f.operation} ${f.ratio} (target ${f.target})`)
          .join('\n');
  return {
    text: [
      machineLine,
      renderTable(HEADER, rows),
      '',
      `capacity model (computed, not measured)\n${loadLine}`,
      renderTable(CAPACITY_HEADER, capacityRows),
      chooseLine,
      '',
      verdict,
    ].join('\n'),
    markdown: [
      machineLine,
      '',
      renderMarkdown(HEADER, rows),
      '',
      loadLine,
      '',
      renderMarkdown(CAPACITY_HEADER, capacityRows),
      '',
      chooseLine,
    ].join('\n'),
    missed: missed.map(({ figure, operation, ratio, target }) => ({
      figure,
      operation,
      ratio,
      target,
    })),
  };
}
