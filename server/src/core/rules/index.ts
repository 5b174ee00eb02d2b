/**
 * The explicit, ordered registry of rules (the catalogue order of the README and the docs). Adding a rule means adding its file here;
 * docs, the config schema and SARIF rule metadata are generated from this list.
 */
import type { Rule } from '../rule';
import { yamlSyntax } from './yaml-syntax';
import { schema } from './schema';
import { duplicateId } from './duplicate-id';
import { unknownReference } from './unknown-reference';
import { goalCycle } from './goal-cycle';
import { smartSpecific } from './smart-specific';
import { smartMeasurable } from './smart-measurable';
import { smartAchievable } from './smart-achievable';
import { smartRelevant } from './smart-relevant';
import { smartTimeBound } from './smart-time-bound';
import { kpiUnlinked } from './kpi-unlinked';
import { kpiUnused } from './kpi-unused';
import { vanityMetric } from './vanity-metric';
import { objectiveUnsupported } from './objective-unsupported';
import { platformAudienceMismatch } from './platform-audience-mismatch';
import { missingOwner } from './missing-owner';
import { reviewOverdue } from './review-overdue';
import { deadlineMissed } from './deadline-missed';
import { offTrack } from './off-track';
import { unknownRuleInComment } from './unknown-rule-in-comment';

/** Every rule, in catalogue order. */
export const rules: readonly Rule[] = [
  yamlSyntax,
  schema,
  duplicateId,
  unknownReference,
  goalCycle,
  smartSpecific,
  smartMeasurable,
  smartAchievable,
  smartRelevant,
  smartTimeBound,
  kpiUnlinked,
  kpiUnused,
  vanityMetric,
  objectiveUnsupported,
  platformAudienceMismatch,
  missingOwner,
  reviewOverdue,
  deadlineMissed,
  offTrack,
  unknownRuleInComment,
];

/** Rules by id. */
export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.meta.id, rule]));
