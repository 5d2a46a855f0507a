import { describe, expect, it } from 'vitest';
import { withFixedDates } from '../../src/load/browser.js';

describe('withFixedDates: a printed report carries no date of its own', () => {
  it('sets the creation and modification dates to 1 January 2000, digit for digit, so no offset moves', () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Creator (Chromium) /CreationDate (D:20261204170512+00'00') /ModDate (D:20261204170513-05'30') >> endobj\nxref 123\n", 'latin1');
    const out = Buffer.from(withFixedDates(pdf));
    expect(out.length).toBe(pdf.length);
    expect(out.toString('latin1')).toBe("%PDF-1.4\n1 0 obj << /Creator (Chromium) /CreationDate (D:20000101000000+00'00') /ModDate (D:20000101000000+00'00') >> endobj\nxref 123\n");
  });

  it('leaves a PDF without dates, and every other byte, as it was', () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00, 0x80, 0x0a]);
    expect(Buffer.from(withFixedDates(pdf)).equals(pdf)).toBe(true);
    const binary = Buffer.concat([Buffer.from('/CreationDate (D:2026)'), Buffer.from([0xe2, 0x80, 0x99, 0xff])]);
    const out = Buffer.from(withFixedDates(binary));
    expect(out.subarray(0, 22).toString('latin1')).toBe('/CreationDate (D:2000)');
    expect(out.subarray(22).equals(binary.subarray(22))).toBe(true);
  });
});
