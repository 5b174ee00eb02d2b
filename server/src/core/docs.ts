/** Where each rule's documentation lives: linked from diagnostics, SARIF `helpUri` and hover. */

/** The project's home, also the SARIF `informationUri`. */
export const HOMEPAGE = 'https://github.com/goalpost-dev/goalpost';

/** The URL of a rule's documentation page (`docs/rules/<rule-id>.md`). */
export function ruleDocUrl(ruleId: string): string {
  return `${HOMEPAGE}/blob/main/docs/rules/${ruleId}.md`;
}
