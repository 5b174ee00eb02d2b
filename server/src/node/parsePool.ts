/**
 * A pool of worker threads that parse YAML in parallel, so a large workspace uses every core: parsing
 * dominates a check, and the `yaml` library is single-threaded. Used by the CLI for large inputs and by the
 * language server for its first parse of large files; small inputs are parsed in-thread (a worker costs a
 * few tens of milliseconds to start).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromParts, type ParsedParts, type ParsedYaml } from '../core/yaml';

/** A batch of texts to parse. */
export interface ParseRequest {
  readonly id: number;
  readonly texts: readonly string[];
}

/** The parts of each text's parse, in order. */
export interface ParseResponse {
  readonly id: number;
  readonly parts: readonly ParsedParts[];
}

/** A few hundred goals in the usual layout: what `warm` has each worker parse. */
export const WARM_UP_SAMPLE = Array.from(
  { length: 40 },
  (_, index) =>
    `  - id: warm-up-${index}\n    title: Increase website sessions from Instagram by 20% (${index})\n    department: marketing\n    supports: [grow-revenue]\n` +
    `    platform: instagram\n    start: 2027-01-01\n    deadline: "2027-12-31"\n    targets:\n      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }\n` +
    `      - kpi: orders\n        baseline: 10.5\n        target: 12\n    review: quarterly # a comment\n    confidence: 0.7\n`,
).join('');

/** Inputs smaller than this (in characters) are parsed in-thread. */
export const PARALLEL_THRESHOLD = 256 * 1024;

interface PoolWorker {
  readonly worker: Worker;
  /** Requests sent to it and not yet answered. */
  readonly pending: Map<number, { resolve: (parts: readonly ParsedParts[]) => void; reject: (error: Error) => void }>;
}

/** Worker threads parsing YAML; `close()` ends them. */
export class ParsePool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;

  /** `script`: the bundled worker (dist/parseWorker.js). */
  constructor(
    private readonly script: string = path.join(__dirname, 'parseWorker.js'),
    readonly size: number = Math.max(1, Math.min(4, os.availableParallelism())),
  ) {}

  /** Parses texts across the workers, in batches of about equal length; results keep the order of `texts`. */
  readonly parseMany = async (texts: readonly string[]): Promise<ParsedYaml[]> => {
    if (texts.length === 0) return [];
    const batches = balance(texts, this.size);
    const results = await Promise.all(batches.map((batch) => this.send(batch.map((index) => texts[index]))));
    const parsed: ParsedYaml[] = new Array(texts.length);
    batches.forEach((batch, which) => batch.forEach((index, position) => (parsed[index] = fromParts(texts[index], results[which][position]))));
    return parsed;
  };

  /**
   * Starts every worker and has each parse `sample`, so their compiled code is warm before the first large
   * file arrives (a cold worker parses at half speed).
   */
  warm(sample: string): void {
    for (let index = 0; index < this.size; index++) void this.send([sample]).catch(() => undefined);
  }

  /** Ends the workers. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  private send(texts: readonly string[]): Promise<readonly ParsedParts[]> {
    const id = this.nextId++;
    const target = this.worker();
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      // A worker with work keeps the process alive; an idle one must not.
      target.worker.ref();
      target.worker.postMessage({ id, texts } satisfies ParseRequest);
    });
  }

  private worker(): PoolWorker {
    if (this.workers.length >= this.size) {
      // The least busy worker, so a warm-up or a long batch does not hold up the next request.
      return this.workers.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    }
    // A larger young generation: parsing allocates many short-lived objects, and scavenges cost a quarter
    // of a worker's time with the default size.
    const target: PoolWorker = { worker: new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } }), pending: new Map() };
    target.worker.unref();
    target.worker.on('message', (response: ParseResponse) => {
      target.pending.get(response.id)?.resolve(response.parts);
      target.pending.delete(response.id);
      if (target.pending.size === 0) target.worker.unref();
    });
    const fail = (error: Error) => {
      this.workers.splice(this.workers.indexOf(target), 1);
      for (const { reject } of target.pending.values()) reject(error);
      target.pending.clear();
    };
    target.worker.on('error', fail);
    target.worker.on('exit', (code) => {
      if (target.pending.size > 0) fail(new Error(`a parse worker stopped (exit code ${code})`));
    });
    this.workers.push(target);
    return target;
  }
}

/** Splits indexes of texts into at most `count` batches of about equal total length (longest first, greedy). */
function balance(texts: readonly string[], count: number): number[][] {
  const batches = Array.from({ length: Math.min(count, texts.length) }, () => ({ length: 0, indexes: [] as number[] }));
  const order = texts.map((_, index) => index).sort((a, b) => texts[b].length - texts[a].length);
  for (const index of order) {
    const lightest = batches.reduce((best, batch) => (batch.length < best.length ? batch : best));
    lightest.indexes.push(index);
    lightest.length += texts[index].length;
  }
  return batches.map((batch) => batch.indexes.sort((a, b) => a - b)).filter((batch) => batch.length > 0);
}
