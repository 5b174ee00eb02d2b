/**
 * Closing a document that is not on disk (untitled, or a file deleted meanwhile) frees what the server
 * held for it: after the close and a garbage collection, its parses, parser (with its chunk cache) and
 * analyses are collected, while a closed file that is on disk stays known, read from disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { URI } from 'vscode-uri';
import { generateGoalsFile } from '../../bench/generate';
import { DiagnosticsPublisher } from '../../server/src/diagnosticsPublisher';
import { Project } from '../../server/src/project';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/**
 * Objects watched for collection. A FinalizationRegistry, not WeakRefs: a WeakRef keeps its target alive
 * until the current job ends, which an async test does not reach between its awaits.
 */
const freed = new Set<string>();
const registry = new FinalizationRegistry<string>((tag) => freed.add(tag));
let watchedCount = 0;

/** Watches an object; returns the tag `freedAll` checks. */
function watch(target: object): string {
  const tag = `object-${watchedCount++}`;
  registry.register(target, tag);
  return tag;
}

/** The tags whose objects are still alive after collecting garbage for a few rounds (finalizers run on later turns). */
async function stillHeld(tags: readonly string[]): Promise<string[]> {
  for (let round = 0; round < 20 && tags.some((tag) => !freed.has(tag)); round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return tags.filter((tag) => !freed.has(tag));
}

describe('project: closing a document not on disk frees it', () => {
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-memory-'));
    fs.writeFileSync(path.join(folder, '.goalpost.yaml'), 'today: 2027-05-15\n');
    fs.writeFileSync(path.join(folder, 'kept.goals.yaml'), generateGoalsFile(5));
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** Opens a document, checks it (through the publisher, as the server does), and returns weak references to what it held. */
  async function openAndCheck(project: Project, publisher: DiagnosticsPublisher, uri: string): Promise<string[]> {
    project.setText(uri, generateGoalsFile(200), 1);
    await publisher.publishAll();
    const first = project.file(uri);
    const analysis = project.analysisFor(uri);
    assert.ok(first?.parsed && analysis, 'checked');
    const tags = [watch(first.parsed), watch(analysis), watch(first.parser)];
    // An edit, so the incremental parser holds a previous version's chunks too.
    project.setText(uri, generateGoalsFile(200).replace('goal-7\n', 'goal-7x\n'), 2);
    await publisher.publishAll();
    const edited = project.file(uri);
    const editedAnalysis = project.analysisFor(uri);
    assert.ok(edited?.parsed && editedAnalysis);
    return [...tags, watch(edited.parsed), watch(editedAnalysis)];
  }

  for (const [what, uriOf] of [
    ['an untitled document', () => 'untitled:Untitled-1'],
    ['a file deleted while open', (root: string) => URI.file(path.join(root, 'gone.goals.yaml')).toString()],
  ] as const) {
    it(what, async () => {
      const project = new Project();
      project.addFolder(URI.file(folder).toString());
      const sent = new Map<string, unknown[]>();
      const publisher = new DiagnosticsPublisher(project, {
        send: (uri, diagnostics) => sent.set(uri, diagnostics),
        settingsRead: async () => undefined,
        analysed: () => undefined,
        retained: () => undefined,
        error: (message) => assert.fail(message),
      });
      publisher.indexed();
      const uri = uriOf(folder);
      const tags = await openAndCheck(project, publisher, uri);
      project.close(uri);
      await publisher.closed(uri);
      assert.equal(project.file(uri), undefined, 'the project forgets it');
      assert.ok(project.groups().every((group) => !group.uris.includes(uri)));
      assert.deepEqual(sent.get(uri), [], 'its diagnostics are cleared');
      assert.deepEqual(await stillHeld(tags), [], 'held after close (0: first parse, 1: its analysis, 2: the parser, 3: the edited parse, 4: its analysis)');
      // The other file of the folder is still known and checked.
      assert.ok(project.analysisFor(URI.file(path.join(folder, 'kept.goals.yaml')).toString()));
    });
  }

  it('a closed file that is on disk stays known, with the disk text', async () => {
    const project = new Project();
    project.addFolder(URI.file(folder).toString());
    const uri = URI.file(path.join(folder, 'kept.goals.yaml')).toString();
    project.setText(uri, 'goalpost: 1\n', 1);
    project.close(uri);
    assert.equal(project.file(uri)?.text, generateGoalsFile(5));
    assert.equal(project.file(uri)?.version, undefined);
  });
});
