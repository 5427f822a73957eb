import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { namedForm } from '../src/ids/named-form.js'

describe('namedForm: the one form on which "is this ID named" is decided', () => {
  it.each([
    ['NFD composed to NFC', 'Cafe\u0301', 'Caf\u00e9'],
    ['NFC kept', 'Caf\u00e9', 'Caf\u00e9'],
    ['spaces and tabs at the ends', ' \tP-WS \n', 'P-WS'],
    ['no-break space', 'P-NBSP\u00a0', 'P-NBSP'],
    ['byte-order mark', '\ufeffP-BOM', 'P-BOM'],
    ['ideographic space', '\u3000P-IDEO\u3000', 'P-IDEO'],
    ['NEL, which trim() keeps', '\u0085 P-NEL\u2028\u0085', 'P-NEL'],
    ['inner spaces kept', 'P 1\u00a0 2', 'P 1\u00a0 2'],
    ['case kept', 'p-1', 'p-1'],
    ['only white space', ' \u00a0\ufeff\u3000', '']
  ])('%s', (_name, id, form) => {
    expect(namedForm(id)).toBe(form)
  })

  it('gives one form to NFC and NFD spellings, and is its own form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const id = `${a}x${b}`
        expect(namedForm(id.normalize('NFD'))).toBe(namedForm(id.normalize('NFC')))
        expect(namedForm(namedForm(id))).toBe(namedForm(id))
        expect(namedForm(` \u00a0${id}\ufeff\u3000`)).toBe(namedForm(id))
      })
    )
  })
})
