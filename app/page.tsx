import { redirect } from 'next/navigation'

// The dashboard has no home of its own yet: orders are where every visit starts.
export default function Home() {
  redirect('/orders')
}
