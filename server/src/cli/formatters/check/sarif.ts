import type { Log, ReportingDescriptor, Result } from 'sarif';
import { HOMEPAGE, ruleDocUrl } from '../../../core/docs';
import { FILE_TOO_LARGE } from '../../../core/fileSize';
import { INTERNAL_ERROR } from '../../../core/lint';
import { oneBased } from '../../../core/locate';
import type { Finding, Severity } from '../../../core/types';
import { fingerprints, IGNORE_DOCS, IGNORED_FILE, type Formatter } from '../format';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: rules with descriptions and `helpUri`, 1-based regions,
 * and `partialFingerprints` that survive lines moving (see `fingerprints`).
 */
export const sarif: Formatter = ({ findings, rules, version }) => {
  const descriptors: ReportingDescriptor[] = rules.map((meta) => ({
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.docs.why || meta.description },
    helpUri: ruleDocUrl(meta.id),
    help: { text: `${meta.description} See ${ruleDocUrl(meta.id)}`, markdown: `${meta.description} [Rule documentation](${ruleDocUrl(meta.id)})` },
    defaultConfiguration: { level: LEVEL[meta.severity] },
  }));
  // A rule that threw shows as an `internal-error` finding, an ignored file named on the command line as an
  // `ignored-file` warning, a file past maxFileSize as `file-too-large`; code scanning wants every ruleId described.
  for (const id of new Set(findings.map((finding) => finding.rule))) {
    if (rules.some((meta) => meta.id === id)) continue;
    if (id === IGNORED_FILE) {
      const text = 'A file named on the command line matches an ignore glob of its .goalpost.yaml, so it was not checked.';
      descriptors.push({ id, name: id, shortDescription: { text }, helpUri: IGNORE_DOCS, defaultConfiguration: { level: 'warning' } });
      continue;
    }
    if (id === FILE_TOO_LARGE) {
      const text = 'A goals file is larger than maxFileSize, so it was not checked.';
      descriptors.push({ id, name: id, shortDescription: { text }, helpUri: `${HOMEPAGE}#configuration`, defaultConfiguration: { level: 'error' } });
      continue;
    }
    const text = id === INTERNAL_ERROR ? 'A rule failed on this workspace, so its findings are missing.' : `Findings of ${id}.`;
    descriptors.push({ id, name: id, shortDescription: { text }, helpUri: `${HOMEPAGE}/issues`, defaultConfiguration: { level: 'error' } });
  }
  const index = new Map(descriptors.map((descriptor, position) => [descriptor.id, position]));
  const prints = fingerprints(findings);
  const results: Result[] = findings.map((finding, position) => {
    const result: Result = {
      ruleId: finding.rule,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(finding.file, finding.range)],
      partialFingerprints: { 'goalpost/v1': prints[position] },
    };
    const ruleIndex = index.get(finding.rule);
    if (ruleIndex !== undefined) result.ruleIndex = ruleIndex;
    if (finding.related?.length) {
      result.relatedLocations = finding.related.map((related, id) => ({ ...location(related.file, related.range), id, message: { text: related.message } }));
    }
    return result;
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Goalpost', informationUri: HOMEPAGE, semanticVersion: version, version, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function location(file: string, range: Finding['range']) {
  const start = oneBased(range.start);
  const end = oneBased(range.end);
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: {
        startLine: start.line,
        startColumn: start.column,
        endLine: end.line,
        endColumn: end.column,
      },
    },
  };
}
