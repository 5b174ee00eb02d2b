/**
 * The incremental path through real LSP stdio, against the oracle: random edits sent as incremental
 * `didChange` events in bursts, as an editor sends keystrokes. The server stays alive and answers, every
 * diagnostic it publishes lies inside the text of the version it was published for, and once the edits
 * stop it publishes exactly the findings of a whole parse of the final text. Property-based (fast-check);
 * `npm run fuzz` runs it longer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DocumentSymbolRequest, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/core/lint';
import { toDiagnostic } from '../../server/src/toLsp';
import { fileUri, TestClient, writeWorkspace } from '../helpers/lspClient';
import { TODAY } from '../helpers/lint';
import { editArbitrary, resolveEdit, runs } from '../helpers/randomEdits';

const EXAMPLES = path.join(__dirname, '../../examples/strategy');
const COMPANY = fs.readFileSync(path.join(EXAMPLES, 'company.goals.yaml'), 'utf8');
const MARKETING = fs.readFileSync(path.join(EXAMPLES, 'marketing.goals.yaml'), 'utf8');

/** What of a diagnostic the comparison looks at. */
const comparable = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => JSON.stringify([d.code, d.severity, d.range, d.message])).sort();

describe('language server: incremental edits over stdio equal a whole parse (property-based)', function () {
  // The bounded budget of npm test fits in minutes; a fuzz run (FUZZ_SCALE) takes as long as it takes.
  this.timeout(process.env.FUZZ_SCALE ? 0 : 300_000);
  let folder: string;
  let client: TestClient;
  let run = 0;

  before(async () => {
    folder = writeWorkspace({ 'company.goals.yaml': COMPANY });
    client = await TestClient.start({ folders: [folder], settings: { goalpost: {} } });
  });

  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('random incremental edits of a real goals file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), async (edits) => {
        const file = path.join(folder, `edited-${++run}.goals.yaml`);
        const uri = fileUri(file);
        // Every version's text, to check each publication against the text it was made for.
        const texts = new Map<number, string>([[1, MARKETING]]);
        const outside: string[] = [];
        const check = (params: PublishDiagnosticsParams) => {
          if (params.uri !== uri || params.version === undefined) return;
          const document = TextDocument.create(uri, 'goals', params.version, texts.get(params.version) ?? '');
          for (const diagnostic of params.diagnostics) {
            for (const end of [diagnostic.range.start, diagnostic.range.end]) {
              if (document.offsetAt(end) !== offsetWithin(document, end))
                outside.push(`v${params.version} ${diagnostic.code} ${JSON.stringify(diagnostic.range)}`);
            }
          }
        };
        const stopChecking = client.onDiagnostics(check);
        try {
          let document = TextDocument.create(uri, 'goals', 1, MARKETING);
          await client.open(uri, MARKETING);
          for (const edit of edits) {
            const { start, end, insert } = resolveEdit(document.getText(), edit);
            const change = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert };
            const version = await client.change(uri, [change]);
            document = TextDocument.update(document, [change], version);
            texts.set(version, document.getText());
          }
          // The server still answers, on the latest text.
          assert.ok(Array.isArray(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })));
          const final = document.getText();
          const expected = comparable(
            lint(
              [
                { file: fileUri(path.join(folder, 'company.goals.yaml')), text: COMPANY },
                { file: uri, text: final },
              ],
              { clockToday: TODAY, today: TODAY },
            )
              .findings.filter((finding) => finding.file === uri)
              .map(toDiagnostic),
          );
          const settled = await within(
            client.waitForDiagnostics(uri, (diagnostics) => JSON.stringify(comparable(diagnostics)) === JSON.stringify(expected)),
            20_000,
            () =>
              `the server's last diagnostics never matched a whole parse of the final text:\n${JSON.stringify({ published: comparable(client.diagnostics.get(uri)?.diagnostics ?? []), expected }, null, 1)}`,
          );
          assert.deepEqual(comparable(settled), expected);
          assert.deepEqual(outside, [], 'every published range lies inside its version of the text');
        } finally {
          stopChecking();
          await client.close(uri);
        }
      }),
      { numRuns: runs(40) },
    );
    assert.equal(client.process.exitCode, null, 'the server is still running');
  });
});

/** The offset of a position clamped into the document, as `offsetAt` would give for a position inside it. */
function offsetWithin(document: TextDocument, position: { line: number; character: number }): number {
  if (position.line >= document.lineCount) return -1;
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const lineEnd = position.line + 1 < document.lineCount ? document.offsetAt({ line: position.line + 1, character: 0 }) : document.getText().length;
  const content = document
    .getText()
    .slice(lineStart, lineEnd)
    .replace(/\r?\n$|\r$/, '');
  return position.character <= content.length ? lineStart + position.character : -1;
}

/** Resolves with the promise's value, or fails with `message()` after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
