import { expect, test } from 'vitest'
import { sameCatalogueSku } from './catalogue-sku'

test('Back Market’s catalogue compares SKUs ignoring case', () => {
  expect(sameCatalogueSku('Iph13-Blk', 'IPH13-BLK')).toBe(true)
  expect(sameCatalogueSku('IPH13', 'IPH13 ')).toBe(false)
})
