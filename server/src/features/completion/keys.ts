/** Key completions: the keys the schema allows in the mapping, in schema order, minus those it already has. */
import { CompletionItemKind, InsertTextMode, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { resolve, type SchemaKey } from '../support/schemaKeys';

/** Keys of the schema for the mapping, minus those it already has; `column` is where the key starts. */
export function keyItems(
  keys: readonly SchemaKey[],
  present: ReadonlyMap<string, string>,
  column: number,
  colonFollows: boolean,
  replace: Range,
): CompletionItem[] {
  const width = String(keys.length).length;
  return keys.flatMap((key, index) => {
    if (present.has(key.key)) return [];
    const item: CompletionItem = {
      label: key.key,
      kind: CompletionItemKind.Property,
      sortText: String(index).padStart(width, '0'),
      textEdit: { range: replace, newText: key.key + keyTail(key, column, colonFollows) },
    };
    if (key.description) item.documentation = { kind: MarkupKind.Markdown, value: key.description };
    // The tail of a section is already indented for the file; editors must not indent it again.
    if (item.textEdit && 'newText' in item.textEdit && item.textEdit.newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
    return [item];
  });
}

/** What follows a completed key: nothing when the colon is already there, a new indented line for sections. */
function keyTail(key: SchemaKey, column: number, colonFollows: boolean): string {
  if (colonFollows) return '';
  const indent = ' '.repeat(column + 2);
  if (key.node.properties) return `:\n${indent}`;
  if (key.node.items && resolve(key.node.items).properties) return `:\n${indent}- `;
  return ': ';
}
