/**
 * The preview's server side of a keystroke, driven as the extension's preview drives it
 * (client/src/preview/preview.ts): a one-character edit (a letter added to a goal's title, or removed again);
 * the server analyses it and sends `goalpost/outlineChanged`; the preview then asks `goalpost/diagram` for
 * the document and sends the answer to its page. Timed from didChange sent to the diagram answer received;
 * the page's own part (model message → painted) is measured by render.ts, and the report adds the two.
 */
import { performance } from 'node:perf_hooks';
import { DiagramRequest, OutlineChangedNotification, type DiagramResult, type OutlineChangedParams } from '../server/src/protocol';
import type { BenchClient } from './client';

/** One size's preview update: the samples and the answer's size. */
export interface PreviewUpdateResult {
  /** didChange sent → diagram answer received, per edit, in ms. */
  readonly samples: readonly number[];
  /** The first part of each sample: didChange sent → `goalpost/outlineChanged` received (the edit analysed). */
  readonly announced: readonly number[];
  /** The diagram answer as JSON, in bytes (the median sample's; every answer has about this size). */
  readonly payloadBytes: number;
  readonly nodes: number;
}

/** How long one edit may take to reach a diagram before the bench fails. */
const UPDATE_TIMEOUT_MS = 30_000;

/**
 * Edits `edits` goal titles spread over the open document `uri` (alternately adding an `x` and taking it
 * away) and times each update of the preview; every answer must show the edited title, or the bench fails.
 */
export async function measurePreviewUpdate(
  client: BenchClient,
  uri: string,
  lines: readonly string[],
  goals: number,
  edits: number,
  pause: () => Promise<void>,
): Promise<PreviewUpdateResult> {
  const samples: number[] = [];
  const announcedAt: number[] = [];
  const sizes: number[] = [];
  let nodes = 0;
  for (let edit = 0; edit < edits; edit++) {
    const goal = Math.floor(((Math.floor(edit / 2) + 0.5) * goals) / Math.ceil(edits / 2));
    const { line, title } = titleLine(lines, goal);
    const insert = edit % 2 === 0;
    const end = { line, character: lines[line].length };
    const expected = insert ? `${title}x` : title;
    const announced = client.next<OutlineChangedParams>(OutlineChangedNotification.method, () => true, UPDATE_TIMEOUT_MS);
    const started = performance.now();
    await client.change(uri, [
      insert ? { range: { start: end, end }, text: 'x' } : { range: { start: end, end: { line, character: end.character + 1 } }, text: '' },
    ]);
    await announced;
    announcedAt.push(performance.now() - started);
    // As the preview does on outlineChanged: one request for the followed document's diagram.
    const answer: DiagramResult | null = await client.connection.sendRequest(DiagramRequest.type, { uri });
    const elapsed = performance.now() - started;
    const node = answer?.graph.nodes.find((candidate) => candidate.id === `goal-${goal}`);
    if (!answer || node?.title !== expected)
      throw new Error(`the diagram after edit ${edit + 1} shows goal-${goal} as ${JSON.stringify(node?.title)}, not ${JSON.stringify(expected)}`);
    samples.push(elapsed);
    sizes.push(Buffer.byteLength(JSON.stringify(answer)));
    nodes = answer.graph.nodes.length;
    await pause();
  }
  return { samples, announced: announcedAt, payloadBytes: sizes[Math.floor(sizes.length / 2)], nodes };
}

/** The line of goal `index`'s `title:` and the title on it. */
function titleLine(lines: readonly string[], index: number): { line: number; title: string } {
  const start = lines.indexOf(`  - id: goal-${index}`);
  if (start < 0) throw new Error(`goal-${index} not found`);
  for (let line = start + 1; line < lines.length && !lines[line].startsWith('  - '); line++) {
    if (lines[line].startsWith('    title: ')) return { line, title: lines[line].slice('    title: '.length) };
  }
  throw new Error(`goal-${index} has no title`);
}
