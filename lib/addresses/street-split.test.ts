import { expect, test } from 'vitest'
import { splitStreet } from '@/lib/addresses/street-split'

test('a street that fits is left alone', () => {
  expect(splitStreet('12 rue de la Paix', null, 35)).toBeNull()
})

test('moves the overflow to street 2 on a word boundary', () => {
  const street = '27 avenue du Maréchal de Lattre de Tassigny' // 43
  expect(splitStreet(street, null, 35)).toEqual({ street: '27 avenue du Maréchal de Lattre de', street2: 'Tassigny' })
})

test('prefers to cut after a comma', () => {
  expect(splitStreet('3 rue de la Paix, Bât B, 2e étage porte 5', null, 35)).toEqual({ street: '3 rue de la Paix, Bât B', street2: '2e étage porte 5' })
})

test('puts the overflow before what street 2 already says, if both fit', () => {
  expect(splitStreet('27 avenue du Maréchal de Lattre de Tassigny', 'Bât C', 35)).toEqual({
    street: '27 avenue du Maréchal de Lattre de',
    street2: 'Tassigny, Bât C',
  })
})

test('no split when street 2 cannot take the overflow, or there is no word boundary', () => {
  expect(splitStreet('27 avenue du Maréchal de Lattre de Tassigny', 'Résidence les Jardins, escalier 4', 35)).toBeNull()
  expect(splitStreet('x'.repeat(40), null, 35)).toBeNull()
})

test('no split when the street is so long that two lines cannot hold it', () => {
  expect(splitStreet(`${'word '.repeat(15)}end`, null, 35)).toBeNull()
})

test('keeps a house number written after the street beside its street name', () => {
  expect(splitStreet('Burgemeester van Tienhovenstraat 123, huis', null, 35)).toEqual({
    street: 'Burgemeester van',
    street2: 'Tienhovenstraat 123, huis',
  })
  expect(splitStreet('Calle de Nuestra Señora de Fátima, 3, 2ºB', null, 35)).toEqual({ street: 'Calle de Nuestra Señora de', street2: 'Fátima, 3, 2ºB' })
})

test('cuts before a number when nothing else fits', () => {
  expect(splitStreet('Rechtsanwaltsgesellschaftsstraße 123', null, 35)).toEqual({ street: 'Rechtsanwaltsgesellschaftsstraße', street2: '123' })
})
