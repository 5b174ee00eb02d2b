/**
 * An editor's requests answered in-process, for the tests of what the engine decides (hover texts,
 * completion items, fixes, rename edits, symbols): a Project of in-memory texts, and each feature called as
 * the server calls it, its answer turned into what a client receives (markup as the client renders it,
 * JSON without `undefined` members, refusals as errors). test/lsp tests the same features' wiring over stdio.
 */
import { ResponseError, type CodeActionParams, type Diagnostic, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { codeActions } from '../../server/src/features/codeActions';
import { codeLenses } from '../../server/src/features/codeLens';
import { completion } from '../../server/src/features/completion';
import { documentContext, type DocumentContext } from '../../server/src/features/support/context';
import { hover } from '../../server/src/features/hover';
import { definition, references } from '../../server/src/features/navigation';
import { prepareRename, rename } from '../../server/src/features/rename';
import { documentSymbols, workspaceSymbols } from '../../server/src/features/symbols';
import { completionsFor, hoverFor, type MarkdownSupport } from '../../server/src/markup';
import { Project } from '../../server/src/project';
import { toDiagnostic } from '../../server/src/toLsp';
import { TODAY } from './lint';

/** The folder the in-memory files are in; nothing is read from it on disk. */
const FOLDER = '/goalpost-in-memory/workspace';

/** The parameters every request on a document has. */
interface DocumentParams {
  readonly textDocument: { readonly uri: string };
}

/** One workspace folder of in-memory goal files, some of them open in the editor. */
export class Editor {
  readonly project: Project;
  /** The files "on disk": what the project reads for a file that is not open. */
  private readonly disk = new Map<string, string>();
  private readonly documents = new Map<string, TextDocument>();

  /**
   * A workspace of `files` (name → text), none of them open yet, checked as of `today`; `markup` is what
   * the client renders (markdown by default).
   */
  constructor(
    files: Readonly<Record<string, string>>,
    private readonly markup: MarkdownSupport = { hover: true, completion: true },
    today = TODAY,
  ) {
    this.project = new Project({ readFile: (fsPath) => this.disk.get(fsPath), clockToday: () => today });
    this.project.addFolder(URI.file(FOLDER).toString());
    for (const [name, text] of Object.entries(files)) this.write(name, text);
  }

  /** The URI of a file of the workspace. */
  uri(name: string): string {
    return URI.file(`${FOLDER}/${name}`).toString();
  }

  /** Writes a file "to disk", as a file changed behind the editor's back (open documents keep their text). */
  write(name: string, text: string): void {
    const uri = this.uri(name);
    this.disk.set(URI.parse(uri).fsPath, text);
    this.project.diskChanged(uri, false);
  }

  /** Opens a document with its text (version 1). */
  open(uri: string, text: string): void {
    this.documents.set(uri, TextDocument.create(uri, 'goals', 1, text));
    this.project.setText(uri, text, 1);
  }

  /** Applies an editor's changes (incremental, or whole with no range) as the next version; returns it. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    const next = TextDocument.update(document, changes, document.version + 1);
    this.documents.set(uri, next);
    this.project.setText(uri, next.getText(), next.version);
    return next.version;
  }

  /** The diagnostics the server would publish for a file (before its per-file cap). */
  diagnostics(uri: string): Diagnostic[] {
    const findings = this.project.analysisFor(uri)?.findings ?? [];
    return wire(findings.filter((finding) => finding.file === uri).map(toDiagnostic));
  }

  hover(params: DocumentParams & { readonly position: Position }) {
    return this.answer(params, null, (context) => hoverFor(this.markup, hover(context, params.position)));
  }

  completion(params: DocumentParams & { readonly position: Position }) {
    return this.answer(params, [], (context) => completionsFor(this.markup, completion(context, params.position)));
  }

  definition(params: DocumentParams & { readonly position: Position }) {
    return this.answer(params, null, (context) => definition(context, params.position));
  }

  references(params: DocumentParams & { readonly position: Position; readonly context: { readonly includeDeclaration: boolean } }) {
    return this.answer(params, [], (context) => references(context, params.position, params.context.includeDeclaration));
  }

  prepareRename(params: DocumentParams & { readonly position: Position }) {
    return this.answer(params, null, (context) => refusedOrDone(prepareRename(context, params.position)));
  }

  rename(params: DocumentParams & { readonly position: Position; readonly newName: string }) {
    return this.answer(params, null, (context) => refusedOrDone(rename(context, params.position, params.newName)));
  }

  documentSymbols(params: DocumentParams) {
    return this.answer(params, [], (context) => documentSymbols(context));
  }

  workspaceSymbols(params: { readonly query: string }) {
    return Promise.resolve(wire(workspaceSymbols(this.project, params.query)));
  }

  codeLenses(params: DocumentParams) {
    return this.answer(params, [], (context) => codeLenses(context));
  }

  codeActions(params: CodeActionParams) {
    return this.answer(params, [], (context) => codeActions(context, params));
  }

  /** A feature's answer on a document, `fallback` where the server knows no such document. */
  private answer<T>(params: DocumentParams, fallback: T, feature: (context: DocumentContext) => T): Promise<T> {
    return new Promise((resolve) => {
      const context = documentContext(this.project, params.textDocument.uri);
      resolve(wire(context ? feature(context) : fallback));
    });
  }
}

/** A refusal as the client sees it: the request fails with the error. */
function refusedOrDone<T>(result: T | ResponseError<void>): T {
  if (result instanceof ResponseError) throw result;
  return result;
}

/** A value as it crosses the wire: JSON, so without `undefined` members. */
function wire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
