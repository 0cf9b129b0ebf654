import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The static web store: Preact, no plugin. Vite 8 transforms JSX with Oxc; the automatic
 * runtime imports from `preact/jsx-runtime`.
 * Build: `vite build --config web/vite.config.ts` → web/dist.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const backend = process.env.STORE_BACKEND ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  resolve: {
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    cssCodeSplit: true,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/api': backend,
      '/images': backend,
    },
  },
  preview: {
    proxy: {
      '/api': backend,
      '/images': backend,
    },
  },
});
