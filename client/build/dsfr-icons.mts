import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:dsfr-icons.css';
/** An icon class as written in the sources: a className, an iconId prop, a constant. */
const ICON_CLASS = /\bfr-icon-[a-z0-9]+(?:-[a-z0-9]+)*/g;
/** One rule of the minified icon stylesheet (its @media blocks are empty). */
const RULE = /([^{}]+)\{([^{}]*)\}/g;
const SOURCE_FILE = /\.(?:ts|tsx)$/;

/**
 * The DSFR icon stylesheet holds ~1,000 icons whose SVGs Vite inlines: about 1.5 MB of CSS when the app
 * uses a few dozen. This plugin serves `virtual:dsfr-icons.css` with only the rules of the icons named in
 * the sources. The module's id sits beside the DSFR file so that its relative url()s still resolve and
 * Vite bundles just those SVGs. An icon built at run time from pieces would be missed: write the whole
 * class name in the code (a lookup table of literals is fine).
 */
export function dsfrIcons(sourcesDir: string): Plugin {
  const require = createRequire(import.meta.url);
  const iconsCss = require.resolve('@codegouvfr/react-dsfr/dsfr/utility/icons/icons.main.min.css');
  const moduleId = join(dirname(iconsCss), 'icons.used.css');
  return {
    name: 'visio:dsfr-icons',
    resolveId: (id) => (id === VIRTUAL_ID ? moduleId : null),
    async load(id) {
      if (id !== moduleId) return null;
      const files = await sourceFiles(sourcesDir);
      const used = new Set<string>();
      for (const file of files) {
        this.addWatchFile(file);
        for (const match of (await readFile(file, 'utf8')).matchAll(ICON_CLASS)) used.add(match[0]);
      }
      return usedIconRules(await readFile(iconsCss, 'utf8'), used);
    },
  };
}

/** The rules of `css` that style one of the `used` icon classes (a rule covers an icon's ::before and ::after). */
export function usedIconRules(css: string, used: ReadonlySet<string>): string {
  const kept: string[] = [];
  for (const [rule, selectors] of css.matchAll(RULE)) {
    const names = selectors.match(ICON_CLASS) ?? [];
    if (names.some((name) => used.has(name))) kept.push(rule.trim());
  }
  return kept.join('\n');
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name)).map((entry) => join(entry.parentPath, entry.name));
}
