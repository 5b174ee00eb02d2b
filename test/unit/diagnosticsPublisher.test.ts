/**
 * The DiagnosticsPublisher driven directly, with a real Project and a host that records what is sent:
 * a document closed while its check waits for settings is not analysed from its stale group (no error is
 * logged) and its diagnostics are cleared; a burst is one check; the per-file cap.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { capped, DiagnosticsPublisher, MAX_DIAGNOSTICS_PER_FILE, type PublisherHost } from '../../server/src/diagnosticsPublisher';
import { Project, type Group } from '../../server/src/project';

/** A goal that lacks a deadline and support: a few findings to publish. */
const FLAWED = 'goalpost: 1\ngoals:\n  - id: g1\n    title: Grow something\n';
const OTHER = 'goalpost: 1\ngoals:\n  - id: g2\n    title: Grow something else\n';

/** A host that records every publication and error, and can hold a settings read until released. */
class RecordingHost implements PublisherHost {
  readonly sent: { uri: string; diagnostics: Diagnostic[] }[] = [];
  readonly errors: string[] = [];
  settingsReads = 0;
  /** When set, the next settings read waits for `release()` and resolves `reached`. */
  private held?: { reached: () => void; released: Promise<void> };
  private releaseHeld: () => void = () => undefined;
  private waiters: { predicate: () => boolean; resolve: () => void }[] = [];

  /** Holds the next settings read; resolves once a check is waiting on it. */
  holdNextRead(): Promise<void> {
    return new Promise((reached) => {
      this.held = { reached, released: new Promise((resolve) => (this.releaseHeld = resolve)) };
    });
  }

  release(): void {
    this.releaseHeld();
  }

  /** Resolves once `predicate` holds after a publication (or already holds). */
  until(predicate: () => boolean): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }

  last(uri: string): Diagnostic[] | undefined {
    return this.sent.filter((entry) => entry.uri === uri).at(-1)?.diagnostics;
  }

  send(uri: string, diagnostics: Diagnostic[]): void {
    this.sent.push({ uri, diagnostics });
    for (const waiter of [...this.waiters]) {
      if (!waiter.predicate()) continue;
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  settingsRead(_group: Group): Promise<void> {
    this.settingsReads++;
    const held = this.held;
    if (!held) return Promise.resolve();
    this.held = undefined;
    held.reached();
    return held.released;
  }

  analysed(): void {}
  retained(): void {}

  error(message: string): void {
    this.errors.push(message);
  }
}

describe('DiagnosticsPublisher (in-process)', () => {
  it('a document closed while its check waits for settings: no error, and its diagnostics are cleared', async () => {
    const project = new Project();
    const host = new RecordingHost();
    const publisher = new DiagnosticsPublisher(project, host);
    publisher.indexed();
    // Untitled: outside every folder and not on disk, so closing it makes the project forget it.
    const uri = 'untitled:Untitled-1';
    project.setText(uri, FLAWED, 1);
    publisher.schedule(uri);
    await host.until(() => (host.last(uri)?.length ?? 0) > 0);

    // An edit whose check is held at the settings read (a client slow to answer workspace/configuration)…
    const waiting = host.holdNextRead();
    project.setText(uri, `${FLAWED}    deadline: 2027-12-31\n`, 2);
    publisher.schedule(uri);
    await waiting;
    // …then the document is closed before the answer comes.
    project.close(uri);
    await publisher.closed(uri);
    assert.deepEqual(host.last(uri), [], 'closing clears the diagnostics at once');
    const sentBefore = host.sent.length;
    host.release();
    await publisher.settled();

    assert.deepEqual(host.errors, [], 'the held check does not analyse the closed document');
    assert.deepEqual(
      host.sent.slice(sentBefore).filter((entry) => entry.uri === uri && entry.diagnostics.length > 0),
      [],
      'nothing is published for the closed document afterwards',
    );
    assert.deepEqual(host.last(uri), []);
  });

  it('a document that moves to another group while its check waits is published with the group it is in now', async () => {
    const project = new Project();
    const host = new RecordingHost();
    const publisher = new DiagnosticsPublisher(project, host);
    publisher.indexed();
    const uri = 'untitled:Untitled-2';
    project.setText('untitled:Untitled-3', OTHER, 1);
    project.setText(uri, FLAWED, 1);
    const waiting = host.holdNextRead();
    publisher.schedule(uri);
    await waiting;
    // Another document comes and goes meanwhile: the group objects are rebuilt.
    project.close('untitled:Untitled-3');
    host.release();
    await publisher.settled();
    assert.deepEqual(host.errors, []);
    assert.ok((host.last(uri)?.length ?? 0) > 0, 'the document is checked once its settings are read');
  });

  it('a burst of changes within the debounce is one check', async () => {
    const project = new Project();
    const host = new RecordingHost();
    const publisher = new DiagnosticsPublisher(project, host, 50);
    publisher.indexed();
    const uri = 'untitled:Untitled-4';
    for (let version = 1; version <= 5; version++) {
      project.setText(uri, FLAWED.replace('g1', `g${version}`), version);
      publisher.schedule(uri);
    }
    await host.until(() => host.last(uri) !== undefined);
    await publisher.settled();
    assert.equal(host.settingsReads, 1, 'one check for the burst');
    assert.equal(host.sent.filter((entry) => entry.uri === uri).length, 1);
    publisher.dispose();
  });

  it('caps a file at MAX_DIAGNOSTICS_PER_FILE, errors first, and says how many were left out', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const many: Diagnostic[] = Array.from({ length: MAX_DIAGNOSTICS_PER_FILE + 5 }, (_, index) => ({
      range,
      message: `m${index}`,
      severity: index === MAX_DIAGNOSTICS_PER_FILE + 4 ? 1 : 2,
    }));
    const kept = capped(many);
    assert.equal(kept.length, MAX_DIAGNOSTICS_PER_FILE + 1);
    assert.equal(kept[0].severity, 1, 'the error comes first');
    assert.match(String(kept.at(-1)?.message), /shows 1,000 of the 1,005 problems/);
    assert.equal(capped(many.slice(0, 3)).length, 3);
  });
});
