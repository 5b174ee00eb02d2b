/** The output formats of `goalpost check`, by name. */
import type { Formatter } from '../format';
import { github } from './github';
import { gitlab } from './gitlab';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';
import { unix } from './unix';

/** Formatters by the name `--format` takes; the first is the default. */
export const formatters: Readonly<Record<string, Formatter>> = { stylish, json, sarif, github, gitlab, junit, unix };
