/** Reads the optional so-tay.config.json from disk; what it may say is checked in site-config.ts. */
import fs from 'node:fs';
import path from 'node:path';
import {
  PUBLISH_CONFIG_FILE,
  type PublishConfig,
  parsePublishConfig,
  SiteConfigError,
} from './site-config.ts';

/**
 * Reads `so-tay.config.json` (or another file). A missing file is no error: it is optional.
 * Throws {@link SiteConfigError} naming the file and the field for anything else.
 */
export function readPublishConfig(file: string = path.resolve(PUBLISH_CONFIG_FILE)): PublishConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new SiteConfigError(`${file}: không đọc được tệp — ${(err as Error).message}`, { cause: err });
  }
  return parsePublishConfig(text, file);
}
