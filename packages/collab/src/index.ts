// The collaborative-document server library (@hub/collab): its one public entry.
export type { Access } from './access'
export { documentAccess } from './access'
export { sameOrigin, sessionAuthenticator, sessionOfCookie } from './auth'
export type { DocName, DocumentKind } from './doc-name'
export { DOC_NAME_PATTERN, parseDocName } from './doc-name'
export type { DocumentSnapshot, DocumentStoreOptions } from './document-store'
export { DocumentStore, StoreUnavailableError } from './document-store'
export type { CollabLogger } from './logger'
export { requestIdOf, silentLogger } from './logger'
export type { CollabMetrics, Histogram } from './metrics'
export { createMetrics, LATENCY_BUCKETS_MS, shareWithin } from './metrics'
export type { DocumentRegistry, Lease, RemoteBus } from './registry'
export type { RemoteDocuments } from './remote-documents'
export { createRemoteDocuments } from './remote-documents'
export type { CollabServer, CollabServerOptions } from './server'
export { createCollabServer } from './server'
export type { VersionContext, VersionDetail, VersionSummary } from './versions'
export {
  diffVersions,
  getVersion,
  listVersions,
  restoreVersion,
  saveVersion,
  VersionError,
  versionBelongsTo,
} from './versions'
