'use client'
// The three roles, each with what it allows, for the invite form and the role change.
import { useTranslations } from 'next-intl'
import { Select } from '@/components/ui/input'
import { MERCHANT_ROLES, type MerchantRole } from '@/lib/auth/roles'
import type { SelectHTMLAttributes } from 'react'

export function RoleSelect({ defaultValue, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { defaultValue?: MerchantRole }) {
  const t = useTranslations('people.roles')
  return (
    <Select defaultValue={defaultValue} {...props}>
      {MERCHANT_ROLES.map((role) => (
        <option key={role} value={role}>
          {t(role)}
        </option>
      ))}
    </Select>
  )
}
