/**
 * One workspace rule for the editor, `goalpost check` and `goalpost diff`: for the same folder tree (nested
 * configs, a folder without a config, an ignored file, a broken config), the editor's project, check's
 * file listing and diff's grouping of a real git repository give the same groups. Also the pure pieces:
 * folder arithmetic on every kind of path, and the resolver over an injected table.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { ConfigResolver, type ConfigSource } from '../../server/src/core/configResolver';
import { joinPath, parentFolder, pathInside } from '../../server/src/core/paths';
import { groupWorkspaces, type WorkspaceGroup } from '../../server/src/core/workspaceGroups';
import { analyzeInputs } from '../../server/src/cli/analyze';
import { isWanted, Revision } from '../../server/src/cli/diff';
import { checkWorkspaces, CliConfigs, expandInputs } from '../../server/src/cli/files';
import { readCommitFiles, readWorkingTreeFiles } from '../../server/src/cli/git';
import type { CliIO } from '../../server/src/cli/io';
import { globMatcher } from '../../server/src/node/configs';
import { Project } from '../../server/src/project';

const GOALS = 'goalpost: 1\ngoals: []\n';

/** The tree every front end groups; paths relative to its root. */
const TREE: Record<string, string> = {
  'company.goals.yaml': GOALS,
  'loose/side.goals.yaml': GOALS,
  'team/.goalpost.yaml': 'today: 2027-05-15\nignore:\n  - drafts/**\n',
  'team/plan.goals.yaml': GOALS,
  'team/drafts/idea.goals.yaml': GOALS,
  'team/deep/more.goals.yaml': GOALS,
  'team/sub/.goalpost.yml': 'rules:\n  kpi-unused: off\n',
  'team/sub/.goalpost.yaml': 'rules:\n  kpi-unused: info\n',
  'team/sub/x.goals.yaml': GOALS,
  'broken/.goalpost.yaml': 'rules: [\n',
  'broken/b.goals.yaml': GOALS,
  'node_modules/pkg/skip.goals.yaml': GOALS,
};

/** The groups every front end must give, as (config, files) relative to the root. */
const EXPECTED = [
  { config: null, files: ['company.goals.yaml', 'loose/side.goals.yaml'] },
  { config: 'broken/.goalpost.yaml', files: ['broken/b.goals.yaml'] },
  { config: 'team/.goalpost.yaml', files: ['team/deep/more.goals.yaml', 'team/plan.goals.yaml'] },
  { config: 'team/sub/.goalpost.yaml', files: ['team/sub/x.goals.yaml'] },
];

type Shown = { config: string | null; files: string[] };

/** Groups as comparable data: paths relative to the root with `/`, in a fixed order. */
function shown(groups: readonly { config?: { file: string }; files: readonly string[] }[], relative: (file: string) => string): Shown[] {
  return groups
    .map((group) => ({ config: group.config ? relative(group.config.file) : null, files: group.files.map(relative).sort() }))
    .sort((a, b) => (a.config ?? '').localeCompare(b.config ?? ''));
}

describe('workspace groups: one rule for the editor, check and diff', () => {
  let temp: string;
  let root: string;
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');

  before(() => {
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-groups-')));
    root = path.join(temp, 'repo');
    for (const [file, text] of Object.entries(TREE)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
  });

  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it("the editor's project (the tree opened as its workspace folder)", () => {
    const project = new Project();
    project.addFolder(URI.file(root).toString());
    const groups = project.groups().map((group) => ({ config: group.config, files: group.uris.map((uri) => URI.parse(uri).fsPath) }));
    assert.deepEqual(shown(groups, relative), EXPECTED);
    const broken = project.groups().find((group) => group.config?.file.endsWith(path.join('broken', '.goalpost.yaml')));
    assert.ok(broken?.config && broken.config.problems.length > 0, 'the broken config is kept with its problems, for diagnostics on it');
  });

  it("check's file listing (`goalpost check` in the tree, and `goalpost check <tree>` elsewhere)", () => {
    for (const [cwd, inputs] of [
      [root, []],
      [temp, [root]],
    ] as const) {
      const configs = new CliConfigs(cwd);
      const requested = expandInputs(inputs, cwd, configs.resolver);
      assert.deepEqual(shown(checkWorkspaces(requested, inputs, cwd, configs.resolver), relative), EXPECTED, `from ${cwd} with ${JSON.stringify(inputs)}`);
    }
  });

  it("check of one file still groups it with its config's other files (references resolve)", () => {
    const configs = new CliConfigs(root);
    const requested = expandInputs(['team/plan.goals.yaml'], root, configs.resolver);
    const groups = shown(checkWorkspaces(requested, ['team/plan.goals.yaml'], root, configs.resolver), relative);
    assert.deepEqual(groups, [EXPECTED[2]]);
  });

  it('check still refuses a broken config that applies (exit 2), naming its first problem', async () => {
    const io: CliIO = {
      argv: [],
      cwd: root,
      env: {},
      stdoutIsTTY: false,
      now: () => new Date('2027-05-15T12:00:00Z'),
      stdout: () => undefined,
      stderr: () => undefined,
    };
    await assert.rejects(analyzeInputs(['broken'], {}, io), /invalid config broken\/\.goalpost\.yaml:1:8/);
  });

  it("diff's grouping of a real git repository (a commit, and the working tree)", async () => {
    const env = { ...process.env, HOME: temp, GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: temp };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8' }).trim();
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=Goalpost Tests', '-c', 'user.email=tests@goalpost.invalid', 'commit', '-q', '-m', 'tree');
    const commit = git('rev-parse', 'HEAD');
    const committed = new Revision(await readCommitFiles(root, commit, isWanted)).groups();
    const working = new Revision(await readWorkingTreeFiles(root, isWanted)).groups();
    // diff names files relative to the repository root already.
    const asIs = (file: string) => file;
    assert.deepEqual(shown(committed, asIs), EXPECTED);
    assert.deepEqual(shown(working, asIs), EXPECTED);
  });
});

describe('workspace groups: where the rule is a choice', () => {
  let root: string;

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-groups-')));
    for (const file of ['north/a.goals.yaml', 'south/b.goals.yaml']) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), GOALS);
    }
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const checkGroups = (inputs: string[]) => {
    const configs = new CliConfigs(root);
    return shown(checkWorkspaces(expandInputs(inputs, root, configs.resolver), inputs, root, configs.resolver), (file) => path.relative(root, file));
  };

  it('config-less files are grouped per folder named, as the editor groups them per workspace folder', () => {
    assert.deepEqual(checkGroups(['north', 'south']), [
      { config: null, files: ['north/a.goals.yaml'] },
      { config: null, files: ['south/b.goals.yaml'] },
    ]);
    const project = new Project();
    project.addFolder(URI.file(path.join(root, 'north')).toString());
    project.addFolder(URI.file(path.join(root, 'south')).toString());
    assert.equal(project.groups().length, 2);
  });

  it('config-less files named one by one are grouped under the working directory, as under one workspace folder', () => {
    assert.deepEqual(checkGroups(['north/a.goals.yaml', 'south/b.goals.yaml']), [{ config: null, files: ['north/a.goals.yaml', 'south/b.goals.yaml'] }]);
    assert.deepEqual(checkGroups(['.']), [{ config: null, files: ['north/a.goals.yaml', 'south/b.goals.yaml'] }]);
    const project = new Project();
    project.addFolder(URI.file(root).toString());
    assert.equal(project.groups().length, 1);
  });

  it('a document outside every workspace folder is a workspace alone', () => {
    const project = new Project();
    project.addFolder(URI.file(path.join(root, 'north')).toString());
    project.setText('untitled:Untitled-1', GOALS, 1);
    const keys = project.groups().map((group) => group.key);
    assert.deepEqual(keys.sort(), [`file:untitled:Untitled-1`, `folder:${path.join(root, 'north')}`].sort());
  });
});

describe('paths without a file system', () => {
  const table: [string, string | undefined][] = [
    ['/a/b/c.goals.yaml', '/a/b'],
    ['/a', '/'],
    ['/', undefined],
    ['team/x.goals.yaml', 'team'],
    ['x.goals.yaml', ''],
    ['', undefined],
    ['C:\\work\\x.goals.yaml', 'C:\\work'],
    ['C:\\x.goals.yaml', 'C:\\'],
    ['C:\\', undefined],
  ];
  for (const [file, parent] of table) it(`parentFolder(${JSON.stringify(file)}) is ${JSON.stringify(parent)}`, () => assert.equal(parentFolder(file), parent));

  it('joins and tests containment with the folder’s own separator, and only at a separator', () => {
    assert.equal(joinPath('/a', '.goalpost.yaml'), '/a/.goalpost.yaml');
    assert.equal(joinPath('/', '.goalpost.yaml'), '/.goalpost.yaml');
    assert.equal(joinPath('', '.goalpost.yaml'), '.goalpost.yaml');
    assert.equal(joinPath('C:\\work', '.goalpost.yaml'), 'C:\\work\\.goalpost.yaml');
    assert.equal(pathInside('/a', '/a/b/c.goals.yaml'), 'b/c.goals.yaml');
    assert.equal(pathInside('/a', '/ab/c.goals.yaml'), undefined);
    assert.equal(pathInside('/a', '/a'), undefined);
    assert.equal(pathInside('/', '/a/b'), 'a/b');
    assert.equal(pathInside('', 'team/x.goals.yaml'), 'team/x.goals.yaml');
    assert.equal(pathInside('', '/team/x.goals.yaml'), undefined);
    assert.equal(pathInside('C:\\work', 'C:\\work\\drafts\\x.goals.yaml'), 'drafts/x.goals.yaml');
  });
});

describe('ConfigResolver over an injected table', () => {
  /** A source that counts its reads, to show each config and folder is read once. */
  function tableSource(files: Record<string, string>): ConfigSource & { reads: string[] } {
    const reads: string[] = [];
    return {
      reads,
      read: (file) => {
        reads.push(file);
        return file in files ? { text: files[file] } : undefined;
      },
      ignoreMatcher: globMatcher,
    };
  }

  it('finds the nearest config, prefers .yaml over .yml, and reads each file once', () => {
    const source = tableSource({
      'a/.goalpost.yml': 'today: 2027-01-01\n',
      'a/.goalpost.yaml': 'today: 2027-02-02\n',
      '.goalpost.yaml': 'ignore: ["**/old/**"]\n',
    });
    const resolver = new ConfigResolver(source);
    assert.equal(resolver.configFor('a/b/x.goals.yaml')?.config.today, '2027-02-02');
    assert.equal(resolver.configFor('a/y.goals.yaml')?.file, 'a/.goalpost.yaml');
    assert.equal(resolver.configFor('z.goals.yaml')?.file, '.goalpost.yaml');
    assert.equal(resolver.configFor('c/old/z.goals.yaml')?.ignores('c/old/z.goals.yaml'), true);
    assert.equal(new Set(source.reads).size, source.reads.length, `read twice: ${source.reads.join(', ')}`);
  });

  it('a forced config applies everywhere; a missing one says so instead of throwing', () => {
    const resolver = new ConfigResolver(tableSource({}), 'ci/.goalpost.yaml');
    const loaded = resolver.configFor('a/x.goals.yaml');
    assert.equal(loaded?.readError, 'no such file');
    assert.equal(loaded, resolver.configFor('b/y.goals.yaml'));
  });

  it('groups a table of files without any file system, in first-seen order', () => {
    const resolver = new ConfigResolver(tableSource({ 't/.goalpost.yaml': 'ignore: [draft.goals.yaml]\n' }));
    const groups: WorkspaceGroup[] = groupWorkspaces(['z.goals.yaml', 't/b.goals.yaml', 't/a.goals.yaml', 't/draft.goals.yaml', 'a.goals.yaml'], resolver, {
      roots: [''],
    });
    assert.deepEqual(
      groups.map((group) => [group.key, group.files]),
      [
        ['folder:', ['a.goals.yaml', 'z.goals.yaml']],
        ['config:t/.goalpost.yaml', ['t/a.goals.yaml', 't/b.goals.yaml']],
      ],
    );
    const all = groupWorkspaces(['t/draft.goals.yaml'], resolver, { ignore: false });
    assert.deepEqual(all[0]?.files, ['t/draft.goals.yaml']);
  });
});
