/** The one converter from findings to LSP diagnostics, in-process. */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { EMPTY_RANGE } from '../../server/src/core/locate';
import { rules } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/types';
import { toDiagnostic } from '../../server/src/toLsp';

const range = { start: { line: 2, character: 10 }, end: { line: 2, character: 12 } };
const finding = (rule: string, extra: Partial<Finding> = {}): Finding => ({
  file: 'file:///w/a.goals.yaml',
  rule,
  severity: 'info',
  message: 'm',
  range,
  ...extra,
});

describe('toDiagnostic', () => {
  it('fades out the findings of the rules whose metadata calls them unnecessary, and only those', () => {
    const faded = rules.filter((rule) => toDiagnostic(finding(rule.meta.id)).tags?.includes(DiagnosticTag.Unnecessary)).map((rule) => rule.meta.id);
    assert.deepEqual(faded, ['kpi-unused']);
    assert.deepEqual(
      faded,
      rules.filter((rule) => rule.meta.unnecessary).map((rule) => rule.meta.id),
    );
    assert.equal(toDiagnostic(finding('smart-specific')).tags, undefined);
  });

  it('carries the rule as code with its doc page, the severity, the related places and the suggestions', () => {
    const related = [{ file: 'file:///w/b.goals.yaml', range: EMPTY_RANGE, message: 'also here' }];
    assert.deepEqual(toDiagnostic(finding('unknown-reference', { severity: 'error', related, suggestions: ['grow'] })), {
      range,
      severity: DiagnosticSeverity.Error,
      code: 'unknown-reference',
      source: 'goalpost',
      message: 'm',
      codeDescription: { href: 'https://github.com/goalpost-dev/goalpost/blob/main/docs/rules/unknown-reference.md' },
      relatedInformation: [{ location: { uri: 'file:///w/b.goals.yaml', range: EMPTY_RANGE }, message: 'also here' }],
      data: { suggestions: ['grow'] },
    });
  });
});
