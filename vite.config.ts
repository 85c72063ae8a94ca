import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs, so the same build loads from app:// in Electron and from any web path.
  base: './',
  plugins: [react()],
  resolve: {
    // avsc (Avro, for contract import) requires Node's util and buffer: browser stand-ins.
    alias: {
      util: fileURLToPath(new URL('./renderer/node-shims/util.ts', import.meta.url)),
      buffer: 'buffer/',
    },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // Modules run in import order even when code shared with lazy chunks (Monaco, the contract
      // preview) sits in a chunk of its own: renderer/no-eval.ts must configure zod before any
      // schema is built, or zod probes for code generation, which the CSP forbids.
      output: { strictExecutionOrder: true },
    },
  },
  server: { port: 5173, strictPort: false },
});
