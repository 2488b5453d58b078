import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { dsfrIcons } from './build/dsfr-icons.mts';
import { precompress } from './build/precompress.mts';

// In development Vite serves the client and proxies the API to the NestJS server (npm run start:dev).
export default defineConfig({
  root: resolve(import.meta.dirname),
  plugins: [react(), dsfrIcons(resolve(import.meta.dirname, 'src')), precompress()],
  // The contract shared with the server (signalling protocol, SMS measure): see shared/.
  resolve: { alias: { '@shared': resolve(import.meta.dirname, '../shared') } },
  // The manifest maps each route's chunk to what it imports: test/bench/booth.ts reads the booth's graph from it.
  build: { outDir: resolve(import.meta.dirname, '../dist/client'), emptyOutDir: true, sourcemap: true, manifest: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', ws: true }, '/metrics': 'http://localhost:3000' },
  },
});
