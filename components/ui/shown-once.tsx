'use client'
// A secret shown the one time it exists in clear (an API key, a signing secret): selectable, a
// copy button, a warning that it will not be shown again, and a button to put it away.
import { useId, useState } from 'react'
import { Button } from '@/components/ui/button'
import { Input, Label } from '@/components/ui/input'

export type ShownOnceTexts = { title: string; warning: string; copy: string; copied: string; done: string }

export function ShownOnce({ value, texts, onDone }: { value: string; texts: ShownOnceTexts; onDone: () => void }) {
  const id = useId()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    await navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    )
  }
  return (
    <div role="status" className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-300 ring-inset">
      <Label htmlFor={id}>{texts.title}</Label>
      <p id={`${id}-hint`} className="text-sm text-amber-900">
        {texts.warning}
      </p>
      <div className="flex flex-wrap gap-2">
        <Input id={id} readOnly value={value} aria-describedby={`${id}-hint`} className="min-w-0 flex-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button type="button" variant="secondary" onClick={copy}>
          {copied ? texts.copied : texts.copy}
        </Button>
        <Button type="button" onClick={onDone}>
          {texts.done}
        </Button>
      </div>
    </div>
  )
}
