// How far a model practice has spread, as the API computes it and the web app charts it.

/** Share of districts and communes that adopted, over time, by state, and where the practice began. */
export interface ModelCoverage {
  districts: { adopted: number; total: number; share: number }
  communes: { adopted: number; total: number; share: number }
  /** Cumulative adopters on each day someone adopted. */
  overTime: { date: string; districts: number; communes: number }[]
  /** Adoptions by state: asked by the committee, under way, evaluated (outcome recorded). */
  byStatus: { requested: number; adopting: number; evaluated: number }
  origin: { unitId: string; unitName: string }
}
