import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// In development the API, live events and collab run on the hub (npm start, port 3000).
const hub = process.env.HUB_URL ?? 'http://localhost:3000'

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': hub,
      '/socket.io': { target: hub, ws: true },
      '/collab': { target: hub.replace(/^http/, 'ws'), ws: true },
    },
  },
  build: {
    // The editor chunk (Tiptap + ProseMirror + Yjs) is ~570 kB but loaded only on pages with a document.
    chunkSizeWarningLimit: 650,
  },
})
