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
    // The shell (below) is ~790 kB (~245 kB gzip): React DOM, Mantine, the router, TanStack Query, i18next
    // and the Vietnamese texts, the layout. The editor chunk (Tiptap + ProseMirror + Yjs) is ~570 kB but
    // loaded only on pages with a document.
    chunkSizeWarningLimit: 850,
    rolldownOptions: {
      // The domain package is pure (rules, constants, zod schemas; nothing runs on import): its modules
      // and schemas that a chunk does not use are dropped, so a page that only needs a policy or a list
      // of statuses does not load zod (~23 KB gzip) with it.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]packages[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
        manualPureFunctions: ['z'],
      },
      output: {
        // Everything the entry imports statically in one chunk. Left to itself the bundler cut it into
        // ~25 small chunks shared with the pages (Mantine internals, hooks, icons), each gzipped on its
        // own and fetched in its own request: measured, one chunk makes the field path ~15 KB gzip
        // smaller and the login page 4 scripts instead of 26. The pages stay lazy.
        codeSplitting: {
          groups: [{ name: 'shell', tags: ['$initial'] }],
        },
      },
    },
  },
})
