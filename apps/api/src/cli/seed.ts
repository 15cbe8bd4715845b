// `npm run seed`: seeds the demo city into an empty database (PostgreSQL or PGlite), on request only;
// a database that already holds data is left as it is.

import { hashPassword } from '@hub/auth'
import { createDb } from '@hub/db'
import { isEmpty, seedDemo } from '@hub/seed'
import { readEnv } from '../env'

const env = readEnv()
const dbh = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.HUB_DATA_DIR })
try {
  if (!(await isEmpty(dbh.db))) {
    console.log('Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu. / Database not empty; nothing seeded.')
  } else {
    await seedDemo(dbh.db, { passwordHash: await hashPassword(env.HUB_DEMO_PASSWORD), tree: env.HUB_DEMO_TREE })
    console.log('Đã nạp dữ liệu mẫu. / Demo city seeded.')
  }
} finally {
  await dbh.close()
}
