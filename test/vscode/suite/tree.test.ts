/**
 * The Goals view in a real VS Code: its nodes for the example strategy (labels, descriptions, icons,
 * children), the Unaligned node, grouping by department, a click that reveals the source, following
 * the cursor, refreshing on edits of open and unopened files with stable ids, and screenshots in the
 * light, dark and high-contrast themes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GoalpostApi } from '../../../client/src/api';
import { find, ids, look, treeWhere } from '../goalsTree';
import { activateGoalpost, openGoalsFile, screenshot, setColorTheme, waitForEvent, workspaceUri } from '../helpers';

const REVENUE = 'Grow online revenue by 15% to EUR 9.2M in FY2027';
const IG_REVENUE = 'Grow monthly online revenue from Instagram by 25% to EUR 75,000 by December 31';

describe('the Goals view', () => {
  let api: GoalpostApi;

  before(async () => {
    api = await activateGoalpost();
    await vscode.commands.executeCommand('goalpost.goals.focus');
    if (api.goalsTree.grouping !== 'objective') await vscode.commands.executeCommand('goalpost.groupByObjective');
  });

  it('shows the business objectives of the example strategy, each with its progress', async () => {
    const roots = await treeWhere(api, (nodes) => nodes.length === 5, 'the five objectives');
    assert.deepEqual(
      roots.map((node) => look(api, node)),
      [
        `${REVENUE} | 38% | target charts.blue`,
        'Sell 8,000 units of the Ridgeline trail collection by October 31, 2027 | 37% | target charts.blue',
        'Win 120 new club and corporate outfitting accounts in 2027 | 42% | target charts.blue',
        'Raise the repeat-purchase rate from 28% to 33% by December 2027 | 44% | target charts.blue',
        'Hire 60 store and warehouse staff by September 30, 2027 with time-to-hire under 30 days | 55% | target charts.blue',
      ],
    );
    assert.ok(roots.every((node) => api.goalsTree.getTreeItem(node).collapsibleState === vscode.TreeItemCollapsibleState.Expanded));
  });

  it('puts the goals under the objective they support, with status icons, progress and findings; sub-goals under their parent; targets with baseline → current → target', () => {
    const revenue = api.goalsTree.nodes[0];
    assert.deepEqual(
      revenue.children.map((node) => look(api, node)),
      [
        `${IG_REVENUE} | 43% · on track | circle-filled charts.green`,
        'Grow monthly Ridgeline orders from social to 1,100 by October 31 | 37% · on track | circle-filled charts.green',
        'Resolve 85% of WhatsApp order questions on first contact by August 31 | 43% · on track | circle-filled charts.green',
        // The unopened events.goals.yaml: behind its pace, and its goal names no department.
        'Bring 2,000 website sessions from Instagram stories at trail-race stands by September 30 | 15% · at risk · 1 warning | warning charts.yellow',
        'Grow website sessions from Pinterest family-hiking boards by 25% to 15,000 per month by September 30 | 50% · on track | circle-filled charts.green',
      ],
    );
    const igRevenue = revenue.children[0];
    assert.equal(api.goalsTree.getTreeItem(igRevenue).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepEqual(
      igRevenue.children.map((node) => look(api, node)),
      [
        'Monthly online revenue from Instagram referrals | 60,000 → 66,500 → 75,000 · 43% | graph-line -',
        'Increase website sessions from Instagram by 30% to 52,000 per month by December 31 | 44% · on track | circle-filled charts.green',
        'Close 900 orders per month through Instagram DMs and shopping by December 31 | 44% · on track | circle-filled charts.green',
      ],
    );
    const q1 = find(igRevenue.children, (node) => node.item.id === 'ig-sessions-q1');
    assert.ok(q1, 'the Q1 sub-goal sits under its parent');
    assert.equal(look(api, q1), 'Lift Instagram website sessions by 10% to 44,000 per month by March 31 | 100% · done | pass-filled charts.green');
    assert.equal(q1.parent?.item.id, 'ig-sessions-2027');
    assert.equal(
      look(api, q1.children[0]),
      'Monthly website sessions from Instagram | 40,000 → 44,600 → 44,000 · 100% | pass-filled charts.green',
      'a reached target',
    );
  });

  it('shows a goal that supports two objectives under both, with distinct ids and the same parent chain shape', () => {
    const [revenue, ridgeline] = api.goalsTree.nodes;
    const underRevenue = find([revenue], (node) => node.item.label.startsWith('Grow monthly Ridgeline orders'));
    const underRidgeline = find([ridgeline], (node) => node.item.label.startsWith('Grow monthly Ridgeline orders'));
    assert.ok(underRevenue && underRidgeline);
    assert.notEqual(underRevenue.id, underRidgeline.id);
    assert.equal(api.goalsTree.getParent(underRidgeline), ridgeline);
    const all = ids(api.goalsTree.nodes);
    assert.equal(new Set(all).size, all.length, 'every tree item id is unique');
  });

  it('explains a goal in a markdown tooltip: status, department, dates, targets and findings', () => {
    const events = find(api.goalsTree.nodes, (node) => node.item.id === 'trail-race-stands');
    assert.ok(events);
    const tooltip = api.goalsTree.getTreeItem(events).tooltip as vscode.MarkdownString;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    // appendText escapes what it appends (spaces as &nbsp;, markdown with backslashes): read it as rendered.
    const text = tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
    assert.match(text, /^\*\*Bring 2,000 website sessions/);
    assert.match(text, /`trail-race-stands`/);
    assert.match(text, /\$\(warning\) at risk · 15% of the way/);
    assert.match(text, /From 2027-04-01 to 2027-09-30/);
    assert.match(text, /- Monthly website sessions from Instagram: 0 → 300 → 2,000 sessions \(15%\)/);
    assert.match(text, /1 warning \(see the Problems view\)/);
    const igRevenue = api.goalsTree.nodes[0].children[0];
    assert.match(
      (api.goalsTree.getTreeItem(igRevenue).tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '),
      /Department: Leadership/,
      'the company file’s goal, owned by leadership',
    );
  });

  it('reveals the source of a node on click: its file, with the item’s id selected', async () => {
    const node = find(api.goalsTree.nodes, (candidate) => candidate.item.id === 'ig-sessions-q2');
    assert.ok(node);
    const command = api.goalsTree.getTreeItem(node).command;
    assert.ok(command, 'a click runs a command');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), workspaceUri('strategy/marketing.goals.yaml').toString());
    assert.equal(editor.document.getText(editor.selection), 'ig-sessions-q2');
    assert.equal(editor.document.lineAt(editor.selection.start.line).text.trim(), '- id: ig-sessions-q2');
  });

  it('follows the cursor: moving into an item of a goals file selects its node', async () => {
    const opened = await openGoalsFile('strategy/sales.goals.yaml');
    await vscode.commands.executeCommand('goalpost.goals.focus');
    const editor = await vscode.window.showTextDocument(opened.document, { preserveFocus: false });
    /** Moves the cursor into the goal `id` (two lines below its id) and waits for the view to select it. */
    const moveInto = async (id: string) => {
      const line = editor.document
        .getText()
        .split('\n')
        .findIndex((text) => text.includes(`id: ${id}`));
      assert.ok(line > 0, `${id} is in the file`);
      // Earlier suites (the preview's) may have left the cursor, and so the selection, on this goal already.
      if (api.goalsView.selection[0]?.item.id === id) return;
      const selected = waitForEvent(api.goalsView.onDidChangeSelection, (event) => event.selection[0]?.item.id === id, `the view to select ${id}`);
      editor.selection = new vscode.Selection(line + 2, 4, line + 2, 4);
      await selected.catch((error: Error) => {
        // Say what the view and the editor showed, so that a failure in CI explains itself.
        const state = {
          viewVisible: api.goalsView.visible,
          viewSelection: api.goalsView.selection.map((node) => node.item.id),
          activeEditor: vscode.window.activeTextEditor?.document.uri.path,
          cursor: editor.selection.active,
          nodeUnderCursor: api.goalsTree.nodeAt(editor.document.uri, editor.selection.active)?.item.id,
        };
        throw new Error(`${error.message} State: ${JSON.stringify(state)}`);
      });
    };
    // First somewhere else, so that the last move is a change of selection whatever came before.
    await moveInto('ig-dm-orders-2027');
    await moveInto('fb-club-leads-2027');
    assert.equal(api.goalsView.selection[0].item.id, 'fb-club-leads-2027');
    assert.equal(api.goalsView.selection[0].item.kind, 'goal');
  });

  it('refreshes when an open file is edited, keeping every node id (so expansion survives)', async () => {
    const editor = await openGoalsFile('strategy/marketing.goals.yaml');
    const before = ids(api.goalsTree.nodes);
    const text = editor.document.getText();
    const pinterest = text.indexOf('current: 13500');
    assert.ok(pinterest > 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      editor.document.uri,
      new vscode.Range(editor.document.positionAt(pinterest), editor.document.positionAt(pinterest + 'current: 13500'.length)),
      'current: 15000',
    );
    const updated = treeWhere(
      api,
      (roots) => find(roots, (node) => node.item.label.startsWith('Grow website sessions from Pinterest'))?.item.status === 'done',
      'the Pinterest goal to be done after the edit',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    const roots = await updated;
    assert.deepEqual(ids(roots), before, 'the same ids in the same order');
    const pinterestGoal = find(roots, (node) => node.item.label.startsWith('Grow website sessions from Pinterest'));
    assert.ok(pinterestGoal);
    assert.equal(look(api, pinterestGoal).split(' | ').slice(1).join(' | '), '100% · done | pass-filled charts.green');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('collects goals and KPIs linked to no business objective under Unaligned, also from a file nobody opened', async () => {
    const uri = workspaceUri('strategy/brand.goals.yaml');
    const appeared = treeWhere(api, (roots) => roots.some((node) => node.item.kind === 'unaligned'), 'an Unaligned node');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode(`goalpost: 1
kpis:
  - { id: brand-mentions, name: Brand mentions on Instagram, metric: mentions, platform: instagram, owners: [marketing] }
goals:
  - id: brand-presence
    title: Grow brand mentions on Instagram by 20% by June 30
    department: marketing
    platform: instagram
    audience: weekend-adventurers
    deadline: 2027-06-30
    targets:
      - { kpi: brand-mentions, baseline: 100, target: 120, current: 110 }
`),
    );
    const roots = await appeared;
    const unaligned = roots[roots.length - 1];
    assert.equal(unaligned.item.kind, 'unaligned');
    assert.equal(look(api, unaligned), 'Unaligned | not linked to a business objective | debug-disconnect charts.orange');
    assert.deepEqual(
      unaligned.children.map((node) => `${node.item.kind} ${node.item.id}`),
      ['goal brand-presence', 'kpi brand-mentions'],
    );
    assert.match(look(api, unaligned.children[1]), /^Brand mentions on Instagram \| Marketing · 1 warning \| graph -$/);
    const gone = treeWhere(api, (nodes) => !nodes.some((node) => node.item.kind === 'unaligned'), 'the Unaligned node to go');
    await vscode.workspace.fs.delete(uri);
    await gone;
  });

  it('groups by department on request, and back by objective', async () => {
    const byDepartment = treeWhere(api, (roots) => roots[0]?.item.kind === 'department', 'departments at the top');
    await vscode.commands.executeCommand('goalpost.groupByDepartment');
    const roots = await byDepartment;
    assert.equal(api.goalsTree.grouping, 'department');
    assert.deepEqual(
      roots.map((node) => look(api, node)),
      [
        'Leadership | 40% | organization charts.blue',
        'Marketing | 45% | organization charts.blue',
        'Sales | 43% | organization charts.blue',
        'Customer Service | 44% | organization charts.blue',
        'Human Resources | 55% | organization charts.blue',
        'No department |  | organization disabledForeground',
      ],
    );
    assert.deepEqual(
      roots[roots.length - 1].children.map((node) => node.item.id),
      ['trail-race-stands'],
      'the events goal names no department',
    );
    const marketing = roots.find((node) => node.item.id === 'marketing');
    assert.ok(marketing?.children.some((node) => node.item.id === 'ig-sessions-2027'));
    assert.ok(!marketing?.children.some((node) => node.item.id === 'ig-sessions-q1'), 'a sub-goal of the same department sits under its parent');
    const byObjective = treeWhere(api, (nodes) => nodes[0]?.item.kind === 'objective', 'objectives at the top again');
    await vscode.commands.executeCommand('goalpost.groupByObjective');
    await byObjective;
    assert.equal(api.goalsTree.grouping, 'objective');
  });

  describe('screenshots of the workbench with the Goals view and a goals file', () => {
    before(async () => {
      // Room for the descriptions (progress and status) beside the goal titles, and for the editor.
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('goalpost.goals.focus');
      // Narrowing the focused editor group widens the side bar.
      await openGoalsFile('strategy/marketing.goals.yaml');
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      for (let step = 0; step < 4; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    });

    for (const theme of ['light', 'dark', 'high-contrast'] as const) {
      it(`in the ${theme} theme`, async () => {
        await setColorTheme(theme);
        const editor = await openGoalsFile('strategy/marketing.goals.yaml');
        await vscode.commands.executeCommand('goalpost.goals.focus');
        const goal = find(api.goalsTree.nodes, (node) => node.item.id === 'ig-sessions-2027');
        assert.ok(goal);
        await api.goalsView.reveal(goal, { select: true, focus: false, expand: true });
        await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
        const line = editor.document
          .getText()
          .split('\n')
          .findIndex((text) => text.includes('id: ig-sessions-2027'));
        editor.revealRange(new vscode.Range(line, 0, line + 20, 0), vscode.TextEditorRevealType.AtTop);
        await screenshot(`goals-view-${theme}`);
      });
    }
  });
});
