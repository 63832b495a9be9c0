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

/** The statuses on which the actor must, should or may act: those that need a basis. */
export const liveStatuses = ['required', 'recommended', 'permitted'] as const;

/** A live status: what `atLeast` may name. */
export type LiveStatus = (typeof liveStatuses)[number];

/** Whether an outcome with this status is live (the actor must, should or may act on it), and so needs a basis. */
export function isLive(status: Status | ExpectedStatus): status is LiveStatus {
  return (liveStatuses as readonly string[]).includes(status);
}

/**
 * The order of strength of the voices: `required` > `recommended` > `permitted` >
 * `not-permitted`, with an outcome left out (`absent`) as weak as a forbidden one. Only the
 * order matters; the numbers are not a scale.
 */
const strengths: Readonly<Record<ExpectedStatus, number>> = {
  required: 3,
  recommended: 2,
  permitted: 1,
  'not-permitted': 0,
  absent: 0,
};

/** The strength of a status in the order `required` > `recommended` > `permitted` > `not-permitted` = `absent`. */
export function strength(status: ExpectedStatus): number {
  return strengths[status];
}

/** Whether `status` is at least as strong as `floor` ("at least recommended": `required` or `recommended`). */
export function isAtLeast(status: ExpectedStatus, floor: LiveStatus): boolean {
  return strength(status) >= strength(floor);
}

/** The statuses at least as strong as `floor`, strongest first: what `atLeast: floor` accepts. */
export function statusesAtLeast(floor: LiveStatus): LiveStatus[] {
  return liveStatuses.filter((status) => isAtLeast(status, floor));
}
