/**
 * Where a coordinator or mentor proposes a young person for the task, on the task's public page. The
 * participations own this part; until they fill it, it renders nothing.
 */
export function ProposeSlot(_props: { taskId: string; full: boolean }) {
  return null;
}
