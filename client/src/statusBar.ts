/**
 * The status-bar item with the problems in goal files (and their configurations), counted from the
 * diagnostics the server published; a click opens the Problems view.
 */
import * as vscode from 'vscode';

/** Goal files and Goalpost configurations: whose diagnostics the item counts. */
const GOALPOST_FILE = /(?:\.goals\.ya?ml|(?:^|\/)\.goalpost\.ya?ml)$/;

/** Problems in goal files, by severity. */
export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** The status-bar item; it updates itself on every diagnostics change. */
export class ProblemsStatus implements vscode.Disposable {
  /** The item itself (tests read its text, tooltip and command). */
  readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;
  private countsNow: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
  private filesNow: readonly string[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem('goalpost.problems', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'Goalpost Problems';
    this.item.command = { command: 'workbench.actions.view.problems', title: 'Show Problems' };
    this.subscription = vscode.languages.onDidChangeDiagnostics(() => this.update());
    this.update();
    this.item.show();
  }

  /** The files with problems, as URIs. */
  get files(): readonly string[] {
    return this.filesNow;
  }

  /** The counts the item shows now. */
  get counts(): ProblemCounts {
    return this.countsNow;
  }

  private update(): void {
    let errors = 0;
    let warnings = 0;
    let infos = 0;
    const files = new Set<string>();
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      if (!GOALPOST_FILE.test(uri.path)) continue;
      for (const diagnostic of diagnostics) {
        if (diagnostic.source !== 'goalpost') continue;
        files.add(uri.toString());
        if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
        else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
        else infos++;
      }
    }
    this.countsNow = { errors, warnings, infos };
    this.filesNow = [...files];
    this.item.text = `$(target) ${errors === 0 && warnings === 0 ? '$(check)' : `$(error) ${errors} $(warning) ${warnings}`}`;
    const said = [plural(errors, 'error'), plural(warnings, 'warning'), `${infos} info`].join(', ');
    this.item.tooltip = `Goalpost: ${said} in ${files.size === 1 ? '1 goal file' : `${files.size} goal files`}. Click to open the Problems view.`;
    this.item.accessibilityInformation = { label: `Goalpost: ${said} in goal files`, role: 'button' };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
