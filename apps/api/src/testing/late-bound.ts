// A value a test file names at its top but makes in a beforeAll (a hub, a browser): shared by the API's
// test hooks and the browser tests' (test/helpers).

/**
 * An object that stands for one made later (in a beforeAll): reading it before then throws, so a test
 * file can name its hub at the top and use it in every test.
 */
export function lateBound<T extends object>(what: string): { value: T; set(v: T): void } {
  let current: T | undefined
  const value = new Proxy({} as T, {
    get(_, key) {
      if (current === undefined) throw new Error(`${what} is made in beforeAll: read it inside a test`)
      const v = Reflect.get(current, key)
      return typeof v === 'function' ? v.bind(current) : v
    },
  })
  return {
    value,
    set(v) {
      current = v
    },
  }
}
