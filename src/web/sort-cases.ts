/** The dashboard's order: cases with an upcoming (not passed, still open) deadline first, soonest first; then the rest, most recently changed first. */
export interface DashboardDeadline {
  dueDate: string; // YYYY-MM-DD
  status?: string;
}

export function nextDeadline(deadlines: readonly DashboardDeadline[], today: string): DashboardDeadline | null {
  const upcoming = deadlines.filter((d) => (d.status ?? 'open') === 'open' && d.dueDate >= today).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return upcoming[0] ?? null;
}

export function sortForDashboard<T extends { updatedAt: string; next: DashboardDeadline | null }>(cases: readonly T[]): T[] {
  return [...cases].sort((a, b) => {
    if (a.next && b.next) return a.next.dueDate.localeCompare(b.next.dueDate);
    if (a.next) return -1;
    if (b.next) return 1;
    return b.updatedAt.localeCompare(a.updatedAt);
  });
}
