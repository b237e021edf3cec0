'use client'
// An error boundary for a secondary panel (the banner): if it throws while rendering, it is left
// out and the page around it stays usable. React reports the error itself.
import { Component, type ReactNode } from 'react'

export class QuietBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  render() {
    return this.state.failed ? null : this.props.children
  }
}
