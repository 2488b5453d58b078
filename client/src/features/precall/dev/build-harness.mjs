// Builds precall-harness.html (and its bundle) for the pre-call e2e test.
// A child process because Vite is ESM-only and Jest 29's CommonJS runtime cannot import it.
// Usage: node client/src/features/precall/dev/build-harness.mjs <outDir>   → <outDir>/precall-harness.html
import react from '@vitejs/plugin-react';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const outDir = process.argv[2];
if (!outDir) {
  process.stderr.write('usage: node build-harness.mjs <outDir>\n');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));

await build({
  configFile: false,
  logLevel: 'error',
  root: here,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Minified like production: the network check times the download of this very bundle.
    minify: true,
    sourcemap: false,
    rolldownOptions: { input: join(here, 'precall-harness.html') },
  },
});
