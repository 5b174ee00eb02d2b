/**
 * Skeleton fixes: the field a SMART or ownership finding says is missing, filled with the most likely value
 * the workspace offers (the period's end, an objective, a department, a KPI) for the user to adjust.
 */
import type { Goal } from '../../core/model';
import { code } from '../../core/naming';
import type { EditableDocument } from './document';
import type { FindingFix } from './fix';
import { columnsUnder, sectionPaths, sequenceStyle, type SequenceStyle } from './listStyle';
import { setGoalKey } from './setGoalKey';
import { itemLines, scalar } from './yamlText';

/** `deadline:` at the end of the goal's period, else of its year. */
const addDeadline: FindingFix = (document, finding) => {
  const goal = document.goalAt(finding.range);
  if (!goal || goal.deadline !== undefined) return undefined;
  const { analysis } = document.context;
  const period = analysis.workspace.periodOf(goal.file);
  const deadline = period?.end ?? yearEnd(goal.start, analysis.todayOf(goal.file));
  return { title: `Add \`deadline: ${deadline}\` (the end of the ${period ? 'period' : 'year'})`, edits: setGoalKey(document, goal, 'deadline', deadline) };
};

/** `supports:` the workspace's first objective. */
const addSupports: FindingFix = (document, finding) => {
  const goal = document.goalAt(finding.range);
  const objective = document.context.analysis.workspace.objectives.find((candidate) => candidate.id !== undefined)?.id;
  if (!goal || objective === undefined) return undefined;
  return { title: `Add \`supports: [${objective}]\``, edits: setGoalKey(document, goal, 'supports', `[${scalar(objective)}]`) };
};

/** `department:` the owner of what the goal supports. */
const addDepartment: FindingFix = (document, finding) => {
  const goal = document.goalAt(finding.range);
  const department = goal && ownerFor(document, goal);
  if (!goal || department === undefined) return undefined;
  return { title: `Add \`department: ${department}\``, edits: setGoalKey(document, goal, 'department', scalar(department)) };
};

/** `targets:` with one target on the most fitting KPI. */
const addTargets: FindingFix = (document, finding) => {
  const goal = document.goalAt(finding.range);
  const kpi = goal && kpiFor(document, goal);
  if (!goal || goal.targets.length > 0 || kpi === undefined) return undefined;
  return {
    title: `Add a \`targets\` skeleton on KPI ${code(kpi)}`,
    edits: setGoalKey(document, goal, 'targets', `[{ kpi: ${scalar(kpi)}, target: 0 }]`, targetsBlock(document, kpi)),
  };
};

/** The skeleton fix of each rule that has one. */
export const SKELETON_FIXES: ReadonlyMap<string, FindingFix> = new Map([
  ['smart-time-bound', addDeadline],
  ['smart-relevant', addSupports],
  ['missing-owner', addDepartment],
  ['smart-measurable', addTargets],
]);

/** The department for a goal without one: the owner of an objective it supports, else the first department. */
function ownerFor(document: EditableDocument, goal: Goal): string | undefined {
  const { workspace } = document.context.analysis;
  for (const id of goal.supports) {
    const owner = workspace.find('objective', id)?.owner;
    if (owner !== undefined && workspace.find('department', owner)) return owner;
  }
  return workspace.departments.find((department) => department.id !== undefined)?.id;
}

/** The KPI for a goal's first target: one that supports an objective the goal supports, else the first KPI. */
function kpiFor(document: EditableDocument, goal: Goal): string | undefined {
  const { kpis } = document.context.analysis.workspace;
  const aligned = kpis.find((kpi) => kpi.id !== undefined && kpi.supports.some((objective) => goal.supports.includes(objective)));
  return (aligned ?? kpis.find((kpi) => kpi.id !== undefined))?.id;
}

/** `targets:` with one target, its list indented as the file's other targets, else as its sections. */
function targetsBlock(document: EditableDocument, kpi: string): (indent: number) => string[] {
  const style = targetsStyle(document);
  return (indent) => [
    `${' '.repeat(indent)}targets:`,
    ...itemLines(
      columnsUnder(indent, style),
      [
        ['kpi', scalar(kpi)],
        ['target', '0'],
      ],
      style.flow,
    ),
  ];
}

/**
 * How the document's target lists are written, found once per request: the search may read every goal of
 * the file (none has a block list of targets), and a request may carry a finding for each of them.
 */
const targetsStyles = new WeakMap<EditableDocument, SequenceStyle>();

function targetsStyle(document: EditableDocument): SequenceStyle {
  let style = targetsStyles.get(document);
  if (!style) {
    const targets = document.context.analysis.workspace.goals.filter((other) => other.file === document.uri).map((other) => [...other.path, 'targets']);
    style = sequenceStyle(document, [...targets, ...sectionPaths()]);
    targetsStyles.set(document, style);
  }
  return style;
}

/** The last day of the year a goal without a period is most likely due: its start's, or today's if later. */
function yearEnd(start: string | undefined, today: string): string {
  const year = start !== undefined && start.slice(0, 4) > today.slice(0, 4) ? start.slice(0, 4) : today.slice(0, 4);
  return `${year}-12-31`;
}
