/**
 * Localities before and after the 2025 merger of provinces. A page names the province as its source
 * did; listings for a current province also gather the pages filed under the earlier provinces
 * merged into it.
 */

/** The fields of a locality entry these helpers need. */
export interface LocalityLike {
  id: string;
  label: string;
  status: 'hien-hanh' | 'truoc-sap-xep';
  mergedInto?: string | undefined;
  absorbed?: readonly string[] | undefined;
}

/** The ids whose pages belong on `id`'s listing: itself and, for a current unit, those it absorbed. */
export function localityMembers(localities: readonly LocalityLike[], id: string): Set<string> {
  const entry = localities.find((l) => l.id === id);
  const members = new Set([id]);
  if (entry?.status === 'hien-hanh') {
    for (const l of localities) if (l.mergedInto === id) members.add(l.id);
    for (const a of entry.absorbed ?? []) members.add(a);
  }
  return members;
}

/** The current unit an id belongs to today (itself if current or unknown). */
export function currentLocality(localities: readonly LocalityLike[], id: string): string {
  return localities.find((l) => l.id === id)?.mergedInto ?? id;
}

/**
 * Checks the locality list is consistent: every `mergedInto` and `absorbed` id exists, earlier units
 * point to a current unit, and both directions agree. Returns human-readable problems.
 */
export function checkLocalities(localities: readonly LocalityLike[]): string[] {
  const byId = new Map(localities.map((l) => [l.id, l]));
  const problems: string[] = [];
  for (const l of localities) {
    if (l.status === 'truoc-sap-xep') {
      const target = l.mergedInto ? byId.get(l.mergedInto) : undefined;
      if (!target) problems.push(`${l.id}: "mergedInto" phải trỏ tới một địa phương có trong danh sách.`);
      else if (target.status !== 'hien-hanh')
        problems.push(`${l.id}: "mergedInto" phải là đơn vị hiện hành.`);
      else if (!(target.absorbed ?? []).includes(l.id))
        problems.push(`${l.id}: ${target.id} chưa liệt kê ${l.id} trong "absorbed".`);
    }
    for (const a of l.absorbed ?? []) {
      if (byId.get(a)?.mergedInto !== l.id)
        problems.push(`${l.id}: "absorbed" có ${a} nhưng ${a} không trỏ về ${l.id}.`);
    }
  }
  return problems;
}
