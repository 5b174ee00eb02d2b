import { oneBased } from '../../../core/locate';
import type { Severity } from '../../../core/types';
import { alsoAt, fingerprints, type Formatter } from '../format';

/** GitLab's severities are info, minor, major, critical and blocker; Goalpost's map onto the lower three. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { error: 'major', warning: 'minor', info: 'info' };

/** One issue of a GitLab Code Quality report. */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  /** `path` relative to the repository root (run the check from there); `begin` is 1-based. */
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/**
 * A GitLab Code Quality report (`artifacts: reports: codequality:`): an array of issues, each with a
 * fingerprint that survives lines moving, so a merge request shows only what it introduced or fixed.
 */
export const gitlab: Formatter = ({ findings }) => {
  const prints = fingerprints(findings);
  const issues: CodeQualityIssue[] = findings.map((finding, index) => ({
    description: `${finding.message}${alsoAt(finding)}`,
    check_name: finding.rule,
    fingerprint: prints[index],
    severity: SEVERITY[finding.severity],
    location: { path: finding.file, lines: { begin: oneBased(finding.range.start).line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
