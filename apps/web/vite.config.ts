// The web app's build and dev server (Vite): the installable app (manifest, service worker), the proxy to
// the hub in development, and how the bundle is cut into chunks.

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

// In development the API, live events and collab run on the hub (npm start, port 3000).
const hub = process.env.HUB_URL ?? 'http://localhost:3000'

export default defineConfig({
  plugins: [
    react(),
    // Installable app: manifest, icons and a service worker precaching the app shell (HTML, scripts,
    // styles, icons, fonts). API answers are never cached by the worker (they carry the session);
    // navigations to /api, the socket and collab go to the network. The update prompt is UpdatePrompt.tsx.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'favicon-48x48.png', 'apple-touch-icon.png'],
      manifest: {
        name: 'Hệ thống điều phối',
        short_name: 'Điều phối',
        description: 'Điều phối thực hiện văn bản chỉ đạo',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#a61e1e',
        icons: [
          { src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: '/maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/socket\.io/, /^\/collab/, /^\/metrics/],
        cleanupOutdatedCaches: true,
        runtimeCaching: [],
      },
    }),
  ],
  server: {
    proxy: {
      '/api': hub,
      '/socket.io': { target: hub, ws: true },
      '/collab': { target: hub.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: {
    // The editor chunk (Tiptap + ProseMirror + Yjs) is ~570 kB but loaded only on pages with a document;
    // the libraries of the shell (below) ~460 kB (~145 kB gzip).
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      // The domain package is pure (rules, constants, zod schemas; nothing runs on import): its modules
      // and schemas that a chunk does not use are dropped, so a page that only needs a policy or a list
      // of statuses does not load zod (~23 KB gzip) with it.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]packages[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
        manualPureFunctions: ['z'],
      },
      output: {
        // What the entry imports statically in three chunks: React, the other libraries (Mantine, the
        // router, TanStack Query, i18next, socket.io) and the app's own shell (layout, texts). Left to
        // itself the bundler cut it into ~25 small chunks shared with the pages, each gzipped on its own and
        // fetched in its own request; measured, the field path is ~13 KB gzip smaller this way and the login
        // page 7 scripts instead of 32. A deploy that changes only the app replaces only its own chunk in
        // the phones' service-worker cache. The pages stay lazy.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              tags: ['$initial'],
              priority: 3,
            },
            { name: 'vendor', test: /node_modules/, tags: ['$initial'], priority: 2 },
            { name: 'shell', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
})
