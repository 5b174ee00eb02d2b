/** The fix for an unknown reference that is not a typo: a minimal item of the referenced kind, in this file. */
import type { Reference } from '../../core/model';
import { code, kindNoun } from '../../core/naming';
import { ID_PATTERN } from '../support/schemaKeys';
import { appendItem } from './appendItem';
import type { EditableDocument } from './document';
import type { FindingFix } from './fix';
import { scalar } from './yamlText';

/** Ids longer than this are not offered as new items: they are pasted garbage, not names. */
const MAX_NEW_ID = 200;

/** Creates the item an `unknown-reference` finding names. */
export const createItem: FindingFix = (document, finding) => {
  const reference = document.referenceAt(finding.range);
  // A typo is fixed by its did-you-mean, not by defining the typo; and an id used by an item of another
  // kind cannot be defined again, since ids are global across kinds.
  if (
    !reference ||
    (finding.suggestions?.length ?? 0) > 0 ||
    document.context.analysis.workspace.definitions.has(reference.id) ||
    !ID_PATTERN.test(reference.id) ||
    reference.id.length > MAX_NEW_ID
  ) {
    return undefined;
  }
  return {
    title: `Create ${kindNoun(reference.kind)} ${code(reference.id)} in this file`,
    edits: appendItem(document, reference.kind, newItemFields(document, reference)),
  };
};

/** The fields of a minimal item for an unknown reference, borrowing what the referencing item knows. */
function newItemFields(document: EditableDocument, reference: Reference): [string, string][] {
  const id = scalar(reference.id);
  const name = scalar(humanize(reference.id));
  const from = document.itemAt(reference.path.slice(0, 2));
  const goal = from?.kind === 'goal' ? from : undefined;
  const supports = goal && goal.supports.length > 0 ? `[${goal.supports.map(scalar).join(', ')}]` : undefined;
  const fields: [string, string | undefined][] = (() => {
    switch (reference.kind) {
      case 'objective':
        return [
          ['id', id],
          ['title', name],
        ];
      case 'department':
        return [
          ['id', id],
          ['name', name],
        ];
      case 'audience':
        // The audience is where the goal is, or the goal would not fit it (platform-audience-mismatch).
        return [
          ['id', id],
          ['name', name],
          ['platforms', `[${goal?.platform !== undefined ? scalar(goal.platform) : ''}]`],
        ];
      case 'kpi':
        return [
          ['id', id],
          ['name', name],
          ['metric', id],
          ['supports', supports],
        ];
      case 'goal':
        return [
          ['id', id],
          ['title', name],
          ['department', goal?.department !== undefined ? scalar(goal.department) : undefined],
          ['supports', supports],
        ];
    }
  })();
  return fields.filter((field): field is [string, string] => field[1] !== undefined);
}

/** "grow-online-revenue" → "Grow online revenue": a name to start from for a new item. */
function humanize(id: string): string {
  const words = id.replace(/[-_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
