/**
 * A worker thread that parses YAML texts for the main thread (see parsePool.ts). It returns the parts of
 * each parse that can be cloned across threads; positions are recomputed lazily where needed.
 */
import { parentPort } from 'node:worker_threads';
import { parseYaml, partsOf } from '../core/yaml';
import type { ParseRequest, ParseResponse } from './parsePool';

parentPort?.on('message', (request: ParseRequest) => {
  const response: ParseResponse = { id: request.id, parts: request.texts.map((text) => partsOf(parseYaml(text))) };
  parentPort?.postMessage(response);
});
