import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const API = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [
    react(),
    // The offline shell (Workbox): the app's files are precached, so a reload without network
    // still opens the app, which then shows an attempt from its local copy and outbox. The api is
    // never cached by the worker. Staff screens are cached when first used, not precached:
    // residents on slow links do not download them.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      manifest: {
        name: 'Thi tìm hiểu pháp luật',
        short_name: 'Thi pháp luật',
        lang: 'vi',
        start_url: '/',
        display: 'standalone',
        theme_color: '#0b4f8a',
        background_color: '#ffffff',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg}'],
        globIgnores: ['**/StaffRoutes-*', '**/node_modules/**'],
        inlineWorkboxRuntime: true,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/(api|docs|metrics|socket\.io)(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [{ urlPattern: /\/assets\/StaffRoutes-/, handler: 'CacheFirst', options: { cacheName: 'lc-staff' } }],
      },
    }),
  ],
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
    // The app, and the one server file it imports as is (the province list, shared/provinces.ts).
    fs: { allow: ['.', '../../libs/identity/src/pii/provinces.ts'] },
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
