/**
 * The statuses an outcome can have: one closed set that every stage imports, so a new voice
 * cannot be forgotten in the checker, the gate, the diff or the book. The sources speak in
 * these voices: *shall* is `required` (a duty), *recommends / should* is `recommended` (a
 * recommendation, never a duty), *may* is `permitted` (an option) and *may not* is
 * `not-permitted` (forbidden, with the reason why).
 */
/** Every status, strongest voice first: the order summaries list them in. */
export const statuses = ['required', 'recommended', 'permitted', 'not-permitted'] as const;

/** The status of a decided outcome. */
export type Status = (typeof statuses)[number];

/** What a scenario or a duty can expect of an outcome: a status, or `absent` when the decision leaves it out. */
export const expectedStatuses = [...statuses, 'absent'] as const;

/** A status, or `absent`. */
export type ExpectedStatus = (typeof expectedStatuses)[number];

/** Whether an outcome with this status is live (the actor must, should or may act on it), and so needs a basis. */
export function isLive(status: Status | ExpectedStatus): boolean {
  return status === 'required' || status === 'recommended' || status === 'permitted';
}
