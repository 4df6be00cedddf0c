import { describe, expect, it } from 'vitest';
import { checkNotBinary, detectEncoding, firstInvalidUtf8, StreamDecoder } from './encoding';
import { importErrorCode } from './errors';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => ({ é: 0xe9, è: 0xe8, à: 0xe0, ç: 0xe7, '’': 0x92 })[c] ?? c.charCodeAt(0)));

describe('encoding detection', () => {
  it('recognises UTF-8 with and without BOM, and UTF-16 by its BOM', () => {
    expect(detectEncoding(utf8('\ufeffid,texte\n1,été'), true)).toEqual({ encoding: 'utf-8', bom: true, asciiOnly: false });
    expect(detectEncoding(utf8('id,texte\n1,été'), true)).toEqual({ encoding: 'utf-8', bom: false, asciiOnly: false });
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0]), true).encoding).toBe('utf-16le');
  });
  it('falls back to Windows-1252 when the bytes are not valid UTF-8', () => {
    expect(detectEncoding(cp1252('id,texte\n1,été à la mairie’'), true).encoding).toBe('windows-1252');
  });
  it('does not blame a character cut by the end of a sample', () => {
    const bytes = utf8('abc é');
    expect(firstInvalidUtf8(bytes.subarray(0, bytes.length - 1), true)).toBe(-1);
    expect(firstInvalidUtf8(bytes.subarray(0, bytes.length - 1), false)).toBe(4);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
  });
  it('refuses binary files and spreadsheets', () => {
    expect(() => checkNotBinary(Uint8Array.from([0x41, 0, 0x42]), 'utf-8')).toThrow(/binaires/);
    expect(() => checkNotBinary(Uint8Array.from([0x50, 0x4b, 3, 4, 1]), 'utf-8')).toThrow(/classeur/);
  });
});

describe('StreamDecoder', () => {
  it('keeps a character split across chunks whole', () => {
    const bytes = utf8('l’État');
    const d = new StreamDecoder({ encoding: 'utf-8', bom: false, asciiOnly: false });
    expect(d.decode(bytes.subarray(0, 2), false) + d.decode(bytes.subarray(2), true)).toBe('l’État');
  });
  it('switches to Windows-1252 when an all-ASCII start meets a Latin-1 accent', () => {
    const d = new StreamDecoder({ encoding: 'utf-8', bom: false, asciiOnly: true });
    expect(d.decode(utf8('id,texte\n'), false) + d.decode(cp1252('1,été'), true)).toBe('id,texte\n1,été');
    expect(d.encoding).toBe('windows-1252');
  });
  it('fails with a French message on UTF-8 broken later in the file', () => {
    const d = new StreamDecoder({ encoding: 'utf-8', bom: false, asciiOnly: false });
    d.decode(utf8('id,texte\n1,été\n'), false);
    let error: Error | undefined;
    try {
      d.decode(cp1252('2,mélange'), true);
    } catch (e) {
      error = e as Error;
    }
    expect(importErrorCode(error)).toBe('invalidEncoding');
    expect(error?.message).toMatch(/Encodage invalide vers l’octet 20/);
  });
});

describe('a file that cannot be read any more', () => {
  it('fails with a French message asking to choose it again', async () => {
    const { blobSource } = await import('./blob-source');
    const notReadable = Object.assign(new Error('The requested file could not be read'), { name: 'NotReadableError' });
    // A File whose bytes changed on disk after it was picked: every read rejects like Chromium's does.
    const vanished = { size: 10, slice: () => ({ arrayBuffer: () => Promise.reject(notReadable) }) } as unknown as Blob;
    const chunks = blobSource(vanished).chunks()[Symbol.asyncIterator]();
    await expect(chunks.next()).rejects.toThrow('Le fichier n’a pas pu être lu');
  });
});
