/** Part 1 of BENCHMARKS.md: wire bytes per move, joins, and the anatomy of typical moves. */
import type { AnatomyRow } from './anatomy';
import type { BenchResults, WireGameFigures, WireSide } from './results';

/** Issue 15's targets, timer on, per game (bytes per move per client) and for joins (bytes per client). */
export const WIRE_TARGETS = {
  perMove: { hearts: { max: 20, stretch: 10 }, 'crazy-eights': { max: 15, stretch: 8 } } as Readonly<Record<string, { max: number; stretch: number }>>,
  seatedJoinMax: 1_500,
  midGameJoinMax: 2_000,
};

export function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

function kinds(perKind: Readonly<Record<string, number>>): string {
  return Object.entries(perKind)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, bytes]) => `${kind} ${bytes}`)
    .join(', ');
}

/** A seated client's bytes from opening its socket to the first move: its join, others sitting down, the deal. */
function seatedJoin(side: WireSide): number {
  return Math.round((side.joinBytesPerClient + side.startBytesPerClient) * 10) / 10;
}

export function wireSummaryRows(results: BenchResults): string[] {
  const lines: string[] = [];
  for (const figures of results.wire ?? []) {
    const target = WIRE_TARGETS.perMove[figures.gameId];
    const timer = figures.turnSeconds ? `timer ${figures.turnSeconds} s` : 'timer off';
    const perMove = figures.deckhand.bytesPerMovePerClient;
    lines.push(
      `| ${figures.gameId} bytes per move per client (${timer}), Deckhand / baseline | ${perMove} / ${figures.baseline.bytesPerMovePerClient} = ${figures.ratio} | <= ${results.targets.wireRatioMax} (${verdict(figures.ratio <= results.targets.wireRatioMax)})` +
        (target ? `; <= ${target.max} B (${verdict(perMove <= target.max)}), stretch ${target.stretch} B (${verdict(perMove <= target.stretch)})` : '') +
        ' |',
    );
    const joined = seatedJoin(figures.deckhand);
    lines.push(`| ${figures.gameId} seated client, socket open to first move | ${joined} B | <= ${WIRE_TARGETS.seatedJoinMax} B (${verdict(joined <= WIRE_TARGETS.seatedJoinMax)}) |`);
    const mid = figures.midGameJoin;
    if (mid) {
      const worst = Math.max(mid.spectatorBytes, mid.reconnectBytes);
      lines.push(`| ${figures.gameId} joining mid-game: spectator / reconnect | ${mid.spectatorBytes} / ${mid.reconnectBytes} B | <= ${WIRE_TARGETS.midGameJoinMax} B (${verdict(worst <= WIRE_TARGETS.midGameJoinMax)}) |`);
    }
  }
  return lines;
}

function anatomyTable(figures: WireGameFigures): string[] {
  const anatomy = (figures.anatomy ?? []).slice(0, 3);
  if (anatomy.length === 0) return [];
  const lines = [
    `### ${figures.gameId}: where a move's bytes go`,
    '',
    `Read from the decoded patches of the first game (move kinds: ${Object.entries(figures.moveKinds ?? {}).sort(([, a], [, b]) => b - a).map(([kind, count]) => `${kind} ${count}`).join(', ')}).`,
    'The observer is the next seat; the mover also receives its own hand. A "switch" is the schema naming the structure the next operations change.',
    '',
  ];
  const total = (rows: readonly AnatomyRow[]): number => rows.reduce((sum, row) => sum + row.bytes, 0);
  for (const move of anatomy) {
    lines.push(
      `**${move.kind}** (move ${move.moveNumber}): observer ${total(move.observer)} B, mover ${total(move.mover)} B.`,
      '',
      '| who | field | bytes | change |',
      '| --- | --- | ---: | --- |',
      ...move.observer.map((row) => `| observer | ${row.field} | ${row.bytes} | ${row.change.replace(/\|/g, '/')} |`),
      ...move.mover
        .filter((row) => !move.observer.some((seen) => seen.field === row.field && seen.bytes === row.bytes))
        .map((row) => `| mover only | ${row.field} | ${row.bytes} | ${row.change.replace(/\|/g, '/')} |`),
      '',
    );
  }
  return lines;
}

/** Each wire figure before a change (another run of this bench on the older code) and now. */
function beforeAfter(wire: readonly WireGameFigures[], results: BenchResults): string[] {
  const before = results.before;
  if (!before) return [];
  const lines = [
    `### Before and after`,
    '',
    `Before: ${before.label}, measured by this same bench on ${before.generatedAt} (1-minute load average ${before.loadAverage[0]} -> ${before.loadAverage[1]});`,
    `after: this run (${results.machine.loadAverageAtStart} -> ${results.machine.loadAverageAtEnd ?? '?'}). Bytes do not depend on the load; timings do.`,
    '',
    '| game | figure | before | after |',
    '| --- | --- | ---: | ---: |',
  ];
  for (const now of wire) {
    const then = before.wire.find((figures) => figures.gameId === now.gameId);
    if (!then) continue;
    const row = (figure: string, a: number | string | undefined, b: number | string | undefined): string => `| ${now.gameId} | ${figure} | ${a ?? '-'} | ${b ?? '-'} |`;
    lines.push(
      row('B/move/client, timer on', then.deckhand.bytesPerMovePerClient, now.deckhand.bytesPerMovePerClient),
      row('B/move/client, timer off', then.timerOff?.bytesPerMovePerClient, now.timerOff?.bytesPerMovePerClient),
      row('seated, socket open to first move (B)', seatedJoin(then.deckhand), seatedJoin(now.deckhand)),
      row('mid-game spectator / reconnect (B)', then.midGameJoin ? `${then.midGameJoin.spectatorBytes} / ${then.midGameJoin.reconnectBytes}` : '-', now.midGameJoin ? `${now.midGameJoin.spectatorBytes} / ${now.midGameJoin.reconnectBytes}` : '-'),
    );
  }
  const p99 = (latency: BenchResults['latency']): string => (latency ? `${latency.oneTable.p99Ms} / ${latency.busy?.oneTable.p99Ms ?? '-'}` : '-');
  lines.push(`| all | one-table p99 ms, idle / beside a busy core | ${p99(before.latency)} | ${p99(results.latency)} |`, '');
  return lines;
}

export function wireSection(wire: readonly WireGameFigures[], results: BenchResults): string[] {
  const lines = [
    '## 1. Wire bytes per move',
    '',
    'Bytes one client receives per accepted move (WebSocket payload + frame header, no TCP/IP), averaged over every',
    'seat (four, two in Gin Rummy) and every move of complete games. The tables are created as the web app creates them (the default turn',
    'timer on); the same number of games with the timer off are measured beside them. The baseline replays the very same',
    'games (the seed the server revealed at game over, the same moves in the same order) and sends each client the',
    'whole JSON of its own view after every move.',
    '',
    '| game | timer | games | moves | Deckhand B/move/client | timer off: games, moves, B/move/client | baseline B/move/client | ratio | target <= ' + results.targets.wireRatioMax + ' | ratio, patches only |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | ---: |',
  ];
  for (const figures of wire) {
    const off = figures.timerOff ? `${figures.games}, ${figures.timerOffMoves ?? '?'}, ${figures.timerOff.bytesPerMovePerClient}` : 'not measured';
    lines.push(
      `| ${figures.gameId} | ${figures.turnSeconds ? `${figures.turnSeconds} s` : 'off'} | ${figures.games} | ${figures.moves} | ${figures.deckhand.bytesPerMovePerClient} | ${off} | ` +
        `${figures.baseline.bytesPerMovePerClient} | ${figures.ratio} | ${verdict(figures.ratio <= results.targets.wireRatioMax)} | ${figures.patchOnlyRatio} |`,
    );
  }
  lines.push(
    '',
    '| game | side | join snapshot B/client | join to first move B/client | socket open to first move B/client | per move by kind (B/move/client) | messages/move/client |',
    '| --- | --- | ---: | ---: | ---: | --- | ---: |',
  );
  for (const figures of wire) {
    const sides: [string, WireSide][] = [['Deckhand', figures.deckhand]];
    if (figures.timerOff) sides.push(['Deckhand, timer off', figures.timerOff]);
    sides.push(['baseline', figures.baseline]);
    for (const [name, side] of sides) {
      lines.push(
        `| ${figures.gameId} | ${name} | ${side.joinBytesPerClient} | ${side.startBytesPerClient} | ${seatedJoin(side)} | ${kinds(side.perMoveByKind)} | ${side.messagesPerMovePerClient} |`,
      );
    }
  }
  lines.push(
    '',
    'A seated client\'s bytes from opening its socket to the first move, by kind of message (timer on; `join` is the',
    'handshake, without the schema description since the bench clients, like the web, hold the table\'s schema classes;',
    '`state` the full state; `patch` others sitting down and the deal):',
    '',
    ...wire.map((figures) => `- ${figures.gameId}: ${kinds(figures.deckhand.seatedByKind ?? {})}`),
  );
  const joins = wire.filter((figures) => figures.midGameJoin);
  if (joins.length > 0) {
    lines.push(
      '',
      'Joining in the middle of a game (before the move shown): a new spectator from opening its socket to holding the state,',
      'and seat 0 dropping its connection and reconnecting, from the reconnect to holding the state again (welcome and',
      'chat history included).',
      '',
      '| game | at move | spectator B | reconnect B | spectator by kind | reconnect by kind | target |',
      '| --- | ---: | ---: | ---: | --- | --- | --- |',
      ...joins.map((figures) => {
        const mid = figures.midGameJoin!;
        return `| ${figures.gameId} | ${mid.moveNumber} | ${mid.spectatorBytes} | ${mid.reconnectBytes} | ${kinds(mid.spectatorByKind ?? {})} | ${kinds(mid.reconnectByKind ?? {})} | ` +
          `<= ${WIRE_TARGETS.midGameJoinMax} B (${verdict(Math.max(mid.spectatorBytes, mid.reconnectBytes) <= WIRE_TARGETS.midGameJoinMax)}) |`;
      }),
    );
  }
  lines.push('', `Options: ${wire.map((figures) => `${figures.gameId} ${JSON.stringify(figures.options)}`).join('; ')}.`, '');
  lines.push(...beforeAfter(wire, results));
  for (const figures of wire) lines.push(...anatomyTable(figures));
  return lines;
}
