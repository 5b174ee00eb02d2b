/**
 * The editor's `goalpost` settings per workspace: read once per group since the last configuration change
 * (asked per resource where the client supports `workspace/configuration`, else the ones it last pushed
 * with `workspace/didChangeConfiguration`), and handed to the project (`goalpost.today`,
 * `goalpost.maxFileSize`).
 */
import { isIsoDate } from './core/dates';
import type { Group, Project } from './project';

/** Asks the client for the `goalpost` section that applies to a resource. */
export type AskSettings = (scopeUri: string) => Promise<unknown>;

/** Owns the settings reads of every group. */
export class WorkspaceSettings {
  /** Each group's read since the last configuration change, in flight or done. */
  private readonly reads = new Map<string, Promise<void>>();
  /** Settings pushed by a client that cannot be asked for them. */
  private pushed: unknown;
  private ask?: AskSettings;

  constructor(private readonly project: Project) {}

  /** The client can be asked for settings per resource (from `initialize`). */
  askWith(ask: AskSettings): void {
    this.ask = ask;
    this.reads.clear();
  }

  /** The client pushed new settings (or said they changed): every group reads them again. */
  changed(pushed: unknown): void {
    this.pushed = pushed;
    this.reads.clear();
  }

  /** Settings may have changed for some group (folders, configs): every group reads them again. */
  reread(): void {
    this.reads.clear();
  }

  /** Forgets the settings of groups that no longer exist (a closed untitled document's, say). */
  retain(groupKeys: readonly string[]): void {
    const live = new Set(groupKeys);
    for (const key of [...this.reads.keys()]) {
      if (live.has(key)) continue;
      this.reads.delete(key);
      this.project.setEditorSettings(key, {});
    }
  }

  /** The group's settings read since the last change: the one in flight or done, else a new one. */
  read(group: Group): Promise<void> {
    let read = this.reads.get(group.key);
    if (!read) {
      read = this.readNow(group);
      this.reads.set(group.key, read);
    }
    return read;
  }

  private async readNow(group: Group): Promise<void> {
    const settings = this.ask ? await this.ask(group.uris[0]).catch(() => undefined) : this.pushed;
    const { today, maxFileSize } = (settings ?? {}) as { today?: unknown; maxFileSize?: unknown };
    this.project.setEditorSettings(group.key, {
      today: isIsoDate(today) ? today : undefined,
      maxFileSize: typeof maxFileSize === 'number' && Number.isInteger(maxFileSize) && maxFileSize > 0 ? maxFileSize : undefined,
    });
  }
}
