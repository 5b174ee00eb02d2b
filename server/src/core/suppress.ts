/**
 * Inline suppression comments, as markdownlint and ESLint users expect:
 * `# goalpost-disable-next-line <rule-id>…`, `# goalpost-disable-line …`, `# goalpost-disable …` /
 * `# goalpost-enable …` for a region, and `# goalpost-disable-file …`. No rule ids means every rule;
 * text after `--` is a reason and ignored.
 */
import type { LineIndex } from './locate';
import type { YamlComment } from './yaml';

type Kind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

interface Directive {
  readonly kind: Kind;
  /** 0-based line of the comment. */
  readonly line: number;
  /** Rule ids; empty means every rule. */
  readonly rules: readonly string[];
}

const DIRECTIVE = /^\s*goalpost-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/;

/** Answers whether a rule is suppressed on a line of one file. */
export class Suppressions {
  private readonly directives: Directive[] = [];

  constructor(comments: readonly YamlComment[], lines: LineIndex) {
    for (const comment of comments) {
      const match = DIRECTIVE.exec(comment.text);
      if (!match) continue;
      const rules = match[2].split('--')[0].split(/[\s,]+/).filter(Boolean);
      this.directives.push({ kind: match[1] as Kind, line: lines.position(comment.span.start).line, rules });
    }
  }

  /** Whether a finding of `rule` starting on the 0-based `line` is suppressed. */
  has(rule: string, line: number): boolean {
    if (this.directives.length === 0) return false;
    const covers = (directive: Directive) => directive.rules.length === 0 || directive.rules.includes(rule);
    let disabled = false;
    for (const directive of this.directives) {
      switch (directive.kind) {
        case 'disable-file':
          if (covers(directive)) return true;
          break;
        case 'disable-line':
          if (directive.line === line && covers(directive)) return true;
          break;
        case 'disable-next-line':
          if (directive.line + 1 === line && covers(directive)) return true;
          break;
        case 'disable':
          if (directive.line <= line && covers(directive)) disabled = true;
          break;
        case 'enable':
          if (directive.line <= line && covers(directive)) disabled = false;
          break;
      }
    }
    return disabled;
  }
}
