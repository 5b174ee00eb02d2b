/**
 * Parse once, measured: Goalpost started as VS Code starts it on a folder, left to index it (the file is
 * parsed and its diagnostics published from disk), then the file opened with the same text and a hover
 * asked on it. The open keeps the index's parse and analysis, so the hover answers at once; a second parse
 * would cost about an open's time. The diagnostics do not change, so none are sent: the hover is what
 * shows the server is ready.
 */
import { performance } from 'node:perf_hooks';
import { HoverRequest } from 'vscode-languageserver-protocol/node';
import { OutlineChangedNotification, type OutlineChangedParams } from '../server/src/protocol';
import { BenchClient, type ServerSpec } from './client';

/** The folder's index and the open that follows it, in ms. */
export interface IndexedOpenResult {
  /** `initialize` sent → `goalpost/outlineChanged` with `indexed: true` (warm-up, index, first check). */
  readonly indexedMs: number;
  /** didOpen sent → the hover on the first goal's id answered. */
  readonly openToHoverMs: number;
}

/** Measures one server on `folder`, whose `uri` (text `text`) is the file opened once the index is done. */
export async function measureIndexedOpen(
  spec: ServerSpec,
  folder: string,
  uri: string,
  text: string,
  timeoutMs: number,
  pause: () => Promise<void>,
): Promise<IndexedOpenResult> {
  const client = BenchClient.launch(spec, 'vscode');
  try {
    const indexed = client.next<OutlineChangedParams>(OutlineChangedNotification.method, (params) => params.indexed, timeoutMs);
    const started = performance.now();
    await client.initialize(folder);
    await indexed;
    const indexedMs = performance.now() - started;
    await pause();
    const line = text.split('\n').indexOf('  - id: goal-0');
    if (line < 0) throw new Error('goal-0 not found');
    const opened = performance.now();
    await client.open(uri, text);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: '  - id: goal'.length } });
    const openToHoverMs = performance.now() - opened;
    if (!hover) throw new Error(`${spec.name} gave no hover on goal-0 after the open`);
    return { indexedMs, openToHoverMs };
  } finally {
    await client.stop();
  }
}
