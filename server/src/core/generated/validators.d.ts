/** The validators compiled at build time by scripts/generate-validators.ts (see validators.js). */
import type { ValidateFunction } from 'ajv';

/** `<set>__root` validates a whole document of a set (`goals`, `config`); `<set>__<definition>` one list item. */
export declare const validators: Readonly<Record<string, ValidateFunction | undefined>>;

/** Per validator set: the JSON of the schema its validators were compiled from. */
export declare const sources: Readonly<Record<string, string>>;
