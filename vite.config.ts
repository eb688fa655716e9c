// The browser workspace is built by Vite from web/ into web/dist/. Everything it needs
// (map data included) is bundled, so the page works on a laptop with no network.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'web',
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The Natural Earth map is large; keep it in its own chunk instead of warning about it.
    chunkSizeWarningLimit: 1500,
    sourcemap: false,
  },
  server: {
    // `vite` dev server: forward the API to a running `drawdown serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
