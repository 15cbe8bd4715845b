// drizzle-kit's settings (`npm run generate` in packages/db): SQL migrations are generated from src/schema
// into drizzle/.

import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
})
