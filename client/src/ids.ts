/**
 * The names the extension shares with package.json: view, commands, context keys, settings and the
 * scheme of its read-only documents. package.json must declare the same strings; the extension-host
 * tests check that every contributed command is registered.
 */

/** The Goals view in the Goalpost activity-bar container. */
export const GOALS_VIEW = 'goalpost.goals';

/** Command ids, as contributed in package.json. */
export const COMMAND = {
  newGoalsFile: 'goalpost.newGoalsFile',
  restartServer: 'goalpost.restartServer',
  showEffectiveConfig: 'goalpost.showEffectiveConfig',
  showOutput: 'goalpost.showOutput',
  refreshGoals: 'goalpost.refreshGoals',
  groupByDepartment: 'goalpost.groupByDepartment',
  groupByObjective: 'goalpost.groupByObjective',
  revealItem: 'goalpost.revealItem',
  openPreview: 'goalpost.openPreview',
} as const;

/** The diagram preview's webview panel type; package.json activates on `onWebviewPanel:` it, for restoring. */
export const PREVIEW_VIEW_TYPE = 'goalpost.preview';

/** Context keys the menus and the welcome view read. */
export const CONTEXT = {
  /** `objective` or `department`: which group-by button the view title shows. */
  groupBy: 'goalpost.groupBy',
  /** True once the first outline arrived and it is empty: the welcome view may show. */
  noGoals: 'goalpost.noGoals',
} as const;

/** The language of goal files. */
export const LANGUAGE = 'goals';

/** The scheme of the read-only "effective configuration" documents. */
export const EFFECTIVE_CONFIG_SCHEME = 'goalpost-config';
