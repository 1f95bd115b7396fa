import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `dir`, as text, so tests can prove no secret reached the disk. */
export async function allFileText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}
