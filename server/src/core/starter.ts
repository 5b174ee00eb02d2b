/**
 * The starter goals file, shared by `goalpost init` and the editor's "new goals file" command. On its
 * own it is a whole strategy; written into an existing workspace it fits in: it references the
 * objectives, departments and audiences already defined there instead of defining them again, picks ids
 * nobody uses yet, and leaves the period to the file that declares one. Either way it checks clean on
 * the day it is written.
 */
import { addDays, addMonths } from './dates';
import { HOMEPAGE } from './docs';
import type { Period } from './model';
import type { Workspace } from './workspace';

/** What the starter must fit into: the workspace the new file joins. */
export interface StarterContext {
  /** Every id defined in the workspace, whatever its kind. */
  readonly ids: ReadonlySet<string>;
  readonly objectives: readonly { readonly id: string; readonly title?: string }[];
  readonly departments: readonly { readonly id: string }[];
  readonly audiences: readonly { readonly id: string; readonly platforms: readonly string[] }[];
  /** The workspace's period, when exactly one of its files declares one. */
  readonly period?: Period;
  /** Whether some file declares a period (then the new file must not declare a second one). */
  readonly declaresPeriod: boolean;
}

/** The context of a workspace for a new file. */
export function starterContext(workspace: Workspace): StarterContext {
  const withId = <T extends { id?: string }>(items: readonly T[]) => items.filter((item): item is T & { id: string } => item.id !== undefined);
  return {
    ids: new Set(workspace.definitions.keys()),
    objectives: withId(workspace.objectives),
    departments: withId(workspace.departments),
    audiences: withId(workspace.audiences),
    period: workspace.period,
    declaresPeriod: workspace.models.some((model) => model.period !== undefined),
  };
}

/** An empty workspace: the starter defines everything it uses. */
const EMPTY: StarterContext = { ids: new Set(), objectives: [], departments: [], audiences: [], declaresPeriod: false };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 31". */
function spoken(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;
}

/** Hands out ids that the workspace does not use yet: `id`, else `id-2`, `id-3`… */
class Ids {
  private readonly taken: Set<string>;
  constructor(taken: ReadonlySet<string>) {
    this.taken = new Set(taken);
  }
  fresh(id: string): string {
    let candidate = id;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${id}-${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}

/**
 * The starter strategy as of `today` (`YYYY-MM-DD`), fitted to `context`. Alone, it checks clean under
 * every rule on `today`, whatever day of the year that is: the period is the whole year (the next one
 * in the last month of a year, see `starterPeriod`); one goal runs
 * the whole period and one the current quarter, so both deadlines are today or later and neither is
 * before its start; no target has a `current` value yet, so nothing is missed or off track; and both
 * goals were "last reviewed" today.
 */
export function starterGoals(today: string, context: StarterContext = EMPTY): string {
  const ids = new Ids(context.ids);
  const period = starterPeriod(today, context);
  const year = (period?.start ?? today).slice(0, 4);
  const { quarterStart, quarterEnd } = quarter(today, period);
  const yearEnd = period?.end ?? `${year}-12-31`;

  // Objectives and departments: the workspace's when it has them, else the starter's own.
  const ownObjectives = context.objectives.length === 0;
  const revenue = ownObjectives ? ids.fresh('grow-online-revenue') : context.objectives[0].id;
  const business = ownObjectives ? ids.fresh('win-business-customers') : (context.objectives[1] ?? context.objectives[0]).id;
  const ownDepartments = context.departments.length === 0;
  const department = (wanted: string, fallback: number) =>
    ownDepartments
      ? ids.fresh(wanted)
      : (context.departments.find((candidate) => candidate.id === wanted) ?? context.departments[Math.min(fallback, context.departments.length - 1)]).id;
  const leadership = department('leadership', 0);
  const marketing = department('marketing', 0);
  const sales = department('sales', 1);
  // An existing audience is reused when it is on the goal's platform; otherwise the starter defines one.
  const existingAudience = (platform: string) => context.audiences.find((audience) => audience.platforms.includes(platform))?.id;
  const igAudience = existingAudience('instagram');
  const liAudience = existingAudience('linkedin');
  const ownAudience = igAudience === undefined || liAudience === undefined ? ids.fresh('young-professionals') : undefined;
  const sessionsKpi = ids.fresh('ig-site-sessions');
  const leadsKpi = ids.fresh('li-qualified-leads');
  const trafficGoal = ids.fresh(`ig-traffic-${year}`);
  const leadsGoal = ids.fresh(`li-leads-${year}-q${Math.ceil(Number(quarterStart.slice(5, 7)) / 3)}`);

  const sections: string[] = [
    `# A starter strategy for Goalpost: your social-media goals as code.
# Replace the examples with your own, keep the structure, and run \`goalpost check\` after each change.
# Every key is described in the schema (hover in an editor with the Goalpost or YAML extension):
# ${HOMEPAGE}/blob/main/schemas/goals.schema.json

goalpost: 1                          # the format version
${context.ids.size === 0 ? 'organization: Your Organization\n' : ''}`,
  ];
  sections.push(
    context.declaresPeriod
      ? `# The planning period is declared by another file of this workspace${period ? ` (${period.start} to ${period.end})` : ''}; a
# file without one uses it, and a goal's deadline must fall inside it.
`
      : `# The planning period. A goal's deadline must fall inside it, and a goal without a \`start\` starts
# when the period does. Files without a period use the one period another file of the workspace declares.
period: { start: ${period?.start}, end: ${period?.end} }
`,
  );
  sections.push(
    ownObjectives
      ? `# Business objectives: what the business wants, each measured by a business metric (revenue, sales,
# retention), not by social-media numbers. Every objective should be served by at least one goal or KPI.
objectives:
${commented(`  - id: ${revenue}`, 'ids are global across every goals file of the workspace')}
    title: Grow online revenue by 10% in ${year}
    metric: online_revenue           # the business metric this objective moves
${commented(`    owner: ${leadership}`, 'the department accountable for it')}
    deadline: ${yearEnd}
  - id: ${business}
    title: Win 40 new business customers in ${year}
    metric: new_business_customers
    owner: ${ownDepartments ? sales : leadership}
    deadline: ${yearEnd}
`
      : `# Business objectives come from other files of this workspace (${context.objectives.map((objective) => objective.id).join(', ')}):
# ids are global, so the KPIs and goals below name them in \`supports\` instead of defining them again.
`,
  );
  sections.push(
    ownDepartments
      ? `# Departments own objectives, goals and KPIs, so that someone is accountable for each.
departments:
  - { id: ${leadership}, name: Leadership }
  - { id: ${marketing}, name: Marketing }
  - { id: ${sales}, name: Sales }
`
      : `# Departments come from other files of this workspace (${context.departments.map((item) => item.id).join(', ')}).
`,
  );
  if (ownAudience !== undefined) {
    sections.push(`# Audiences and the platforms where they actually spend time: a goal may only use a platform its
# audience is on.
audiences:
  - id: ${ownAudience}
    name: Young professionals (25-40)
    platforms: [instagram, linkedin]
`);
  } else {
    sections.push(`# Audiences come from other files of this workspace: a goal may only use a platform its audience is on.
`);
  }
  sections.push(`# KPIs: what you measure. Link each one to the objectives it serves (\`supports\`) and target it from a
# goal. Followers, likes, reach and views are vanity metrics: track them only beside an outcome KPI.
kpis:
  - id: ${sessionsKpi}
    name: Website sessions from Instagram
    metric: sessions
    unit: sessions
    platform: instagram
    supports: [${revenue}]
${commented(`    owners: [${marketing}]`, 'several departments can share a KPI')}
  - id: ${leadsKpi}
    name: Qualified leads from LinkedIn
    metric: leads
    unit: leads
    platform: linkedin
    supports: [${business}]
    owners: [${[...new Set([marketing, sales])].join(', ')}]
`);
  sections.push(`# Goals: each department's social-media goals, and SMART:
#   specific    a title that says what changes, where and by how much;
#   measurable  targets on KPIs, from a baseline to a target value;
#   achievable  growth no steeper than the configured monthly ceiling (50% a month by default);
#   relevant    \`supports\` names the objectives it serves;
#   time-bound  a deadline inside the period.
# Record \`current\` on each target as you measure: progress and status (on track, at risk, off track)
# follow from it, and \`goalpost tree\` shows them.
goals:
  - id: ${trafficGoal}
    title: Increase website sessions from Instagram by 20% by ${spoken(yearEnd)}
    department: ${marketing}
    supports: [${revenue}]
    platform: instagram
    audience: ${igAudience ?? ownAudience}
    funnel: conversion               # awareness | engagement | conversion | retention
${commented(`    deadline: ${yearEnd}`, 'starts with the period')}
    targets:
      - kpi: ${sessionsKpi}
        baseline: 10000              # where you are at the start
        target: 12000                # where you want to be by the deadline
        # current: 10000             # the latest measured value
    review: quarterly                # weekly | monthly | quarterly | yearly
${commented(`    last_reviewed: ${today}`, 'update it at every review')}

  - id: ${leadsGoal}
    title: Generate 60 qualified leads a quarter from LinkedIn by ${spoken(quarterEnd)}
    department: ${sales}
    supports: [${business}]
    platform: linkedin
    audience: ${liAudience ?? ownAudience}
    funnel: conversion
    start: ${quarterStart}
    deadline: ${quarterEnd}
    targets:
      - { kpi: ${leadsKpi}, baseline: 45, target: 60 }
    review: monthly
    last_reviewed: ${today}
`);
  return sections.join('\n');
}

/**
 * The quarter of `today`, cut to the period; when today is outside the period, the period's first
 * quarter, so that the goal's dates always fall inside the period.
 */
function quarter(today: string, period: Period | undefined): { quarterStart: string; quarterEnd: string } {
  const inside = !period || (today >= period.start && today <= period.end);
  const anchor = inside ? today : period.start;
  const month = Number(anchor.slice(5, 7));
  let quarterStart = `${anchor.slice(0, 4)}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  let quarterEnd = addDays(addMonths(quarterStart, 3), -1);
  if (period && quarterStart < period.start) quarterStart = period.start;
  if (period && quarterEnd > period.end) quarterEnd = period.end;
  return { quarterStart, quarterEnd };
}

/** The column where the starter's trailing comments start (0-based), so that they line up. */
const COMMENT_COLUMN = 37;

/** A line with its trailing comment at the comment column (one space after a longer line). */
function commented(line: string, comment: string): string {
  return `${line}${' '.repeat(Math.max(1, COMMENT_COLUMN - line.length))}# ${comment}`;
}

/**
 * The period a new strategy plans: the year of `today`, or the next year from the first day of the
 * current year's last month, when a plan for the few weeks left would be out of date at once. A
 * workspace that declares its period keeps it (one period per workspace).
 */
export function starterPeriod(today: string, context: StarterContext = EMPTY): Period | undefined {
  if (context.declaresPeriod) return context.period;
  const year = Number(today.slice(0, 4)) + (today.slice(5) >= NEXT_PERIOD_FROM ? 1 : 0);
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** `MM-DD` from which `starterPeriod` plans the next year. */
const NEXT_PERIOD_FROM = '12-01';
