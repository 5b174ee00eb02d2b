/** `goalpost check --print-config <file>`: the configuration that applies to a file, as the editor shows it. */
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../core/config';
import { effectiveConfig, renderEffectiveConfig } from '../core/effectiveConfig';
import { rules } from '../core/rules';
import { CliConfigs, relativeTo } from './files';
import { EXIT, localDate, type CliIO } from './io';

/** Options `--print-config` honours. */
export interface PrintConfigOptions {
  readonly config?: string;
  readonly today?: string;
  /** `json` for the data; anything else prints the YAML document. */
  readonly format: string;
}

/**
 * Prints which `.goalpost.yaml` applies to `file` (or the `--config` one), the check date and its source,
 * the ignore globs, and every rule's severity and options. The file need not exist: the config is found
 * from its folder. A broken config is a usage error (exit 2), as it is for `check`.
 */
export function runPrintConfig(file: string, options: PrintConfigOptions, io: CliIO): number {
  const absolute = path.resolve(io.cwd, file);
  const loaded = new CliConfigs(io.cwd, options.config).configFor(absolute);
  const effective = effectiveConfig(
    {
      file: relativeTo(io.cwd, absolute),
      configFile: loaded && relativeTo(io.cwd, loaded.file),
      config: loaded?.config ?? DEFAULT_CONFIG,
      todayOption: options.today,
      clockToday: localDate(io.now()),
    },
    rules,
  );
  io.stdout(options.format === 'json' ? `${JSON.stringify(effective, null, 2)}\n` : renderEffectiveConfig(effective));
  return EXIT.ok;
}
