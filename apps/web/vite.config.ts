import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const API = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    // WEB_OUT_DIR: a build elsewhere (the build test), so running tests keep serving dist/.
    outDir: process.env.WEB_OUT_DIR || 'dist',
    emptyOutDir: true,
    // Phones in chat-app browsers: Android WebView / iOS Safari of the last few years.
    target: ['es2020', 'safari14', 'chrome87'],
    sourcemap: false,
    // The budget script reads it to tell the resident bundle from the staff chunks.
    manifest: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 350,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: API, changeOrigin: false },
      '/socket.io': { target: API, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
