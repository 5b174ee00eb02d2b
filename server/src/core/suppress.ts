/**
 * Inline suppression comments, as markdownlint and ESLint users expect:
 * `# goalpost-disable-next-line <rule-id>…`, `# goalpost-disable-line …`, `# goalpost-disable …` /
 * `# goalpost-enable …` for a region, and `# goalpost-disable-file …`. No rule ids means every rule;
 * text after `--` is a reason and ignored.
 *
 * A `disable-next-line` comment right above an item's first line (`- id: …`) covers every finding reported
 * on that item, wherever in the item it points: in YAML the item is what the next line starts, and a
 * goal's findings sit on its title, targets or dates rather than on its dash.
 */
import type { LineIndex } from './locate';
import type { Span, YamlComment } from './yaml';

type Kind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

interface Directive {
  readonly kind: Kind;
  /** 0-based line of the comment. */
  readonly line: number;
  /** Rule ids; empty means every rule. */
  readonly rules: readonly string[];
}

/** A rule id named in a directive, where it is written (0-based UTF-16 offsets). */
export interface NamedRule {
  readonly rule: string;
  readonly span: Span;
}

const DIRECTIVE = /^\s*goalpost-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/;

/** Answers whether a rule is suppressed on a line of one file. */
export class Suppressions {
  private readonly directives: Directive[] = [];
  /** Every rule id the directives name, with its place, for the rule that reports unknown ones. */
  readonly named: NamedRule[] = [];

  constructor(comments: readonly YamlComment[], lines: LineIndex) {
    for (const comment of comments) {
      const match = DIRECTIVE.exec(comment.text);
      if (!match) continue;
      const listed = match[2].split('--')[0];
      // The comment's text starts after its `#`; the list starts where the directive's name ends.
      const listStart = comment.span.start + 1 + comment.text.length - match[2].length;
      const rules: string[] = [];
      for (const name of listed.matchAll(/[^\s,]+/g)) {
        rules.push(name[0]);
        const start = listStart + (name.index ?? 0);
        this.named.push({ rule: name[0], span: { start, end: start + name[0].length } });
      }
      this.directives.push({ kind: match[1] as Kind, line: lines.position(comment.span.start).line, rules });
    }
  }

  /**
   * Whether a finding of `rule` starting on the 0-based `line` is suppressed. `itemLines` are the first
   * lines of the items the finding is reported on (a goal, and a target inside it): a `disable-next-line`
   * right above one of them covers the finding too.
   */
  has(rule: string, line: number, itemLines: () => readonly number[] = () => []): boolean {
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
          if ((directive.line + 1 === line || itemLines().includes(directive.line + 1)) && covers(directive)) return true;
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
