/**
 * The one converter from core findings to LSP diagnostics: `code` is the rule id, `codeDescription.href`
 * its doc page, `source` is "goalpost". Core ranges are already 0-based and LSP-shaped.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { ruleDocUrl } from './core/docs';
import { FILE_TOO_LARGE } from './core/fileSize';
import { INTERNAL_ERROR } from './core/lint';
import { rulesById } from './core/rules';
import type { Finding, Severity } from './core/types';

/** The `source` of every Goalpost diagnostic. */
export const SOURCE = 'goalpost';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Data carried on a diagnostic for code actions: the did-you-mean replacements, best first. */
export interface DiagnosticData {
  readonly suggestions?: readonly string[];
}

/** Converts one finding. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    source: SOURCE,
    message: finding.message,
  };
  // Only rules have a page: not a rule that threw, nor a file too large to check.
  if (finding.rule !== INTERNAL_ERROR && finding.rule !== FILE_TOO_LARGE) diagnostic.codeDescription = { href: ruleDocUrl(finding.rule) };
  if (rulesById.get(finding.rule)?.meta.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((related) => ({ location: { uri: related.file, range: related.range }, message: related.message }));
  }
  if (finding.suggestions?.length) diagnostic.data = { suggestions: finding.suggestions } satisfies DiagnosticData;
  return diagnostic;
}
