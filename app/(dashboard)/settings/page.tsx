// /settings — the first tab, which every role has.
import { redirect } from 'next/navigation'

export default function SettingsPage() {
  redirect('/settings/profile')
}
