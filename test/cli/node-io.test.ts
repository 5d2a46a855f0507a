import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { directOut } from '../../src/cli/node-io.js';

// Standard output on a pipe or a file is written with writeSync (src/cli/node-io.ts): every
// byte, in order, whatever the kernel accepts per call, and Node's own stream takes over
// when a non-blocking pipe says EAGAIN.

const eagain = () => Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });

/** A writeSync that accepts at most `chunk` bytes per call and says EAGAIN on the calls named. */
function fakeFd(chunk: number, againOnCalls: number[] = []) {
  const received: number[] = [];
  let calls = 0;
  const write = (_fd: number, bytes: Uint8Array, offset: number) => {
    calls++;
    if (againOnCalls.includes(calls)) throw eagain();
    const end = Math.min(bytes.length, offset + chunk);
    received.push(...bytes.subarray(offset, end));
    return end - offset;
  };
  return { write, received: () => Buffer.from(received).toString('utf8'), calls: () => calls };
}

function realStream() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  let made = 0;
  return { real: () => (made++, stream as unknown as NodeJS.WritableStream), text: () => text, made: () => made };
}

describe('directOut', () => {
  it('writes every byte when the kernel takes a few at a time, multi-byte characters split included', () => {
    const fd = fakeFd(3);
    const real = realStream();
    const out = directOut(1, real.real, () => expect.unreachable(), fd.write);
    out.write('Sosialtjenesten i NAV – «å» ✔\n');
    out.write('');
    out.write('neste linje\n');
    expect(fd.received()).toBe('Sosialtjenesten i NAV – «å» ✔\nneste linje\n');
    expect(real.made()).toBe(0);
    expect(out.isTTY).toBe(false);
  });

  it('hands the rest and everything after to the stream from the first EAGAIN on, in order', async () => {
    const fd = fakeFd(4, [3]);
    const real = realStream();
    const out = directOut(1, real.real, () => expect.unreachable(), fd.write);
    out.write('abcdefghij');
    out.write('klm');
    await new Promise((resolve) => setImmediate(resolve));
    expect(fd.received() + real.text()).toBe('abcdefghijklm');
    expect(fd.received()).toBe('abcdefgh');
    expect(fd.calls()).toBe(3);
    expect(real.made()).toBe(1);
  });

  it('gives any other failure (EPIPE, ENOSPC, EBADF) to its handler and stops writing that text', () => {
    for (const code of ['EPIPE', 'ENOSPC', 'EBADF']) {
      const seen: string[] = [];
      const out = directOut(
        1,
        () => expect.unreachable(),
        (error) => seen.push(error.code!),
        () => {
          throw Object.assign(new Error(code), { code });
        },
      );
      expect(out.write('x')).toBe(false);
      expect(seen).toEqual([code]);
    }
  });
});
