/** The demo city's accounts, shared by browser and API helpers. */
export const PASSWORD = process.env.HUB_DEMO_PASSWORD ?? 'demo1234'

/** The demo account's email for a short name: 'tayho' → 'tayho@demo.local'. */
export const demoEmail = (who: string) => (who.includes('@') ? who : `${who}@demo.local`)
