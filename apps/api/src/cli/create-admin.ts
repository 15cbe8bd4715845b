// `npm run create-admin -- --email x@y --name "Họ Tên"`: a real administrator for production.
// The password comes from HUB_ADMIN_PASSWORD or is asked for; the unit directory is loaded first
// when the database has none.

import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { hashPassword, passwordProblem } from '@hub/auth'
import { createDb, schema } from '@hub/db'
import { vnDay } from '@hub/domain'
import { isEmpty, seedUnitDirectory } from '@hub/seed'
import { and, eq, isNull } from 'drizzle-orm'
import { readEnv } from '../env'

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, position: { type: 'string' } },
})
if (!values.email || !values.name) {
  console.error(
    'Usage: npm run create-admin -- --email admin@example.vn --name "Họ và tên" [--position "Chánh Văn phòng"]',
  )
  process.exit(1)
}
const env = readEnv()
let password = process.env.HUB_ADMIN_PASSWORD ?? ''
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  password = await rl.question('Mật khẩu / Password: ')
  rl.close()
}
const problem = passwordProblem(password)
if (problem) {
  console.error(`Mật khẩu không đạt yêu cầu / Password rejected: ${problem}`)
  process.exit(1)
}
const dbh = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.HUB_DATA_DIR })
try {
  if (await isEmpty(dbh.db)) await seedUnitDirectory(dbh.db)
  const [city] = await dbh.db
    .select()
    .from(schema.units)
    .where(and(eq(schema.units.kind, 'city'), isNull(schema.units.parentId)))
    .limit(1)
  const email = values.email.trim().toLowerCase()
  const [existing] = await dbh.db.select().from(schema.users).where(eq(schema.users.email, email)).limit(1)
  if (existing) {
    console.error(`Tài khoản đã tồn tại / Account exists: ${email}`)
    process.exit(1)
  }
  const passwordHash = await hashPassword(password)
  await dbh.db.transaction(async (tx) => {
    const [person] = await tx
      .insert(schema.people)
      .values({ fullName: values.name!, position: values.position ?? 'Quản trị hệ thống', unitId: city!.id, email })
      .returning()
    const [user] = await tx.insert(schema.users).values({ personId: person!.id, email, passwordHash }).returning()
    await tx
      .insert(schema.memberships)
      .values({ userId: user!.id, unitId: city!.id, role: 'admin', validFrom: vnDay() })
    await tx.insert(schema.auditLog).values({
      actorUserId: user!.id,
      action: 'user.create_admin',
      entityType: 'user',
      entityId: user!.id,
      after: { email },
    })
  })
  console.log(`Đã tạo quản trị viên / Administrator created: ${email}`)
} finally {
  await dbh.close()
}
