// Message keys cannot hold dots (next-intl nests on them): `sync_issue.opened` → `sync_issue_opened`.
export function eventKey(type: string): string {
  return type.replaceAll('.', '_')
}
