/**
 * `goalpost init`: a starter goals file that checks clean on the day it is written, and a `.goalpost.yaml`
 * beside it when no configuration applies there yet. It never overwrites anything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays, addMonths } from '../core/dates';
import { HOMEPAGE } from '../core/docs';
import { ConfigResolver } from '../node/configs';
import { errorReason } from '../node/fsUtil';
import { UsageError } from './errors';
import { relativeTo } from './files';
import { EXIT, localDate, type CliIO } from './io';

/** The file `goalpost init` writes when given a folder or nothing. */
export const DEFAULT_INIT_FILE = 'strategy.goals.yaml';

/** Writes the starter files and says what it wrote and what to run next; resolves to the exit code. */
export async function runInit(file: string, io: CliIO): Promise<number> {
  let target = path.resolve(io.cwd, file);
  if (/[\\/]$/.test(file) || isDirectory(target)) target = path.join(target, DEFAULT_INIT_FILE);
  const shown = relativeTo(io.cwd, target);
  if (!/\.goals\.ya?ml$/.test(target)) {
    throw new UsageError(`${shown} is not a goals file name (Goalpost finds *.goals.yaml and *.goals.yml); nothing was written`);
  }
  // Looked up before writing: the goals file must not count as "something already there".
  const existingConfig = new ConfigResolver().configFor(target);
  const today = localDate(io.now());
  write(target, starterGoals(today), shown);

  const lines = [`Created ${shown}: a starter strategy for ${today.slice(0, 4)}, with comments on every section.`];
  if (existingConfig) {
    lines.push(`Kept the configuration that already applies there, ${relativeTo(io.cwd, existingConfig.file)}.`);
  } else {
    const config = path.join(path.dirname(target), '.goalpost.yaml');
    // A config that appeared meanwhile is kept, not an error: the goals file is written and that is what was asked.
    if (writeIfAbsent(config, STARTER_CONFIG)) lines.push(`Created ${relativeTo(io.cwd, config)}: the configuration for the goal files in that folder.`);
  }
  lines.push(`Next: edit ${shown}, then run \`goalpost check ${quoteArg(shown)}\` (and \`goalpost tree ${quoteArg(shown)}\` to see it as a tree).`);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** Creates a file that must not exist yet; `wx` makes "exists" and "create" one atomic step. */
function write(file: string, text: string, shown: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${shown} already exists; nothing was written`);
    throw new UsageError(`cannot write ${shown}: ${errorReason(error)}`);
  }
}

/** Creates a file unless one is there; false when it was there. */
function writeIfAbsent(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UsageError(`cannot write ${file}: ${errorReason(error)}`);
  }
}

function isDirectory(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** A path as a shell argument the user can paste: quoted only when it needs to be. */
function quoteArg(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 31". */
function spoken(date: string): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${Number(date.slice(8, 10))}`;
}

/**
 * The starter strategy for the year of `today` (`YYYY-MM-DD`). It checks clean under every rule on
 * `today`, whatever day of the year that is: the period is the whole year; one goal runs the whole year and
 * one the current quarter, so both deadlines are today or later and neither is before its start; no target
 * has a `current` value yet, so nothing is missed or off track; and both goals were "last reviewed" today.
 */
export function starterGoals(today: string): string {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  const quarterStart = `${year}-${String(month - ((month - 1) % 3)).padStart(2, '0')}-01`;
  const quarterEnd = addDays(addMonths(quarterStart, 3), -1);
  return `# A starter strategy for Goalpost: your social-media goals as code.
# Replace the examples with your own, keep the structure, and run \`goalpost check\` after each change.
# Every key is described in the schema (hover in an editor with the Goalpost or YAML extension):
# ${HOMEPAGE}/blob/main/schemas/goals.schema.json

goalpost: 1                          # the format version
organization: Your Organization

# The planning period. A goal's deadline must fall inside it, and a goal without a \`start\` starts
# when the period does. Files without a period use the one period another file of the workspace declares.
period: { start: ${year}-01-01, end: ${year}-12-31 }

# Business objectives: what the business wants, each measured by a business metric (revenue, sales,
# retention), not by social-media numbers. Every objective should be served by at least one goal or KPI.
objectives:
  - id: grow-online-revenue          # ids are global across every goals file of the workspace
    title: Grow online revenue by 10% in ${year}
    metric: online_revenue           # the business metric this objective moves
    owner: leadership                # the department accountable for it
    deadline: ${year}-12-31
  - id: win-business-customers
    title: Win 40 new business customers in ${year}
    metric: new_business_customers
    owner: sales
    deadline: ${year}-12-31

# Departments own objectives, goals and KPIs, so that someone is accountable for each.
departments:
  - { id: leadership, name: Leadership }
  - { id: marketing, name: Marketing }
  - { id: sales, name: Sales }

# Audiences and the platforms where they actually spend time: a goal may only use a platform its
# audience is on.
audiences:
  - id: young-professionals
    name: Young professionals (25-40)
    platforms: [instagram, linkedin]

# KPIs: what you measure. Link each one to the objectives it serves (\`supports\`) and target it from a
# goal. Followers, likes, reach and views are vanity metrics: track them only beside an outcome KPI.
kpis:
  - id: ig-site-sessions
    name: Website sessions from Instagram
    metric: sessions
    unit: sessions
    platform: instagram
    supports: [grow-online-revenue]
    owners: [marketing]              # several departments can share a KPI
  - id: li-qualified-leads
    name: Qualified leads from LinkedIn
    metric: leads
    unit: leads
    platform: linkedin
    supports: [win-business-customers]
    owners: [marketing, sales]

# Goals: each department's social-media goals, and SMART:
#   specific    a title that says what changes, where and by how much;
#   measurable  targets on KPIs, from a baseline to a target value;
#   achievable  growth no steeper than the configured monthly ceiling (50% a month by default);
#   relevant    \`supports\` names the objectives it serves;
#   time-bound  a deadline inside the period.
# Record \`current\` on each target as you measure: progress and status (on track, at risk, off track)
# follow from it, and \`goalpost tree\` shows them.
goals:
  - id: ig-traffic-${year}
    title: Increase website sessions from Instagram by 20% by December 31
    department: marketing
    supports: [grow-online-revenue]
    platform: instagram
    audience: young-professionals
    funnel: conversion               # awareness | engagement | conversion | retention
    deadline: ${year}-12-31               # starts with the period
    targets:
      - kpi: ig-site-sessions
        baseline: 10000              # where you are at the start
        target: 12000                # where you want to be by the deadline
        # current: 10000             # the latest measured value
    review: quarterly                # weekly | monthly | quarterly | yearly
    last_reviewed: ${today}          # update it at every review

  - id: li-leads-${year}-q${Math.ceil(month / 3)}
    title: Generate 60 qualified leads a quarter from LinkedIn by ${spoken(quarterEnd)}
    department: sales
    supports: [win-business-customers]
    platform: linkedin
    audience: young-professionals
    funnel: conversion
    start: ${quarterStart}
    deadline: ${quarterEnd}
    targets:
      - { kpi: li-qualified-leads, baseline: 45, target: 60 }
    review: monthly
    last_reviewed: ${today}
`;
}

/** The starter `.goalpost.yaml`: every setting explained, none that changes a result from the defaults. */
const STARTER_CONFIG = `# Goalpost configuration for the goal files in this folder and below; the nearest .goalpost.yaml to a
# file wins. The goal files under it form one workspace, so ids are shared between them.
# ${HOMEPAGE}#configuration

# Check as of a fixed date instead of the real one, for reproducible results (\`--today\` overrides it).
# today: 2027-06-30

# Goal files to leave out, as globs relative to this folder.
# ignore:
#   - drafts/**

# Rule severities: off | info | warning | error, or { severity, options }. Every rule has a page:
# ${HOMEPAGE}/tree/main/docs/rules
rules:
  review-overdue: info               # the default; make it \`warning\` to fail CI with --max-warnings 0
  # smart-achievable:
  #   severity: warning
  #   options: { maxMonthlyGrowth: 0.3 }
`;
