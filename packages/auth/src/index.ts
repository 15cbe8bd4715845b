// The auth package as the API and the collab server import it: passwords, sessions and their cache,
// cookies, known devices, login throttling and the own-origin check.

export * from './actor'
export * from './cookie'
export * from './known-device'
export * from './login'
export * from './origin'
export * from './password'
export * from './session'
export * from './session-cache'
export * from './throttle'
