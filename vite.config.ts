import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs, so the same build loads from app:// in Electron and from any web path.
  base: './',
  plugins: [react()],
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
