import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

function Placeholder() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>Hệ thống điều phối</h1>
      <p>Đang xây dựng giao diện. API: <a href="/api/docs">/api/docs</a></p>
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
)
