/**
 * When to send `goalpost/outlineChanged`: a group's analysis is a new object whenever anything in it
 * changed (a file, a config, a setting), so comparing identities finds every change without diffing
 * outlines. Changes in one burst (several groups, several files) make one notification.
 */
import type { Analysis } from './core/lint';

/** Tracks the analysis last seen per group and announces changes once the first index is done. */
export class OutlineChanges {
  private readonly seen = new Map<string, Analysis>();
  private started = false;
  private pending = false;

  /** `send(indexed)`: sends the notification; `indexed` is true only for the one that ends the first index. */
  constructor(private readonly send: (indexed: boolean) => void) {}

  /** The first index is done: from now on changes are announced, starting with this one. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.send(true);
  }

  /** Records a group's current analysis; a different one from last time is a change. */
  saw(groupKey: string, analysis: Analysis): void {
    if (this.seen.get(groupKey) === analysis) return;
    this.seen.set(groupKey, analysis);
    this.changed();
  }

  /** Forgets groups that no longer exist; a group gone is a change too. */
  retain(groupKeys: Iterable<string>): void {
    const live = new Set(groupKeys);
    for (const key of [...this.seen.keys()]) {
      if (live.has(key)) continue;
      this.seen.delete(key);
      this.changed();
    }
  }

  /** Announces a change on the next turn, so a burst of changes makes one notification. */
  private changed(): void {
    if (!this.started || this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      this.send(false);
    });
  }
}
