import { alsoAt, type Formatter } from './format';

/**
 * JUnit XML for CI dashboards: a test suite per checked file, a failing test case per finding, and one
 * passing case for a clean file so that it still shows as checked.
 */
export const junit: Formatter = ({ findings, files }) => {
  const suites = files.map((file) => {
    const own = findings.filter((finding) => finding.file === file);
    const cases = own.map((finding) => {
      const where = `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      return (
        `    <testcase classname="${xml(file)}" name="${xml(`${finding.rule} at ${finding.range.start.line + 1}:${finding.range.start.character + 1}`)}">\n` +
        `      <failure type="${xml(finding.severity)}" message="${xml(`${finding.message}${alsoAt(finding)}`)}">${xml(`${where} ${finding.severity} ${finding.message} (${finding.rule})${alsoAt(finding)}`)}</failure>\n` +
        '    </testcase>'
      );
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(file)}" name="goalpost"/>`);
    return `  <testsuite name="${xml(file)}" tests="${Math.max(1, own.length)}" failures="${own.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = findings.length;
  const tests = suites.length === 0 ? 0 : files.reduce((sum, file) => sum + Math.max(1, findings.filter((finding) => finding.file === file).length), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="goalpost" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
};

/** Escapes text for XML attributes and content; control characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
