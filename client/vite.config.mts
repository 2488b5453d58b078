import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// In development Vite serves the client and proxies the API to the NestJS server (npm run start:dev).
export default defineConfig({
  root: resolve(import.meta.dirname),
  plugins: [react()],
  // The contract shared with the server (signalling protocol, SMS measure): see shared/.
  resolve: { alias: { '@shared': resolve(import.meta.dirname, '../shared') } },
  build: { outDir: resolve(import.meta.dirname, '../dist/client'), emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', ws: true }, '/metrics': 'http://localhost:3000' },
  },
});
