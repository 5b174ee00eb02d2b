import { oneBased } from '../../../core/locate';
import type { Finding } from '../../../core/types';
import { alsoAt, summarize, type Formatter } from '../format';

/**
 * JUnit XML for CI dashboards: a test suite per checked file, a test case per finding, and one passing
 * case for a clean file so that it still shows as checked. Only what fails the check is a `<failure>`:
 * errors, and warnings when there are more than `--max-warnings`. Other warnings and infos are passing
 * cases that carry the finding in `<system-out>`, so a dashboard shows them without a red build.
 */
export const junit: Formatter = ({ findings, files, maxWarnings }) => {
  const warningsFail = maxWarnings !== undefined && maxWarnings >= 0 && summarize(findings).warning > maxWarnings;
  const fails = (finding: Finding) => finding.severity === 'error' || (finding.severity === 'warning' && warningsFail);
  let tests = 0;
  let failures = 0;
  const suites = files.map((file) => {
    const own = findings.filter((finding) => finding.file === file);
    const cases = own.map((finding) => {
      const { line, column } = oneBased(finding.range.start);
      const at = `${line}:${column}`;
      const text = xml(`${file}:${at} ${finding.severity} ${finding.message} (${finding.rule})${alsoAt(finding)}`);
      const head = `    <testcase classname="${xml(file)}" name="${xml(`${finding.rule} at ${at}`)}">\n`;
      if (!fails(finding)) return `${head}      <system-out>${text}</system-out>\n    </testcase>`;
      return `${head}      <failure type="${xml(finding.severity)}" message="${xml(`${finding.message}${alsoAt(finding)}`)}">${text}</failure>\n    </testcase>`;
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(file)}" name="goalpost"/>`);
    const failed = own.filter(fails).length;
    tests += cases.length;
    failures += failed;
    return `  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${failed}" errors="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="goalpost" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
};

/** Escapes text for XML attributes and content; control characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
