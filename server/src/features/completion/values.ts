/** Value completions: ids for reference fields, else the enum or known values the schema gives the key. */
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { Workspace } from '../../core/workspace';
import { valuesOfKey } from '../support/schemaKeys';
import { idItems, referencedKind } from './ids';

/** How the values are offered and written. */
export interface ValueOptions {
  /** Entries already in the list, not offered again. */
  readonly listed?: readonly string[];
  /** An id not to offer (a goal is not its own parent). */
  readonly exclude?: string;
  /** The key holds a list but the cursor is after `key: `: each entry is inserted as a one-entry flow list. */
  readonly wrap?: boolean;
  /** The cursor is right after the colon: a space goes before the value. */
  readonly space?: boolean;
}

/** Ids of the kind a reference key names, else the enum or known values of the key. */
export function valueItems(workspace: Workspace, key: string, replace: Range, options: ValueOptions): CompletionItem[] {
  const skip = new Set(options.listed ?? []);
  if (options.exclude !== undefined) skip.add(options.exclude);
  const edit = (value: string) => `${options.space ? ' ' : ''}${options.wrap ? `[${value}]` : value}`;
  const referenced = referencedKind(key);
  if (referenced) return idItems(workspace, referenced, skip, replace, edit);
  const values = valuesOfKey(key);
  if (!values) return [];
  return values.values.flatMap((value, index) =>
    skip.has(value)
      ? []
      : [
          {
            label: value,
            kind: values.closed ? CompletionItemKind.EnumMember : CompletionItemKind.Value,
            // Schema order (funnel stages, cadences from short to long) says more than the alphabet.
            sortText: String(index).padStart(2, '0'),
            textEdit: { range: replace, newText: edit(value) },
            filterText: value,
          },
        ],
  );
}
