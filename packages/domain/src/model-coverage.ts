// How far a model practice has spread, as the API computes it and the web app charts it: the type of
// the response contract (contracts/records.ts, modelCoverageSchema).
import type { z } from 'zod'
import type { modelCoverageSchema } from './contracts/records'

/** Share of districts and communes that adopted, over time, by state, and where the practice began. */
export type ModelCoverage = z.infer<typeof modelCoverageSchema>
