/**
 * The server's project parses a file once: opening a document whose text is the file read by the folder
 * index keeps that parse (and the analysis); a different text is parsed again.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { generateGoalsFile } from '../../bench/generate';
import { Project, type GoalFile } from '../../server/src/project';

describe('project: parse once', () => {
  let folder: string;
  let uri: string;
  const text = generateGoalsFile(20);

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-project-'));
    const file = path.join(folder, 'big.goals.yaml');
    fs.writeFileSync(file, text);
    uri = URI.file(file).toString();
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("keeps the folder index's parse and analysis when the opened text is the file's", () => {
    const project = new Project();
    project.addFolder(URI.file(folder).toString());
    const analysis = project.analysisFor(uri);
    const parsed = project.file(uri)?.parsed;
    assert.ok(analysis && parsed);
    project.setText(uri, text, 1);
    assert.equal(project.file(uri)?.parsed, parsed);
    assert.equal(project.analysisFor(uri), analysis);
    assert.equal(project.file(uri)?.version, 1);
  });

  it('parses again when the opened text differs', () => {
    const project = new Project();
    project.addFolder(URI.file(folder).toString());
    const parsed = project.parsed(project.file(uri) as GoalFile);
    const edited = text.replace('goal-3\n', 'goal-3x\n');
    project.setText(uri, edited, 1);
    assert.equal(project.file(uri)?.parsed, undefined);
    const again = project.analysisFor(uri);
    assert.notEqual(project.file(uri)?.parsed, parsed);
    assert.ok(again?.findings !== undefined);
    assert.equal(project.file(uri)?.parsed?.text, edited);
  });
});
