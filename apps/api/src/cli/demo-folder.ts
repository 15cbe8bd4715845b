// `npm run build` ends here: prepares the demo city's data folder (demo-folder.ts) for the
// HUB_DEMO_PASSWORD and HUB_DEMO_TREE in force, so that the first `npm start` copies it in seconds.
import { demoFolder } from '../demo-folder'

const started = Date.now()
const { built, folder } = await demoFolder({
  password: process.env.HUB_DEMO_PASSWORD || 'demo1234',
  tree: process.env.HUB_DEMO_TREE === 'today' ? 'today' : '2021',
})
console.log(`Demo city folder ${built ? 'built' : 'up to date'}: ${folder} (${Date.now() - started} ms)`)
process.exit(0)
