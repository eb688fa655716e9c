// The browser workspace is built by Vite from web/ into web/dist/. Everything it needs
// (map data included) is bundled, so the page works on a laptop with no network.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  // web/ beside this file, wherever the build is started from
  root: fileURLToPath(new URL('web', import.meta.url)),
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The Natural Earth borders make one large chunk; that is expected, not a warning.
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    // `npx vite` for work on the page: the API comes from a running `drawdown start` (port 8080).
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
