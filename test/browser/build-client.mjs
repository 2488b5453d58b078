// Bundles sfu-client.ts into one IIFE script (global `msc`) for Chromium.
// It runs as a child process because Vite is ESM-only and Jest 29's CommonJS runtime cannot import it.
// Usage: node test/browser/build-client.mjs <outDir>   → <outDir>/msc.js
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const outDir = process.argv[2];
if (!outDir) {
  process.stderr.write('usage: node test/browser/build-client.mjs <outDir>\n');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));

await build({
  configFile: false,
  logLevel: 'silent',
  root: here,
  // Library mode leaves process.env alone; the browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    lib: { entry: join(here, 'sfu-client.ts'), formats: ['iife'], name: 'msc', fileName: () => 'msc.js' },
    outDir,
    emptyOutDir: true,
    write: true,
    minify: false,
    sourcemap: false,
  },
});
